#include "model/modules/clipattention.h"

#include "model/modules/attentionkernel.h"
#include "model/modules/parameterfill.h"

#include <torch/torch.h>

namespace mplug2::model {

ClipAttentionImpl::ClipAttentionImpl(const ClipAttentionOptions &options)
    : m_options(options)
{
    TORCH_CHECK(options.heads > 0 && options.width % options.heads == 0, "CLIP attention width ",
        options.width, " is not a multiple of its ", options.heads, " heads");
    // Drawn after out_proj's, as nn.MultiheadAttention does.
    in_proj_weight = register_parameter(
        "in_proj_weight", newParameter({3 * options.width, options.width}, [](at::Tensor &) {}));
    in_proj_bias = register_parameter("in_proj_bias", torch::zeros({3 * options.width}));
    out_proj = register_module("out_proj", Linear(options.width, options.width));
    if (parametersAreFilled()) {
        drawInto(in_proj_weight, [](at::Tensor &w) { torch::nn::init::xavier_uniform_(w); });
        torch::nn::init::zeros_(out_proj->bias);
    }
}

at::Tensor ClipAttentionImpl::forward(const at::Tensor &x, const at::Tensor &mask, at::Tensor *probs)
{
    const int64_t n = x.size(0), len = x.size(1), heads = m_options.heads;
    const int64_t headDim = m_options.width / heads;
    // One GEMM for q, k and v, as nn.MultiheadAttention does for self-attention.
    const auto qkv = at::linear(x, in_proj_weight, in_proj_bias).view({n, len, 3, heads, headDim});
    const auto q = qkv.select(2, 0).transpose(1, 2);
    const auto k = qkv.select(2, 1).transpose(1, 2);
    const auto v = qkv.select(2, 2).transpose(1, 2);
    const auto context = attend(q, k, v, mask, probs);
    return out_proj(context.transpose(1, 2).reshape({n, len, m_options.width}));
}

} // namespace mplug2::model
