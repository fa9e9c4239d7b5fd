#pragma once
/// Wall-clock time of pipeline stages on a device: lap() waits for the
/// device's queued work (CUDA) before reading the clock, so a stage's time
/// is its own. Internal header of model/.
///
///     StageTimer timer(device);
///     encode();  double encodeMs = timer.lap();
///     decode();  double decodeMs = timer.lap();

#include <c10/core/Device.h>

#include <chrono>

namespace mplug2::model {

class StageTimer {
public:
    explicit StageTimer(c10::Device device);
    /// Milliseconds since construction or the previous lap.
    double lap();

private:
    void synchronize() const;

    c10::Device m_device;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace mplug2::model
