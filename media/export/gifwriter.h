#pragma once
/// Animated GIF export (e.g. sampled frames with attention overlays). One
/// 256-colour palette for the whole animation (median cut), encoded by
/// libavcodec's GIF encoder. Frames of another size than the first are
/// letterboxed to it. The file appears only when complete.
///
///     GifOptions options;
///     options.frameDelayMs = 400;
///     if (auto ok = writeAnimatedGif(frames, "/tmp/attention.gif", options); !ok) ...

#include "base/expected.h"
#include "media/core/rgbimage.h"

#include <string>
#include <vector>

namespace mplug2::media {

struct GifOptions {
    int frameDelayMs = 500; ///< shown time of each frame (GIF has 10 ms steps)
    int loopCount = 0; ///< 0 = forever
};

Expected<void> writeAnimatedGif(
    const std::vector<RgbImage> &frames, const std::string &path, const GifOptions &options = {});

} // namespace mplug2::media
