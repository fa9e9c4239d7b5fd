#include "app/media/qimageconversion.h"

#include <cstring>

namespace mplug2::app {

QImage toQImage(const media::RgbImage &image)
{
    if (image.empty() || image.pixels.size() < image.rowBytes() * size_t(image.height))
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
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    media::RgbImage out;
    out.width = rgb.width();
    out.height = rgb.height();
    out.pixels.resize(out.rowBytes() * size_t(out.height));
    for (int y = 0; y < out.height; ++y)
        std::memcpy(out.row(y), rgb.constScanLine(y), out.rowBytes());
    return out;
}

} // namespace mplug2::app
