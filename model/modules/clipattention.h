#pragma once
/// CLIP's multi-head self-attention with the parameter names of
/// torch.nn.MultiheadAttention (`in_proj_weight`, `in_proj_bias`,
/// `out_proj.weight`, `out_proj.bias`), batch-first.
/// Internal header of model/ (torch types).

#include "model/modules/linear.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace mplug2::model {

struct ClipAttentionOptions {
    ClipAttentionOptions(int64_t width, int64_t heads)
        : width(width)
        , heads(heads)
    { }
    int64_t width;
    int64_t heads;
};

class ClipAttentionImpl : public torch::nn::Module {
public:
    explicit ClipAttentionImpl(const ClipAttentionOptions &options);

    /// x (N, L, width); mask additive (L, L) or undefined; `probs` receives
    /// (N, heads, L, L) when given.
    at::Tensor forward(const at::Tensor &x, const at::Tensor &mask = {}, at::Tensor *probs = nullptr);

    at::Tensor in_proj_weight;
    at::Tensor in_proj_bias;
    Linear out_proj {nullptr};

private:
    ClipAttentionOptions m_options;
};
TORCH_MODULE(ClipAttention);

} // namespace mplug2::model
