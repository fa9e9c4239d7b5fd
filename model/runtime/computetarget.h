#pragma once
/// Where and in which precision a model runs: "cpu", "cuda" or "cuda:N",
/// and fp32 / fp16 / bf16. Half precision needs CUDA (the CPU kernels of
/// LibTorch 1.13 lack half GEMMs); bf16 runs on both.
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

/// The torch device and dtype of a checked target.
c10::Device torchDevice(const ComputeTarget &target);
c10::ScalarType torchDtype(Precision precision);

} // namespace mplug2::model
