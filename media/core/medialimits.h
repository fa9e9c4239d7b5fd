#pragma once
/// Limits that keep untrusted media files from exhausting memory or time.
/// Every reader in media/ takes one; breaking a limit gives an error value
/// (ErrorCode::LimitExceeded) that names the file and the limit.
///
///     MediaLimits limits = MediaLimits::defaults();
///     limits.deadline = std::chrono::seconds(3);   // per open / per frame
///     auto reader = VideoReader::open(path, limits);

#include <chrono>
#include <cstdint>

namespace mplug2::media {

struct MediaLimits {
    /// Largest width or height, in pixels, of a picture or a video frame.
    int maxSide = 8192;
    /// Most frames a video may hold (about 11 hours at 25 fps).
    int64_t maxFrames = 1'000'000;
    /// Longest video, in seconds.
    double maxDurationSeconds = 12 * 3600.0;
    /// Wall-clock budget of one operation: opening and probing a file, or
    /// seeking to and decoding one wanted frame. Checked on every read, so a
    /// stalled or endless source stops here.
    std::chrono::milliseconds deadline {20000};
    /// Most packets fed to the decoder to reach one wanted frame (after a seek).
    int maxPacketsPerFrame = 4000;
    /// Up to this file size, a video without a complete container index is
    /// scanned once (packets only, no decoding) to learn every frame's
    /// timestamp; larger ones get an estimated frame count.
    int64_t maxIndexScanBytes = int64_t(1) << 30;
    /// Largest picture file, in bytes (pictures are read whole into memory).
    int64_t maxImageFileBytes = int64_t(256) << 20;
    /// Most bytes of decoded RGB frames one read may return.
    int64_t maxBatchBytes = int64_t(2) << 30;

    static MediaLimits defaults() { return {}; }
};

} // namespace mplug2::media
