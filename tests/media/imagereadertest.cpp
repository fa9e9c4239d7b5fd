// Pictures: each format decodes to the same RGB as the reference decoders
// (ffmpeg for lossless formats, libjpeg's djpeg for JPEG, which is what PIL
// uses), EXIF orientation turns them upright, and hostile files are refused
// from their header before any pixel is decoded.
#include "media/image/imagereader.h"

#include "media/image/imageheader.h"
#include "tests/support/mediafactory.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::media;
using mplug2::test::MediaFactory;

namespace {

QByteArray bytesOf(const RgbImage &image)
{
    return QByteArray(reinterpret_cast<const char *>(image.pixels.data()), qsizetype(image.pixels.size()));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// An APP1 segment holding an EXIF block with just the orientation tag.
QByteArray exifSegment(int orientation)
{
    QByteArray tiff("II*\0\x08\0\0\0", 8);
    tiff += QByteArray("\x01\0", 2); // one entry
    tiff += QByteArray("\x12\x01\x03\0\x01\0\0\0", 8); // 0x0112 SHORT x1
    tiff += char(orientation);
    tiff += QByteArray(3, '\0');
    tiff += QByteArray(4, '\0'); // no next IFD
    QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = int(payload.size()) + 2;
    return QByteArray("\xFF\xE1", 2) + char(length >> 8) + char(length & 0xFF) + payload;
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes;
    for (int shift : {24, 16, 8, 0})
        bytes += char((value >> shift) & 0xFF);
    return bytes;
}

// A PNG chunk: length, type, data, CRC-32 of type and data.
QByteArray pngChunk(const char *type, const QByteArray &data)
{
    const QByteArray body = QByteArray(type, 4) + data;
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : body) {
        crc ^= static_cast<quint8>(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return bigEndian32(quint32(data.size())) + body + bigEndian32(~crc);
}

// An 8-bit greyscale PNG of the given size whose image data is `zlibStream`.
QByteArray greyPng(int width, int height, const QByteArray &zlibStream)
{
    const QByteArray header
        = bigEndian32(quint32(width)) + bigEndian32(quint32(height)) + QByteArray("\x08\x00\x00\x00\x00", 5);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) + pngChunk("IDAT", zlibStream)
        + pngChunk("IEND", {});
}

} // namespace

class ImageReaderTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return f.fileName();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (MediaFactory::ffmpeg().isEmpty())
            QSKIP("the ffmpeg command-line tool is not installed");
    }

    void losslessFormatsMatchFfmpeg_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("format");
        QTest::newRow("png-rgb") << "rgb.png" << QStringList {"-pix_fmt", "rgb24"} << int(ImageFormat::Png);
        QTest::newRow("png-rgba") << "rgba.png" << QStringList {"-pix_fmt", "rgba"} << int(ImageFormat::Png);
        QTest::newRow("png-gray") << "gray.png" << QStringList {"-pix_fmt", "gray"} << int(ImageFormat::Png);
        QTest::newRow("png-palette") << "pal.png" << QStringList {"-pix_fmt", "pal8"}
                                     << int(ImageFormat::Png);
        QTest::newRow("bmp") << "pic.bmp" << QStringList {"-pix_fmt", "bgr24"} << int(ImageFormat::Bmp);
        QTest::newRow("tiff") << "pic.tiff" << QStringList {"-pix_fmt", "rgb24"} << int(ImageFormat::Tiff);
        QTest::newRow("webp-lossless")
            << "pic.webp" << QStringList {"-c:v", "libwebp", "-lossless", "1"} << int(ImageFormat::WebP);
    }

    void losslessFormatsMatchFfmpeg()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, options);
        QFETCH(int, format);
        MediaFactory media(m_dir.path());
        const QString path = media.make(
            file, QStringList {"-f", "lavfi", "-i", "testsrc=size=75x41", "-frames:v", "1"} + options);
        QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
        auto header = probeImage(path.toStdString());
        QVERIFY2(header, header ? "" : header.error().message.c_str());
        QCOMPARE(int(header->format), format);
        QCOMPARE(header->width, 75);
        QCOMPARE(header->height, 41);
        auto picture = readImage(path.toStdString());
        QVERIFY2(picture, picture ? "" : picture.error().message.c_str());
        QCOMPARE(picture->image.width, 75);
        QCOMPARE(picture->image.height, 41);
        QVERIFY(picture->warning.empty());
        QVERIFY(bytesOf(picture->image) == media.decodeRgb(path));
    }

    void jpegMatchesLibjpeg()
    {
        const QString djpeg = QStandardPaths::findExecutable(QStringLiteral("djpeg"));
        if (djpeg.isEmpty())
            QSKIP("djpeg (libjpeg-turbo-progs) is not installed");
        MediaFactory media(m_dir.path());
        for (const QString &chroma :
            {QStringLiteral("yuvj420p"), QStringLiteral("yuvj444p"), QStringLiteral("gray")}) {
            const QString path = media.make(QStringLiteral("photo-%1.jpg").arg(chroma),
                {"-f", "lavfi", "-i", "testsrc2=size=77x45", "-frames:v", "1", "-q:v", "4", "-pix_fmt",
                    chroma});
            QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
            QProcess p;
            p.start(djpeg, {QStringLiteral("-ppm"), QStringLiteral("-rgb"), path});
            QVERIFY(p.waitForFinished(30000));
            const QByteArray ppm = p.readAllStandardOutput();
            auto picture = readImage(path.toStdString());
            QVERIFY2(picture, picture ? "" : picture.error().message.c_str());
            const QByteArray header = QStringLiteral("P6\n%1 %2\n255\n")
                                          .arg(picture->image.width)
                                          .arg(picture->image.height)
                                          .toLatin1();
            QVERIFY2(ppm.startsWith(header), ppm.left(20).constData());
            QVERIFY2(bytesOf(picture->image) == ppm.mid(header.size()), qPrintable(chroma));
        }
    }

    void exifOrientationTurnsThePictureUpright()
    {
        MediaFactory media(m_dir.path());
        const QString plain = media.make(QStringLiteral("plain.jpg"),
            {"-f", "lavfi", "-i", "testsrc=size=64x32", "-frames:v", "1", "-q:v", "2"});
        QVERIFY2(!plain.isEmpty(), qPrintable(media.lastError()));
        const QByteArray jpeg = readFile(plain);
        auto upright = readImage(plain.toStdString());
        QVERIFY(upright);
        const RgbImage &in = upright->image;
        for (int orientation = 1; orientation <= 8; ++orientation) {
            const QString path = write(QStringLiteral("exif%1.jpg").arg(orientation),
                jpeg.left(2) + exifSegment(orientation) + jpeg.mid(2));
            auto header = probeImage(path.toStdString());
            QVERIFY(header);
            QCOMPARE(header->orientation, orientation);
            auto turned = readImage(path.toStdString());
            QVERIFY2(turned, turned ? "" : turned.error().message.c_str());
            const RgbImage &out = turned->image;
            const bool swapped = orientation >= 5;
            QCOMPARE(out.width, swapped ? 32 : 64);
            QCOMPARE(out.height, swapped ? 64 : 32);
            // Where the stored top-left pixel ends up, per the EXIF definition.
            const int w = out.width - 1;
            const int h = out.height - 1;
            const int corners[9][2]
                = {{0, 0}, {0, 0}, {w, 0}, {w, h}, {0, h}, {0, 0}, {w, 0}, {w, h}, {0, h}};
            QVERIFY2(std::equal(in.at(0, 0), in.at(0, 0) + 3,
                         out.at(corners[orientation][0], corners[orientation][1])),
                qPrintable(QStringLiteral("orientation %1").arg(orientation)));
            auto stored = readImage(path.toStdString(), MediaLimits::defaults(), ImageReadOptions {false});
            QVERIFY(stored);
            QVERIFY(stored->image == in);
        }
    }

    void hugePicturesAreRefusedFromTheHeader()
    {
        // A PNG claiming 100000 x 100000 pixels in 33 bytes.
        QByteArray png(
            "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0\0\0\0\0", 33);
        const QString path = write(QStringLiteral("bomb.png"), png);
        auto picture = readImage(path.toStdString());
        QVERIFY(!picture);
        QCOMPARE(picture.error().code, ErrorCode::LimitExceeded);
        QVERIFY2(picture.error().message.find("100000x100000") != std::string::npos,
            picture.error().message.c_str());

        MediaFactory media(m_dir.path());
        const QString wide = media.make(
            QStringLiteral("wide.png"), {"-f", "lavfi", "-i", "color=size=8200x8", "-frames:v", "1"});
        QVERIFY2(!wide.isEmpty(), qPrintable(media.lastError()));
        auto tooWide = readImage(wide.toStdString());
        QVERIFY(!tooWide);
        QCOMPARE(tooWide.error().code, ErrorCode::LimitExceeded);
    }

    // Decompression bombs: 4096 x 4096 pixels of zeros in about 16 KiB. The
    // side limit refuses such a file from its header, before inflating
    // anything; within the limits it decodes to the header's size, and
    // image data that inflates past the header's size goes no further.
    void decompressionBombsAreBoundedByTheLimits()
    {
        const int side = 4096;
        const QByteArray rows(qsizetype(side) * (side + 1), '\0'); // filter byte + pixels, per row
        const QByteArray zlibStream = qCompress(rows, 9).mid(4); // qCompress prefixes the length
        const QByteArray bomb = greyPng(side, side, zlibStream);
        QVERIFY2(bomb.size() < 64 * 1024, qPrintable(QString::number(bomb.size())));
        const QString path = write(QStringLiteral("bomb.png"), bomb);

        MediaLimits smaller;
        smaller.maxSide = 2048;
        auto refused = readImage(path.toStdString(), smaller);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::LimitExceeded);
        QVERIFY2(
            refused.error().message.find("4096x4096") != std::string::npos, refused.error().message.c_str());

        auto decoded = readImage(path.toStdString());
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QCOMPARE(decoded->image.width, side);
        QCOMPARE(decoded->image.height, side);
        QCOMPARE(decoded->image.pixels.size(), size_t(side) * side * 3);

        const QString overflowing = write(QStringLiteral("overflow.png"), greyPng(64, 64, zlibStream));
        auto small = readImage(overflowing.toStdString());
        if (small) {
            QCOMPARE(small->image.width, 64);
            QCOMPARE(small->image.height, 64);
        } else {
            QCOMPARE(small.error().code, ErrorCode::Format);
        }
    }

    void brokenPictures()
    {
        MediaFactory media(m_dir.path());
        const QString png = media.make(
            QStringLiteral("whole.png"), {"-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1"});
        const QByteArray pngBytes = readFile(png);
        const QString cutPng = write(QStringLiteral("cut.png"), pngBytes.left(pngBytes.size() / 2));
        auto a = readImage(cutPng.toStdString());
        QVERIFY(!a);
        QCOMPARE(a.error().code, ErrorCode::Format);
        QVERIFY2(a.error().message.find("cut.png") != std::string::npos, a.error().message.c_str());

        const QString jpg = media.make(
            QStringLiteral("whole.jpg"), {"-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1"});
        const QByteArray jpgBytes = readFile(jpg);
        const QString cutJpg = write(QStringLiteral("cut.jpg"), jpgBytes.left(jpgBytes.size() * 2 / 3));
        auto b = readImage(cutJpg.toStdString());
        QVERIFY2(b, b ? "" : b.error().message.c_str());
        QCOMPARE(b->image.width, 64);
        QVERIFY2(b->warning.find("cut short") != std::string::npos, b->warning.c_str());

        for (const QByteArray &junk :
            {QByteArray("not a picture"), QByteArray(), QByteArray("\x89PNG\r\n\x1a\n", 8),
                QByteArray("\xFF\xD8\xFF\xE0\x00", 5), QByteArray("RIFF\0\0\0\0WEBPVP8 ", 16)}) {
            const QString path = write(QStringLiteral("junk.png"), junk);
            auto c = readImage(path.toStdString());
            QVERIFY(!c);
            QCOMPARE(c.error().code, ErrorCode::Format);
        }

        const QString gif = media.make(
            QStringLiteral("still.gif"), {"-f", "lavfi", "-i", "testsrc=size=32x32", "-frames:v", "1"});
        auto d = readImage(gif.toStdString());
        QVERIFY(!d);
        QCOMPARE(d.error().code, ErrorCode::Unsupported);
        auto gifHeader = probeImage(gif.toStdString());
        QVERIFY(gifHeader);
        QCOMPARE(gifHeader->format, ImageFormat::Gif);
    }

    void headersOfEveryFormat()
    {
        MediaFactory media(m_dir.path());
        const QStringList src {"-f", "lavfi", "-i", "testsrc=size=99x37", "-frames:v", "1"};
        const struct {
            const char *name;
            QStringList options;
            ImageFormat format;
        } cases[] = {{"h.webp", {"-c:v", "libwebp"}, ImageFormat::WebP}, {"h.jpg", {}, ImageFormat::Jpeg},
            {"h.gif", {}, ImageFormat::Gif}, {"h.tif", {"-pix_fmt", "rgb24"}, ImageFormat::Tiff},
            {"h.bmp", {}, ImageFormat::Bmp}};
        for (const auto &c : cases) {
            const QString path = media.make(QString::fromLatin1(c.name), src + c.options);
            QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
            const QByteArray bytes = readFile(path);
            const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());
            QVERIFY(looksLikeImage(data, size_t(bytes.size())));
            auto header = readImageHeader(data, size_t(bytes.size()));
            QVERIFY2(header, c.name);
            QCOMPARE(header->format, c.format);
            QCOMPARE(header->width, 99);
            QCOMPARE(header->height, 37);
            // Every prefix is safe to parse: a value or an error, never a crash.
            for (qsizetype n = 0; n < qMin<qsizetype>(bytes.size(), 400); ++n)
                (void)readImageHeader(data, size_t(n));
        }
    }
};

QTEST_GUILESS_MAIN(ImageReaderTest)
#include "imagereadertest.moc"
