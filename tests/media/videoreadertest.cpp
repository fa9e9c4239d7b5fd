// VideoReader against the ffmpeg CLI: every container/codec Debian's FFmpeg
// encodes, rotation, variable frame rate, one-frame videos, long GOPs with
// B-frames. Our frames must equal `ffmpeg -pix_fmt rgb24` byte for byte.
#include "media/video/videoreader.h"

#include "media/sampling/clipsampler.h"
#include "media/sampling/framesampler.h"
#include "tests/support/mediafactory.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace mplug2::media;
using mplug2::test::MediaFactory;

Q_DECLARE_METATYPE(QStringList)

namespace {

QByteArray frameBytes(const QByteArray &all, int width, int height, int64_t index)
{
    const qsizetype size = qsizetype(width) * height * 3;
    return all.mid(qsizetype(index) * size, size);
}

QByteArray bytesOf(const RgbImage &image)
{
    return QByteArray(reinterpret_cast<const char *>(image.pixels.data()), qsizetype(image.pixels.size()));
}

const QStringList kPassthrough {QStringLiteral("-fps_mode"), QStringLiteral("passthrough")};

} // namespace

class VideoReaderTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // Every frame of `path` through our reader equals the CLI's, and a
    // shuffled, repeating request gives the same frames again.
    void compareAllFrames(const QString &path, int expectedFrames)
    {
        MediaFactory media(m_dir.path());
        auto reader = VideoReader::open(path.toStdString());
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        const VideoInfo &info = reader->info();
        if (expectedFrames > 0)
            QCOMPARE(info.frameCount, int64_t(expectedFrames));
        QVERIFY(info.frameCountExact);
        const QByteArray reference = media.decodeRgb(path, kPassthrough);
        QVERIFY2(!reference.isEmpty(), qPrintable(media.lastError()));
        QCOMPARE(reference.size(), qsizetype(info.frameCount) * info.width * info.height * 3);

        std::vector<int64_t> all(static_cast<size_t>(info.frameCount));
        std::iota(all.begin(), all.end(), 0);
        auto batch = reader->readFrames(all);
        QVERIFY2(batch, batch ? "" : batch.error().message.c_str());
        QVERIFY2(batch->warning.empty(), batch->warning.c_str());
        QCOMPARE(batch->frames.size(), all.size());
        for (const VideoFrame &f : batch->frames) {
            QCOMPARE(f.image.width, info.width);
            QCOMPARE(f.image.height, info.height);
            QVERIFY2(bytesOf(f.image) == frameBytes(reference, info.width, info.height, f.index),
                qPrintable(QStringLiteral("frame %1 differs from ffmpeg").arg(f.index)));
        }

        std::vector<int64_t> shuffled = all;
        shuffled.push_back(0);
        shuffled.push_back(all.back());
        std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
        auto again = reader->readFrames(shuffled);
        QVERIFY2(again, again ? "" : again.error().message.c_str());
        QCOMPARE(again->frames.size(), shuffled.size());
        for (size_t i = 0; i < shuffled.size(); ++i) {
            QCOMPARE(again->frames[i].index, shuffled[i]);
            QVERIFY2(bytesOf(again->frames[i].image)
                    == frameBytes(reference, info.width, info.height, shuffled[i]),
                qPrintable(QStringLiteral("frame %1 differs when read out of order").arg(shuffled[i])));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (MediaFactory::ffmpeg().isEmpty())
            QSKIP("the ffmpeg command-line tool is not installed (packaging/install-deps.sh installs it)");
    }

    void containersAndCodecs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("encoder");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("frames");
        const QStringList src {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10", "-t", "1.2"};
        QTest::newRow("h264-mp4") << "h264.mp4"
                                  << "libx264"
                                  << (src + QStringList {"-c:v", "libx264", "-g", "5", "-pix_fmt", "yuv420p"})
                                  << 12;
        QTest::newRow("h264-mov") << "h264.mov"
                                  << "libx264"
                                  << (src + QStringList {"-c:v", "libx264", "-pix_fmt", "yuv420p"}) << 12;
        QTest::newRow("h264-444-mkv")
            << "h264444.mkv"
            << "libx264" << (src + QStringList {"-c:v", "libx264", "-pix_fmt", "yuv444p"}) << 12;
        QTest::newRow("h264-bt709-mp4")
            << "bt709.mp4"
            << "libx264"
            << (src
                   + QStringList {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-colorspace", "bt709",
                       "-color_primaries", "bt709", "-color_trc", "bt709"})
            << 12;
        QTest::newRow("h264-fullrange-mp4")
            << "full.mp4"
            << "libx264"
            << (src + QStringList {"-c:v", "libx264", "-vf", "format=yuv420p", "-color_range", "pc"}) << 12;
        QTest::newRow("h265-mkv") << "h265.mkv"
                                  << "libx265"
                                  << (src
                                         + QStringList {"-c:v", "libx265", "-x265-params", "log-level=none",
                                             "-pix_fmt", "yuv420p"})
                                  << 12;
        QTest::newRow("h265-10bit-mp4") << "h265p10.mp4"
                                        << "libx265"
                                        << (src
                                               + QStringList {"-c:v", "libx265", "-x265-params",
                                                   "log-level=none", "-pix_fmt", "yuv420p10le"})
                                        << 12;
        QTest::newRow("vp8-webm") << "vp8.webm"
                                  << "libvpx"
                                  << (src + QStringList {"-c:v", "libvpx", "-deadline", "realtime"}) << 12;
        QTest::newRow("vp9-webm")
            << "vp9.webm"
            << "libvpx-vp9"
            << (src + QStringList {"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"}) << 12;
        QTest::newRow("av1-mkv")
            << "av1.mkv"
            << "libaom-av1"
            << (src + QStringList {"-c:v", "libaom-av1", "-cpu-used", "8", "-usage", "realtime"}) << 12;
        QTest::newRow("mpeg4-avi") << "mpeg4.avi"
                                   << "mpeg4" << (src + QStringList {"-c:v", "mpeg4"}) << 12;
        QTest::newRow("mpeg4-bframes-mp4")
            << "mpeg4b.mp4"
            << "mpeg4" << (src + QStringList {"-c:v", "mpeg4", "-bf", "2"}) << 12;
        // AVI stores no presentation timestamps: frames are known by order.
        QTest::newRow("mpeg4-bframes-avi")
            << "mpeg4b.avi"
            << "mpeg4" << (src + QStringList {"-c:v", "mpeg4", "-bf", "2", "-g", "5"}) << 12;
        QTest::newRow("h264-bframes-avi")
            << "h264b.avi"
            << "libx264" << (src + QStringList {"-c:v", "libx264", "-g", "5"}) << 12;
        QTest::newRow("h264-ip-avi") << "h264ip.avi"
                                     << "libx264"
                                     << (src + QStringList {"-c:v", "libx264", "-g", "5", "-bf", "0"}) << 12;
        QTest::newRow("mjpeg-avi") << "mjpeg.avi"
                                   << "mjpeg" << (src + QStringList {"-c:v", "mjpeg", "-pix_fmt", "yuvj420p"})
                                   << 12;
        QTest::newRow("ffv1-odd-size-mkv") << "odd.mkv"
                                           << "ffv1"
                                           << QStringList {"-f", "lavfi", "-i", "testsrc2=size=63x47:rate=10",
                                                  "-t", "1.2", "-c:v", "ffv1", "-pix_fmt", "yuv420p"}
                                           << 12;
        QTest::newRow("gif") << "anim.gif"
                             << "gif" << src << 12;
    }

    void containersAndCodecs()
    {
        QFETCH(QString, file);
        QFETCH(QString, encoder);
        QFETCH(QStringList, args);
        QFETCH(int, frames);
        if (!MediaFactory::hasEncoder(encoder))
            QSKIP(qPrintable(QStringLiteral("this ffmpeg has no %1 encoder").arg(encoder)));
        MediaFactory media(m_dir.path());
        const QString path = media.make(file, args);
        QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
        compareAllFrames(path, frames);
    }

    void probeReportsGeometryRateAndCodec()
    {
        MediaFactory media(m_dir.path());
        const QString path = media.make(QStringLiteral("probe.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=80x60:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "2", "-c:v", "libx264", "-c:a", "aac", "-shortest"});
        QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
        auto reader = VideoReader::open(path.toStdString());
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        const VideoInfo &info = reader->info();
        QCOMPARE(info.codec, std::string("h264"));
        QVERIFY(info.container.find("mp4") != std::string::npos);
        QCOMPARE(info.width, 80);
        QCOMPARE(info.height, 60);
        QCOMPARE(info.rotation, 0);
        QCOMPARE(info.fps, 25.0);
        QCOMPARE(info.frameCount, int64_t(50));
        QVERIFY(info.frameCountExact);
        QVERIFY(!info.variableFrameRate);
        QVERIFY(info.hasAudio);
        QVERIFY(std::abs(info.durationSeconds - 2.0) < 0.1);
        QCOMPARE(reader->secondsOf(25), 1.0);
    }

    void rotationIsAppliedLikeTheCli_data()
    {
        QTest::addColumn<int>("metadata");
        QTest::addColumn<int>("clockwise");
        QTest::newRow("90") << 90 << 270;
        QTest::newRow("180") << 180 << 180;
        QTest::newRow("270") << 270 << 90;
    }

    void rotationIsAppliedLikeTheCli()
    {
        QFETCH(int, metadata);
        QFETCH(int, clockwise);
        MediaFactory media(m_dir.path());
        const QString plain = media.make(QStringLiteral("upright.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10", "-t", "0.5", "-c:v", "libx264"});
        QVERIFY2(!plain.isEmpty(), qPrintable(media.lastError()));
        const QString path = media.make(QStringLiteral("rot%1.mp4").arg(metadata),
            {"-i", plain, "-c", "copy", "-metadata:s:v", QStringLiteral("rotate=%1").arg(metadata)});
        QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
        auto reader = VideoReader::open(path.toStdString());
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE(reader->info().rotation, clockwise);
        QCOMPARE(reader->info().width, clockwise == 180 ? 64 : 48);
        QCOMPARE(reader->info().codedWidth, 64);
        compareAllFrames(path, 5);
    }

    void variableFrameRateByTimestamps()
    {
        MediaFactory media(m_dir.path());
        // Frames 0-3 every 40 ms, then every 160 ms: 10 frames over 1.12 s.
        const QStringList vfr {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=25", "-frames:v", "10", "-vf",
            "settb=1/1000,setpts='if(lt(N,4),N*40,160+(N-4)*160)'", "-fps_mode", "vfr"};
        for (const QString &name : {QStringLiteral("vfr.mkv"), QStringLiteral("vfr.mp4")}) {
            const QString path = media.make(name, vfr + QStringList {"-c:v", "libx264"});
            QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
            auto reader = VideoReader::open(path.toStdString());
            QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
            QVERIFY2(reader->info().variableFrameRate, qPrintable(name));
            QCOMPARE(reader->info().frameCount, int64_t(10));
            QCOMPARE(reader->secondsOf(3), 0.12);
            QCOMPARE(reader->secondsOf(5), 0.32);
            // The frame shown at 0.40 s started at 0.32 s (frame 5); frame 6 starts at 0.48 s.
            auto at = reader->readFramesAt({0.40, 0.50, 0.0, 5.0});
            QVERIFY2(at, at ? "" : at.error().message.c_str());
            QCOMPARE(at->frames.size(), size_t(4));
            QCOMPARE(at->frames[0].index, int64_t(5));
            QCOMPARE(at->frames[1].index, int64_t(6));
            QCOMPARE(at->frames[2].index, int64_t(0));
            QCOMPARE(at->frames[3].index, int64_t(9));
            QCOMPARE(at->frames[1].seconds, 0.48);
            compareAllFrames(path, 10);
        }
    }

    void oneFrameVideo()
    {
        MediaFactory media(m_dir.path());
        const QString path = media.make(QStringLiteral("single.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48", "-frames:v", "1", "-c:v", "libx264"});
        QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
        auto reader = VideoReader::open(path.toStdString());
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE(reader->info().frameCount, int64_t(1));
        auto clip = sampleClip(*reader, 8);
        QVERIFY2(clip, clip ? "" : clip.error().message.c_str());
        QCOMPARE(clip->frames.size(), size_t(8));
        for (const VideoFrame &f : clip->frames)
            QCOMPARE(f.index, int64_t(0));
        compareAllFrames(path, 1);
    }

    // Long GOPs with B-frames: sampled frames come from seeks that land on
    // key frames far before them, with non-reference frames skipped.
    void sampledFramesOfLongGopEqualFullDecode_data()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("h264") << "libx264" << QStringList {"-g", "60", "-bf", "3"};
        QTest::newRow("h265") << "libx265"
                              << QStringList {"-x265-params", "log-level=none:keyint=60:bframes=3"};
        QTest::newRow("vp9") << "libvpx-vp9"
                             << QStringList {"-g", "60", "-deadline", "realtime", "-cpu-used", "8"};
    }

    void sampledFramesOfLongGopEqualFullDecode()
    {
        QFETCH(QString, codec);
        QFETCH(QStringList, options);
        if (!MediaFactory::hasEncoder(codec))
            QSKIP("encoder not available");
        MediaFactory media(m_dir.path());
        const QString path = media.make(QStringLiteral("gop-%1.mp4").arg(codec),
            QStringList {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=25", "-t", "8", "-pix_fmt", "yuv420p",
                "-c:v", codec}
                + options);
        QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
        auto reader = VideoReader::open(path.toStdString());
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE(reader->info().frameCount, int64_t(200));
        const QByteArray reference = media.decodeRgb(path, kPassthrough);
        for (int n : {16, 5, 1}) {
            auto clip = sampleClip(*reader, n);
            QVERIFY2(clip, clip ? "" : clip.error().message.c_str());
            const std::vector<int64_t> expected = middleFrameIndices(n, 200);
            QCOMPARE(clip->frames.size(), expected.size());
            for (size_t i = 0; i < expected.size(); ++i) {
                QCOMPARE(clip->frames[i].index, expected[i]);
                QVERIFY2(bytesOf(clip->frames[i].image) == frameBytes(reference, 64, 48, expected[i]),
                    qPrintable(QStringLiteral("frame %1 differs").arg(expected[i])));
            }
        }
        // Decoding every frame in order (no seeking) gives the same frames.
        reader->setDecodeStrategy(DecodeStrategy::DecodeEveryFrame);
        auto everyFrame = sampleClip(*reader, 16);
        QVERIFY2(everyFrame, everyFrame ? "" : everyFrame.error().message.c_str());
        QCOMPARE(everyFrame->frames.size(), size_t(16));
        for (const VideoFrame &f : everyFrame->frames)
            QVERIFY2(bytesOf(f.image) == frameBytes(reference, 64, 48, f.index),
                qPrintable(QStringLiteral("frame %1 differs after decoding every frame").arg(f.index)));
        reader->setDecodeStrategy(DecodeStrategy::SeekToKeyFrames);

        auto uniform = sampleClip(*reader, 4, SamplingRule::UniformTime);
        QVERIFY2(uniform, uniform ? "" : uniform.error().message.c_str());
        QCOMPARE(uniform->frames.size(), size_t(4));
        QCOMPARE(uniform->frames[0].index, int64_t(25)); // 1.0 s at 25 fps
        QCOMPARE(uniform->frames[3].index, int64_t(175));
    }

    void outOfRangeIndexIsAnError()
    {
        MediaFactory media(m_dir.path());
        const QString path = media.make(QStringLiteral("range.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10", "-t", "1", "-c:v", "libx264"});
        auto reader = VideoReader::open(path.toStdString());
        QVERIFY(reader);
        auto batch = reader->readFrames({3, 10});
        QVERIFY(!batch);
        QCOMPARE(batch.error().code, mplug2::ErrorCode::InvalidArgument);
        QVERIFY2(batch.error().message.find("frame 10 does not exist") != std::string::npos,
            batch.error().message.c_str());
        QVERIFY(!reader->readFramesAt({std::nan("")}));
    }
};

QTEST_GUILESS_MAIN(VideoReaderTest)
#include "videoreadertest.moc"
