#pragma once
/// Which frames of a video the model sees.
///
///     auto idx = middleFrameIndices(16, info.frameCount);   // official test-time rule
///     auto t = uniformTimes(16, info.durationSeconds);      // same idea by time (VFR-friendly)
///     for (const TimeWindow &w : windowedTimes(info.durationSeconds, 10.0, 8)) ...  // dense captions
///
/// All return an empty list for a non-positive count, length or duration.

#include <cstdint>
#include <vector>

namespace mplug2::media {

/// The official `get_frame_indices(num_frames, vlen, sample='middle')`:
/// split [0, vlen) with numpy's linspace into min(num_frames, vlen)
/// intervals, take each interval's middle, pad with the last index when the
/// video has fewer frames than asked.
std::vector<int64_t> middleFrameIndices(int numFrames, int64_t frameCount);

/// The middles of `numFrames` equal slices of [0, duration), in seconds.
std::vector<double> uniformTimes(int numFrames, double durationSeconds);

struct TimeWindow {
    double start = 0; ///< seconds
    double end = 0;
    std::vector<double> times; ///< uniformTimes within the window
};

/// Consecutive windows of `windowSeconds` (the last one shorter) covering
/// the video, each with `framesPerWindow` evenly spread times (empty beyond
/// 100000 windows).
std::vector<TimeWindow> windowedTimes(double durationSeconds, double windowSeconds, int framesPerWindow);

} // namespace mplug2::media
