#pragma once
/// Pictures between media/ (RgbImage, Qt-free) and Qt (QImage).
///
///     QImage shown = toQImage(batch.frames[0].image);     // deep copy, Format_RGB888
///     media::RgbImage pixels = toRgbImage(shown);          // any QImage format

#include "media/core/rgbimage.h"

#include <QImage>

namespace mplug2::app {

/// A deep copy as QImage::Format_RGB888 (null for an empty picture).
QImage toQImage(const media::RgbImage &image);
/// The picture as 8-bit RGB (alpha dropped, converted from any format).
media::RgbImage toRgbImage(const QImage &image);

} // namespace mplug2::app
