#include "app/media/heatmapimage.h"

#include "app/engine/imageconversion.h"
#include "media/render/heatmapoverlay.h"

#include <cmath>
#include <vector>

namespace mplug2::app {

QString heatmapColormapName(HeatmapColormap colormap)
{
    switch (colormap) {
    case HeatmapColormap::Jet:
        return QStringLiteral("jet");
    case HeatmapColormap::Inferno:
        return QStringLiteral("inferno");
    case HeatmapColormap::Viridis:
        return QStringLiteral("viridis");
    case HeatmapColormap::Turbo:
        return QStringLiteral("turbo");
    }
    return QStringLiteral("jet");
}

namespace {
media::Colormap mediaColormap(HeatmapColormap colormap)
{
    switch (colormap) {
    case HeatmapColormap::Jet:
        return media::Colormap::Jet;
    case HeatmapColormap::Inferno:
        return media::Colormap::Inferno;
    case HeatmapColormap::Viridis:
        return media::Colormap::Viridis;
    case HeatmapColormap::Turbo:
        return media::Colormap::Turbo;
    }
    return media::Colormap::Jet;
}
} // namespace

QList<HeatmapColormap> heatmapColormaps()
{
    return {HeatmapColormap::Jet, HeatmapColormap::Inferno, HeatmapColormap::Viridis, HeatmapColormap::Turbo};
}

QImage renderHeatmapFrame(
    const AttentionGrid &grid, int frame, QSize size, HeatmapColormap colormap, float scaleMax)
{
    if (frame < 0 || frame >= grid.frames || grid.height <= 0 || grid.width <= 0 || size.isEmpty())
        return {};
    const qsizetype cells = qsizetype(grid.height) * grid.width;
    const float scale = (std::isfinite(scaleMax) && scaleMax > 0.f) ? 1.f / scaleMax : 0.f;
    std::vector<float> values(size_t(cells), 0.f);
    for (qsizetype i = 0; i < cells; ++i)
        values[size_t(i)] = grid.values.at(frame * cells + i) * scale;

    media::HeatmapStyle style;
    style.colormap = mediaColormap(colormap);
    style.alpha = 1.f;
    style.normalize = false;
    auto rendered = media::renderHeatmap(values, grid.height, grid.width, size.width(), size.height(), style);
    return rendered ? toQImage(*rendered) : QImage();
}

} // namespace mplug2::app
