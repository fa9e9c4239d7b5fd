#include "model/synthetic/scenesampler.h"

#include <algorithm>
#include <cmath>

namespace mplug2::model::synthetic {

namespace {

constexpr int kPlacementTries = 200;
// Progress points at which two shapes must not touch.
constexpr int kOverlapChecks = 17;

int evenSide(int side)
{
    return side - side % 2;
}

bool overlapsAnywhere(const SceneShape &a, const SceneShape &b, double margin)
{
    for (int i = 0; i < kOverlapChecks; ++i) {
        const double p = double(i) / (kOverlapChecks - 1);
        Box x = a.boxAt(p);
        x.x0 -= margin;
        x.y0 -= margin;
        x.x1 += margin;
        x.y1 += margin;
        if (x.intersects(b.boxAt(p)))
            return true;
    }
    return false;
}

} // namespace

std::array<uint8_t, 3> SceneSampler::sampleRgb(Colour colour)
{
    auto in = [this](int low, int high) { return uint8_t(m_random.integer(low, high)); };
    switch (colour) {
    case Colour::Red:
        return {in(200, 255), in(0, 50), in(0, 50)};
    case Colour::Green:
        return {in(0, 50), in(120, 255), in(0, 60)};
    case Colour::Blue:
        return {in(0, 50), in(0, 70), in(190, 255)};
    case Colour::Yellow:
        return {in(200, 255), in(200, 255), in(0, 60)};
    case Colour::White: {
        const int v = m_random.integer(215, 255);
        return {uint8_t(std::min(255, v + m_random.integer(-8, 8))), uint8_t(v),
            uint8_t(std::min(255, v + m_random.integer(-8, 8)))};
    }
    }
    return {255, 255, 255};
}

SceneShape SceneSampler::sampleShape(const Scene &scene, bool moving)
{
    SceneShape s;
    s.kind = kShapeKinds[size_t(m_random.integer(0, int(kShapeKinds.size()) - 1))];
    s.colour = kColours[size_t(m_random.integer(0, int(kColours.size()) - 1))];
    s.motion = moving ? kMotions[size_t(m_random.integer(0, int(kMotions.size()) - 1))] : Motion::Still;
    s.rgb = sampleRgb(s.colour);
    const int shorter = std::min(scene.width, scene.height);
    s.size = m_random.uniform(m_ranges.minShape, m_ranges.maxShape) * shorter;
    const bool horizontal = s.motion == Motion::Left || s.motion == Motion::Right;
    const double along = horizontal ? scene.width : scene.height;
    if (s.motion != Motion::Still)
        s.travel = std::min(m_random.uniform(m_ranges.minTravel, m_ranges.maxTravel) * along, along - s.size);
    // The whole path stays inside the frame.
    const double spanX = scene.width - s.size - (horizontal ? s.travel : 0);
    const double spanY = scene.height - s.size - (horizontal || s.motion == Motion::Still ? 0 : s.travel);
    s.startX = m_random.uniform(0, std::max(0.0, spanX));
    s.startY = m_random.uniform(0, std::max(0.0, spanY));
    if (s.motion == Motion::Left)
        s.startX += s.travel;
    if (s.motion == Motion::Up)
        s.startY += s.travel;
    return s;
}

Scene SceneSampler::sample(SceneKind kind, int shapeCount)
{
    Scene scene;
    scene.kind = kind;
    scene.width = evenSide(m_random.integer(m_ranges.minSide, m_ranges.maxSide));
    const double aspect
        = std::exp(m_random.uniform(-std::log(m_ranges.maxAspect), std::log(m_ranges.maxAspect)));
    scene.height
        = evenSide(std::clamp(int(std::lround(scene.width * aspect)), m_ranges.minSide, m_ranges.maxSide));
    if (m_ranges.fixedWidth > 0 && m_ranges.fixedHeight > 0) {
        scene.width = m_ranges.fixedWidth;
        scene.height = m_ranges.fixedHeight;
    }
    if (kind == SceneKind::Clip) {
        const double seconds = m_random.uniform(m_ranges.minSeconds, m_ranges.maxSeconds);
        scene.fps = std::round(m_random.uniform(m_ranges.minFps, m_ranges.maxFps));
        if (m_ranges.fixedFps > 0)
            scene.fps = m_ranges.fixedFps;
        scene.frameCount = std::max(2, int(std::lround(seconds * scene.fps)));
    }
    const auto v = uint8_t(m_random.integer(0, 20));
    scene.background = {v, v, v};
    scene.antialiased = m_random.chance(0.5);
    scene.crf = m_random.integer(m_ranges.minCrf, m_ranges.maxCrf);

    const bool moving = kind == SceneKind::Clip;
    scene.shapes.push_back(sampleShape(scene, moving));
    if (shapeCount >= 2) {
        for (int attempt = 0;; ++attempt) {
            SceneShape other = sampleShape(scene, moving && attempt < kPlacementTries);
            const SceneShape &first = scene.shapes.front();
            const bool same = other.kind == first.kind && other.colour == first.colour;
            if (!same && !overlapsAnywhere(first, other, 2.0)) {
                scene.shapes.push_back(other);
                break;
            }
            if (attempt > 2 * kPlacementTries) {
                // Nowhere to put a second shape beside a large moving one: start over.
                return sample(kind, shapeCount);
            }
        }
        std::sort(scene.shapes.begin(), scene.shapes.end(), [](const SceneShape &a, const SceneShape &b) {
            return a.boxAt(0.5).centreX() < b.boxAt(0.5).centreX();
        });
    }
    return scene;
}

std::vector<Scene> evaluationScenes(uint64_t seed, int count)
{
    // A stream no training batch uses (those are 2 * batch and 2 * batch + 1).
    SceneSampler sampler(SceneRandom(seed, ~uint64_t(0)));
    std::vector<Scene> scenes;
    for (int i = 0; i < count; ++i) {
        const int slot = i % 20; // 8 + 6 + 3 + 3 of every 20
        const SceneKind kind = slot < 14 ? SceneKind::Clip : SceneKind::Picture;
        const int shapes = slot < 8 ? 1 : slot < 14 ? 2 : slot < 17 ? 1 : 2;
        scenes.push_back(sampler.sample(kind, shapes));
    }
    return scenes;
}

} // namespace mplug2::model::synthetic
