#pragma once
/// The model's visual input as plain floats: layout (3, frames, height,
/// width), CLIP mean/std normalised, exactly what the official transforms
/// give before `unsqueeze(0)`. The app wraps it without copying:
///
///     PixelBatch px = videoTestTransform(frames, 224);
///     at::Tensor t = torch::from_blob(px.data.data(),
///                                     {1, 3, px.frames, px.height, px.width});

#include "base/expected.h"
#include "media/core/rgbimage.h"

#include <array>
#include <cstddef>
#include <vector>

namespace mplug2::media {

/// CLIP's normalisation constants, as float32 the way torch.as_tensor rounds them.
inline const std::array<float, 3> kClipMean
    = {static_cast<float>(0.48145466), static_cast<float>(0.4578275), static_cast<float>(0.40821073)};
inline const std::array<float, 3> kClipStd
    = {static_cast<float>(0.26862954), static_cast<float>(0.26130258), static_cast<float>(0.27577711)};

struct PixelBatch {
    std::vector<float> data; ///< 3 * frames * height * width values
    int frames = 0;
    int height = 0;
    int width = 0;

    size_t offset(int channel, int frame, int y, int x) const
    {
        return ((static_cast<size_t>(channel) * frames + frame) * height + y) * width + x;
    }
    float at(int channel, int frame, int y, int x) const { return data[offset(channel, frame, y, x)]; }
};

/// Stacks same-sized frames into a batch: each byte v becomes
/// (v / 255 - mean) / std in float32, in the order the official code computes it.
/// Fails when the frames differ in size or there are none.
Expected<PixelBatch> normalizeFrames(const std::vector<RgbImage> &frames);

} // namespace mplug2::media
