#include "app/export/attentioncolourscale.h"

#include "app/export/attentionfiguretext.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <vector>

namespace mplug2::app {

namespace {

struct ColourScaleText {
    Q_DECLARE_TR_FUNCTIONS(Export)
};

/// Text for a picture of `side` px (its shorter side): readable at the
/// size of the picture, and still when the HTML report shrinks the picture
/// into a strip 120 px high.
int textPixelSizeFor(int side)
{
    return std::clamp(int(std::lround(side / 11.0)), 8, 28);
}

} // namespace

media::Colormap colormapNamed(const QString &name)
{
    if (name == QLatin1String("inferno"))
        return media::Colormap::Inferno;
    if (name == QLatin1String("viridis"))
        return media::Colormap::Viridis;
    if (name == QLatin1String("turbo"))
        return media::Colormap::Turbo;
    return media::Colormap::Jet;
}

ColourScaleLabels colourScaleLabels(AttentionMethod method)
{
    ColourScaleLabels labels {ColourScaleText::tr("low"), {}, ColourScaleText::tr("high")};
    switch (method) {
    case AttentionMethod::CrossAttention:
        labels.high = ColourScaleText::tr("high attention");
        break;
    case AttentionMethod::GradCam:
        labels.high = ColourScaleText::tr("high relevance");
        break;
    case AttentionMethod::Occlusion:
        labels.high = ColourScaleText::tr("high importance");
        break;
    }
    return labels;
}

media::RgbImage colourRamp(const QString &colormap, int width, int height)
{
    if (width <= 0 || height <= 0)
        return {};
    std::vector<float> levels(static_cast<size_t>(width));
    for (int x = 0; x < width; ++x)
        levels[size_t(x)] = width > 1 ? float(x) / float(width - 1) : 1.f;
    media::HeatmapStyle style;
    style.colormap = colormapNamed(colormap);
    style.normalize = false;
    style.smooth = false;
    Expected<media::RgbImage> ramp = media::renderHeatmap(levels, 1, width, width, height, style);
    return ramp ? std::move(*ramp) : media::RgbImage {};
}

media::RgbImage renderColourScale(
    int width, const QString &colormap, AttentionMethod method, int textPixelSize)
{
    if (width <= 0)
        return {};
    const FigureText text(textPixelSize > 0 ? textPixelSize : textPixelSizeFor(width));
    const int px = text.pixelSize();
    const int pad = std::max(2, px / 3);
    const int barHeight = std::max(4, px * 2 / 3);
    const int textTop = pad + barHeight + std::max(1, pad / 2);
    media::RgbImage band
        = media::RgbImage::filled(width, textTop + text.lineHeight() + pad, kFigureBackground);
    const int barWidth = std::max(1, width - 2 * pad);
    const media::RgbImage ramp = colourRamp(colormap, barWidth, barHeight);
    for (int y = 0; y < ramp.height; ++y)
        std::copy_n(ramp.row(y), ramp.rowBytes(), band.at(std::min(pad, width - 1), pad + y));

    const ColourScaleLabels labels = colourScaleLabels(method);
    const int room = width - 2 * pad;
    const int lowWidth = text.width(labels.low);
    const QString high = lowWidth + px + text.width(labels.high) <= room ? labels.high : labels.highShort;
    const QRect line(pad, textTop, room, text.lineHeight());
    text.draw(band, line, Qt::AlignLeft, labels.low);
    text.draw(band, line.adjusted(std::min(room, lowWidth + px), 0, 0, 0), Qt::AlignRight, high);
    return band;
}

media::RgbImage withColourScale(
    const media::RgbImage &picture, const QString &colormap, AttentionMethod method)
{
    if (picture.empty())
        return picture;
    const media::RgbImage band = renderColourScale(
        picture.width, colormap, method, textPixelSizeFor(std::min(picture.width, picture.height)));
    media::RgbImage out = media::RgbImage::filled(picture.width, picture.height + band.height);
    std::copy(picture.pixels.begin(), picture.pixels.end(), out.pixels.begin());
    std::copy(
        band.pixels.begin(), band.pixels.end(), out.pixels.begin() + std::ptrdiff_t(picture.pixels.size()));
    return out;
}

} // namespace mplug2::app
