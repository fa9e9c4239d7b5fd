#pragma once
/// Memory of this process on a device. For benchmarks, the peak: the CPU's peak
/// resident set (VmHWM) and the CUDA caching allocator's peak allocation.
///
///     resetPeakMemory(device);
///     run();
///     int64_t bytes = peakMemoryBytes(device);    // -1 when unknown

#include <c10/core/Device.h>
#include <cstdint>

namespace mplug2::model {

/// Hands the CUDA caching allocator's unused blocks back to the driver (after
/// an out-of-memory error, so that a retry or another program gets them).
/// Returns the bytes the allocator still reserves on the device, 0 for the
/// CPU, -1 when unknown (a build without CUDA).
int64_t releaseCachedMemory(c10::Device device);

/// Hands the heap's free pages back to the system (glibc's malloc_trim), so
/// that what a finished step freed (e.g. the fp32 draws of a bf16 model)
/// neither stays resident nor counts in the next peak.
void releaseFreeHeap();

/// Starts a new peak from what is live now (CPU: releaseFreeHeap(), then
/// /proc/self/clear_refs; CUDA: allocator stats).
void resetPeakMemory(c10::Device device);
int64_t peakMemoryBytes(c10::Device device);

} // namespace mplug2::model
