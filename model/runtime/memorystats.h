#pragma once
/// Peak memory of this process on a device, for benchmarks: the CPU's peak
/// resident set (VmHWM) and the CUDA caching allocator's peak allocation.
///
///     resetPeakMemory(device);
///     run();
///     int64_t bytes = peakMemoryBytes(device);    // -1 when unknown

#include <c10/core/Device.h>

#include <cstdint>

namespace mplug2::model {

/// Starts a new peak (CPU: via /proc/self/clear_refs; CUDA: allocator stats).
void resetPeakMemory(c10::Device device);
int64_t peakMemoryBytes(c10::Device device);

} // namespace mplug2::model
