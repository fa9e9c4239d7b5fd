#pragma once
/// LayerNorm that always normalises in fp32 and returns the input's dtype
/// (CLIP's fp16-safe LayerNorm; we use it for BERT too, which only changes
/// reduced-precision runs, and for the better). Parameters `weight`, `bias`.
/// Internal header of model/ (torch types).

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace mplug2::model {

struct LayerNormOptions {
    LayerNormOptions(int64_t dim, double eps)
        : dim(dim)
        , eps(eps)
    { }
    int64_t dim;
    double eps;
};

class LayerNormImpl : public torch::nn::Module {
public:
    explicit LayerNormImpl(const LayerNormOptions &options);
    at::Tensor forward(const at::Tensor &x);

    at::Tensor weight;
    at::Tensor bias;

private:
    LayerNormOptions m_options;
};
TORCH_MODULE(LayerNorm);

/// x * sigmoid(1.702 x): CLIP's activation.
at::Tensor quickGelu(const at::Tensor &x);

/// The official BERT code clamps fp16 activations to the finite range
/// (clamp_inf); other dtypes pass through.
at::Tensor clampHalfToFinite(const at::Tensor &x);

} // namespace mplug2::model
