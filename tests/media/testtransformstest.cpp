// The official test transforms: PyTorch's legacy nearest resize (float
// index arithmetic), Pillow's bicubic resize, CLIP normalisation and the
// (3, T, H, W) layout. Bit-exactness against the official outputs is checked
// by the media parity cases (tests/app/mediaparitytest.cpp).
#include "media/preprocess/testtransforms.h"

#include "media/preprocess/resize.h"

#include <QTest>

#include <cmath>

using namespace mplug2;
using namespace mplug2::media;

namespace {

// Each pixel's red = its column, green = its row, blue = 7: shows where a
// resized pixel came from.
RgbImage coordinates(int width, int height)
{
    RgbImage img = RgbImage::filled(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            img.at(x, y)[0] = uint8_t(x);
            img.at(x, y)[1] = uint8_t(y);
            img.at(x, y)[2] = 7;
        }
    }
    return img;
}

RgbImage noise(int width, int height, uint32_t seed)
{
    RgbImage img = RgbImage::filled(width, height);
    for (auto &v : img.pixels) {
        seed = seed * 1664525u + 1013904223u;
        v = uint8_t(seed >> 24);
    }
    return img;
}

RgbImage mirrored(const RgbImage &in)
{
    RgbImage out = in;
    for (int y = 0; y < in.height; ++y) {
        for (int x = 0; x < in.width; ++x)
            std::copy(in.at(in.width - 1 - x, y), in.at(in.width - 1 - x, y) + 3, out.at(x, y));
    }
    return out;
}

} // namespace

class TestTransformsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nearestUsesTorchFloatIndices()
    {
        const RgbImage src = coordinates(160, 120);
        const RgbImage out = resizeNearestLegacy(src, 48, 48);
        QCOMPARE(out.width, 48);
        QCOMPARE(out.height, 48);
        // Rows: floor(i * 2.5f).
        for (int y = 0; y < 48; ++y)
            QCOMPARE(int(out.at(0, y)[1]), int(std::floor(y * 2.5)));
        QCOMPARE(int(out.at(3, 0)[0]), 10); // floor(3 * 3.3333333f)
        QCOMPARE(int(out.at(47, 0)[0]), 156);
        // 480 / 224 rounded to float32 is a hair low: output column 119
        // reads source column 254 where exact arithmetic gives 255.
        const RgbImage wide = resizeNearestLegacy(coordinates(480, 2), 224, 2);
        QCOMPARE(int(wide.at(119, 0)[0]), 254);
        QCOMPARE(int(wide.at(118, 0)[0]), 252);

        // Same size copies; doubling repeats each pixel.
        QVERIFY(resizeNearestLegacy(src, 160, 120) == src);
        const RgbImage doubled = resizeNearestLegacy(coordinates(4, 3), 8, 6);
        for (int x = 0; x < 8; ++x)
            QCOMPARE(int(doubled.at(x, 5)[0]), x >> 1);
        const RgbImage five = resizeNearestLegacy(coordinates(3, 1), 5, 1);
        const int expected[5] = {0, 0, 1, 1, 2}; // floor(i * 0.6f)
        for (int x = 0; x < 5; ++x)
            QCOMPARE(int(five.at(x, 0)[0]), expected[x]);
        QVERIFY(resizeNearestLegacy(src, 0, 5).empty());
    }

    void bicubicKeepsConstantsAndSymmetry()
    {
        const RgbImage flat = RgbImage::filled(37, 23, {200, 10, 128});
        for (auto [w, h] : {std::pair {48, 48}, std::pair {5, 3}, std::pair {100, 71}, std::pair {1, 1},
                 std::pair {37, 50}}) {
            const RgbImage out = resizeBicubicPil(flat, w, h);
            QCOMPARE(out.width, w);
            QCOMPARE(out.height, h);
            QVERIFY2(out == RgbImage::filled(w, h, {200, 10, 128}),
                qPrintable(QStringLiteral("%1x%2").arg(w).arg(h)));
        }
        // Mirroring the input mirrors the output (the taps are symmetric).
        const RgbImage src = noise(200, 150, 3);
        QVERIFY(resizeBicubicPil(mirrored(src), 48, 48) == mirrored(resizeBicubicPil(src, 48, 48)));
        QVERIFY(resizeBicubicPil(mirrored(src), 301, 77) == mirrored(resizeBicubicPil(src, 301, 77)));
        QVERIFY(resizeBicubicPil(src, 200, 150) == src);
        // Extreme ratios stay in range and keep size.
        QCOMPARE(resizeBicubicPil(src, 1, 1).pixels.size(), size_t(3));
        QCOMPARE(resizeBicubicPil(noise(1, 1, 9), 300, 2).width, 300);
    }

    void bicubicOvershootsLikeTheCubicKernel()
    {
        // A hard edge upscaled with a = -0.5 rings: values beyond the input
        // range are clipped to 0 / 255, darker and brighter bands appear.
        RgbImage edge = RgbImage::filled(8, 1, {50, 50, 50});
        for (int x = 4; x < 8; ++x)
            std::fill(edge.at(x, 0), edge.at(x, 0) + 3, uint8_t(200));
        const RgbImage up = resizeBicubicPil(edge, 32, 1);
        int lo = 255;
        int hi = 0;
        for (int x = 0; x < 32; ++x) {
            lo = std::min(lo, int(up.at(x, 0)[0]));
            hi = std::max(hi, int(up.at(x, 0)[0]));
        }
        QVERIFY2(lo < 50 && hi > 200, qPrintable(QStringLiteral("%1..%2").arg(lo).arg(hi)));
    }

    void normalisationAndLayout()
    {
        RgbImage a = RgbImage::filled(2, 2, {0, 128, 255});
        RgbImage b = RgbImage::filled(2, 2, {255, 0, 1});
        b.at(1, 0)[0] = 7;
        auto batch = normalizeFrames({a, b});
        QVERIFY(batch);
        QCOMPARE(batch->frames, 2);
        QCOMPARE(batch->data.size(), size_t(3 * 2 * 2 * 2));
        for (int c = 0; c < 3; ++c) {
            for (int t = 0; t < 2; ++t) {
                const RgbImage &img = t == 0 ? a : b;
                for (int y = 0; y < 2; ++y) {
                    for (int x = 0; x < 2; ++x) {
                        const float expected = (float(img.at(x, y)[c]) / 255.0f - kClipMean[c]) / kClipStd[c];
                        QCOMPARE(batch->at(c, t, y, x), expected);
                    }
                }
            }
        }
        QCOMPARE(batch->at(0, 1, 0, 1), (7.0f / 255.0f - kClipMean[0]) / kClipStd[0]);
        QVERIFY(!normalizeFrames({a, RgbImage::filled(3, 2)}));
        QVERIFY(!normalizeFrames({}));
    }

    void transformsGiveTheModelShape()
    {
        const std::vector<RgbImage> frames {noise(160, 120, 1), noise(160, 120, 2), noise(160, 120, 3)};
        auto video = videoTestTransform(frames, 56);
        QVERIFY(video);
        QCOMPARE(video->frames, 3);
        QCOMPARE(video->height, 56);
        QCOMPARE(video->width, 56);
        auto image = imageTestTransform(noise(200, 150, 4), 48);
        QVERIFY(image);
        QCOMPARE(image->frames, 1);
        QCOMPARE(image->data.size(), size_t(3 * 48 * 48));
        auto asVideo = transformImage(frames[1], 56, ImageTransformKind::VideoNearest);
        QVERIFY(asVideo);
        auto second = videoTestTransform({frames[1]}, 56);
        QVERIFY(asVideo->data == second->data);
        QVERIFY(!videoTestTransform(frames, 0));
        QVERIFY(!imageTestTransform(RgbImage {}, 48));
    }
};

QTEST_GUILESS_MAIN(TestTransformsTest)
#include "testtransformstest.moc"
