#include "model/modules/temporalblock.h"

#include <torch/torch.h>

namespace mplug2::model {

TemporalBlockImpl::TemporalBlockImpl(const TemporalBlockOptions &options)
{
    lmhra1 = register_module("lmhra1", LocalTemporal(options.width));
    lmhra2 = register_module("lmhra2", LocalTemporal(options.width));
    attn = register_module("attn", ClipAttention(ClipAttentionOptions(options.width, options.heads)));
    ln_1 = register_module("ln_1", LayerNorm(LayerNormOptions(options.width, 1e-5)));
    mlp = register_module("mlp", ClipMlp(options.width));
    ln_2 = register_module("ln_2", LayerNorm(LayerNormOptions(options.width, 1e-5)));
}

namespace {

// Adds a temporal adapter's output to the patch tokens, leaving each frame's class token alone.
at::Tensor withTemporalAdapter(LocalTemporal &adapter, const at::Tensor &x, int64_t frames)
{
    const int64_t framesTotal = x.size(0), tokens = x.size(1) - 1, width = x.size(2);
    const auto patches = x.narrow(1, 1, tokens).reshape({framesTotal / frames, frames, tokens, width});
    const auto adapted = patches + adapter->forward(patches);
    return at::cat({x.narrow(1, 0, 1), adapted.view({framesTotal, tokens, width})}, 1);
}

} // namespace

at::Tensor TemporalBlockImpl::forward(const at::Tensor &input, int64_t frames, at::Tensor *attentionProbs)
{
    TORCH_CHECK(frames > 0 && input.size(0) % frames == 0, "TemporalBlock: ", input.size(0),
        " frame rows are not a multiple of ", frames, " frames");
    auto x = withTemporalAdapter(lmhra1, input, frames);
    x = x + attn->forward(ln_1(x), at::Tensor(), attentionProbs);
    x = withTemporalAdapter(lmhra2, x, frames);
    return x + mlp(ln_2(x));
}

} // namespace mplug2::model
