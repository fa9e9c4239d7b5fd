#include "model/runtime/runtimeinfo.h"

#include <torch/torch.h>

#include <fstream>
#include <sched.h>

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

int configureThreads(int threads)
{
    const int n = threads > 0 ? threads : usableCpuCount();
    at::set_num_threads(n);
    return at::get_num_threads();
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
    return info;
}

} // namespace mplug2::model
