#pragma once
/// Pictures between the media layer (media::RgbImage, 8-bit RGB, no row
/// padding) and Qt (QImage): the engine hands the sampled frames to the GUI
/// as QImages, the exporters hand QImages to media's encoders.
///
///     QImage shown = toQImage(rgb);
///     media::RgbImage back = toRgbImage(shown);   // any QImage format

#include "media/core/rgbimage.h"

#include <QImage>

namespace mplug2::app {

QImage toQImage(const media::RgbImage &image);
media::RgbImage toRgbImage(const QImage &image);

} // namespace mplug2::app
