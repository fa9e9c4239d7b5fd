#include "media/sampling/framesampler.h"

#include <algorithm>
#include <cmath>

namespace mplug2::media {

namespace {
constexpr double kMaxWindows = 100000;
} // namespace

std::vector<int64_t> middleFrameIndices(int numFrames, int64_t frameCount)
{
    if (numFrames <= 0 || frameCount <= 0)
        return {};
    const int64_t intervals = std::min<int64_t>(numFrames, frameCount);
    // np.linspace(0, vlen, intervals + 1).astype(int): i * (vlen / intervals)
    // in float64, the last point exactly vlen, truncated toward zero.
    const double step = static_cast<double>(frameCount) / static_cast<double>(intervals);
    std::vector<int64_t> edges(static_cast<size_t>(intervals) + 1);
    for (int64_t i = 0; i < intervals; ++i)
        edges[i] = static_cast<int64_t>(static_cast<double>(i) * step + 0.0);
    edges[intervals] = frameCount;
    std::vector<int64_t> indices;
    indices.reserve(static_cast<size_t>(numFrames));
    for (int64_t i = 0; i < intervals; ++i) {
        const int64_t first = edges[i];
        const int64_t last = edges[i + 1] - 1;
        indices.push_back((first + last) / 2);
    }
    while (static_cast<int64_t>(indices.size()) < numFrames)
        indices.push_back(indices.back());
    return indices;
}

std::vector<double> uniformTimes(int numFrames, double durationSeconds)
{
    if (numFrames <= 0 || !(durationSeconds > 0) || !std::isfinite(durationSeconds))
        return {};
    std::vector<double> times(static_cast<size_t>(numFrames));
    for (int i = 0; i < numFrames; ++i)
        times[i] = (i + 0.5) * durationSeconds / numFrames;
    return times;
}

std::vector<TimeWindow> windowedTimes(double durationSeconds, double windowSeconds, int framesPerWindow)
{
    if (!(durationSeconds > 0) || !(windowSeconds > 0) || framesPerWindow <= 0
        || !std::isfinite(durationSeconds))
        return {};
    const double windowsNeeded = std::ceil(durationSeconds / windowSeconds - 1e-9);
    if (windowsNeeded > kMaxWindows)
        return {};
    const auto count = static_cast<int64_t>(windowsNeeded);
    std::vector<TimeWindow> windows;
    windows.reserve(static_cast<size_t>(std::max<int64_t>(count, 1)));
    for (int64_t k = 0; k < std::max<int64_t>(count, 1); ++k) {
        TimeWindow w;
        w.start = static_cast<double>(k) * windowSeconds;
        w.end = std::min(w.start + windowSeconds, durationSeconds);
        for (double t : uniformTimes(framesPerWindow, w.end - w.start))
            w.times.push_back(w.start + t);
        windows.push_back(std::move(w));
    }
    return windows;
}

} // namespace mplug2::media
