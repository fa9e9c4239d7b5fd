#pragma once
/// An 8-bit RGB picture in memory: rows top to bottom, pixels left to right,
/// three bytes (R, G, B) per pixel, no row padding. Every decoder in media/
/// produces this, every transform and encoder takes it.
///
///     RgbImage img = RgbImage::filled(64, 48, {255, 0, 0});
///     uint8_t green = img.at(10, 5)[1];

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mplug2::media {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels; ///< width * height * 3 bytes

    static RgbImage filled(int width, int height, std::array<uint8_t, 3> rgb = {0, 0, 0});

    bool empty() const { return width <= 0 || height <= 0; }
    size_t rowBytes() const { return static_cast<size_t>(width) * 3; }
    uint8_t *row(int y) { return pixels.data() + static_cast<size_t>(y) * rowBytes(); }
    const uint8_t *row(int y) const { return pixels.data() + static_cast<size_t>(y) * rowBytes(); }
    uint8_t *at(int x, int y) { return row(y) + static_cast<size_t>(x) * 3; }
    const uint8_t *at(int x, int y) const { return row(y) + static_cast<size_t>(x) * 3; }

    bool operator==(const RgbImage &other) const = default;
};

inline RgbImage RgbImage::filled(int width, int height, std::array<uint8_t, 3> rgb)
{
    RgbImage img;
    img.width = width;
    img.height = height;
    img.pixels.resize(static_cast<size_t>(width) * height * 3);
    for (size_t i = 0; i < img.pixels.size(); i += 3) {
        img.pixels[i] = rgb[0];
        img.pixels[i + 1] = rgb[1];
        img.pixels[i + 2] = rgb[2];
    }
    return img;
}

} // namespace mplug2::media
