#pragma once
/// Videos of several shots for the moment search (issue 22): 2-5 scenes of
/// the synthetic world cut together, with the time of every cut known, so
/// that shot detection and moment retrieval can be measured exactly.
///
///     SceneRandom random(seed, stream);
///     MultiShotVideo video = sampleMultiShot(random, 3);
///     RgbFrame f = renderFrame(video, 40);            // some frame of some shot
///     double cut = video.shotStartSeconds(1);         // where shot 1 begins
///
/// Every shot is a clip of the world (scenesampler.h) at the video's size
/// and frame rate. Two neighbouring shots share no colour: a hard cut shows
/// other things, not the same shape somewhere else (which no detector of
/// content can tell from motion). Qt-free and torch-free.

#include "model/synthetic/scenerandom.h"
#include "model/synthetic/syntheticscene.h"

#include <functional>
#include <vector>

namespace mplug2::model::synthetic {

struct MultiShotVideo {
    int width = 64;
    int height = 64;
    double fps = 25;
    int crf = 23;
    std::vector<Scene> shots;
    std::vector<int> firstFrames; ///< the frame each shot starts at

    int frameCount() const;
    int shotAtFrame(int frame) const;
    double shotStartSeconds(int shot) const { return firstFrames.at(size_t(shot)) / fps; }
    double shotEndSeconds(int shot) const;
    double durationSeconds() const { return frameCount() / fps; }
};

struct MultiShotRanges {
    int minShots = 2;
    int maxShots = 5;
    /// Frame size and rate are drawn once per video within the world's
    /// ranges unless these fix them.
    int width = 0;
    int height = 0;
    double fps = 0;
    double twoShapeShare = 0.5; ///< shots with two shapes
    /// When above 0, shot lengths in seconds (else the world's clips: 1-4 s).
    double minShotSeconds = 0;
    double maxShotSeconds = 0;
};

/// Says whether a drawn shot may go into the video (after the colour rule);
/// a refused one is drawn again. Lets a test shape its gallery, e.g. so that
/// some descriptions occur exactly once.
using ShotFilter = std::function<bool(const Scene &shot)>;

MultiShotVideo sampleMultiShot(
    SceneRandom &random, const MultiShotRanges &ranges = {}, const ShotFilter &accept = {});

/// Makes the scene change inside one shot: its first shape moves right and
/// enters from beyond the left edge (`entering`) or leaves past the right
/// edge, so that part of the shot shows it and part does not. Not a cut.
void crossEdge(Scene &scene, bool entering);

/// Frame `frame` of the video.
RgbFrame renderFrame(const MultiShotVideo &video, int frame);

/// The held-out multi-shot videos of the moment tests: `count` videos drawn
/// from `seed` alone, on a stream no trainer batch uses.
std::vector<MultiShotVideo> heldOutMultiShotVideos(
    uint64_t seed, int count, const MultiShotRanges &ranges = {}, const ShotFilter &accept = {});

} // namespace mplug2::model::synthetic
