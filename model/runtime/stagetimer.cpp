#include "model/runtime/stagetimer.h"

#include <ctime>
#include <torch/torch.h>

namespace mplug2::model {

namespace {

double processCpuMs()
{
    timespec t {};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
        return 0.0;
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

} // namespace

StageTimer::StageTimer(c10::Device device)
    : m_device(device)
{
    synchronize();
    m_last = std::chrono::steady_clock::now();
    m_cpuMark = processCpuMs();
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
    const double cpu = processCpuMs();
    m_lastCpuMs = cpu - m_cpuMark;
    m_cpuMark = cpu;
    return ms;
}

} // namespace mplug2::model
