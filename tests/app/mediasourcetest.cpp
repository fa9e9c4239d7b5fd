// MediaSource, what the media list and the viewer open: a picture the model
// reads is shown as a picture, however much metadata comes before its pixels
// and however large it is (shown downscaled; its facts keep the real size).
#include "app/media/mediasource.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

/// A JPEG of `width` x `height` whose frame header comes after `padding`
/// bytes of comment, as in a camera's photo with a large EXIF block.
QByteArray jpegWithMetadata(int width, int height, int padding)
{
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(QColor(200, 40, 40));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "JPEG", 80))
        qFatal("cannot encode a JPEG");
    QByteArray comment("\xFF\xFE", 2);
    const int length = padding + 2;
    comment.append(char(length >> 8)).append(char(length & 0xFF)).append(QByteArray(padding, 'x'));
    jpeg.insert(2, comment); // right after SOI
    return jpeg;
}

} // namespace

class MediaSourceTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void aJpegWithLongMetadataIsAPicture()
    {
        const QString path = write(QStringLiteral("photo.jpg"), jpegWithMetadata(320, 240, 4000));
        Expected<MediaSource> source = MediaSource::open(path);
        QVERIFY2(source, source ? "" : source.error().message.c_str());
        QVERIFY(!source->facts().isVideo);
        QCOMPARE(source->facts().width, 320);
        QCOMPARE(source->facts().height, 240);
        const Expected<MediaFrame> frame = source->frameAt(0);
        QVERIFY(frame && frame->image.size() == QSize(320, 240));
    }

    void aLargePictureIsShownDownscaled()
    {
        const QString path = write(QStringLiteral("large.jpg"), jpegWithMetadata(8000, 6000, 100));
        Expected<MediaSource> source = MediaSource::open(path);
        QVERIFY2(source, source ? "" : source.error().message.c_str());
        QVERIFY(!source->facts().isVideo);
        QCOMPARE(source->facts().width, 8000);
        QCOMPARE(source->facts().height, 6000);
        const Expected<MediaFrame> frame = source->frameAt(0);
        QVERIFY(frame);
        QCOMPARE(frame->image.size(), QSize(4096, 3072));
        QCOMPARE(frame->image.pixelColor(2048, 1536).red() > 150, true);
    }

    void aPictureBeyondTheLimitsSaysSoAsEverywhere()
    {
        const QString path = write(QStringLiteral("huge.jpg"), jpegWithMetadata(9000, 16, 10));
        Expected<MediaSource> source = MediaSource::open(path);
        QVERIFY(!source);
        QCOMPARE(source.error().code, ErrorCode::LimitExceeded);
        QVERIFY2(!QString::fromStdString(source.error().message).contains(QStringLiteral("FFmpeg")),
            source.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(MediaSourceTest)
#include "mediasourcetest.moc"
