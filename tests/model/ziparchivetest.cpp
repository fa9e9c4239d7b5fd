// ZipArchive against archives written by ZipWriter, and the same archives
// damaged on purpose: compressed, duplicate, overlapping, out-of-bounds and
// climbing ('..') entries, lies about sizes, truncation at every 1/16.
#include "model/checkpoint/ziparchive.h"

#include "model/checkpoint/zipwriter.h"

#include <QTest>

#include <cstring>

using namespace mplug2::model;

namespace {

std::span<const std::uint8_t> bytesOf(const std::string &s)
{
    return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

std::vector<std::uint8_t> makeZip(
    const std::vector<std::pair<std::string, std::string>> &entries, ZipWriter::Options options = {})
{
    MemorySink sink;
    ZipWriter zip(sink, options);
    for (const auto &[name, data] : entries)
        zip.addEntry(name, bytesOf(data));
    zip.finish();
    return std::move(sink.bytes());
}

/// Offsets of every occurrence of a 4-byte little-endian signature.
std::vector<std::size_t> find(const std::vector<std::uint8_t> &bytes, std::uint32_t signature)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i + 4 <= bytes.size(); ++i) {
        std::uint32_t v;
        std::memcpy(&v, bytes.data() + i, 4);
        if (v == signature)
            out.push_back(i);
    }
    return out;
}

void put16(std::vector<std::uint8_t> &bytes, std::size_t at, std::uint16_t v)
{
    std::memcpy(bytes.data() + at, &v, 2);
}
void put32(std::vector<std::uint8_t> &bytes, std::size_t at, std::uint32_t v)
{
    std::memcpy(bytes.data() + at, &v, 4);
}

std::string errorOf(const std::vector<std::uint8_t> &bytes)
{
    auto zip = ZipArchive::parse(bytes, "test.zip");
    return zip ? std::string() : zip.error().message;
}

constexpr std::uint32_t kLocal = 0x04034b50;
constexpr std::uint32_t kCentral = 0x02014b50;

} // namespace

class ZipArchiveTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsWhatTheWriterWrote_data()
    {
        QTest::addColumn<bool>("zip64");
        QTest::newRow("classic") << false;
        QTest::newRow("zip64") << true;
    }

    void readsWhatTheWriterWrote()
    {
        QFETCH(bool, zip64);
        const std::string big(100000, 'x');
        const auto bytes = makeZip({{"a/data.pkl", "pickle"}, {"a/data/0", big}, {"a/version", "3\n"}},
            ZipWriter::Options {zip64, 64});
        auto zip = ZipArchive::parse(bytes, "test.zip");
        QVERIFY2(zip, zip ? "" : zip.error().message.c_str());
        QCOMPARE(zip->entries().size(), size_t(3));
        const ZipEntry *data = zip->find("a/data/0");
        QVERIFY(data);
        QCOMPARE(data->size, std::uint64_t(big.size()));
        QCOMPARE(data->dataOffset % 64, std::uint64_t(0));
        const auto view = zip->view(*data);
        QCOMPARE(std::string(reinterpret_cast<const char *>(view.data()), view.size()), big);
        const auto version = zip->view(*zip->find("a/version"));
        QCOMPARE(
            std::string(reinterpret_cast<const char *>(version.data()), version.size()), std::string("3\n"));
        QVERIFY(!zip->find("a/missing"));
    }

    void crcMatchesTheKnownValue()
    {
        QCOMPARE(crc32Update(0, bytesOf("123456789")), 0xCBF43926u); // the CRC-32 check value
    }

    void compressedEntryIsRefused()
    {
        auto bytes = makeZip({{"a/data.pkl", "pickle"}});
        put16(bytes, find(bytes, kLocal).at(0) + 8, 8);
        put16(bytes, find(bytes, kCentral).at(0) + 10, 8);
        const std::string error = errorOf(bytes);
        QVERIFY2(error.find("compressed") != std::string::npos, error.c_str());
        QVERIFY2(error.find("a/data.pkl") != std::string::npos, error.c_str());
    }

    void encryptedEntryIsRefused()
    {
        auto bytes = makeZip({{"a/data.pkl", "pickle"}});
        put16(bytes, find(bytes, kCentral).at(0) + 8, 1);
        QVERIFY(errorOf(bytes).find("encrypted") != std::string::npos);
    }

    void duplicateNamesAreRefused()
    {
        const auto bytes = makeZip({{"a/x", "1"}, {"a/x", "2"}});
        QVERIFY2(errorOf(bytes).find("appears twice") != std::string::npos, errorOf(bytes).c_str());
    }

    void climbingAndAbsoluteNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("dotdot") << QStringLiteral("a/../../etc/passwd");
        QTest::newRow("only dotdot") << QStringLiteral("..");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
        QTest::newRow("backslash") << QStringLiteral("a\\..\\b");
    }

    void climbingAndAbsoluteNamesAreRefused()
    {
        QFETCH(QString, name);
        const auto bytes = makeZip({{name.toStdString(), "1"}});
        QVERIFY(!errorOf(bytes).empty());
    }

    void dotsInsideNamesAreFine()
    {
        const auto bytes = makeZip({{"a/..b/c..", "1"}, {"a/.x", "2"}});
        QVERIFY2(errorOf(bytes).empty(), errorOf(bytes).c_str());
    }

    void overlappingEntriesAreRefused()
    {
        // Entry one's data holds a complete local header for "a/two"; the
        // central record of "a/two" is then pointed into it.
        std::string inner;
        const auto le = [&inner](std::uint64_t v, int n) {
            for (int i = 0; i < n; ++i)
                inner.push_back(static_cast<char>(v >> (8 * i)));
        };
        le(kLocal, 4), le(20, 2), le(0, 2), le(0, 2), le(0, 4), le(0, 4), le(4, 4), le(4, 4), le(5, 2),
            le(0, 2);
        inner += "a/two2222";
        auto bytes = makeZip({{"a/one", inner}, {"a/two", "2222"}});
        auto valid = ZipArchive::parse(bytes, "test.zip");
        QVERIFY(valid);
        const std::uint64_t nested = valid->find("a/one")->dataOffset;
        put32(bytes, find(bytes, kCentral).at(1) + 42, static_cast<std::uint32_t>(nested));
        const std::string error = errorOf(bytes);
        QVERIFY2(error.find("overlap") != std::string::npos, error.c_str());
    }

    void sizesPastTheEndAreRefused()
    {
        auto bytes = makeZip({{"a/data/0", std::string(1000, 'z')}});
        const std::size_t central = find(bytes, kCentral).at(0);
        put32(bytes, central + 20, 0x7FFFFFFF);
        put32(bytes, central + 24, 0x7FFFFFFF);
        const std::string error = errorOf(bytes);
        QVERIFY2(error.find("past the end") != std::string::npos, error.c_str());
    }

    void mismatchedSizesAreRefused()
    {
        auto bytes = makeZip({{"a/data/0", std::string(1000, 'z')}});
        put32(bytes, find(bytes, kCentral).at(0) + 20, 10);
        QVERIFY(!errorOf(bytes).empty());
    }

    void localHeaderOffsetPastTheEndIsRefused()
    {
        auto bytes = makeZip({{"a/data/0", "abc"}});
        put32(bytes, find(bytes, kCentral).at(0) + 42, 0x7FFFFFF0);
        QVERIFY(errorOf(bytes).find("no local header") != std::string::npos);
    }

    void entryCountLiesAreRefused()
    {
        auto bytes = makeZip({{"a/x", "1"}});
        const std::size_t end = find(bytes, 0x06054b50).back();
        put16(bytes, end + 8, 0xFFF0);
        put16(bytes, end + 10, 0xFFF0);
        QVERIFY(!errorOf(bytes).empty());
    }

    void everyTruncationGivesAnError()
    {
        const auto bytes
            = makeZip({{"a/data.pkl", std::string(500, 'p')}, {"a/data/0", std::string(5000, 'd')}});
        for (int k = 0; k < 16; ++k) {
            const std::vector<std::uint8_t> cut(
                bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bytes.size() * k / 16));
            QVERIFY2(!errorOf(cut).empty(), qPrintable(QString::number(k)));
        }
    }

    void garbageIsNotAZip()
    {
        std::vector<std::uint8_t> bytes(4096);
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<std::uint8_t>(i * 2654435761u >> 13);
        QVERIFY(!errorOf(bytes).empty());
        QVERIFY(!errorOf({}).empty());
    }
};

QTEST_GUILESS_MAIN(ZipArchiveTest)
#include "ziparchivetest.moc"
