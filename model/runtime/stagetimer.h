#pragma once
/// Wall-clock time of pipeline stages on a device: lap() waits for the
/// device's queued work (CUDA) before reading the clock, so a stage's time
/// is its own. It also reads the process's CPU time (all threads), which on
/// a busy shared machine says more about the work done than the wall clock.
/// Internal header of model/.
///
///     StageTimer timer(device);
///     encode();  double encodeMs = timer.lap();  double encodeCpuMs = timer.lastCpuMs();
///     decode();  double decodeMs = timer.lap();

#include <c10/core/Device.h>
#include <chrono>

namespace mplug2::model {

class StageTimer {
public:
    explicit StageTimer(c10::Device device);
    /// Milliseconds since construction or the previous lap.
    double lap();
    /// CPU milliseconds of this process in the interval the last lap() measured.
    double lastCpuMs() const { return m_lastCpuMs; }

private:
    void synchronize() const;

    c10::Device m_device;
    std::chrono::steady_clock::time_point m_last;
    double m_cpuMark = 0.0;
    double m_lastCpuMs = 0.0;
};

} // namespace mplug2::model
