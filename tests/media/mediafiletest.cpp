// probeMedia and loadModelInput: the one call from a file to the model's
// pixels, for pictures and videos, whole or in a time window.
#include "media/mediafile.h"

#include "media/sampling/framesampler.h"
#include "media/video/videoreader.h"
#include "tests/support/mediafactory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::media;
using mplug2::test::MediaFactory;

class MediaFileTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_video; // 64x48, 25 fps, 4 s = 100 frames
    QString m_picture; // 75x41 PNG

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (MediaFactory::ffmpeg().isEmpty())
            QSKIP("the ffmpeg command-line tool is not installed");
        MediaFactory media(m_dir.path());
        m_video = media.make(QStringLiteral("clip.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=25", "-t", "4", "-c:v", "libx264", "-g", "20"});
        m_picture = media.make(
            QStringLiteral("still.png"), {"-f", "lavfi", "-i", "testsrc=size=75x41", "-frames:v", "1"});
        QVERIFY2(!m_video.isEmpty() && !m_picture.isEmpty(), qPrintable(media.lastError()));
    }

    void probeTellsKindAndSize()
    {
        auto video = probeMedia(m_video.toStdString());
        QVERIFY2(video, video ? "" : video.error().message.c_str());
        QCOMPARE(video->kind, MediaKind::Video);
        QCOMPARE(video->video.frameCount, int64_t(100));
        QCOMPARE(video->width, 64);
        auto picture = probeMedia(m_picture.toStdString());
        QVERIFY(picture);
        QCOMPARE(picture->kind, MediaKind::Image);
        QCOMPARE(picture->image.format, ImageFormat::Png);
        QCOMPARE(picture->width, 75);
        MediaFactory media(m_dir.path());
        const QString gif = media.make(
            QStringLiteral("anim.gif"), {"-f", "lavfi", "-i", "testsrc2=size=32x32:rate=5", "-t", "1"});
        auto animated = probeMedia(gif.toStdString());
        QVERIFY(animated);
        QCOMPARE(animated->kind, MediaKind::Video);
        QCOMPARE(animated->video.frameCount, int64_t(5));
        QVERIFY(!probeMedia(m_dir.filePath(QStringLiteral("absent.png")).toStdString()));
    }

    // The extension says nothing: a picture named .mp4 is read as a picture
    // and a video named .jpg as a video.
    void wrongExtensionsAreIgnored()
    {
        const QString pictureAsVideo = m_dir.filePath(QStringLiteral("photo.mp4"));
        const QString videoAsPicture = m_dir.filePath(QStringLiteral("clip.jpg"));
        QVERIFY(QFile::copy(m_picture, pictureAsVideo));
        QVERIFY(QFile::copy(m_video, videoAsPicture));
        auto picture = probeMedia(pictureAsVideo.toStdString());
        QVERIFY2(picture, picture ? "" : picture.error().message.c_str());
        QCOMPARE(picture->kind, MediaKind::Image);
        QCOMPARE(picture->width, 75);
        auto video = probeMedia(videoAsPicture.toStdString());
        QVERIFY2(video, video ? "" : video.error().message.c_str());
        QCOMPARE(video->kind, MediaKind::Video);
        QCOMPARE(video->video.frameCount, int64_t(100));
        ModelInputOptions options;
        options.numFrames = 4;
        auto input = loadModelInput(videoAsPicture.toStdString(), options);
        QVERIFY2(input, input ? "" : input.error().message.c_str());
        QCOMPARE(input->kind, MediaKind::Video);
    }

    void videoInputIsTheOfficialPipeline()
    {
        ModelInputOptions options;
        options.numFrames = 8;
        options.imageRes = 32;
        options.keepFramesMaxSide = 32;
        auto input = loadModelInput(m_video.toStdString(), options);
        QVERIFY2(input, input ? "" : input.error().message.c_str());
        QCOMPARE(input->kind, MediaKind::Video);
        QCOMPARE(input->frameIndices, middleFrameIndices(8, 100));
        QCOMPARE(input->pixels.frames, 8);
        QCOMPARE(input->pixels.width, 32);
        QCOMPARE(input->frames.size(), size_t(8));
        QCOMPARE(input->frames[0].image.width, 32);
        QCOMPARE(input->frameSeconds[1], 0.72); // frame 18 at 25 fps
        QCOMPARE(input->transform, std::string(imageTransformName(ImageTransformKind::VideoNearest)));

        auto reader = VideoReader::open(m_video.toStdString());
        QVERIFY(reader);
        auto batch = reader->readFrames(middleFrameIndices(8, 100));
        QVERIFY(batch);
        auto expected = videoTestTransform(framesOf(*batch), 32);
        QVERIFY(expected);
        QVERIFY(expected->data == input->pixels.data);
    }

    void timeWindows()
    {
        auto reader = VideoReader::open(m_video.toStdString());
        QVERIFY(reader);
        // [1 s, 2 s) holds frames 25..49; the official rule over those 25.
        auto middle = framesInWindow(*reader, 4, 1.0, 2.0, SamplingRule::Middle);
        QVERIFY(middle);
        std::vector<int64_t> expected;
        for (int64_t i : middleFrameIndices(4, 25))
            expected.push_back(25 + i);
        QCOMPARE(*middle, expected);
        auto uniform = framesInWindow(*reader, 2, 1.0, 2.0, SamplingRule::UniformTime);
        QVERIFY(uniform);
        QCOMPARE(*uniform, (std::vector<int64_t> {31, 43})); // 1.25 s and 1.75 s
        QVERIFY(!framesInWindow(*reader, 2, 3.0, 2.0, SamplingRule::Middle));
        QVERIFY(!framesInWindow(*reader, 2, 10.0, -1, SamplingRule::Middle));

        ModelInputOptions options;
        options.numFrames = 4;
        options.imageRes = 16;
        options.startSeconds = 1.0;
        options.endSeconds = 2.0;
        auto input = loadModelInput(m_video.toStdString(), options);
        QVERIFY2(input, input ? "" : input.error().message.c_str());
        QCOMPARE(input->frameIndices, expected);
    }

    void pictureInputs()
    {
        ModelInputOptions options;
        options.imageRes = 48;
        options.keepFramesMaxSide = 1000;
        auto bicubic = loadModelInput(m_picture.toStdString(), options);
        QVERIFY2(bicubic, bicubic ? "" : bicubic.error().message.c_str());
        QCOMPARE(bicubic->kind, MediaKind::Image);
        QCOMPARE(bicubic->pixels.frames, 1);
        QCOMPARE(bicubic->frames.size(), size_t(1));
        QCOMPARE(bicubic->frames[0].image.width, 75);
        auto direct = imageTestTransform(bicubic->frames[0].image, 48);
        QVERIFY(direct && direct->data == bicubic->pixels.data);
        options.imageTransform = ImageTransformKind::VideoNearest;
        auto nearest = loadModelInput(m_picture.toStdString(), options);
        QVERIFY(nearest);
        QVERIFY(nearest->pixels.data != bicubic->pixels.data);
        QCOMPARE(nearest->transform, std::string("video (nearest)"));
        options.numFrames = 0;
        QVERIFY(!loadModelInput(m_picture.toStdString(), options));
    }

    void cancelledBeforeStart()
    {
        std::atomic<bool> cancel {true};
        ModelInputOptions options;
        options.cancel = &cancel;
        auto input = loadModelInput(m_video.toStdString(), options);
        QVERIFY(!input);
        QCOMPARE(input.error().code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(MediaFileTest)
#include "mediafiletest.moc"
