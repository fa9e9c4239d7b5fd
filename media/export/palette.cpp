#include "media/export/palette.h"

#include <algorithm>

namespace mplug2::media {

namespace {

using Pixel = std::array<uint8_t, 3>;

struct Box {
    std::vector<Pixel>::iterator begin;
    std::vector<Pixel>::iterator end;

    int widestChannel(int &range) const
    {
        std::array<int, 3> lo {255, 255, 255};
        std::array<int, 3> hi {0, 0, 0};
        for (auto it = begin; it != end; ++it) {
            for (int c = 0; c < 3; ++c) {
                lo[c] = std::min<int>(lo[c], (*it)[c]);
                hi[c] = std::max<int>(hi[c], (*it)[c]);
            }
        }
        int best = 0;
        for (int c = 1; c < 3; ++c) {
            if (hi[c] - lo[c] > hi[best] - lo[best])
                best = c;
        }
        range = hi[best] - lo[best];
        return best;
    }

    Pixel mean() const
    {
        std::array<uint64_t, 3> sum {};
        for (auto it = begin; it != end; ++it) {
            for (int c = 0; c < 3; ++c)
                sum[c] += (*it)[c];
        }
        const auto n = static_cast<uint64_t>(end - begin);
        Pixel p {};
        for (int c = 0; c < 3; ++c)
            p[c] = static_cast<uint8_t>((sum[c] + n / 2) / n);
        return p;
    }
};

constexpr size_t kMaxSamples = 1 << 18;

} // namespace

Palette Palette::medianCut(const std::vector<RgbImage> &frames, int maxColors)
{
    maxColors = std::clamp(maxColors, 1, 256);
    size_t total = 0;
    for (const RgbImage &f : frames)
        total += static_cast<size_t>(f.width) * f.height;
    const size_t stride = std::max<size_t>(1, total / kMaxSamples);
    std::vector<Pixel> samples;
    samples.reserve(std::min(total, kMaxSamples + frames.size()));
    for (const RgbImage &f : frames) {
        const size_t n = static_cast<size_t>(f.width) * f.height;
        for (size_t i = 0; i < n; i += stride)
            samples.push_back({f.pixels[i * 3], f.pixels[i * 3 + 1], f.pixels[i * 3 + 2]});
    }
    Palette palette;
    if (samples.empty()) {
        palette.m_colors.push_back({0, 0, 0});
        palette.buildLookup();
        return palette;
    }
    std::vector<Box> boxes {{samples.begin(), samples.end()}};
    while (static_cast<int>(boxes.size()) < maxColors) {
        // Split, at the median of its widest channel, the box whose spread
        // weighs most (range x pixel count): busy regions get more colours.
        int bestBox = -1;
        double bestScore = 0;
        int bestChannel = 0;
        for (size_t i = 0; i < boxes.size(); ++i) {
            const auto count = boxes[i].end - boxes[i].begin;
            if (count < 2)
                continue;
            int range = 0;
            const int channel = boxes[i].widestChannel(range);
            const double score = static_cast<double>(range) * static_cast<double>(count);
            if (range > 0 && score > bestScore) {
                bestScore = score;
                bestBox = static_cast<int>(i);
                bestChannel = channel;
            }
        }
        if (bestBox < 0)
            break;
        Box box = boxes[bestBox];
        const auto middle = box.begin + (box.end - box.begin) / 2;
        std::nth_element(box.begin, middle, box.end,
            [c = bestChannel](const Pixel &a, const Pixel &b) { return a[c] < b[c]; });
        boxes[bestBox] = Box {box.begin, middle};
        boxes.push_back(Box {middle, box.end});
    }
    for (const Box &box : boxes)
        palette.m_colors.push_back(box.mean());
    palette.buildLookup();
    return palette;
}

void Palette::buildLookup()
{
    m_lookup.assign(32 * 32 * 32, 0);
    for (int r = 0; r < 32; ++r) {
        for (int g = 0; g < 32; ++g) {
            for (int b = 0; b < 32; ++b) {
                const int cr = r * 8 + 4;
                const int cg = g * 8 + 4;
                const int cb = b * 8 + 4;
                int best = 0;
                int bestDistance = INT32_MAX;
                for (size_t i = 0; i < m_colors.size(); ++i) {
                    const int dr = cr - m_colors[i][0];
                    const int dg = cg - m_colors[i][1];
                    const int db = cb - m_colors[i][2];
                    const int distance = dr * dr + dg * dg + db * db;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = static_cast<int>(i);
                    }
                }
                m_lookup[(r << 10) | (g << 5) | b] = static_cast<uint8_t>(best);
            }
        }
    }
}

uint8_t Palette::nearest(uint8_t r, uint8_t g, uint8_t b) const
{
    return m_lookup[((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3)];
}

} // namespace mplug2::media
