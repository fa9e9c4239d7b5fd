// Thumbnails, filmstrips and heatmap overlays.
#include "media/render/heatmapoverlay.h"
#include "media/render/thumbnail.h"

#include <QTest>

#include <cmath>

using namespace mplug2;
using namespace mplug2::media;

class RenderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fitWithinKeepsAspect()
    {
        const RgbImage frame = RgbImage::filled(1920, 1080, {10, 20, 30});
        const RgbImage thumb = fitWithin(frame, 320, 320);
        QCOMPARE(thumb.width, 320);
        QCOMPARE(thumb.height, 180);
        QVERIFY(thumb == RgbImage::filled(320, 180, {10, 20, 30}));
        QCOMPARE(fitWithin(RgbImage::filled(1000, 1, {}), 50, 50).height, 1);
        QCOMPARE(fitWithin(RgbImage::filled(10, 10, {}), 40, 30).width, 30); // grows too
        QVERIFY(fitWithin(frame, 0, 10).empty());
        const RgbImage boxed = letterbox(RgbImage::filled(100, 50, {255, 255, 255}), 100, 100);
        QCOMPARE(boxed.height, 100);
        QCOMPARE(int(boxed.at(50, 10)[0]), 0); // bar
        QCOMPARE(int(boxed.at(50, 50)[0]), 255); // picture
    }

    void filmstripPlacesFramesInARow()
    {
        const std::vector<RgbImage> frames {
            RgbImage::filled(64, 48, {255, 0, 0}), RgbImage {}, RgbImage::filled(32, 48, {0, 255, 0})};
        const RgbImage strip = makeFilmstrip(frames, 24, 2, {1, 2, 3});
        QCOMPARE(strip.height, 24);
        QCOMPARE(strip.width, 32 + 2 + 16);
        QCOMPARE(int(strip.at(5, 5)[0]), 255);
        QCOMPARE(int(strip.at(32, 5)[2]), 3); // gap
        QCOMPARE(int(strip.at(40, 5)[1]), 255);
        QVERIFY(makeFilmstrip({}, 24).empty());
    }

    void heatmapFollowsTheGrid()
    {
        // One hot cell in the top-left of a 4x4 grid.
        std::vector<float> grid(16, 0.0f);
        grid[0] = 3.0f;
        HeatmapStyle style;
        style.alpha = 1.0f;
        auto heat = renderHeatmap(grid, 4, 4, 64, 64, style);
        QVERIFY(heat);
        // Jet runs from dark blue (0, 0, 128) to dark red (128, 0, 0).
        QVERIFY(heat->at(2, 2)[0] >= 100 && heat->at(2, 2)[2] < 60);
        QVERIFY(heat->at(60, 60)[2] > 100 && heat->at(60, 60)[0] < 30);

        const RgbImage frame = RgbImage::filled(64, 64, {0, 200, 0});
        style.alpha = 0.0f;
        auto none = overlayHeatmap(frame, grid, 4, 4, style);
        QVERIFY(none);
        QVERIFY(*none == frame);
        style.alpha = 0.5f;
        auto half = overlayHeatmap(frame, grid, 4, 4, style);
        QVERIFY(half);
        QVERIFY(std::abs(int(half->at(2, 2)[1]) - (heat->at(2, 2)[1] + 200) / 2) <= 1);

        style.smooth = false;
        style.alpha = 1.0f;
        auto blocks = renderHeatmap(grid, 4, 4, 64, 64, style);
        QVERIFY(blocks);
        QVERIFY(std::equal(blocks->at(0, 0), blocks->at(0, 0) + 3, blocks->at(15, 15)));
        QVERIFY(!std::equal(blocks->at(0, 0), blocks->at(0, 0) + 3, blocks->at(16, 16)));
    }

    void heatmapRejectsBadGridsAndToleratesBadValues()
    {
        const RgbImage frame = RgbImage::filled(8, 8, {});
        QVERIFY(!overlayHeatmap(frame, std::vector<float>(15), 4, 4));
        QVERIFY(!overlayHeatmap(RgbImage {}, std::vector<float>(16), 4, 4));
        QVERIFY(!renderHeatmap(std::vector<float>(4), 2, 2, 0, 8));
        std::vector<float> odd {NAN, INFINITY, -1.0f, 1.0f};
        QVERIFY(overlayHeatmap(frame, odd, 2, 2));
        QVERIFY(overlayHeatmap(frame, std::vector<float>(4, 0.25f), 2, 2)); // flat grid
        for (Colormap map : {Colormap::Inferno, Colormap::Viridis, Colormap::Turbo}) {
            HeatmapStyle s;
            s.colormap = map;
            QVERIFY(renderHeatmap(odd, 2, 2, 8, 8, s));
        }
    }
};

QTEST_GUILESS_MAIN(RenderTest)
#include "rendertest.moc"
