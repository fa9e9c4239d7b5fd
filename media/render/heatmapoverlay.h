#pragma once
/// Attention on a frame: a grid of weights (e.g. 16 x 16 patches of one
/// frame, from the model's cross-attention) is stretched smoothly over the
/// frame, coloured with a colormap and alpha-blended onto it.
///
///     HeatmapStyle style;                // jet, alpha 0.5, min-max normalised
///     auto shown = overlayHeatmap(frame, weights, 16, 16, style);
///     if (shown) writePng(*shown, "attention.png");

#include "base/expected.h"
#include "media/core/rgbimage.h"

#include <vector>

namespace mplug2::media {

enum class Colormap { Jet, Inferno, Viridis, Turbo };

struct HeatmapStyle {
    Colormap colormap = Colormap::Jet;
    /// Weight of the heat colour in the blend: 0 shows only the frame, 1 only the map.
    float alpha = 0.5f;
    /// Stretch the grid's [min, max] to the full colormap; otherwise values
    /// are taken as already in [0, 1] (clamped).
    bool normalize = true;
    /// Bicubic upsampling of the grid; false shows each cell as a block.
    bool smooth = true;
};

/// The colour picture of a grid at `width` x `height`.
Expected<RgbImage> renderHeatmap(const std::vector<float> &grid, int rows, int cols, int width, int height,
    const HeatmapStyle &style = {});

/// `frame` with the grid's heatmap blended on top. Non-finite weights count as 0.
Expected<RgbImage> overlayHeatmap(const RgbImage &frame, const std::vector<float> &grid, int rows, int cols,
    const HeatmapStyle &style = {});

} // namespace mplug2::media
