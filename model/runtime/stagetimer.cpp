#include "model/runtime/stagetimer.h"

#include <torch/torch.h>

namespace mplug2::model {

StageTimer::StageTimer(c10::Device device)
    : m_device(device)
{
    synchronize();
    m_last = std::chrono::steady_clock::now();
}

void StageTimer::synchronize() const
{
    if (m_device.is_cuda())
        torch::cuda::synchronize(m_device.has_index() ? m_device.index() : -1);
}

double StageTimer::lap()
{
    synchronize();
    const auto now = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - m_last).count();
    m_last = now;
    return ms;
}

} // namespace mplug2::model
