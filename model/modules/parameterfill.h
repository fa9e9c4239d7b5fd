#pragma once
/// How module constructors make their parameters. Without a scope they draw
/// the modules' own random initialisation in fp32 on the CPU, as PyTorch
/// does, so a random model from a seed is the same whatever runs it. A
/// ParameterScope changes that for the constructors that run on its thread:
///  - Draw: the same draws, each tensor moved to the scope's dtype and device
///    as soon as it is drawn, so a bf16 model never holds an fp32 copy of
///    itself (the benchmark's random models);
///  - Unfilled: tensors allocated straight in the scope's dtype and device and
///    left uninitialised, for a loader that overwrites every one of them
///    right after (most of the time of building Base is the draw).
/// Internal header of model/ (torch types).
///
///     {
///         ParameterScope scope(ParameterFill::Unfilled, at::TensorOptions().dtype(at::kBFloat16));
///         model = Mplug2Model(config);     // nothing drawn
///     }
///     loadWeights(*model, weights);        // must fill every tensor

#include <ATen/core/Tensor.h>
#include <c10/core/TensorOptions.h>
#include <functional>
#include <torch/nn/options/embedding.h>

namespace mplug2::model {

enum class ParameterFill { Draw, Unfilled };

/// While alive, newParameter() and embeddingOptions() on this thread follow
/// it. Scopes nest; the innermost wins.
class ParameterScope {
public:
    ParameterScope(ParameterFill fill, const at::TensorOptions &options);
    ~ParameterScope();
    ParameterScope(const ParameterScope &) = delete;
    ParameterScope &operator=(const ParameterScope &) = delete;

    /// The innermost scope of this thread, or null.
    static const ParameterScope *current();
    ParameterFill fill() const { return m_fill; }
    const at::TensorOptions &options() const { return m_options; }

private:
    const ParameterScope *m_outer;
    ParameterFill m_fill;
    at::TensorOptions m_options;
};

/// A parameter of these sizes, drawn by `fill` in fp32 on the CPU; inside a
/// scope moved to its options, or (Unfilled) allocated there undrawn.
at::Tensor newParameter(at::IntArrayRef sizes, const std::function<void(at::Tensor &)> &fill);

/// Draws `fill` into a parameter made earlier (a draw that must come after
/// other modules' draws, as in nn.MultiheadAttention), as newParameter()
/// would: in fp32 on the CPU, then copied to the parameter's dtype and
/// device. Drawn straight into a bf16 tensor, the same seed gives other
/// numbers than fp32, and the precisions' random models would differ.
void drawInto(at::Tensor &parameter, const std::function<void(at::Tensor &)> &fill);

/// nn.Embedding's options for an n x dim table: in an Unfilled scope with an
/// undrawn table of the scope's options; otherwise the module draws its own.
torch::nn::EmbeddingOptions embeddingOptions(int64_t n, int64_t dim);

/// False inside an Unfilled scope: constructors skip their initialisation
/// of tensors they did not make with newParameter().
bool parametersAreFilled();

} // namespace mplug2::model
