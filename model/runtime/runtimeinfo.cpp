#include "model/runtime/runtimeinfo.h"

#include "model/runtime/computetarget.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <malloc.h>
#include <sched.h>
#include <thread>
#include <torch/torch.h>

namespace mplug2::model {

int usableCpuCount()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0)
            return n;
    }
    return 1;
}

// glibc serves every block above 32 MiB with its own mmap and unmaps it on
// free, so each activation of a forward pass (Base: a 3137 x 3072 float is
// 38 MiB) costs fresh zeroed pages and their faults, about a tenth of a
// caption's time here (perf: clear_page, page faults). Serve blocks up to
// 1 GiB from the heap and keep up to 1 GiB of freed heap. Measured (Base,
// 16 frames, beam 5, 20 steps, 2 cores, same binary, glibc's settings by
// environment vs these): 10.4 s -> 9.7 s, peak RSS 3.1 -> 3.5 GiB.
// Environment settings (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_) win.
static void keepLargeBlocks()
{
    constexpr int kOneGiB = 1 << 30;
    if (!std::getenv("MALLOC_MMAP_THRESHOLD_"))
        mallopt(M_MMAP_THRESHOLD, kOneGiB);
    if (!std::getenv("MALLOC_TRIM_THRESHOLD_"))
        mallopt(M_TRIM_THRESHOLD, kOneGiB);
}

namespace {
std::atomic<int> g_configuredThreads {0};
std::atomic<bool> g_followFreeCores {false};
} // namespace

int configureThreads(int threads)
{
    keepLargeBlocks();
    // OMP_NUM_THREADS, when set, wins over the CPU count, as it does for OpenMP programs.
    int n = threads > 0 ? threads : usableCpuCount();
    if (const char *omp = std::getenv("OMP_NUM_THREADS"); threads <= 0 && omp && std::atoi(omp) > 0)
        n = std::atoi(omp);
    at::set_num_threads(n);
    g_configuredThreads = at::get_num_threads();
    return g_configuredThreads;
}

void setFollowFreeCores(bool on)
{
    g_followFreeCores = on && !std::getenv("OMP_NUM_THREADS");
}

int otherRunnableTasks()
{
    std::ifstream in("/proc/loadavg");
    double a = 0, b = 0, c = 0;
    char slash = 0;
    int running = 0, total = 0;
    if (!(in >> a >> b >> c >> running >> slash >> total) || slash != '/' || running < 1)
        return -1;
    return running - 1;
}

int followFreeCores()
{
    const int most = g_configuredThreads.load();
    if (!g_followFreeCores.load() || most <= 1)
        return at::get_num_threads();
    int others = otherRunnableTasks();
    for (int k = 0; k < 2 && others > 0; ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const int again = otherRunnableTasks();
        if (again >= 0)
            others = std::min(others, again);
    }
    const int threads = others < 0 ? most : std::clamp(most - others, 1, most);
    if (threads != at::get_num_threads())
        at::set_num_threads(threads);
    return threads;
}

static std::string loadedBlas()
{
    // The BLAS that the dynamic linker mapped into this process: reading the
    // map is the only reliable way to see which alternative Debian picked.
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        for (const char *name : {"openblas", "libblas.so", "mkl", "blis"}) {
            const auto at = line.find(name);
            if (at != std::string::npos) {
                const auto slash = line.find('/');
                return slash == std::string::npos ? std::string(name) : line.substr(slash);
            }
        }
    }
    return "unknown";
}

RuntimeInfo runtimeInfo()
{
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.intraOpThreads = at::get_num_threads();
    info.usableCpus = usableCpuCount();
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    info.blas = loadedBlas();
    info.cpuBf16Native = cpuBf16() == CpuBf16::Native;
    info.cpuBf16 = describeCpuBf16();
    return info;
}

} // namespace mplug2::model
