#include "media/video/shotdetection.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace mplug2::media {

namespace {

constexpr int kHueBins = 16;
constexpr int kGreyBins = 8;
/// Below this saturation or value a pixel's hue says nothing: it counts by value.
constexpr int kMinSaturation = 64;
constexpr int kMinValue = 48;
/// Frames read per call to the reader while scanning.
constexpr size_t kScanBatch = 16;

/// OpenCV's 8-bit RGB -> HSV: H in [0, 180), S and V in [0, 255].
void toHsv(int r, int g, int b, uint8_t *out)
{
    const int v = std::max({r, g, b});
    const int lo = std::min({r, g, b});
    const int diff = v - lo;
    const int s = v == 0 ? 0 : (255 * diff + v / 2) / v;
    double h = 0;
    if (diff > 0) {
        if (v == r)
            h = 60.0 * (g - b) / diff;
        else if (v == g)
            h = 120.0 + 60.0 * (b - r) / diff;
        else
            h = 240.0 + 60.0 * (r - g) / diff;
        if (h < 0)
            h += 360.0;
    }
    out[0] = uint8_t(std::min(179, int(std::lround(h / 2)) % 180));
    out[1] = uint8_t(s);
    out[2] = uint8_t(v);
}

} // namespace

ShotDetector::ShotDetector(ShotDetectorOptions options)
    : m_options(options)
{ }

ShotDetector::Signature ShotDetector::signatureOf(const RgbImage &frame, int analysisSide)
{
    Signature sig;
    sig.histogram.assign(kHueBins + kGreyBins, 0.f);
    if (frame.empty())
        return sig;
    const int side = std::max(1, analysisSide);
    const int factor = std::max(1, (std::max(frame.width, frame.height) + side - 1) / side);
    sig.width = std::max(1, frame.width / factor);
    sig.height = std::max(1, frame.height / factor);
    sig.hsv.resize(size_t(sig.width) * sig.height * 3);
    const int boxW = std::min(factor, frame.width);
    const int boxH = std::min(factor, frame.height);
    const int area = boxW * boxH;
    for (int y = 0; y < sig.height; ++y)
        for (int x = 0; x < sig.width; ++x) {
            int sum[3] = {0, 0, 0};
            for (int dy = 0; dy < boxH; ++dy) {
                const uint8_t *p = frame.at(x * boxW, y * boxH + dy);
                for (int dx = 0; dx < boxW; ++dx, p += 3) {
                    sum[0] += p[0];
                    sum[1] += p[1];
                    sum[2] += p[2];
                }
            }
            uint8_t *hsv = sig.hsv.data() + (size_t(y) * sig.width + x) * 3;
            toHsv((sum[0] + area / 2) / area, (sum[1] + area / 2) / area, (sum[2] + area / 2) / area, hsv);
            // Soft between hue and grey: compression smears colour at a
            // shape's edge, and a hard saturation cut would make those
            // pixels jump between the two as the shape moves.
            const float coloured
                = std::clamp((float(hsv[1]) - kMinSaturation / 2.f) / kMinSaturation, 0.f, 1.f)
                * std::clamp((float(hsv[2]) - kMinValue / 2.f) / kMinValue, 0.f, 1.f);
            sig.histogram[size_t(hsv[0] * kHueBins / 180)] += coloured;
            sig.histogram[size_t(kHueBins + hsv[2] * kGreyBins / 256)] += 1.f - coloured;
        }
    const float pixels = float(sig.width) * float(sig.height);
    for (float &v : sig.histogram)
        v /= pixels;
    return sig;
}

ShotDetector::Scores ShotDetector::compare(const Signature &a, const Signature &b)
{
    Scores s;
    // Hue bins are compared after a circular [1 2 1] blur: a colour whose hue
    // sits on a bin edge (red sits on the wrap) moves between two bins from
    // frame to frame without changing.
    auto blurred = [](const std::vector<float> &h, int i) {
        if (i >= kHueBins)
            return double(h[size_t(i)]);
        const int before = (i + kHueBins - 1) % kHueBins;
        const int after = (i + 1) % kHueBins;
        return (double(h[size_t(before)]) + 2 * double(h[size_t(i)]) + double(h[size_t(after)])) / 4;
    };
    double l1 = 0;
    if (a.histogram.size() == b.histogram.size())
        for (int i = 0; i < int(a.histogram.size()); ++i)
            l1 += std::abs(blurred(a.histogram, i) - blurred(b.histogram, i));
    s.histogram = l1 / 2;
    if (a.width != b.width || a.height != b.height || a.hsv.empty()) {
        s.content = 255; // a new size: nothing alike
        return s;
    }
    int64_t sum = 0;
    for (size_t i = 0; i < a.hsv.size(); ++i)
        sum += std::abs(int(a.hsv[i]) - int(b.hsv[i]));
    s.content = double(sum) / double(a.hsv.size());
    return s;
}

bool ShotDetector::add(const RgbImage &frame, double seconds)
{
    Signature sig = signatureOf(frame, m_options.analysisSide);
    if (!m_hasPrevious) {
        m_previous = std::move(sig);
        m_hasPrevious = true;
        m_lastCut = seconds;
        m_last = {};
        return false;
    }
    m_last = compare(m_previous, sig);
    m_previous = std::move(sig);
    const bool cut = m_last.histogram >= m_options.histogramThreshold
        && m_last.content >= m_options.contentThreshold && seconds - m_lastCut >= m_options.minShotSeconds;
    if (cut)
        m_lastCut = seconds;
    return cut;
}

Expected<ShotScan> scanShots(VideoReader &reader, const ShotDetectorOptions &options,
    const AnalysedFrameSink &sink, const std::function<void(double, double)> &progress)
{
    if (!(options.analysisFps > 0) || options.analysisFps > 120)
        return makeError(ErrorCode::InvalidArgument, "the shot analysis rate must be in (0, 120] frames/s");
    const VideoInfo &info = reader.info();
    const double duration = info.durationSeconds;
    ShotScan scan;
    scan.durationSeconds = duration;
    if (!(duration > 0))
        return makeError(ErrorCode::Format, "the video has no duration: no shots to find");
    ShotDetector detector(options);
    const int64_t steps = std::max<int64_t>(1, int64_t(std::ceil(duration * options.analysisFps - 1e-9)));
    double lastSeconds = -1;
    for (int64_t first = 0; first < steps; first += int64_t(kScanBatch)) {
        std::vector<double> times;
        for (int64_t i = first; i < std::min(steps, first + int64_t(kScanBatch)); ++i)
            times.push_back(double(i) / options.analysisFps);
        Expected<FrameBatch> batch = reader.readFramesAt(times);
        if (!batch) {
            if (batch.error().code == ErrorCode::Cancelled || scan.analysedFrames == 0)
                return batch.error();
            break; // a truncated file: the shots seen so far stand
        }
        for (const VideoFrame &f : batch->frames) {
            if (f.seconds <= lastSeconds)
                continue; // a slow video shows one frame at several analysis times
            lastSeconds = f.seconds;
            const bool cut = detector.add(f.image, f.seconds);
            if (cut)
                scan.cuts.push_back(f.seconds);
            ++scan.analysedFrames;
            if (sink)
                if (Expected<void> ok = sink(f, cut); !ok)
                    return ok.error();
        }
        if (progress)
            progress(std::min(duration, times.back()), duration);
        if (!batch->missing.empty())
            break;
    }
    return scan;
}

MomentSplitter::MomentSplitter(double maxWindowSeconds)
    : m_window(maxWindowSeconds > 0 ? maxWindowSeconds : 8.0)
{ }

std::vector<MomentSpan> MomentSplitter::close(double end)
{
    std::vector<MomentSpan> out;
    const double length = end - m_pendingStart;
    if (!(length > 0))
        return out;
    const int parts = std::max(1, int(std::ceil(length / m_window - 1e-9)));
    for (int k = 0; k < parts; ++k) {
        const double start = m_pendingStart + length * k / parts;
        const double stop = k + 1 == parts ? end : m_pendingStart + length * (k + 1) / parts;
        out.push_back({start, stop, m_shot});
    }
    m_pendingStart = end;
    return out;
}

std::vector<MomentSpan> MomentSplitter::add(double seconds, bool cut)
{
    if (!m_started) {
        m_started = true;
        m_pendingStart = 0;
    }
    std::vector<MomentSpan> out;
    if (cut) {
        out = close(seconds);
        ++m_shot;
        m_pendingStart = seconds;
    } else if (seconds - m_pendingStart >= 2 * m_window) {
        out.push_back({m_pendingStart, m_pendingStart + m_window, m_shot});
        m_pendingStart += m_window;
    }
    return out;
}

std::vector<MomentSpan> MomentSplitter::finish(double endSeconds)
{
    m_started = true;
    return close(endSeconds);
}

std::vector<MomentSpan> momentsOf(const ShotScan &scan, double maxWindowSeconds)
{
    const double window = maxWindowSeconds > 0 ? maxWindowSeconds : 8.0;
    std::vector<MomentSpan> out;
    std::vector<double> bounds {0.0};
    for (double cut : scan.cuts)
        if (cut > bounds.back() && cut < scan.durationSeconds)
            bounds.push_back(cut);
    bounds.push_back(scan.durationSeconds);
    for (size_t shot = 0; shot + 1 < bounds.size(); ++shot) {
        // What MomentSplitter does as the frames arrive: whole windows while
        // more than two remain, then the rest split evenly.
        double start = bounds[shot];
        const double end = bounds[shot + 1];
        while (end - start > 2 * window) {
            out.push_back({start, start + window, int(shot)});
            start += window;
        }
        const double length = end - start;
        if (!(length > 0))
            continue;
        const int parts = std::max(1, int(std::ceil(length / window - 1e-9)));
        for (int k = 0; k < parts; ++k)
            out.push_back({start + length * k / parts,
                k + 1 == parts ? end : start + length * (k + 1) / parts, int(shot)});
    }
    return out;
}

} // namespace mplug2::media
