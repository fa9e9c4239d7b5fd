#include "model/modules/clipresidualblock.h"

#include <torch/torch.h>

namespace mplug2::model {

ClipResidualBlockImpl::ClipResidualBlockImpl(const ClipResidualBlockOptions &options)
{
    const int64_t width = options.width, heads = options.heads;
    attn = register_module("attn", ClipAttention(ClipAttentionOptions(width, heads)));
    ln_1 = register_module("ln_1", LayerNorm(LayerNormOptions(width, 1e-5)));
    mlp = register_module("mlp", ClipMlp(width));
    ln_2 = register_module("ln_2", LayerNorm(LayerNormOptions(width, 1e-5)));
}

at::Tensor ClipResidualBlockImpl::forward(const at::Tensor &input, const at::Tensor &mask)
{
    const auto x = input + attn->forward(ln_1(input), mask);
    return x + mlp(ln_2(x));
}

} // namespace mplug2::model
