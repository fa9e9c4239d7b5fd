#pragma once
/// The colour scale of the attention figures: the colormap of the overlay
/// from low (left) to high (right), with what its ends mean ("low" …
/// "high attention"). The exported frames carry it under the picture, the
/// contact sheet once under its rows; the attention panel shows the same
/// words beside its own scale.
///
///     media::RgbImage band = renderColourScale(224, QStringLiteral("jet"), AttentionMethod::CrossAttention);
///     media::RgbImage figure = withColourScale(overlay, QStringLiteral("jet"), AttentionMethod::GradCam);

#include "app/engine/attentionmaps.h"
#include "media/core/rgbimage.h"
#include "media/render/heatmapoverlay.h"

#include <QString>

namespace mplug2::app {

/// The exporters' colormap names ("jet", "inferno", "viridis", "turbo"; others: jet).
media::Colormap colormapNamed(const QString &name);

/// The words at the scale's ends for maps of `method`.
struct ColourScaleLabels {
    QString low; ///< "low"
    QString high; ///< "high attention", "high relevance", "high importance"
    QString highShort; ///< "high", where the long form does not fit
};
ColourScaleLabels colourScaleLabels(AttentionMethod method);

/// `width` x `height` of the colormap's colours, 0 at the left, 1 at the right.
media::RgbImage colourRamp(const QString &colormap, int width, int height);

/// A band `width` px wide: the ramp, and the labels under it in text of
/// `textPixelSize` px (0: sized for the width), on the figures' background.
media::RgbImage renderColourScale(
    int width, const QString &colormap, AttentionMethod method, int textPixelSize = 0);

/// `picture` with the colour scale under it, as wide as the picture.
media::RgbImage withColourScale(
    const media::RgbImage &picture, const QString &colormap, AttentionMethod method);

} // namespace mplug2::app
