#pragma once
/// A 256-colour palette for GIF export, chosen by median cut over the
/// frames' pixels, and a fast nearest-colour lookup.
///
///     Palette palette = Palette::medianCut(frames);
///     uint8_t index = palette.nearest(r, g, b);

#include "media/core/rgbimage.h"

#include <array>
#include <cstdint>
#include <vector>

namespace mplug2::media {

class Palette {
public:
    /// At most `maxColors` (1..256) colours representative of the frames.
    static Palette medianCut(const std::vector<RgbImage> &frames, int maxColors = 256);

    const std::vector<std::array<uint8_t, 3>> &colors() const { return m_colors; }
    /// Index of the closest colour (squared RGB distance, 5 bits per channel cached).
    uint8_t nearest(uint8_t r, uint8_t g, uint8_t b) const;

private:
    void buildLookup();

    std::vector<std::array<uint8_t, 3>> m_colors;
    std::vector<uint8_t> m_lookup; // 32 x 32 x 32
};

} // namespace mplug2::media
