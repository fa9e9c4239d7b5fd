#include "model/runtime/computetarget.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <torch/torch.h>

namespace mplug2::model {

namespace {

bool cpuHasBf16Instructions()
{
#if defined(__x86_64__) && defined(__GNUC__)
    return __builtin_cpu_supports("avx512bf16");
#else
    return false;
#endif
}

std::atomic<bool> g_forceEmulated {false};

bool emulatedByEnvironment()
{
    static const bool emulated = [] {
        const char *value = std::getenv("MPLUG2_CPU_BF16");
        return value && std::strcmp(value, "emulated") == 0;
    }();
    return emulated;
}

} // namespace

CpuBf16 cpuBf16()
{
    if (g_forceEmulated.load(std::memory_order_relaxed) || emulatedByEnvironment()
        || !cpuHasBf16Instructions())
        return CpuBf16::Emulated;
    return CpuBf16::Native;
}

void setCpuBf16Emulated(bool emulated)
{
    g_forceEmulated.store(emulated, std::memory_order_relaxed);
}

std::string describeCpuBf16()
{
    if (cpuBf16() == CpuBf16::Native)
        return "native (AVX512_BF16)";
    return cpuHasBf16Instructions() ? "emulated (native AVX512_BF16 turned off)"
                                    : "emulated (no AVX512_BF16: slower than fp32)";
}

std::optional<Precision> parsePrecision(std::string_view name)
{
    if (name == "fp32" || name == "float32")
        return Precision::Fp32;
    if (name == "fp16" || name == "float16" || name == "half")
        return Precision::Fp16;
    if (name == "bf16" || name == "bfloat16")
        return Precision::Bf16;
    return std::nullopt;
}

const char *precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Fp32:
        return "fp32";
    case Precision::Fp16:
        return "fp16";
    case Precision::Bf16:
        return "bf16";
    }
    return "fp32";
}

Expected<void> checkComputeTarget(const ComputeTarget &target)
{
    std::optional<c10::Device> device;
    try {
        device = c10::Device(target.device);
    } catch (const std::exception &) {
        return makeError(
            ErrorCode::InvalidArgument, "unknown device '" + target.device + "' (use cpu, cuda or cuda:N)");
    }
    if (device->is_cuda()) {
        if (!torch::cuda::is_available())
            return makeError(ErrorCode::Unsupported,
                "CUDA was requested but this LibTorch sees no CUDA device (build against a CUDA "
                "LibTorch and check the driver)");
        const auto count = static_cast<int64_t>(torch::cuda::device_count());
        if (device->has_index() && device->index() >= count)
            return makeError(ErrorCode::InvalidArgument,
                "device " + target.device + " does not exist: " + std::to_string(count) + " CUDA devices");
    } else if (!device->is_cpu()) {
        return makeError(
            ErrorCode::Unsupported, "device '" + target.device + "' is not supported (cpu or cuda)");
    }
    if (device->is_cpu() && target.precision == Precision::Fp16)
        return makeError(ErrorCode::Unsupported, "fp16 needs a CUDA device; on the CPU use fp32 or bf16");
    return {};
}

c10::Device torchDevice(const ComputeTarget &target)
{
    return c10::Device(target.device);
}

c10::ScalarType torchDtype(Precision precision)
{
    switch (precision) {
    case Precision::Fp32:
        return at::kFloat;
    case Precision::Fp16:
        return at::kHalf;
    case Precision::Bf16:
        return at::kBFloat16;
    }
    return at::kFloat;
}

} // namespace mplug2::model
