#pragma once
/// Where and in which precision a model runs: "cpu", "cuda" or "cuda:N",
/// and fp32 / fp16 / bf16. Half precision needs CUDA (the CPU kernels of
/// LibTorch 1.13 lack half GEMMs); bf16 runs on both, natively on a CPU with
/// AVX512_BF16 and emulated (slower than fp32) on other CPUs.
///
///     ComputeTarget target{"cuda", Precision::Bf16};
///     if (auto ok = checkComputeTarget(target); !ok) std::cerr << ok.error().message;

#include "base/expected.h"

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <optional>
#include <string>
#include <string_view>

namespace mplug2::model {

enum class Precision { Fp32, Fp16, Bf16 };

std::optional<Precision> parsePrecision(std::string_view name);
const char *precisionName(Precision precision);

struct ComputeTarget {
    std::string device = "cpu";
    Precision precision = Precision::Fp32;
};

/// Ok when the device exists in this process and supports the precision.
Expected<void> checkComputeTarget(const ComputeTarget &target);

/// How this CPU computes bf16 products.
enum class CpuBf16 {
    Native, ///< AVX512_BF16 instructions: about twice as fast as fp32
    Emulated, ///< widened to fp32 on the fly: slower than fp32
};
CpuBf16 cpuBf16();
/// Treat this CPU as one without native bf16, so that tests and benchmarks
/// on a CPU that has it exercise the fallback. The environment variable
/// MPLUG2_CPU_BF16=emulated does the same for a whole process.
void setCpuBf16Emulated(bool emulated);
/// One line for `info` and the device line, e.g. "native (AVX512_BF16)".
std::string describeCpuBf16();

/// The torch device and dtype of a checked target.
c10::Device torchDevice(const ComputeTarget &target);
c10::ScalarType torchDtype(Precision precision);

} // namespace mplug2::model
