#pragma once
/// What kind of media a file is, and the one-call path from a file to the
/// model's pixels (plus what the GUI shows beside them).
///
///     auto probe = probeMedia(path);                    // image or video, size, frames...
///     ModelInputOptions options;                        // 16 'middle' frames at 224 px
///     options.numFrames = 16;
///     auto input = loadModelInput(path, options);
///     if (!input) return input.error();
///     at::Tensor px = torch::from_blob(input->pixels.data.data(),
///         {1, 3, input->pixels.frames, input->pixels.height, input->pixels.width});
///     for (const VideoFrame &f : input->frames) ...    // the frames the model saw, for overlays
///
/// Pictures are JPEG/PNG/WebP/BMP/TIFF (OpenCV); everything else, animated
/// GIFs included, is opened as a video (FFmpeg). Threading: every function
/// here is safe to call from any thread; `cancel` may be set from another.

#include "base/expected.h"
#include "media/core/medialimits.h"
#include "media/image/imageheader.h"
#include "media/preprocess/testtransforms.h"
#include "media/sampling/clipsampler.h"
#include "media/video/videoinfo.h"

#include <atomic>
#include <string>
#include <vector>

namespace mplug2::media {

enum class MediaKind { Image, Video };

struct MediaProbe {
    MediaKind kind = MediaKind::Video;
    VideoInfo video; ///< for videos
    ImageHeader image; ///< for pictures (stored size and EXIF orientation)
    int width = 0; ///< as shown (rotation / orientation applied)
    int height = 0;
};

/// Whether a file is a still picture (JPEG, PNG, WebP, BMP, TIFF: decoded
/// with OpenCV) rather than a video (FFmpeg), told by its first bytes,
/// whatever its name. GIFs, often animated, are videos. The one rule the
/// model, the media list and the viewer all follow.
Expected<bool> isStillPicture(const std::string &path);

/// Kind, size and (videos) timing, without decoding pixels of pictures.
Expected<MediaProbe> probeMedia(const std::string &path, const MediaLimits &limits = MediaLimits::defaults());

struct ModelInputOptions {
    int numFrames = 16;
    SamplingRule sampling = SamplingRule::Middle;
    /// A time window of a video in seconds; both negative: the whole video.
    double startSeconds = -1;
    double endSeconds = -1;
    int imageRes = 224;
    /// How pictures become pixels (videos always use the video transform).
    ImageTransformKind imageTransform = ImageTransformKind::PilBicubic;
    /// PIL (the official code) ignores EXIF orientation; people expect photos upright.
    bool applyExifOrientation = true;
    /// Keep the frames the model saw, scaled to fit this many pixels per
    /// side (0: do not keep them).
    int keepFramesMaxSide = 0;
    MediaLimits limits = MediaLimits::defaults();
    const std::atomic<bool> *cancel = nullptr;
};

struct ModelInput {
    MediaKind kind = MediaKind::Video;
    PixelBatch pixels; ///< (3, T, R, R); pictures: T = 1
    std::vector<VideoFrame> frames; ///< kept frames (index, time, picture), when asked for
    std::vector<int64_t> frameIndices;
    std::vector<double> frameSeconds;
    std::string transform; ///< imageTransformName() of what was applied
    std::string warning; ///< e.g. truncated file, re-sampled
    MediaProbe probe;
};

Expected<ModelInput> loadModelInput(const std::string &path, const ModelInputOptions &options);

/// The middle indices of the official rule applied to the frames inside
/// [startSeconds, endSeconds) of a video (whole video when both are negative).
Expected<std::vector<int64_t>> framesInWindow(
    const VideoReader &reader, int numFrames, double startSeconds, double endSeconds, SamplingRule rule);

} // namespace mplug2::media
