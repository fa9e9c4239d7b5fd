#include "model/memoryestimate.h"

#include "model/modules/mplug2model.h"
#include "model/modules/parameterfill.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#if defined(MPLUG2_WITH_CUDA) && __has_include(<cuda_runtime_api.h>)
#include <cuda_runtime_api.h>
#define MPLUG2_CUDA_FREE_MEMORY 1
#else
#define MPLUG2_CUDA_FREE_MEMORY 0
#endif

namespace mplug2::model {

namespace {

constexpr int64_t kMiB = int64_t(1) << 20;

// Fitted to `mplug2-bench bench` peaks on the CPU (see the header).
constexpr int64_t kVisualWidths = 12; ///< the visual encoder's activations, in widths per token
constexpr int64_t kSquareFactor = 4; ///< elements per pair of visual tokens, with full fusion attention
constexpr int64_t kCpuRuntime = 180 * kMiB; ///< libraries, allocator and OpenMP/BLAS buffers
constexpr int64_t kCudaRuntime = 600 * kMiB; ///< the CUDA context and cuBLAS workspaces

int64_t bytesPerElement(Precision precision)
{
    return precision == Precision::Fp32 ? 4 : 2;
}

} // namespace

int64_t parameterCount(const Mplug2Config &config)
{
    // Built on the meta device: shapes without storage.
    ParameterScope scope(ParameterFill::Unfilled, at::TensorOptions().device(at::kMeta).dtype(at::kFloat));
    Mplug2Model network(config);
    int64_t count = 0;
    for (const at::Tensor &p : network->uniqueParameters())
        count += p.numel();
    return count;
}

MemoryEstimate estimateMemory(const Mplug2Config &config, const MemoryPlan &plan)
{
    MemoryEstimate e;
    const int64_t bytes = bytesPerElement(plan.precision);
    e.parameters = plan.parameters >= 0 ? plan.parameters : parameterCount(config);
    e.weightBytes = e.parameters * bytes;

    const int64_t frames = plan.frames > 0 ? plan.frames : config.numFrames;
    const int64_t res = plan.imageRes > 0 ? plan.imageRes : config.vision.imageRes;
    const int64_t side = res / config.vision.patchSize;
    const int64_t perFrame = side * side;
    const int64_t tokens = plan.batch * (frames * perFrame + 1);
    // The decoder keeps keys and values of the visual tokens for each of its
    // layers (shared by the beams); the visual encoder's activations come and
    // go layer by layer, a few dozen widths per token at their peak; the
    // fusion layers' attention over all visual tokens grows with their square.
    const int64_t cache = 2 * config.bert.textDecodeLayers * tokens * config.bert.hiddenSize * bytes;
    const int64_t visual = kVisualWidths * tokens * config.vision.width * bytes;
    // Only where a running fusion layer self-attends over [visual; text] (Base's stride_layer 3).
    const bool fullAttention = config.bert.strideLayer <= config.bert.fusionLayers;
    const int64_t quadratic = fullAttention ? kSquareFactor * tokens * tokens * bytes / plan.batch : 0;
    e.workingBytes = cache + visual + quadratic;
    e.runtimeBytes = plan.cuda ? kCudaRuntime : kCpuRuntime;
    return e;
}

int64_t availableMemoryBytes(bool cuda, int deviceIndex)
{
    if (const char *fake = std::getenv("MPLUG2_FAKE_MEM_AVAILABLE"); fake && *fake) {
        char *end = nullptr;
        const long long v = std::strtoll(fake, &end, 10);
        if (end && *end == '\0' && v >= 0)
            return v;
    }
    if (cuda) {
#if MPLUG2_CUDA_FREE_MEMORY
        size_t free = 0, total = 0;
        int previous = 0;
        if (cudaGetDevice(&previous) != cudaSuccess || cudaSetDevice(deviceIndex) != cudaSuccess)
            return -1;
        const bool ok = cudaMemGetInfo(&free, &total) == cudaSuccess;
        cudaSetDevice(previous);
        return ok ? int64_t(free) : -1;
#else
        (void)deviceIndex;
        return -1;
#endif
    }
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    int64_t value = 0;
    std::string unit;
    while (meminfo >> key >> value) {
        std::getline(meminfo, unit);
        if (key == "MemAvailable:")
            return value * 1024; // kB
    }
    return -1;
}

std::string formatBytes(int64_t bytes)
{
    char text[32];
    if (bytes >= 1000 * 1000 * 1000)
        std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / 1e9);
    else
        std::snprintf(text, sizeof text, "%.0f MB", double(bytes) / 1e6);
    return text;
}

} // namespace mplug2::model
