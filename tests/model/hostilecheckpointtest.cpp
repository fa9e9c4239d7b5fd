// A hostile corpus built here, fed through the public loading path: code in
// pickles (nothing may run: no marker file), lies about sizes, truncation at
// every 1/16 of real fixtures, a 10 GB tensor claimed in a 2 KB file, deep
// nesting, memo bombs, compressed entries, cycles, broken safetensors headers. Each must
// give a clear error or an inert placeholder, never a crash, and memory
// must stay bounded.
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/picklewriter.h"
#include "model/checkpoint/statedict.h"
#include "model/checkpoint/zipwriter.h"
#include "tests/support/qtestshared.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace mplug2::model;

namespace {

/// Peak resident memory of this process so far, in MiB (VmHWM).
long peakRssMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6)) / 1024;
    }
    return 0;
}

std::span<const std::uint8_t> bytesOf(const std::string &s)
{
    return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

/// A zip checkpoint around an arbitrary data.pkl and storage records.
std::vector<std::uint8_t> zipWith(const std::vector<std::uint8_t> &pickle,
    const std::vector<std::pair<std::string, std::string>> &records = {})
{
    MemorySink sink;
    ZipWriter zip(sink);
    zip.addEntry("archive/data.pkl", pickle);
    for (const auto &[key, data] : records)
        zip.addEntry("archive/data/" + key, bytesOf(data));
    zip.addEntry("archive/version", bytesOf("3\n"));
    zip.finish();
    return std::move(sink.bytes());
}

void writeTensor(
    PickleWriter &p, const std::string &key, std::int64_t numel, const std::vector<std::int64_t> &sizes)
{
    std::vector<std::int64_t> strides(sizes.size(), 1);
    for (std::size_t d = sizes.size(); d-- > 1;)
        strides[d - 1] = strides[d] * sizes[d];
    p.global("torch._utils", "_rebuild_tensor_v2").mark();
    p.mark()
        .string("storage")
        .global("torch", "FloatStorage")
        .string(key)
        .string("cpu")
        .integer(numel)
        .tuple();
    p.persistentId().integer(0).intTuple(sizes).intTuple(strides).boolean(false);
    p.global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
}

/// {'config': <value written by `config`>, 'model': {'w': tensor of 4 floats}}
std::vector<std::uint8_t> checkpointWithConfig(const std::function<void(PickleWriter &)> &config)
{
    PickleWriter p;
    p.proto().emptyDict().mark().string("config");
    config(p);
    p.string("model").emptyDict().string("w");
    writeTensor(p, "0", 4, {4});
    p.setItem().setItems().stop();
    return zipWith(p.take(), {{"0", std::string(16, '\1')}});
}

std::string loadError(const std::vector<std::uint8_t> &bytes)
{
    auto index = CheckpointIndex::parse(bytes, "hostile.pth");
    if (!index)
        return index.error().message;
    auto weights = loadStateDict(*index);
    return weights ? std::string() : weights.error().message;
}

} // namespace

class HostileCheckpointTest : public QObject {
    Q_OBJECT

    long m_peakBefore = 0;

private Q_SLOTS:
    void initTestCase() { m_peakBefore = peakRssMiB(); }

    void codeInThePickleNeverRuns()
    {
        QTemporaryDir dir;
        const std::string marker = (dir.path() + QStringLiteral("/marker")).toStdString();
        const auto bytes = checkpointWithConfig([&](PickleWriter &p) {
            p.mark();
            p.global("os", "system").mark().string("touch " + marker).tuple().reduce();
            p.global("builtins", "eval").mark().string("open('" + marker + "','w')").tuple().reduce();
            p.global("subprocess", "call").mark().string("touch").string(marker).tuple().tuple1().reduce();
            p.global("posix", "system").mark().string("touch " + marker).tuple().reduce();
            p.tuple();
        });
        const std::string path = (dir.path() + QStringLiteral("/evil.pth")).toStdString();
        std::ofstream(path, std::ios::binary)
            .write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        auto index = CheckpointIndex::open(path);
        QVERIFY2(index, index ? "" : index.error().message.c_str());
        QCOMPARE(index->entries()[0].description, std::string("tuple (4 items)"));
        auto weights = loadStateDict(path);
        QVERIFY2(weights, weights ? "" : weights.error().message.c_str());
        QCOMPARE(weights->size(), size_t(1));
        QVERIFY(!std::filesystem::exists(marker));
    }

    void unknownObjectsInConfigDoNotStopTheModel()
    {
        const auto bytes = checkpointWithConfig([](PickleWriter &p) {
            p.global("ruamel.yaml.comments", "CommentedMap").emptyTuple().raw({0x81}); // NEWOBJ
            p.mark().string("image_res").integer(224).string("self").raw({'2'}).raw({'u'}); // SETITEMS with
                                                                                            // itself
            p.emptyList().put(90).get(90).append(); // a list that contains itself
            p.build();
        });
        auto index = CheckpointIndex::parse(bytes, "config.pth");
        QVERIFY2(index, index ? "" : index.error().message.c_str());
        QCOMPARE(index->entries()[0].description,
            std::string("ruamel.yaml.comments.CommentedMap (placeholder, not run)"));
        QVERIFY(loadError(bytes).empty());
    }

    void storageRecordsThatLieAboutTheirSize()
    {
        PickleWriter p;
        p.proto().emptyDict().string("model").emptyDict().string("huge");
        writeTensor(p, "0", 2'684'354'560, {2'684'354'560}); // 10 GiB of float32
        p.setItem().setItem().stop();
        const auto bytes = zipWith(p.take(), {{"0", std::string(16, 'x')}});
        QVERIFY(bytes.size() < 2048);
        const std::string error = loadError(bytes);
        QVERIFY2(error.find("claims 2684354560 float32 elements but its record holds only 16 bytes")
                != std::string::npos,
            error.c_str());

        PickleWriter missing;
        missing.proto().emptyDict().string("model").emptyDict().string("w");
        writeTensor(missing, "7", 4, {4});
        missing.setItem().setItem().stop();
        QVERIFY(loadError(zipWith(missing.take())).find("no data record") != std::string::npos);
    }

    void deepNestingIsRefused()
    {
        PickleWriter p;
        p.proto();
        for (int i = 0; i < 200000; ++i)
            p.mark();
        const std::string error = loadError(zipWith(p.take()));
        QVERIFY2(error.find("nested MARKs") != std::string::npos, error.c_str());
    }

    void memoBombsHitTheNamingLimits()
    {
        // One memoised tensor referenced 300000 times: a 600 KB pickle naming more tensors than any
        // checkpoint has.
        PickleWriter refs;
        refs.proto().emptyDict().string("model").emptyList().mark();
        writeTensor(refs, "0", 4, {4});
        refs.put(1);
        for (int i = 0; i < 300000; ++i)
            refs.get(1);
        refs.raw({'e'}).setItem().stop(); // APPENDS
        const std::string manyNames = loadError(zipWith(refs.take(), {{"0", std::string(16, '\1')}}));
        QVERIFY2(manyNames.find("more than 262144 tensor names") != std::string::npos, manyNames.c_str());

        // A 1 MiB key over a list of 100 references: 100 MiB of names from 1 MiB of pickle.
        PickleWriter longKey;
        longKey.proto()
            .emptyDict()
            .string("model")
            .emptyDict()
            .string(std::string(1 << 20, 'k'))
            .emptyList()
            .mark();
        writeTensor(longKey, "0", 4, {4});
        longKey.put(1);
        for (int i = 0; i < 100; ++i)
            longKey.get(1);
        longKey.raw({'e'}).setItem().setItem().stop();
        const std::string longNames = loadError(zipWith(longKey.take(), {{"0", std::string(16, '\1')}}));
        QVERIFY2(longNames.find("tensor names of more than 67108864 bytes") != std::string::npos,
            longNames.c_str());
    }

    void compressedCheckpointIsRefused()
    {
        auto bytes = checkpointWithConfig([](PickleWriter &p) { p.none(); });
        for (std::size_t i = 0; i + 4 <= bytes.size(); ++i) { // method field of every header
            if (std::memcmp(bytes.data() + i, "PK\3\4", 4) == 0)
                bytes[i + 8] = 8;
            if (std::memcmp(bytes.data() + i, "PK\1\2", 4) == 0)
                bytes[i + 10] = 8;
        }
        QVERIFY(loadError(bytes).find("is compressed") != std::string::npos);
    }

    void truncatedFixturesGiveErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("caption") << QStringLiteral("tiny-b/caption.pth");
        QTest::newRow("expected") << QStringLiteral("media/expected_media.pth");
    }

    void truncatedFixturesGiveErrors()
    {
        QFETCH(QString, file);
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        QFile f(shared + QStringLiteral("/fixtures/") + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        const std::vector<std::uint8_t> whole(data.begin(), data.end());
        for (int k = 0; k < 16; ++k) {
            const std::vector<std::uint8_t> cut(
                whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(whole.size() * k / 16));
            auto index = CheckpointIndex::parse(cut, "cut.pth");
            QVERIFY2(!index, qPrintable(QString::number(k)));
            QVERIFY(!index.error().message.empty());
        }
        // Damaged in the middle rather than cut: flip every 97th byte of the pickle area.
        std::vector<std::uint8_t> flipped = whole;
        for (std::size_t i = 0; i < std::min<std::size_t>(flipped.size(), 60000); i += 97)
            flipped[i] ^= 0x5a;
        auto index = CheckpointIndex::parse(flipped, "flipped.pth");
        if (index)
            (void)loadStateDict(*index); // any outcome but a crash is fine
    }

    void brokenSafetensorsHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{nope}") << QStringLiteral("expects");
        QTest::newRow("offsets past the end")
            << QByteArray(R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,1600000]}})")
            << QStringLiteral("shape");
        QTest::newRow("past the buffer")
            << QByteArray(R"({"w":{"dtype":"F32","shape":[400000],"data_offsets":[0,1600000]}})")
            << QStringLiteral("data buffer");
        QTest::newRow("overlap") << QByteArray(R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},)"
                                               R"("b":{"dtype":"U8","shape":[4],"data_offsets":[2,6]}})")
                                 << QStringLiteral("overlaps");
        QTest::newRow("unknown dtype")
            << QByteArray(R"({"w":{"dtype":"F8_E9","shape":[1],"data_offsets":[0,1]}})")
            << QStringLiteral("not supported");
        QTest::newRow("duplicate") << QByteArray(R"({"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},)"
                                                 R"("w":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}})")
                                   << QStringLiteral("twice");
        QTest::newRow("overflowing shape")
            << QByteArray(R"({"w":{"dtype":"F64","shape":[4294967296,4294967296,16],"data_offsets":[0,8]}})")
            << QStringLiteral("overflow");
        QTest::newRow("huge number") << QByteArray(
            R"({"w":{"dtype":"U8","shape":[99999999999999999999999]}})")
                                     << QStringLiteral("overflows");
    }

    void brokenSafetensorsHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        std::vector<std::uint8_t> bytes(8);
        const std::uint64_t length = static_cast<std::uint64_t>(header.size());
        std::memcpy(bytes.data(), &length, 8);
        bytes.insert(bytes.end(), header.begin(), header.end());
        bytes.resize(bytes.size() + 8, 0);
        auto index = CheckpointIndex::parse(bytes, "broken.safetensors");
        QVERIFY(!index);
        QVERIFY2(index.error().message.find(expected.toStdString()) != std::string::npos,
            index.error().message.c_str());
    }

    void safetensorsHeaderSizeIsCapped()
    {
        std::vector<std::uint8_t> bytes(8 + 16, ' ');
        const std::uint64_t claimed = 10ull << 30;
        std::memcpy(bytes.data(), &claimed, 8);
        bytes[8] = '{';
        auto index = CheckpointIndex::parse(bytes, "big.safetensors");
        QVERIFY(!index);
        QCOMPARE(index.error().code, mplug2::ErrorCode::LimitExceeded);
    }

    void memoryStayedBounded()
    {
        const long growth = peakRssMiB() - m_peakBefore;
        QVERIFY2(growth < 200, qPrintable(QStringLiteral("peak RSS grew by %1 MiB").arg(growth)));
    }
};

QTEST_GUILESS_MAIN(HostileCheckpointTest)
#include "hostilecheckpointtest.moc"
