#include "model/runtime/memorystats.h"

#include <fstream>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(MPLUG2_WITH_CUDA) && __has_include(<c10/cuda/CUDACachingAllocator.h>)
#include <c10/cuda/CUDACachingAllocator.h>
#define MPLUG2_CUDA_MEMORY_STATS 1
#else
#define MPLUG2_CUDA_MEMORY_STATS 0
#endif

namespace mplug2::model {

namespace {

int64_t cpuPeakResidentBytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            try {
                return std::stoll(line.substr(6)) * 1024; // reported in kB
            } catch (const std::exception &) {
                return -1;
            }
        }
    }
    return -1;
}

} // namespace

int64_t releaseCachedMemory(c10::Device device)
{
    if (device.is_cpu())
        return 0;
#if MPLUG2_CUDA_MEMORY_STATS
    c10::cuda::CUDACachingAllocator::emptyCache();
    const auto stats
        = c10::cuda::CUDACachingAllocator::getDeviceStats(device.has_index() ? device.index() : 0);
    return stats.reserved_bytes[0].current;
#else
    return -1;
#endif
}

void releaseFreeHeap()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void resetPeakMemory(c10::Device device)
{
    if (device.is_cpu()) {
        releaseFreeHeap();
        // "5" resets the peak resident set size to the current one (Linux 4.0+).
        std::ofstream clear("/proc/self/clear_refs");
        clear << "5";
        return;
    }
#if MPLUG2_CUDA_MEMORY_STATS
    c10::cuda::CUDACachingAllocator::resetPeakStats(device.has_index() ? device.index() : 0);
#endif
}

int64_t peakMemoryBytes(c10::Device device)
{
    if (device.is_cpu())
        return cpuPeakResidentBytes();
#if MPLUG2_CUDA_MEMORY_STATS
    const auto stats
        = c10::cuda::CUDACachingAllocator::getDeviceStats(device.has_index() ? device.index() : 0);
    return stats.allocated_bytes[0].peak;
#else
    return -1;
#endif
}

} // namespace mplug2::model
