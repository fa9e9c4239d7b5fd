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
/// the CPUs we may use (`threads` <= 0; $OMP_NUM_THREADS wins when set) or
/// to `threads`. Returns the count set.
/// Also keeps the allocator from handing large blocks back to the kernel
/// after each use (see runtimeinfo.cpp): part of the same start-up set-up.
int configureThreads(int threads);

/// Threads that follow the cores other processes leave free. Even splits and
/// barriers lose when one of their threads shares a core: with one of 2
/// cores kept busy, Base fp32 took 2.15x its idle time on 2 threads and
/// 1.74x on 1 (visual 2.28x -> 1.85x, universal 2.70x -> 1.79x; bf16 total
/// 1.83x -> 1.85x). So before each stage, followFreeCores() sets this
/// thread's count to configureThreads()'s less the other tasks ready to run
/// now (/proc/loadavg, the fewest of three reads a millisecond apart), at
/// least 1, and returns it. Off (it changes nothing) until
/// setFollowFreeCores(true): the app, the CLI and mplug2-bench turn it on;
/// tests that compare runs keep a fixed count. $OMP_NUM_THREADS keeps it off.
void setFollowFreeCores(bool on);
int followFreeCores();

/// Other tasks ready to run now, from /proc/loadavg's "running/total" (less
/// the reader); -1 when it cannot be read.
int otherRunnableTasks();

} // namespace mplug2::model
