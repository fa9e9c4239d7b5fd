#include "media/mediafile.h"

#include "media/image/imagereader.h"
#include "media/render/thumbnail.h"
#include "media/sampling/framesampler.h"
#include "media/video/videoreader.h"

#include <algorithm>
#include <cmath>

namespace mplug2::media {

namespace { } // namespace

Expected<bool> isStillPicture(const std::string &path)
{
    auto source = ByteSource::openFile(path);
    if (!source)
        return source.error();
    uint8_t head[64] = {};
    const int64_t n = (*source)->read(head, sizeof head);
    if (n < 0)
        return makeError(ErrorCode::Io, "file " + path + ": read error");
    if (!looksLikeImage(head, static_cast<size_t>(n)))
        return false;
    auto header = readImageHeader(head, static_cast<size_t>(n));
    return !header || header->format != ImageFormat::Gif;
}

namespace {

// Kept frames only shrink: a picture that fits stays as it is.
RgbImage shrinkToFit(const RgbImage &image, int maxSide)
{
    if (image.width <= maxSide && image.height <= maxSide)
        return image;
    return fitWithin(image, maxSide, maxSide);
}

Expected<ModelInput> pictureInput(const std::string &path, const ModelInputOptions &options)
{
    auto picture = readImage(path, options.limits, ImageReadOptions {options.applyExifOrientation});
    if (!picture)
        return picture.error();
    ModelInput input;
    input.kind = MediaKind::Image;
    input.probe.kind = MediaKind::Image;
    input.probe.image = picture->header;
    input.probe.width = picture->image.width;
    input.probe.height = picture->image.height;
    input.warning = picture->warning;
    input.transform = imageTransformName(options.imageTransform);
    auto pixels = transformImage(picture->image, options.imageRes, options.imageTransform);
    if (!pixels)
        return pixels.error();
    input.pixels = std::move(*pixels);
    input.frameIndices = {0};
    input.frameSeconds = {0.0};
    if (options.keepFramesMaxSide > 0)
        input.frames.push_back(VideoFrame {0, 0.0, shrinkToFit(picture->image, options.keepFramesMaxSide)});
    return input;
}

// Wanted frames that did not decode are replaced by the nearest earlier
// frame that did (the official reader pads short clips the same way).
std::vector<VideoFrame> padMissing(const std::vector<int64_t> &wanted, FrameBatch &batch)
{
    std::vector<VideoFrame> frames;
    size_t next = 0;
    for (int64_t index : wanted) {
        const bool missing
            = std::find(batch.missing.begin(), batch.missing.end(), index) != batch.missing.end();
        if (!missing && next < batch.frames.size())
            frames.push_back(std::move(batch.frames[next++]));
        else if (!frames.empty())
            frames.push_back(frames.back());
    }
    while (!frames.empty() && frames.size() < wanted.size())
        frames.push_back(frames.back());
    return frames;
}

Expected<ModelInput> videoInput(const std::string &path, const ModelInputOptions &options)
{
    auto reader = VideoReader::open(path, options.limits);
    if (!reader)
        return reader.error();
    reader->setCancelFlag(options.cancel);
    ModelInput input;
    input.kind = MediaKind::Video;
    input.probe.kind = MediaKind::Video;
    input.probe.video = reader->info();
    input.probe.width = reader->info().width;
    input.probe.height = reader->info().height;
    input.transform = imageTransformName(ImageTransformKind::VideoNearest);

    const bool whole = options.startSeconds < 0 && options.endSeconds < 0;
    std::vector<VideoFrame> frames;
    if (whole) {
        auto clip = sampleClip(*reader, options.numFrames, options.sampling);
        if (!clip)
            return clip.error();
        input.warning = clip->warning;
        frames = std::move(clip->frames);
    } else {
        auto wanted = framesInWindow(
            *reader, options.numFrames, options.startSeconds, options.endSeconds, options.sampling);
        if (!wanted)
            return wanted.error();
        auto batch = reader->readFrames(*wanted);
        if (!batch)
            return batch.error();
        input.warning = batch->warning;
        frames = padMissing(*wanted, *batch);
    }
    std::vector<RgbImage> pictures;
    pictures.reserve(frames.size());
    for (const VideoFrame &f : frames) {
        pictures.push_back(f.image);
        input.frameIndices.push_back(f.index);
        input.frameSeconds.push_back(f.seconds);
    }
    auto pixels = videoTestTransform(pictures, options.imageRes);
    if (!pixels)
        return pixels.error();
    input.pixels = std::move(*pixels);
    if (options.keepFramesMaxSide > 0) {
        for (VideoFrame &f : frames) {
            f.image = shrinkToFit(f.image, options.keepFramesMaxSide);
            input.frames.push_back(std::move(f));
        }
    }
    return input;
}

} // namespace

Expected<MediaProbe> probeMedia(const std::string &path, const MediaLimits &limits)
{
    auto picture = isStillPicture(path);
    if (!picture)
        return picture.error();
    MediaProbe probe;
    if (*picture) {
        auto header = probeImage(path);
        if (!header)
            return header.error();
        if (header->width > limits.maxSide || header->height > limits.maxSide)
            return makeError(ErrorCode::LimitExceeded,
                "file " + path + ": picture is " + std::to_string(header->width) + "x"
                    + std::to_string(header->height) + ", larger than the limit of "
                    + std::to_string(limits.maxSide) + " px per side");
        probe.kind = MediaKind::Image;
        probe.image = *header;
        const bool swapped = header->orientation >= 5;
        probe.width = swapped ? header->height : header->width;
        probe.height = swapped ? header->width : header->height;
        return probe;
    }
    auto reader = VideoReader::open(path, limits);
    if (!reader)
        return reader.error();
    probe.kind = MediaKind::Video;
    probe.video = reader->info();
    probe.width = probe.video.width;
    probe.height = probe.video.height;
    return probe;
}

Expected<ModelInput> loadModelInput(const std::string &path, const ModelInputOptions &options)
{
    if (options.numFrames < 1)
        return makeError(ErrorCode::InvalidArgument, "number of frames must be positive");
    auto picture = isStillPicture(path);
    if (!picture)
        return picture.error();
    return *picture ? pictureInput(path, options) : videoInput(path, options);
}

Expected<std::vector<int64_t>> framesInWindow(
    const VideoReader &reader, int numFrames, double startSeconds, double endSeconds, SamplingRule rule)
{
    const VideoInfo &info = reader.info();
    if (numFrames < 1)
        return makeError(ErrorCode::InvalidArgument, "number of frames must be positive");
    if (startSeconds < 0 && endSeconds < 0) {
        if (rule == SamplingRule::Middle)
            return middleFrameIndices(numFrames, info.frameCount);
        startSeconds = 0;
        endSeconds = info.durationSeconds;
    }
    const double start = std::max(0.0, startSeconds);
    const double end = endSeconds < 0 ? info.durationSeconds : std::min(endSeconds, info.durationSeconds);
    if (!(end > start))
        return makeError(ErrorCode::InvalidArgument,
            "the time window " + std::to_string(startSeconds) + " .. " + std::to_string(endSeconds)
                + " s holds no video");
    std::vector<int64_t> indices;
    if (rule == SamplingRule::UniformTime) {
        for (double t : uniformTimes(numFrames, end - start))
            indices.push_back(reader.frameAt(start + t));
        return indices;
    }
    // Frames starting inside [start, end): the official rule over that run.
    int64_t first = reader.frameAt(start);
    if (reader.secondsOf(first) < start && first + 1 < info.frameCount)
        ++first;
    int64_t last = reader.frameAt(end);
    if (reader.secondsOf(last) >= end && last > first)
        --last;
    for (int64_t offset : middleFrameIndices(numFrames, last - first + 1))
        indices.push_back(first + offset);
    return indices;
}

} // namespace mplug2::media
