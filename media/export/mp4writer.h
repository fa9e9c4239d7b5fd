#pragma once
/// MP4 (H.264) export, e.g. a clip with attention overlays burned in.
/// Frames go in one by one; the file appears under its name only after
/// finish() (until then it is "<path>.part", removed if never finished).
///
///     auto mp4 = Mp4Writer::create("/tmp/attention.mp4", 640, 360, 8.0);
///     if (!mp4) return mp4.error();
///     for (const RgbImage &f : overlays)
///         if (auto ok = mp4->addFrame(f); !ok) return ok.error();
///     if (auto ok = mp4->finish(); !ok) return ok.error();
///
/// Odd sizes are rounded up to even (H.264 4:2:0 needs it) by repeating the
/// last row/column; frames of another size are letterboxed.

#include "base/expected.h"
#include "media/core/rgbimage.h"

#include <memory>
#include <string>

namespace mplug2::media {

struct Mp4Options {
    int crf = 20; ///< x264 quality, lower is better (0..51)
    std::string preset = "veryfast"; ///< x264 speed/size trade-off
};

class Mp4Writer {
public:
    static Expected<Mp4Writer> create(
        const std::string &path, int width, int height, double fps, const Mp4Options &options = {});
    Mp4Writer(Mp4Writer &&) noexcept;
    Mp4Writer &operator=(Mp4Writer &&) noexcept;
    ~Mp4Writer();

    Expected<void> addFrame(const RgbImage &frame);
    Expected<void> finish();

private:
    struct Impl;
    explicit Mp4Writer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace mplug2::media
