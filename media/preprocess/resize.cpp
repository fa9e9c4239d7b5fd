#include "media/preprocess/resize.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace mplug2::media {

namespace {

// torch 1.13 UpSample.h nearest_idx(): float scale, floorf, clamp.
std::vector<int> nearestSourceIndices(int inSize, int outSize)
{
    std::vector<int> index(static_cast<size_t>(outSize));
    const float scale = static_cast<float>(inSize) / static_cast<float>(outSize);
    for (int i = 0; i < outSize; ++i) {
        if (outSize == inSize)
            index[i] = i;
        else if (outSize == 2 * inSize)
            index[i] = i >> 1;
        else
            index[i] = std::min(static_cast<int>(std::floor(static_cast<float>(i) * scale)), inSize - 1);
    }
    return index;
}

constexpr int kPrecisionBits = 32 - 8 - 2;

double cubic(double x)
{
    constexpr double a = -0.5;
    if (x < 0.0)
        x = -x;
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

// Per output position: first source index, tap count, fixed-point taps.
struct Taps {
    int size = 0; // taps reserved per output position
    std::vector<int> first;
    std::vector<int> count;
    std::vector<int32_t> weights;
};

// Pillow's precompute_coeffs() + normalize_coeffs_8bpc() for box (0, inSize).
Taps cubicTaps(int inSize, int outSize)
{
    const float in0 = 0.0f;
    const float in1 = static_cast<float>(inSize);
    const double scale = static_cast<double>(in1 - in0) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = 2.0 * filterScale;
    Taps taps;
    taps.size = static_cast<int>(std::ceil(support)) * 2 + 1;
    taps.first.resize(static_cast<size_t>(outSize));
    taps.count.resize(static_cast<size_t>(outSize));
    taps.weights.assign(static_cast<size_t>(outSize) * taps.size, 0);
    std::vector<double> k(static_cast<size_t>(taps.size));
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = in0 + (xx + 0.5) * scale;
        const double ss = 1.0 / filterScale;
        int xmin = static_cast<int>(center - support + 0.5);
        xmin = std::max(xmin, 0);
        int xmax = static_cast<int>(center + support + 0.5);
        xmax = std::min(xmax, inSize) - xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            const double w = cubic((x + xmin - center + 0.5) * ss);
            k[x] = w;
            ww += w;
        }
        for (int x = 0; x < xmax; ++x) {
            const double v = ww != 0.0 ? k[x] / ww : k[x];
            const double fixed = v * (1 << kPrecisionBits);
            taps.weights[static_cast<size_t>(xx) * taps.size + x]
                = static_cast<int32_t>(v < 0 ? -0.5 + fixed : 0.5 + fixed);
        }
        taps.first[xx] = xmin;
        taps.count[xx] = std::max(xmax, 0);
    }
    return taps;
}

uint8_t clip8(int32_t sum)
{
    return static_cast<uint8_t>(std::clamp(sum >> kPrecisionBits, 0, 255));
}

// One pass along x over rows [rowBegin, rowEnd) of `in`.
RgbImage resampleRows(const RgbImage &in, int rowBegin, int rowEnd, const Taps &taps, int outWidth)
{
    RgbImage out;
    out.width = outWidth;
    out.height = rowEnd - rowBegin;
    out.pixels.resize(out.rowBytes() * out.height);
    for (int y = rowBegin; y < rowEnd; ++y) {
        const uint8_t *src = in.row(y);
        uint8_t *dst = out.row(y - rowBegin);
        for (int xx = 0; xx < outWidth; ++xx) {
            const int32_t *k = &taps.weights[static_cast<size_t>(xx) * taps.size];
            const uint8_t *p = src + static_cast<size_t>(taps.first[xx]) * 3;
            int32_t s0 = 1 << (kPrecisionBits - 1);
            int32_t s1 = s0;
            int32_t s2 = s0;
            for (int x = 0; x < taps.count[xx]; ++x, p += 3) {
                s0 += p[0] * k[x];
                s1 += p[1] * k[x];
                s2 += p[2] * k[x];
            }
            dst[xx * 3] = clip8(s0);
            dst[xx * 3 + 1] = clip8(s1);
            dst[xx * 3 + 2] = clip8(s2);
        }
    }
    return out;
}

// One pass along y; `rowOffset` is the first source row `in` holds.
RgbImage resampleColumns(const RgbImage &in, int rowOffset, const Taps &taps, int outHeight)
{
    RgbImage out;
    out.width = in.width;
    out.height = outHeight;
    out.pixels.resize(out.rowBytes() * out.height);
    const size_t stride = in.rowBytes();
    for (int yy = 0; yy < outHeight; ++yy) {
        const int32_t *k = &taps.weights[static_cast<size_t>(yy) * taps.size];
        const uint8_t *top = in.row(taps.first[yy] - rowOffset);
        uint8_t *dst = out.row(yy);
        for (size_t i = 0; i < stride; ++i) {
            int32_t s = 1 << (kPrecisionBits - 1);
            const uint8_t *p = top + i;
            for (int y = 0; y < taps.count[yy]; ++y, p += stride)
                s += *p * k[y];
            dst[i] = clip8(s);
        }
    }
    return out;
}

} // namespace

RgbImage resizeNearestLegacy(const RgbImage &image, int width, int height)
{
    if (image.empty() || width <= 0 || height <= 0)
        return {};
    const std::vector<int> xs = nearestSourceIndices(image.width, width);
    const std::vector<int> ys = nearestSourceIndices(image.height, height);
    RgbImage out;
    out.width = width;
    out.height = height;
    out.pixels.resize(out.rowBytes() * height);
    for (int y = 0; y < height; ++y) {
        const uint8_t *src = image.row(ys[y]);
        uint8_t *dst = out.row(y);
        for (int x = 0; x < width; ++x)
            std::memcpy(dst + static_cast<size_t>(x) * 3, src + static_cast<size_t>(xs[x]) * 3, 3);
    }
    return out;
}

RgbImage resizeBicubicPil(const RgbImage &image, int width, int height)
{
    if (image.empty() || width <= 0 || height <= 0)
        return {};
    const bool horizontal = width != image.width;
    const bool vertical = height != image.height;
    if (!horizontal && !vertical)
        return image;
    const Taps rows = cubicTaps(image.height, height);
    // Only the source rows the vertical pass reads go through the horizontal one.
    const int firstRow = rows.first.front();
    const int endRow = rows.first.back() + rows.count.back();
    if (!horizontal)
        return resampleColumns(image, 0, rows, height);
    const RgbImage wide = resampleRows(image, firstRow, endRow, cubicTaps(image.width, width), width);
    if (!vertical)
        return wide;
    return resampleColumns(wide, firstRow, rows, height);
}

} // namespace mplug2::media
