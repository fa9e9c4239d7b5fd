#include "app/engine/imageconversion.h"

#include <cstring>

namespace mplug2::app {

QImage toQImage(const media::RgbImage &image)
{
    if (image.empty())
        return {};
    QImage out(image.width, image.height, QImage::Format_RGB888);
    for (int y = 0; y < image.height; ++y)
        std::memcpy(out.scanLine(y), image.row(y), image.rowBytes());
    return out;
}

media::RgbImage toRgbImage(const QImage &image)
{
    if (image.isNull())
        return {};
    const QImage rgb
        = image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
    media::RgbImage out = media::RgbImage::filled(rgb.width(), rgb.height());
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(out.row(y), rgb.constScanLine(y), out.rowBytes());
    return out;
}

} // namespace mplug2::app
