#pragma once
/// Draws scenes of the synthetic world (syntheticscene.h) from a seed: the
/// same seed and stream always give the same scenes.
///
///     SceneSampler sampler(SceneRandom(seed, batch));
///     Scene clip = sampler.sample(SceneKind::Clip, 1);
///     Scene picture = sampler.sample(SceneKind::Picture, 2);

#include "model/synthetic/scenerandom.h"
#include "model/synthetic/syntheticscene.h"

namespace mplug2::model::synthetic {

/// The ranges of the world; the defaults are the specification.
struct SceneRanges {
    int minSide = 64;
    int maxSide = 320;
    /// height / width within [1 / maxAspect, maxAspect].
    double maxAspect = 1.25;
    double minSeconds = 1;
    double maxSeconds = 4;
    double minFps = 8;
    double maxFps = 30;
    /// Shape side as a fraction of the shorter frame side.
    double minShape = 0.15;
    double maxShape = 0.35;
    /// Distance covered over a clip as a fraction of the frame side along the motion.
    double minTravel = 0.2;
    double maxTravel = 0.6;
    int minCrf = 16;
    int maxCrf = 34;
    /// When set, every scene has this size / rate (the shots of one video).
    int fixedWidth = 0;
    int fixedHeight = 0;
    double fixedFps = 0;

    static SceneRanges defaultParams() { return {}; }
};

class SceneSampler {
public:
    explicit SceneSampler(SceneRandom random, SceneRanges ranges = SceneRanges::defaultParams())
        : m_random(random)
        , m_ranges(ranges)
    { }

    /// A scene of `kind` with `shapeCount` (1 or 2) shapes. Two shapes differ
    /// in colour or kind and never overlap.
    Scene sample(SceneKind kind, int shapeCount);

    SceneRandom &random() { return m_random; }

private:
    SceneShape sampleShape(const Scene &scene, bool moving);
    std::array<uint8_t, 3> sampleRgb(Colour colour);

    SceneRandom m_random;
    SceneRanges m_ranges;
};

/// The held-out set of the demo model's evaluation: `count` scenes, 40%
/// one-shape clips, 30% two-shape clips, 15% one-shape pictures, 15%
/// two-shape pictures, all drawn from `seed` alone (the trainer draws its
/// scenes from other streams).
std::vector<Scene> evaluationScenes(uint64_t seed, int count);

} // namespace mplug2::model::synthetic
