#pragma once
/// Small pictures for the GUI: thumbnails and filmstrips of sampled frames.
///
///     RgbImage thumb = fitWithin(frame, 320, 180);
///     RgbImage strip = makeFilmstrip(framesOf(batch), 96);

#include "media/core/rgbimage.h"

#include <array>
#include <vector>

namespace mplug2::media {

/// Scales to fit inside maxWidth x maxHeight, keeping the aspect ratio
/// (area averaging when shrinking, bilinear when growing). Never returns a
/// side below 1 px.
RgbImage fitWithin(const RgbImage &image, int maxWidth, int maxHeight);

/// `image` fitted inside width x height and centred on `background`
/// (returned unchanged when it already has that size).
RgbImage letterbox(
    const RgbImage &image, int width, int height, std::array<uint8_t, 3> background = {0, 0, 0});

/// The frames in a row, each scaled to `frameHeight` px high, `gap` px of
/// `background` between them. Empty frames are skipped.
RgbImage makeFilmstrip(const std::vector<RgbImage> &frames, int frameHeight, int gap = 4,
    std::array<uint8_t, 3> background = {24, 24, 24});

} // namespace mplug2::media
