// PNG, animated GIF and MP4 exports, read back with our own readers; a
// failed export leaves no file behind.
#include "media/export/gifwriter.h"
#include "media/export/mp4writer.h"
#include "media/export/pngwriter.h"
#include "media/image/imagereader.h"
#include "media/render/heatmapoverlay.h"
#include "media/video/videoreader.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mplug2;
using namespace mplug2::media;

namespace {

RgbImage gradient(int width, int height, int shift)
{
    RgbImage img = RgbImage::filled(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            img.at(x, y)[0] = uint8_t((x * 4 + shift) & 0xFF);
            img.at(x, y)[1] = uint8_t((y * 4) & 0xFF);
            img.at(x, y)[2] = uint8_t(shift * 20);
        }
    }
    return img;
}

double meanAbsDiff(const RgbImage &a, const RgbImage &b)
{
    double sum = 0;
    for (size_t i = 0; i < a.pixels.size(); ++i)
        sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return sum / double(a.pixels.size());
}

} // namespace

class ExportersTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char *name) { return m_dir.filePath(QString::fromLatin1(name)).toStdString(); }

private Q_SLOTS:
    void pngRoundTripsExactly()
    {
        const RgbImage img = gradient(61, 33, 5);
        QVERIFY(writePng(img, path("frame.png")));
        auto back = readImage(path("frame.png"));
        QVERIFY2(back, back ? "" : back.error().message.c_str());
        QVERIFY(back->image == img);
        QVERIFY(!QFileInfo::exists(m_dir.filePath("frame.png.part")));
        auto bad = writePng(img, path("no-such-folder/frame.png"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Io);
        QVERIFY(!writePng(RgbImage {}, path("empty.png")));
    }

    void animatedGifHasEveryFrame()
    {
        std::vector<RgbImage> frames;
        for (int i = 0; i < 5; ++i)
            frames.push_back(gradient(48, 32, i * 10));
        frames.push_back(gradient(20, 40, 0)); // other size: letterboxed
        GifOptions options;
        options.frameDelayMs = 200;
        QVERIFY(writeAnimatedGif(frames, path("anim.gif"), options));
        auto reader = VideoReader::open(path("anim.gif"));
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE(reader->info().frameCount, int64_t(6));
        QCOMPARE(reader->info().width, 48);
        QCOMPARE(reader->info().height, 32);
        QCOMPARE(reader->secondsOf(1), 0.2);
        auto back = reader->readFrames({0, 4});
        QVERIFY(back);
        // 256 colours for smooth gradients: close, not exact.
        QVERIFY2(meanAbsDiff(back->frames[0].image, frames[0]) < 6.0,
            qPrintable(QString::number(meanAbsDiff(back->frames[0].image, frames[0]))));
        QVERIFY(meanAbsDiff(back->frames[1].image, frames[4]) < 6.0);
        QVERIFY(!writeAnimatedGif({}, path("none.gif")));
        QVERIFY(!QFileInfo::exists(m_dir.filePath("none.gif")));
    }

    void mp4WithOverlaysBurnedIn()
    {
        auto writer = Mp4Writer::create(path("overlay.mp4"), 65, 47, 8.0); // odd size on purpose
        QVERIFY2(writer, writer ? "" : writer.error().message.c_str());
        std::vector<RgbImage> shown;
        for (int i = 0; i < 12; ++i) {
            std::vector<float> grid(4, 0.0f);
            grid[size_t(i % 4)] = 1.0f;
            auto frame = overlayHeatmap(gradient(65, 47, i * 8), grid, 2, 2);
            QVERIFY(frame);
            shown.push_back(*frame);
            QVERIFY(writer->addFrame(*frame));
        }
        QVERIFY(!QFileInfo::exists(m_dir.filePath("overlay.mp4")));
        QVERIFY(QFileInfo::exists(m_dir.filePath("overlay.mp4.part")));
        QVERIFY(writer->finish());
        QVERIFY(!QFileInfo::exists(m_dir.filePath("overlay.mp4.part")));

        auto reader = VideoReader::open(path("overlay.mp4"));
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE(reader->info().codec, std::string("h264"));
        QCOMPARE(reader->info().frameCount, int64_t(12));
        QCOMPARE(reader->info().width, 66);
        QCOMPARE(reader->info().height, 48);
        QCOMPARE(reader->info().fps, 8.0);
        auto back = reader->readFrames({0, 7});
        QVERIFY(back);
        for (int k = 0; k < 2; ++k) {
            const RgbImage &decoded = back->frames[size_t(k)].image;
            const RgbImage &original = shown[k == 0 ? 0 : 7];
            double sum = 0;
            for (int y = 0; y < original.height; ++y)
                for (int x = 0; x < original.width; ++x)
                    for (int c = 0; c < 3; ++c)
                        sum += std::abs(int(decoded.at(x, y)[c]) - int(original.at(x, y)[c]));
            const double mean = sum / (original.width * original.height * 3);
            QVERIFY2(mean < 8.0, qPrintable(QString::number(mean)));
        }
    }

    void unfinishedMp4LeavesNothing()
    {
        {
            auto writer = Mp4Writer::create(path("abandoned.mp4"), 32, 32, 25.0);
            QVERIFY(writer);
            QVERIFY(writer->addFrame(gradient(32, 32, 0)));
        }
        QVERIFY(!QFileInfo::exists(m_dir.filePath("abandoned.mp4")));
        QVERIFY(!QFileInfo::exists(m_dir.filePath("abandoned.mp4.part")));
        QVERIFY(!Mp4Writer::create(path("bad.mp4"), 0, 32, 25.0));
        QVERIFY(!Mp4Writer::create(path("bad.mp4"), 32, 32, 0.0));
        QVERIFY(!Mp4Writer::create(path("missing-folder/x.mp4"), 32, 32, 25.0));
        auto empty = Mp4Writer::create(path("empty.mp4"), 32, 32, 25.0);
        QVERIFY(empty);
        QVERIFY(!empty->finish());
    }
};

QTEST_GUILESS_MAIN(ExportersTest)
#include "exporterstest.moc"
