#pragma once
/// One VideoFormer layer: a CLIP residual attention block with the two
/// LocalTemporal adapters, `lmhra1` before the attention and `lmhra2` after
/// it, applied to the patch tokens only (the per-frame class token skips them).
/// Internal header of model/ (torch types).

#include "model/modules/clipattention.h"
#include "model/modules/clipmlp.h"
#include "model/modules/layernorm.h"
#include "model/modules/localtemporal.h"

namespace mplug2::model {

struct TemporalBlockOptions {
    TemporalBlockOptions(int64_t width, int64_t heads)
        : width(width)
        , heads(heads)
    { }
    int64_t width;
    int64_t heads;
};

class TemporalBlockImpl : public torch::nn::Module {
public:
    explicit TemporalBlockImpl(const TemporalBlockOptions &options);

    /// x (N*T, 1+L, C) per-frame tokens of N videos with `frames` frames each;
    /// `attentionProbs` receives the spatial self-attention (N*T, heads, 1+L, 1+L).
    at::Tensor forward(const at::Tensor &x, int64_t frames, at::Tensor *attentionProbs = nullptr);

    LocalTemporal lmhra1 {nullptr};
    LocalTemporal lmhra2 {nullptr};
    ClipAttention attn {nullptr};
    LayerNorm ln_1 {nullptr};
    ClipMlp mlp {nullptr};
    LayerNorm ln_2 {nullptr};
};
TORCH_MODULE(TemporalBlock);

} // namespace mplug2::model
