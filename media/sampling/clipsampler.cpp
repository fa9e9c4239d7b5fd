#include "media/sampling/clipsampler.h"

#include "media/sampling/framesampler.h"

namespace mplug2::media {

Expected<FrameBatch> sampleClip(VideoReader &reader, int numFrames, SamplingRule rule)
{
    if (numFrames <= 0)
        return makeError(ErrorCode::InvalidArgument, "number of frames must be positive");
    const VideoInfo &info = reader.info();
    auto batch = rule == SamplingRule::Middle
        ? reader.readFrames(middleFrameIndices(numFrames, info.frameCount))
        : reader.readFramesAt(uniformTimes(numFrames, info.durationSeconds));
    if (!batch || batch->missing.empty() || batch->decodableFrames <= 0)
        return batch;
    // Truncated: what the official reader would see if the file were as
    // long as what decodes.
    const std::string warning = batch->warning;
    const int64_t decodable = batch->decodableFrames;
    auto retry = rule == SamplingRule::Middle
        ? reader.readFrames(middleFrameIndices(numFrames, decodable))
        : reader.readFramesAt(uniformTimes(numFrames, reader.secondsOf(decodable - 1)));
    if (!retry)
        return batch;
    retry->warning = warning + "; sampled from the " + std::to_string(decodable)
        + " frames that decode instead" + (retry->warning.empty() ? "" : "; " + retry->warning);
    return retry;
}

std::vector<RgbImage> framesOf(const FrameBatch &batch)
{
    std::vector<RgbImage> images;
    images.reserve(batch.frames.size());
    for (const VideoFrame &frame : batch.frames)
        images.push_back(frame.image);
    return images;
}

std::vector<RgbImage> framesOf(FrameBatch &&batch)
{
    std::vector<RgbImage> images;
    images.reserve(batch.frames.size());
    for (VideoFrame &frame : batch.frames)
        images.push_back(std::move(frame.image));
    return images;
}

} // namespace mplug2::media
