#include "media/render/thumbnail.h"

#include "media/render/matview.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace mplug2::media {

namespace {

RgbImage scaled(const RgbImage &image, int width, int height)
{
    if (width == image.width && height == image.height)
        return image;
    RgbImage out = RgbImage::filled(width, height);
    const bool shrinking = width < image.width || height < image.height;
    cv::resize(matView(image), matView(out), cv::Size(width, height), 0, 0,
        shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

} // namespace

RgbImage fitWithin(const RgbImage &image, int maxWidth, int maxHeight)
{
    if (image.empty() || maxWidth <= 0 || maxHeight <= 0)
        return {};
    const double scale = std::min(double(maxWidth) / image.width, double(maxHeight) / image.height);
    const int width = std::clamp(static_cast<int>(std::lround(image.width * scale)), 1, maxWidth);
    const int height = std::clamp(static_cast<int>(std::lround(image.height * scale)), 1, maxHeight);
    return scaled(image, width, height);
}

RgbImage letterbox(const RgbImage &image, int width, int height, std::array<uint8_t, 3> background)
{
    if (image.width == width && image.height == height)
        return image;
    RgbImage canvas = RgbImage::filled(width, height, background);
    const RgbImage fitted = fitWithin(image, width, height);
    if (fitted.empty())
        return canvas;
    const cv::Rect where(
        (width - fitted.width) / 2, (height - fitted.height) / 2, fitted.width, fitted.height);
    matView(fitted).copyTo(matView(canvas)(where));
    return canvas;
}

RgbImage makeFilmstrip(
    const std::vector<RgbImage> &frames, int frameHeight, int gap, std::array<uint8_t, 3> background)
{
    if (frameHeight <= 0)
        return {};
    gap = std::max(gap, 0);
    std::vector<RgbImage> tiles;
    for (const RgbImage &frame : frames) {
        if (frame.empty())
            continue;
        const int width
            = std::max(1, static_cast<int>(std::lround(double(frame.width) * frameHeight / frame.height)));
        tiles.push_back(scaled(frame, width, frameHeight));
    }
    if (tiles.empty())
        return {};
    int total = gap * static_cast<int>(tiles.size() - 1);
    for (const RgbImage &tile : tiles)
        total += tile.width;
    RgbImage strip = RgbImage::filled(total, frameHeight, background);
    int x = 0;
    for (const RgbImage &tile : tiles) {
        matView(tile).copyTo(matView(strip)(cv::Rect(x, 0, tile.width, tile.height)));
        x += tile.width + gap;
    }
    return strip;
}

} // namespace mplug2::media
