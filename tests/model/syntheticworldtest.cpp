// The demo model's synthetic world: scenes are determined by their seed, stay
// inside the specification (sizes, motion, frames, two distinct shapes that
// never overlap), render where their boxes say, and speak its small language.
#include "model/synthetic/codecsimulation.h"
#include "model/synthetic/modelinputrenderer.h"
#include "model/synthetic/scenesampler.h"
#include "model/synthetic/scenetext.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace mplug2::model::synthetic;

namespace {

bool sameScene(const Scene &a, const Scene &b)
{
    if (a.width != b.width || a.height != b.height || a.frameCount != b.frameCount || a.fps != b.fps
        || a.crf != b.crf || a.shapes.size() != b.shapes.size() || a.background != b.background)
        return false;
    for (size_t i = 0; i < a.shapes.size(); ++i) {
        const SceneShape &x = a.shapes[i], &y = b.shapes[i];
        if (x.kind != y.kind || x.colour != y.colour || x.motion != y.motion || x.rgb != y.rgb
            || x.size != y.size || x.startX != y.startX || x.startY != y.startY || x.travel != y.travel)
            return false;
    }
    return true;
}

std::vector<Scene> manyScenes(uint64_t seed, int count)
{
    SceneSampler sampler {SceneRandom(seed)};
    std::vector<Scene> out;
    for (int i = 0; i < count; ++i)
        out.push_back(sampler.sample(i % 3 == 0 ? SceneKind::Picture : SceneKind::Clip, 1 + i % 2));
    return out;
}

} // namespace

class SyntheticWorldTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameScenes()
    {
        const auto a = manyScenes(7, 50), b = manyScenes(7, 50), c = manyScenes(8, 50);
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY(sameScene(a[i], b[i]));
        int differing = 0;
        for (size_t i = 0; i < a.size(); ++i)
            differing += sameScene(a[i], c[i]) ? 0 : 1;
        QCOMPARE(differing, 50);
        // The random source itself is specified, not left to the standard library.
        QCOMPARE(SceneRandom(1, 2).next(), SceneRandom(1, 2).next());
        QVERIFY(SceneRandom(1, 2).next() != SceneRandom(1, 3).next());
    }

    void scenesFollowTheSpecification()
    {
        std::set<std::tuple<int, int, int>> kinds;
        for (const Scene &s : manyScenes(3, 600)) {
            QVERIFY(s.width >= 64 && s.width <= 320 && s.height >= 64 && s.height <= 320);
            QVERIFY(double(s.height) / s.width <= 1.3 && double(s.width) / s.height <= 1.3);
            QVERIFY(s.crf >= 16 && s.crf <= 34);
            if (s.isClip()) {
                QVERIFY(s.fps >= 8 && s.fps <= 30);
                const double seconds = s.frameCount / s.fps;
                QVERIFY2(seconds >= 0.9 && seconds <= 4.1, qPrintable(QString::number(seconds)));
            } else {
                QCOMPARE(s.frameCount, 1);
            }
            const int shorter = std::min(s.width, s.height);
            for (const SceneShape &shape : s.shapes) {
                kinds.emplace(int(shape.kind), int(shape.colour), int(shape.motion));
                QVERIFY(shape.size >= 0.15 * shorter - 1e-9 && shape.size <= 0.35 * shorter + 1e-9);
                if (!s.isClip())
                    QCOMPARE(shape.motion, Motion::Still);
                const double along
                    = shape.motion == Motion::Left || shape.motion == Motion::Right ? s.width : s.height;
                if (shape.motion != Motion::Still)
                    QVERIFY(shape.travel >= 0.2 * along - 1e-9 && shape.travel <= 0.6 * along + 1e-9);
                for (double p : {0.0, 0.5, 1.0}) {
                    const Box b = shape.boxAt(p);
                    QVERIFY(
                        b.x0 >= -1e-9 && b.y0 >= -1e-9 && b.x1 <= s.width + 1e-9 && b.y1 <= s.height + 1e-9);
                }
                const Box start = shape.boxAt(0), end = shape.boxAt(1);
                switch (shape.motion) {
                case Motion::Left:
                    QVERIFY(end.x0 < start.x0);
                    break;
                case Motion::Right:
                    QVERIFY(end.x0 > start.x0);
                    break;
                case Motion::Up:
                    QVERIFY(end.y0 < start.y0);
                    break;
                case Motion::Down:
                    QVERIFY(end.y0 > start.y0);
                    break;
                case Motion::Still:
                    QCOMPARE(end.x0, start.x0);
                    break;
                }
            }
            if (s.shapes.size() == 2) {
                const SceneShape &a = s.shapes[0], &b = s.shapes[1];
                QVERIFY(a.kind != b.kind || a.colour != b.colour);
                for (int i = 0; i <= 10; ++i)
                    QVERIFY(!a.boxAt(i / 10.0).intersects(b.boxAt(i / 10.0)));
                QVERIFY(a.boxAt(0.5).centreX() <= b.boxAt(0.5).centreX());
            }
        }
        // Every colour, shape and motion shows up.
        QCOMPARE(int(kinds.size()), 75);
    }

    void framesShowTheBoxes()
    {
        SceneSampler sampler {SceneRandom(11)};
        for (int n = 0; n < 20; ++n) {
            Scene s = sampler.sample(SceneKind::Clip, 2);
            s.antialiased = false;
            for (int f : {0, s.frameCount - 1}) {
                const RgbFrame frame = renderFrame(s, f);
                QCOMPARE(frame.width, s.width);
                for (const SceneShape &shape : s.shapes) {
                    const Box b = shape.boxAt(s.progressOf(f));
                    // Three quarters down the middle line is inside all three shapes.
                    const uint8_t *inside = frame.at(int(b.centreX()), int((b.centreY() + b.y1) / 2));
                    QCOMPARE(inside[0], shape.rgb[0]);
                    QCOMPARE(inside[2], shape.rgb[2]);
                }
                // Outside every box is background.
                for (int y = 0; y < frame.height; y += 3)
                    for (int x = 0; x < frame.width; x += 3) {
                        bool inside = false;
                        for (const SceneShape &shape : s.shapes) {
                            const Box b = shape.boxAt(s.progressOf(f));
                            inside
                                = inside || (x + 1 >= b.x0 && x - 1 < b.x1 && y + 1 >= b.y0 && y - 1 < b.y1);
                        }
                        if (!inside)
                            QCOMPARE(frame.at(x, y)[1], s.background[1]);
                    }
            }
        }
    }

    void shapesHaveTheirOutlines()
    {
        Scene s;
        s.width = s.height = 100;
        s.antialiased = false;
        for (ShapeKind kind : kShapeKinds) {
            SceneShape shape;
            shape.kind = kind;
            shape.rgb = {255, 255, 255};
            shape.size = 60;
            shape.startX = shape.startY = 20;
            s.shapes = {shape};
            const RgbFrame f = renderFrame(s, 0);
            auto lit = [&](int x, int y) { return f.at(x, y)[0] == 255; };
            QVERIFY(lit(50, 50));
            // Corners: only the square fills its box's top-left; the triangle's apex is at the top middle.
            QCOMPARE(lit(22, 22), kind == ShapeKind::Square);
            QCOMPARE(lit(22, 77), kind == ShapeKind::Square || kind == ShapeKind::Triangle);
            QVERIFY(lit(50, 23));
            QCOMPARE(lit(40, 23), kind != ShapeKind::Triangle);
            QVERIFY(!lit(85, 50) && !lit(50, 85));
        }
    }

    void captionsAndQuestions()
    {
        Scene s;
        SceneShape a;
        a.kind = ShapeKind::Circle;
        a.colour = Colour::Red;
        a.motion = Motion::Left;
        s.shapes = {a};
        QCOMPARE(caption(s), std::string("a red circle moves left"));
        s.kind = SceneKind::Picture;
        QCOMPARE(caption(s), std::string("a red circle"));
        SceneShape b;
        b.kind = ShapeKind::Circle;
        b.colour = Colour::Blue;
        s.shapes = {a, b};
        QCOMPARE(caption(s), std::string("a red circle and a blue circle"));
        s.kind = SceneKind::Clip;
        // Two circles: no "what color is the circle?", but each colour names one shape.
        std::multiset<std::string> asked;
        for (const QuestionAnswer &qa : questions(s))
            asked.insert(qa.question + " -> " + qa.answer);
        QVERIFY(asked.count("what shape is red? -> circle") == 1);
        QVERIFY(asked.count("what shape is blue? -> circle") == 1);
        QVERIFY(asked.count("how many shapes are there? -> two") == 1);
        for (const std::string &q : asked)
            QVERIFY(q.find("what color") == std::string::npos && q.find("where does") == std::string::npos);
        s.shapes = {a};
        bool motionAsked = false;
        for (const QuestionAnswer &qa : questions(s))
            if (qa.kind == QuestionKind::MotionOfShape) {
                motionAsked = true;
                QCOMPARE(qa.question, std::string("where does the circle move?"));
                QCOMPARE(qa.answer, std::string("left"));
            }
        QVERIFY(motionAsked);
        QCOMPARE(questionForModel("What colour is the circle?"), std::string("what colour is the circle"));
        // Every caption, question and answer is in the world's sentences, once.
        const std::vector<std::string> all = worldSentences();
        QCOMPARE(std::set<std::string>(all.begin(), all.end()).size(), all.size());
        QVERIFY(std::count(all.begin(), all.end(), "a red circle and a blue circle") == 1);
        QVERIFY(std::count(all.begin(), all.end(), "where does the circle move") == 1);
        QVERIFY(std::count(all.begin(), all.end(), "nowhere") == 1);
    }

    void middleFramesAreTheOfficialOnes()
    {
        // get_frame_indices(4, 10, 'middle'): linspace(0, 10, 5).astype(int) = 0, 2, 5, 7, 10; ranges
        // (0, 1), (2, 4), (5, 6), (7, 9); (a + b) // 2 -> [0, 3, 5, 8].
        QCOMPARE(middleFrameIndices(4, 10), (std::vector<int> {0, 3, 5, 8}));
        QCOMPARE(middleFrameIndices(4, 2), (std::vector<int> {0, 1, 1, 1}));
        QCOMPARE(middleFrameIndices(1, 30), (std::vector<int> {14}));
    }

    void compressionKeepsTheColours()
    {
        SceneSampler sampler {SceneRandom(5)};
        for (int crf : {16, 34}) {
            Scene s = sampler.sample(SceneKind::Picture, 1);
            s.crf = crf;
            RgbFrame f = renderFrame(s, 0);
            const RgbFrame clean = f;
            SceneRandom random(1);
            simulateCompression(f, crf, random);
            double error = 0;
            for (size_t i = 0; i < f.pixels.size(); ++i)
                error += std::abs(int(f.pixels[i]) - int(clean.pixels[i]));
            error /= double(f.pixels.size());
            // Changed (noise, chroma), but the picture is still the picture.
            QVERIFY2(error > 0.2 && error < 8, qPrintable(QString::number(error)));
            const Box b = s.shapes[0].boxAt(0);
            const uint8_t *centre = f.at(int(b.centreX()), int((b.centreY() + b.y1) / 2));
            for (int c = 0; c < 3; ++c)
                QVERIFY(std::abs(int(centre[c]) - int(s.shapes[0].rgb[c])) < 24);
        }
    }

    void inputMatchesTheTransforms()
    {
        Scene s = SceneSampler(SceneRandom(9)).sample(SceneKind::Clip, 2);
        ModelInputRenderer renderer({4, 32, 0.5, 0.2});
        std::vector<float> pixels(renderer.valuesPerItem(s));
        SceneRandom random(2);
        const RenderedInput in = renderer.render(s, random, pixels.data());
        QCOMPARE(in.frames, 4);
        QCOMPARE(int(in.boxes.size()), 4);
        QCOMPARE(in.boxes[0].size(), s.shapes.size());
        // Boxes scale with the resize to 32x32.
        const Box full = s.shapes[0].boxAt(s.progressOf(middleFrameIndices(4, s.frameCount)[0]));
        QVERIFY(std::abs(in.boxes[0][0].x0 - full.x0 * 32 / s.width) < 1e-9);
        // CLIP-normalised values of 8-bit pixels.
        const auto [low, high] = std::minmax_element(pixels.begin(), pixels.end());
        QVERIFY(*low >= -1.8f && *high <= 2.2f);
        // Nearest neighbour takes source pixel floor(i * in / out).
        RgbFrame f {3, 1, {10, 10, 10, 20, 20, 20, 30, 30, 30}};
        const RgbFrame r = resizeNearest(f, 2, 1);
        QCOMPARE(int(r.at(0, 0)[0]), 10);
        QCOMPARE(int(r.at(1, 0)[0]), 20);
        const RgbFrame flat = resizeCubic(RgbFrame {8, 8, std::vector<uint8_t>(8 * 8 * 3, 77)}, 3, 3);
        QCOMPARE(int(flat.at(1, 1)[0]), 77);
    }
};

QTEST_GUILESS_MAIN(SyntheticWorldTest)
#include "syntheticworldtest.moc"
