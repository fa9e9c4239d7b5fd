#include "media/video/frametimeline.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mplug2::media::ffmpeg {

FrameTimeline FrameTimeline::exact(std::vector<int64_t> sortedPts, std::vector<int64_t> keyDts)
{
    FrameTimeline t;
    t.m_count = static_cast<int64_t>(sortedPts.size());
    t.m_pts = std::move(sortedPts);
    t.m_keyDts = std::move(keyDts);
    t.m_exact = true;
    return t;
}

FrameTimeline FrameTimeline::estimated(
    int64_t startPts, double step, int64_t count, std::vector<int64_t> keyDts)
{
    FrameTimeline t;
    t.m_start = startPts;
    t.m_step = step > 0 ? step : 1;
    t.m_count = std::max<int64_t>(count, 0);
    t.m_keyDts = std::move(keyDts);
    return t;
}

int64_t FrameTimeline::ptsOf(int64_t index) const
{
    index = std::clamp<int64_t>(index, 0, std::max<int64_t>(m_count - 1, 0));
    if (m_exact)
        return m_pts.empty() ? 0 : m_pts[static_cast<size_t>(index)];
    return m_start + static_cast<int64_t>(std::llround(static_cast<double>(index) * m_step));
}

int64_t FrameTimeline::indexAt(int64_t pts) const
{
    if (m_count == 0)
        return 0;
    if (m_exact) {
        const auto it = std::upper_bound(m_pts.begin(), m_pts.end(), pts);
        return it == m_pts.begin() ? 0 : static_cast<int64_t>(it - m_pts.begin()) - 1;
    }
    // Round to the nearest slot: decoded timestamps of a constant-rate stream
    // can sit a tick off the model.
    const double slot
        = std::floor((static_cast<double>(pts) - static_cast<double>(m_start) + m_step / 2) / m_step);
    if (!(slot > 0)) // also NaN
        return 0;
    return slot >= static_cast<double>(m_count - 1) ? m_count - 1 : static_cast<int64_t>(slot);
}

bool FrameTimeline::variableRate() const
{
    if (!m_exact || m_pts.size() < 3)
        return false;
    const int64_t first = m_pts[1] - m_pts[0];
    for (size_t i = 2; i < m_pts.size(); ++i) {
        if (std::llabs((m_pts[i] - m_pts[i - 1]) - first) > 1)
            return true;
    }
    return false;
}

int64_t FrameTimeline::keyDtsBefore(int64_t pts) const
{
    const auto it = std::upper_bound(m_keyDts.begin(), m_keyDts.end(), pts);
    if (it == m_keyDts.begin())
        return std::numeric_limits<int64_t>::min();
    return *(it - 1);
}

} // namespace mplug2::media::ffmpeg
