#include "model/synthetic/multishot.h"

#include "model/synthetic/scenesampler.h"

#include <algorithm>
#include <cmath>

namespace mplug2::model::synthetic {

namespace {

bool shareColour(const Scene &a, const Scene &b)
{
    for (const SceneShape &x : a.shapes)
        for (const SceneShape &y : b.shapes)
            if (x.colour == y.colour)
                return true;
    return false;
}

} // namespace

int MultiShotVideo::frameCount() const
{
    return shots.empty() ? 0 : firstFrames.back() + shots.back().frameCount;
}

int MultiShotVideo::shotAtFrame(int frame) const
{
    const auto it = std::upper_bound(firstFrames.begin(), firstFrames.end(), frame);
    return std::max(0, int(it - firstFrames.begin()) - 1);
}

double MultiShotVideo::shotEndSeconds(int shot) const
{
    return (firstFrames.at(size_t(shot)) + shots.at(size_t(shot)).frameCount) / fps;
}

MultiShotVideo sampleMultiShot(SceneRandom &random, const MultiShotRanges &ranges, const ShotFilter &accept)
{
    SceneRanges world = SceneRanges::defaultParams();
    MultiShotVideo video;
    const int even = 2;
    video.width
        = ranges.width > 0 ? ranges.width : random.integer(world.minSide, world.maxSide) / even * even;
    video.height = ranges.height > 0
        ? ranges.height
        : std::clamp(int(std::lround(video.width * random.uniform(1 / world.maxAspect, world.maxAspect))),
              world.minSide, world.maxSide)
            / even * even;
    video.fps = ranges.fps > 0 ? ranges.fps : std::round(random.uniform(world.minFps, world.maxFps));
    video.crf = random.integer(world.minCrf, world.maxCrf);
    world.fixedWidth = video.width;
    world.fixedHeight = video.height;
    world.fixedFps = video.fps;
    if (ranges.minShotSeconds > 0 && ranges.maxShotSeconds >= ranges.minShotSeconds) {
        world.minSeconds = ranges.minShotSeconds;
        world.maxSeconds = ranges.maxShotSeconds;
    }
    SceneSampler sampler(SceneRandom(random.next(), random.next()), world);
    const int count = random.integer(ranges.minShots, std::max(ranges.minShots, ranges.maxShots));
    int frame = 0;
    for (int i = 0; i < count; ++i) {
        Scene shot;
        for (int attempt = 0;; ++attempt) {
            shot = sampler.sample(SceneKind::Clip, random.chance(ranges.twoShapeShare) ? 2 : 1);
            const bool apart = video.shots.empty() || !shareColour(video.shots.back(), shot);
            if ((apart && (!accept || accept(shot))) || attempt > 100000)
                break;
        }
        shot.crf = video.crf;
        video.firstFrames.push_back(frame);
        frame += shot.frameCount;
        video.shots.push_back(std::move(shot));
    }
    return video;
}

void crossEdge(Scene &scene, bool entering)
{
    if (scene.shapes.empty())
        return;
    SceneShape &s = scene.shapes.front();
    s.motion = Motion::Right;
    // Over the clip it covers the frame's width and its own size: in view for about half the shot.
    s.travel = scene.width + s.size;
    s.startX = entering ? -s.size - scene.width / 2.0 : scene.width / 2.0 - s.size;
    s.startY = std::clamp(s.startY, 0.0, std::max(0.0, scene.height - s.size));
}

RgbFrame renderFrame(const MultiShotVideo &video, int frame)
{
    const int shot = video.shotAtFrame(frame);
    return renderFrame(video.shots.at(size_t(shot)), frame - video.firstFrames.at(size_t(shot)));
}

std::vector<MultiShotVideo> heldOutMultiShotVideos(
    uint64_t seed, int count, const MultiShotRanges &ranges, const ShotFilter &accept)
{
    // Streams of the trainer are 2 * batch and 2 * batch + 1; evaluationScenes takes ~0.
    SceneRandom random(seed, ~uint64_t(0) - 1);
    std::vector<MultiShotVideo> videos;
    for (int i = 0; i < count; ++i)
        videos.push_back(sampleMultiShot(random, ranges, accept));
    return videos;
}

} // namespace mplug2::model::synthetic
