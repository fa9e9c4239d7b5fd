// safetensors writer and reader, and a second, independent reading of the
// fixtures: every tensor's bytes checksummed straight from the zip records
// (a minimal zip reading written in this test, no pickle) must equal the
// tensor loaded by loadTensorDict and the same tensor after a safetensors
// round trip.
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/safetensorswriter.h"
#include "model/checkpoint/statedict.h"
#include "tests/support/qtestshared.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <map>
#include <torch/types.h>

using namespace mplug2::model;

namespace {

std::uint64_t fnv1a(const std::uint8_t *data, std::size_t size)
{
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < size; ++i)
        h = (h ^ data[i]) * 1099511628211ull;
    return h;
}

std::uint64_t checksum(const at::Tensor &t)
{
    const at::Tensor c = t.contiguous();
    return fnv1a(static_cast<const std::uint8_t *>(c.data_ptr()), c.nbytes());
}

/// Record name -> checksum of its bytes, from a minimal reading of the zip
/// written here (end record -> central directory -> local headers; torch
/// puts sizes in the central directory only, flag bit 3).
std::map<std::string, std::uint64_t> recordChecksums(const QByteArray &zip)
{
    std::map<std::string, std::uint64_t> out;
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(zip.constData());
    const std::size_t size = std::size_t(zip.size());
    auto u16 = [&](std::size_t at) { return std::size_t(bytes[at]) | std::size_t(bytes[at + 1]) << 8; };
    auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    std::size_t end = size - 22;
    while (end > 0 && u32(end) != 0x06054b50)
        --end;
    std::size_t central = u32(end + 16);
    for (std::size_t i = 0, count = u16(end + 10); i < count && central + 46 <= size; ++i) {
        const std::size_t nameLength = u16(central + 28);
        const std::size_t record = u32(central + 20), local = u32(central + 42);
        const std::string name(reinterpret_cast<const char *>(bytes + central + 46), nameLength);
        const std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
        if (data + record <= size)
            out[name.substr(name.find('/') + 1)] = fnv1a(bytes + data, record);
        central += 46 + nameLength + u16(central + 30) + u16(central + 32);
    }
    return out;
}

} // namespace

class SafetensorsTest : public QObject {
    Q_OBJECT

    QString m_fixtures;
    QTemporaryDir m_dir;

    std::string temp(const char *name) const
    {
        return (m_dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        m_fixtures = shared + QStringLiteral("/fixtures/");
    }

    void fixturesMatchAnIndependentReadingAndSurviveARoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f :
            {"tiny-a/caption.pth", "tiny-a/caption_fp16_module.pth", "tiny-a/qa.pth", "tiny-b/caption.pth",
                "tiny-b/qa.pth", "tiny-a/expected_caption.pth", "media/expected_media.pth"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void fixturesMatchAnIndependentReadingAndSurviveARoundTrip()
    {
        QFETCH(QString, file);
        const std::string path = (m_fixtures + file).toStdString();
        QFile raw(m_fixtures + file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const auto records = recordChecksums(raw.readAll());
        QVERIFY(records.size() > 2);

        auto index = CheckpointIndex::open(path);
        QVERIFY(index);
        auto tensors = loadTensorDict(path);
        QVERIFY(tensors);
        std::size_t wholeStorages = 0;
        for (const StoredTensor &t : index->tensors()) {
            const StoredStorage &s = index->storages()[t.storage];
            if (t.storageOffset != 0 || t.byteSize() != s.byteSize)
                continue; // a view of part of a storage: its record holds more
            const auto record = records.find("data/" + s.key);
            QVERIFY2(record != records.end(), s.key.c_str());
            QCOMPARE(checksum(tensors->at(t.name)), record->second);
            ++wholeStorages;
        }
        QVERIFY(wholeStorages * 2 > index->tensors().size());

        const std::string out = temp("roundtrip.safetensors");
        QVERIFY(writeSafetensors(*tensors, out));
        auto back = CheckpointIndex::open(out);
        QVERIFY2(back, back ? "" : back.error().message.c_str());
        QCOMPARE(back->format(), CheckpointFormat::Safetensors);
        auto reread = loadTensorDict(out);
        QVERIFY(reread);
        QCOMPARE(reread->size(), tensors->size());
        for (const auto &[name, tensor] : *tensors) {
            const at::Tensor &again = reread->at(name);
            QCOMPARE(again.scalar_type(), tensor.scalar_type());
            QCOMPARE(again.sizes(), tensor.sizes());
            QCOMPARE(checksum(again), checksum(tensor));
        }
    }

    void castsFloatingPointOnly()
    {
        StateDict dict;
        dict["w"] = at::linspace(-1, 1, 10, at::kFloat);
        dict["ids"] = at::arange(5, at::kLong);
        for (const ElementType type : {ElementType::Float16, ElementType::BFloat16}) {
            SafetensorsWriteOptions options;
            options.floatingType = type;
            options.metadata = {{"format", "pt"}, {"source", "test \"quoted\" \xc3\xa9"}};
            const std::string out = temp("cast.safetensors");
            QVERIFY(writeSafetensors(dict, out, options));
            auto index = CheckpointIndex::open(out);
            QVERIFY(index);
            QCOMPARE(index->metadata().size(), size_t(2));
            QCOMPARE(index->metadata()[1].second, std::string("test \"quoted\" \xc3\xa9"));
            auto back = loadTensorDict(out);
            QVERIFY(back);
            QCOMPARE(back->at("ids").scalar_type(), at::kLong);
            QVERIFY(torch::equal(back->at("ids"), dict["ids"]));
            QCOMPARE(back->at("w").scalar_type(), type == ElementType::Float16 ? at::kHalf : at::kBFloat16);
            QVERIFY(torch::equal(back->at("w"), dict["w"].to(back->at("w").scalar_type())));
        }
        SafetensorsWriteOptions integer;
        integer.floatingType = ElementType::Int32;
        QVERIFY(!writeSafetensors(dict, temp("bad.safetensors"), integer));
    }

    void tiedWeightsAreStoredOnce()
    {
        const at::Tensor shared = at::arange(12, at::kFloat).reshape({3, 4});
        StateDict dict;
        dict["encoder.embeddings.weight"] = shared;
        dict["decoder.weight"] = shared.view({3, 4}); // the same view: tied
        dict["decoder.row"] = shared[1]; // a different view: stored on its own
        const std::string out = temp("tied.safetensors");
        QVERIFY(writeSafetensors(dict, out));
        auto index = CheckpointIndex::open(out);
        QVERIFY(index);
        QCOMPARE(index->storages().size(), size_t(2));
        QCOMPARE(index->tensors().size(), size_t(3));
        auto back = loadTensorDict(out);
        QVERIFY(back);
        QVERIFY(back->at("decoder.weight")
                    .storage()
                    .is_alias_of(back->at("encoder.embeddings.weight").storage()));
        QVERIFY(torch::equal(back->at("decoder.weight"), shared));
        QVERIFY(torch::equal(back->at("decoder.row"), shared[1]));
    }

    void headerIsPaddedAndDataAligned()
    {
        StateDict dict;
        dict["a"] = at::ones({3}, at::kByte);
        dict["b"] = at::ones({2, 2}, at::kFloat);
        const std::string out = temp("pad.safetensors");
        QVERIFY(writeSafetensors(dict, out));
        auto index = CheckpointIndex::open(out);
        QVERIFY(index);
        QCOMPARE(index->storages()[0].fileOffset % 8, std::uint64_t(0));
        auto back = loadTensorDict(out);
        QVERIFY(back && torch::equal(back->at("b"), dict["b"]));
    }

    void cancellingLeavesNoFile()
    {
        StateDict dict;
        dict["a"] = at::ones({3});
        dict["b"] = at::ones({3});
        SafetensorsWriteOptions options;
        options.progress = [](std::size_t done, std::size_t) { return done < 1; };
        const std::string out = temp("cancel.safetensors");
        const auto result = writeSafetensors(dict, out, options);
        QVERIFY(!result);
        QCOMPARE(result.error().code, mplug2::ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(QString::fromStdString(out)));
        QVERIFY(!QFile::exists(QString::fromStdString(out + ".partial")));
    }

    void unwritableTargetIsAnError()
    {
        StateDict dict;
        dict["a"] = at::ones({3});
        const auto result = writeSafetensors(dict, "/nonexistent-dir/x.safetensors");
        QVERIFY(!result);
        QVERIFY(result.error().message.find("/nonexistent-dir/x.safetensors") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(SafetensorsTest)
#include "safetensorstest.moc"
