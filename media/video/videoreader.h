#pragma once
/// Reads chosen frames of a video file as RGB pictures, pixel for pixel what
/// `ffmpeg -i FILE -pix_fmt rgb24` gives (rotation applied), by seeking to
/// the key frame before each wanted frame instead of decoding everything.
/// "Frame i" is the i-th frame in presentation order, as in decord (the
/// official reader); variable-rate videos are handled by timestamps.
///
///     auto reader = VideoReader::open("clip.mp4");
///     if (!reader) { std::cerr << reader.error().message << '\n'; return; }
///     const VideoInfo &info = reader->info();
///     auto batch = reader->readFrames(middleFrameIndices(16, info.frameCount));
///     if (!batch) { ... }                      // nothing usable
///     if (!batch->warning.empty()) { ... }     // e.g. truncated file: some frames missing
///     for (const VideoFrame &f : batch->frames) use(f.image);
///
/// Untrusted files are safe to open: sizes, counts and time are bounded by
/// MediaLimits and every problem is an error value naming the file.
/// Threading: one reader per thread; setCancelFlag() may be set from
/// another thread and is polled during every read.

#include "base/expected.h"
#include "media/core/bytesource.h"
#include "media/core/medialimits.h"
#include "media/core/rgbimage.h"
#include "media/video/videoinfo.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace mplug2::media {

struct VideoFrame {
    int64_t index = 0; ///< frame number in presentation order
    double seconds = 0; ///< presentation time from the first frame
    RgbImage image;
};

/// How readFrames() gets to a wanted frame.
enum class DecodeStrategy {
    /// Seek to the key frame before each wanted frame (the default).
    SeekToKeyFrames,
    /// Decode every frame from the first one on, in order, never seeking
    /// (what a reader without an index does; the benchmark's baseline).
    DecodeEveryFrame,
};

struct FrameBatch {
    /// One entry per requested frame that could be decoded, in request order.
    std::vector<VideoFrame> frames;
    /// Requested frames that could not be decoded (e.g. past the end of a truncated file).
    std::vector<int64_t> missing;
    /// Set when something was missing or damaged: says what, for people.
    std::string warning;
    /// Frames that decode, when a truncated file revealed it; else -1.
    int64_t decodableFrames = -1;
};

class VideoReader {
public:
    /// Opens and probes `path`. `decoderThreads` 0 picks one per CPU (at most 4).
    static Expected<VideoReader> open(
        const std::string &path, const MediaLimits &limits = MediaLimits::defaults(), int decoderThreads = 0);
    static Expected<VideoReader> open(std::unique_ptr<ByteSource> source,
        const MediaLimits &limits = MediaLimits::defaults(), int decoderThreads = 0);

    VideoReader(VideoReader &&) noexcept;
    VideoReader &operator=(VideoReader &&) noexcept;
    ~VideoReader();

    const VideoInfo &info() const;
    /// Presentation time of frame `index`, in seconds from the first frame.
    double secondsOf(int64_t index) const;
    /// The frame shown at `seconds` (the last one starting at or before it).
    int64_t frameAt(double seconds) const;
    /// A flag another thread may set to stop the current read (ErrorCode::Cancelled).
    void setCancelFlag(const std::atomic<bool> *cancel);
    /// SeekToKeyFrames unless told otherwise; both give the same frames.
    void setDecodeStrategy(DecodeStrategy strategy);

    /// Decodes frames by number; any order, repeats allowed. Fails when no
    /// requested frame could be decoded; partial results carry a warning.
    Expected<FrameBatch> readFrames(const std::vector<int64_t> &indices);
    /// The frames shown at the given times (seconds from the first frame).
    Expected<FrameBatch> readFramesAt(const std::vector<double> &seconds);

private:
    struct Impl;
    explicit VideoReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace mplug2::media
