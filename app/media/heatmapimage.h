#pragma once
/// Attention maps as colour pictures, for the attention panel and the viewer
/// to lay over frames (media/'s heatmap renderer underneath).
///
///     const float top = grid.maxValue();
///     QImage heat = renderHeatmapFrame(grid, frame, QSize(224, 224), HeatmapColormap::Jet, top);
///     painter.setOpacity(0.5);
///     painter.drawImage(target, heat);

#include "app/engine/attentionmaps.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

namespace mplug2::app {

enum class HeatmapColormap { Jet, Inferno, Viridis, Turbo };

/// "jet", "inferno", "viridis", "turbo" (the exporters' names).
QString heatmapColormapName(HeatmapColormap colormap);
QList<HeatmapColormap> heatmapColormaps();

/// Frame `frame` of `grid` smoothly stretched to `size` and coloured: 0 maps
/// to the low end of the colormap, `scaleMax` (and above) to the high end.
/// Null when the frame or the size is out of range.
QImage renderHeatmapFrame(
    const AttentionGrid &grid, int frame, QSize size, HeatmapColormap colormap, float scaleMax);

} // namespace mplug2::app
