#pragma once
/// What the torch runtime of this process looks like, and the one place that
/// sets its thread count.
///
///     mplug2::model::configureThreads(0);   // 0 = every CPU we may use
///     auto info = mplug2::model::runtimeInfo();
///     std::cout << info.torchVersion << ' ' << info.intraOpThreads << '\n';
///
/// Threading: call configureThreads() once at start-up, before any model runs.

#include <string>

namespace mplug2::model {

struct RuntimeInfo {
    std::string torchVersion; ///< e.g. "1.13.0"
    int intraOpThreads = 1; ///< at::get_num_threads()
    int usableCpus = 1; ///< CPUs in this process's affinity mask
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    std::string blas; ///< BLAS library the process uses, when known
    bool cpuBf16Native = false; ///< AVX512_BF16 in use (computetarget.h)
    std::string cpuBf16; ///< describeCpuBf16()
};

RuntimeInfo runtimeInfo();

/// CPUs this process may run on (sched_getaffinity), at least 1.
int usableCpuCount();

/// LibTorch defaults to one intra-op thread on small machines; set it from
/// the CPUs we may use (`threads` <= 0) or to `threads`. Returns the count set.
/// Also keeps the allocator from handing large blocks back to the kernel
/// after each use (see runtimeinfo.cpp): part of the same start-up set-up.
int configureThreads(int threads);

} // namespace mplug2::model
