#pragma once
/// Reads the frames the model sees from a video, in one call.
///
///     auto reader = VideoReader::open(path);
///     auto clip = sampleClip(*reader, 16);            // official 'middle' frames
///     if (!clip) return clip.error();
///     if (!clip->warning.empty()) log(clip->warning); // e.g. truncated: re-sampled
///     auto px = videoTestTransform(framesOf(*clip), 224);

#include "base/expected.h"
#include "media/video/videoreader.h"

namespace mplug2::media {

enum class SamplingRule {
    Middle, ///< official get_frame_indices(..., 'middle') over frame numbers
    UniformTime, ///< middles of equal time slices (variable frame rate friendly)
};

/// Samples `numFrames` frames by `rule`. When the file turns out to be
/// truncated, samples again within the frames that do decode and says so
/// in the warning.
Expected<FrameBatch> sampleClip(VideoReader &reader, int numFrames, SamplingRule rule = SamplingRule::Middle);

/// The pictures of a batch, in order (the rvalue form moves them out).
std::vector<RgbImage> framesOf(const FrameBatch &batch);
std::vector<RgbImage> framesOf(FrameBatch &&batch);

} // namespace mplug2::media
