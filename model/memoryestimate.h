#pragma once
/// What running a model will take in memory, known before loading it: the
/// weights the model builds for a configuration, the working memory of one
/// request (the visual encoder's activations and the cross-attention keys and
/// values the decoder keeps for every layer, which grow with the frames; the
/// beams share them), and the runtime the process holds anyway. Fitted to
/// `mplug2-bench bench` peaks (tiny, Base, Large; fp32 and bf16), which
/// print it beside the measured peak.
///
///     MemoryPlan plan;  plan.precision = Precision::Bf16;  plan.frames = 16;
///     MemoryEstimate need = estimateMemory(config, plan);
///     if (need.total() > availableMemoryBytes(false) - kMemoryMargin) ...   // refuse, say why
///
/// availableMemoryBytes() reads MemAvailable (CPU) or the free device memory
/// (CUDA); $MPLUG2_FAKE_MEM_AVAILABLE (bytes) stands in for both in tests.

#include "model/config/mplug2config.h"
#include "model/runtime/computetarget.h"

#include <cstdint>
#include <string>

namespace mplug2::model {

struct MemoryPlan {
    Precision precision = Precision::Fp32;
    bool cuda = false;
    int64_t frames = 16; ///< 0 = the config's
    int64_t imageRes = 0; ///< 0 = the config's
    int64_t batch = 1;
    /// parameterCount(config) when the caller has it already; -1: count them.
    int64_t parameters = -1;
};

struct MemoryEstimate {
    int64_t parameters = 0;
    int64_t weightBytes = 0;
    int64_t workingBytes = 0; ///< activations and the decoder's cross-attention cache
    int64_t runtimeBytes = 0; ///< libraries, allocator and kernel workspaces
    int64_t total() const { return weightBytes + workingBytes + runtimeBytes; }
};

/// Parameters a model of `config` builds (tied ones once), counted without
/// allocating them.
int64_t parameterCount(const Mplug2Config &config);

MemoryEstimate estimateMemory(const Mplug2Config &config, const MemoryPlan &plan);

/// Memory a new allocation can take now: MemAvailable on the CPU, the free
/// memory of CUDA device `deviceIndex`; -1 when unknown.
int64_t availableMemoryBytes(bool cuda, int deviceIndex = 0);

/// Kept free beyond an estimate: what the system and the estimate's error need.
inline constexpr int64_t kMemoryMargin = int64_t(512) << 20;

/// "3.2 GB", as the messages print sizes.
std::string formatBytes(int64_t bytes);

} // namespace mplug2::model
