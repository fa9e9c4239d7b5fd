#include "model/synthetic/codecsimulation.h"

#include <algorithm>
#include <cmath>

namespace mplug2::model::synthetic {

namespace {

constexpr double kMinCrf = 16;
constexpr double kMaxCrf = 34;

struct Plane {
    int width = 0;
    int height = 0;
    std::vector<float> v;
    float &at(int x, int y) { return v[size_t(y) * width + x]; }
    float at(int x, int y) const { return v[size_t(y) * width + x]; }
};

// A 3x3 blur whose side weights are `w` (w = 0: unchanged).
void blur(Plane &p, float w)
{
    if (w <= 0)
        return;
    Plane out = p;
    const float norm = 1.0f / (1 + 4 * w + 4 * w * w);
    for (int y = 0; y < p.height; ++y) {
        const int ya = std::max(0, y - 1), yb = std::min(p.height - 1, y + 1);
        for (int x = 0; x < p.width; ++x) {
            const int xa = std::max(0, x - 1), xb = std::min(p.width - 1, x + 1);
            const float centre = p.at(x, y);
            const float sides = p.at(xa, y) + p.at(xb, y) + p.at(x, ya) + p.at(x, yb);
            const float corners = p.at(xa, ya) + p.at(xb, ya) + p.at(xa, yb) + p.at(xb, yb);
            out.at(x, y) = (centre + w * sides + w * w * corners) * norm;
        }
    }
    p = std::move(out);
}

// Adds noise of deviation `sigma` (triangular: a sum of two uniforms) and rounds.
void quantise(Plane &p, float sigma, SceneRandom &random)
{
    const float scale = sigma * 2.0f / float(UINT32_MAX);
    for (float &x : p.v) {
        const uint64_t r = random.next();
        const float noise
            = (float(uint32_t(r)) + float(uint32_t(r >> 32)) - float(UINT32_MAX)) * scale * 0.5f;
        x = std::round(x + noise * 2.4494897f); // sqrt(6): unit deviation
    }
}

std::vector<int> nearestIndices(int in, int out)
{
    std::vector<int> index(static_cast<size_t>(out));
    const float scale = float(in) / float(out);
    for (int i = 0; i < out; ++i)
        index[size_t(i)] = out == in ? i
            : out == 2 * in          ? i >> 1
                                     : std::min(int(std::floor(float(i) * scale)), in - 1);
    return index;
}

struct Taps {
    int first = 0;
    std::vector<double> weights;
};

// PIL's separable resampling coefficients for the bicubic filter (a = -0.5).
std::vector<Taps> cubicTaps(int in, int out)
{
    auto cubic = [](double x) {
        const double a = -0.5;
        x = std::abs(x);
        if (x < 1)
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        if (x < 2)
            return (((x - 5) * x + 8) * x - 4) * a;
        return 0.0;
    };
    const double scale = double(in) / out;
    const double filterScale = std::max(1.0, scale);
    const double support = 2.0 * filterScale;
    std::vector<Taps> taps(static_cast<size_t>(out));
    for (int i = 0; i < out; ++i) {
        const double centre = (i + 0.5) * scale;
        const int first = std::max(0, int(centre - support + 0.5));
        const int last = std::min(in, int(centre + support + 0.5));
        Taps &t = taps[size_t(i)];
        t.first = first;
        double sum = 0;
        for (int x = first; x < last; ++x) {
            const double w = cubic((x - centre + 0.5) / filterScale);
            t.weights.push_back(w);
            sum += w;
        }
        for (double &w : t.weights)
            w = sum != 0 ? w / sum : 0;
    }
    return taps;
}

} // namespace

void simulateCompression(RgbFrame &frame, int crf, SceneRandom &random)
{
    const float strength = float(std::clamp((crf - kMinCrf) / (kMaxCrf - kMinCrf), 0.0, 1.0));
    const int w = frame.width, h = frame.height;
    Plane y {w, h, std::vector<float>(size_t(w) * h)};
    const int cw = (w + 1) / 2, ch = (h + 1) / 2;
    Plane cb {cw, ch, std::vector<float>(size_t(cw) * ch)};
    Plane cr = cb;
    // BT.601 full range; chroma averaged over 2x2 blocks (4:2:0).
    for (int j = 0; j < h; ++j)
        for (int i = 0; i < w; ++i) {
            const uint8_t *p = frame.at(i, j);
            const float r = p[0], g = p[1], b = p[2];
            y.at(i, j) = 0.299f * r + 0.587f * g + 0.114f * b;
            cb.at(i / 2, j / 2) += -0.168736f * r - 0.331264f * g + 0.5f * b;
            cr.at(i / 2, j / 2) += 0.5f * r - 0.418688f * g - 0.081312f * b;
        }
    for (int j = 0; j < ch; ++j)
        for (int i = 0; i < cw; ++i) {
            const int count = (std::min(w, 2 * i + 2) - 2 * i) * (std::min(h, 2 * j + 2) - 2 * j);
            cb.at(i, j) /= float(count);
            cr.at(i, j) /= float(count);
        }
    blur(y, strength * float(random.uniform(0.0, 0.35)));
    blur(cb, strength * float(random.uniform(0.0, 0.6)));
    blur(cr, strength * float(random.uniform(0.0, 0.6)));
    quantise(y, 0.4f + 2.5f * strength, random);
    quantise(cb, 0.4f + 1.5f * strength, random);
    quantise(cr, 0.4f + 1.5f * strength, random);
    // Chroma back to full size by linear interpolation between sample centres.
    for (int j = 0; j < h; ++j) {
        const float fy = std::clamp((j - 0.5f) / 2.0f, 0.0f, float(ch - 1));
        const int y0 = int(fy), y1 = std::min(ch - 1, y0 + 1);
        const float ay = fy - float(y0);
        for (int i = 0; i < w; ++i) {
            const float fx = std::clamp((i - 0.5f) / 2.0f, 0.0f, float(cw - 1));
            const int x0 = int(fx), x1 = std::min(cw - 1, x0 + 1);
            const float ax = fx - float(x0);
            auto lerp = [&](const Plane &p) {
                const float top = p.at(x0, y0) + (p.at(x1, y0) - p.at(x0, y0)) * ax;
                const float bottom = p.at(x0, y1) + (p.at(x1, y1) - p.at(x0, y1)) * ax;
                return top + (bottom - top) * ay;
            };
            const float l = y.at(i, j), u = lerp(cb), v = lerp(cr);
            uint8_t *p = frame.at(i, j);
            p[0] = uint8_t(std::clamp(std::lround(l + 1.402f * v), 0L, 255L));
            p[1] = uint8_t(std::clamp(std::lround(l - 0.344136f * u - 0.714136f * v), 0L, 255L));
            p[2] = uint8_t(std::clamp(std::lround(l + 1.772f * u), 0L, 255L));
        }
    }
}

RgbFrame resizeNearest(const RgbFrame &frame, int width, int height)
{
    const std::vector<int> xs = nearestIndices(frame.width, width);
    const std::vector<int> ys = nearestIndices(frame.height, height);
    RgbFrame out {width, height, std::vector<uint8_t>(size_t(width) * height * 3)};
    for (int j = 0; j < height; ++j)
        for (int i = 0; i < width; ++i)
            std::copy_n(frame.at(xs[size_t(i)], ys[size_t(j)]), 3, out.at(i, j));
    return out;
}

RgbFrame resizeCubic(const RgbFrame &frame, int width, int height)
{
    const std::vector<Taps> xt = cubicTaps(frame.width, width);
    const std::vector<Taps> yt = cubicTaps(frame.height, height);
    // Horizontal pass into floats, then vertical pass with rounding and clamping.
    std::vector<float> rows(size_t(width) * frame.height * 3);
    for (int j = 0; j < frame.height; ++j)
        for (int i = 0; i < width; ++i) {
            const Taps &t = xt[size_t(i)];
            for (int c = 0; c < 3; ++c) {
                double sum = 0;
                for (size_t k = 0; k < t.weights.size(); ++k)
                    sum += t.weights[k] * frame.at(t.first + int(k), j)[c];
                rows[(size_t(j) * width + i) * 3 + c] = float(std::clamp(sum, 0.0, 255.0));
            }
        }
    RgbFrame out {width, height, std::vector<uint8_t>(size_t(width) * height * 3)};
    for (int j = 0; j < height; ++j) {
        const Taps &t = yt[size_t(j)];
        for (int i = 0; i < width; ++i)
            for (int c = 0; c < 3; ++c) {
                double sum = 0;
                for (size_t k = 0; k < t.weights.size(); ++k)
                    sum += t.weights[k] * rows[(size_t(t.first + int(k)) * width + i) * 3 + c];
                out.at(i, j)[c] = uint8_t(std::clamp(std::lround(sum), 0L, 255L));
            }
    }
    return out;
}

} // namespace mplug2::model::synthetic
