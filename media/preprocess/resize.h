#pragma once
/// The two resamplers of the official preprocessing, reproduced bit for bit.
///
///     RgbImage small = resizeNearestLegacy(frame, 224, 224); // video frames
///     RgbImage photo = resizeBicubicPil(picture, 224, 224);  // still images

#include "media/core/rgbimage.h"

namespace mplug2::media {

/// PyTorch's legacy `F.interpolate(mode='nearest')`: source index
/// floor(dst * (in / out)) in float32, clamped; same size copies and 2x
/// upscaling halves the index. On uint8 values this equals the official
/// float resize followed by `.long()`.
RgbImage resizeNearestLegacy(const RgbImage &image, int width, int height);

/// Pillow's `Image.resize(size, BICUBIC)` for RGB: separable cubic
/// convolution (a = -0.5) whose support widens by the downscale factor
/// (antialiasing), coefficients normalised then rounded to 22-bit fixed
/// point, horizontal pass first with its result clipped to 8 bits.
RgbImage resizeBicubicPil(const RgbImage &image, int width, int height);

} // namespace mplug2::media
