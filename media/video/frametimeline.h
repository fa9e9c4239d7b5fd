#pragma once
// Internal to media/: the presentation timestamp of every frame of a video
// stream, so that "frame i" means what decord (the official reader) means:
// the i-th frame in presentation order. Exact when the timestamps were read
// from the container index or a packet scan; otherwise a constant-rate model
// (start + i / fps), flagged as estimated.

#include <cstdint>
#include <vector>

namespace mplug2::media::ffmpeg {

class FrameTimeline {
public:
    /// Timestamps beyond +-2^52 ticks come only from damaged or hostile
    /// files; refusing them keeps every difference and sum of timestamps,
    /// and every conversion through double, exact and free of overflow.
    static constexpr int64_t kMaxAbsTimestamp = int64_t(1) << 52;
    static bool plausible(int64_t pts) { return pts >= -kMaxAbsTimestamp && pts <= kMaxAbsTimestamp; }

    /// `sortedPts` ascending; `keyDts` the decode timestamps of key frames, ascending.
    static FrameTimeline exact(std::vector<int64_t> sortedPts, std::vector<int64_t> keyDts);
    /// `count` frames starting at `startPts`, `step` ticks apart.
    static FrameTimeline estimated(int64_t startPts, double step, int64_t count, std::vector<int64_t> keyDts);

    int64_t count() const { return m_count; }
    bool isExact() const { return m_exact; }
    int64_t ptsOf(int64_t index) const;
    /// The frame shown at `pts`: the last one starting at or before it (0 before the first).
    int64_t indexAt(int64_t pts) const;
    /// True when the timestamps are not evenly spaced.
    bool variableRate() const;
    /// The key frame a decoder would have to start from to reach `pts`
    /// (largest key dts <= pts), or INT64_MIN when unknown.
    int64_t keyDtsBefore(int64_t pts) const;

private:
    std::vector<int64_t> m_pts;
    std::vector<int64_t> m_keyDts;
    int64_t m_count = 0;
    int64_t m_start = 0;
    double m_step = 1;
    bool m_exact = false;
};

} // namespace mplug2::media::ffmpeg
