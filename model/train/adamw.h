#pragma once
/// AdamW over named parameters: LibTorch's torch::optim::AdamW with two
/// parameter groups (decayed and not), its state exposed as named tensors so
/// that the trainer can save it to safetensors and resume bit for bit.
///
///     AdamW optimizer(namedParameters(network), {.weightDecay = 0.05});
///     loss.backward();
///     optimizer.step(learningRate);
///     optimizer.zeroGrad();
///     StateDict state = optimizer.state();   // "exp_avg.<name>", "exp_avg_sq.<name>", "step"
///                                            // (+ "step.<name>" for a parameter that missed steps)
///
/// Parameters with fewer than two dimensions, embeddings, latents and the
/// logit scale are not decayed. Internal header of model/ (torch types).

#include "model/checkpoint/statedict.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace torch::nn {
class Module;
}
namespace torch::optim {
class AdamW;
}

namespace mplug2::model::train {

struct AdamWOptions {
    double beta1 = 0.9;
    double beta2 = 0.98;
    double epsilon = 1e-8;
    double weightDecay = 0.05;
};

class AdamW {
public:
    AdamW(std::vector<std::pair<std::string, at::Tensor>> parameters, const AdamWOptions &options);
    ~AdamW();
    AdamW(const AdamW &) = delete;
    AdamW &operator=(const AdamW &) = delete;

    void step(double learningRate);
    void zeroGrad();
    /// Scales gradients so that their global L2 norm is at most maxNorm; returns the norm before.
    double clipGradients(double maxNorm);

    StateDict state() const;
    /// Restores state() output; fails when names or shapes differ.
    Expected<void> setState(const StateDict &state);
    int64_t steps() const { return m_steps; }

private:
    struct Slot {
        std::string name;
        at::Tensor parameter;
    };
    std::vector<Slot> m_slots;
    std::unique_ptr<torch::optim::AdamW> m_optimizer; ///< group 0 decays, group 1 does not
    int64_t m_steps = 0;
};

/// A module's parameters by name, each tensor once (tied weights keep their first name).
std::vector<std::pair<std::string, at::Tensor>> namedUniqueParameters(const torch::nn::Module &module);

} // namespace mplug2::model::train
