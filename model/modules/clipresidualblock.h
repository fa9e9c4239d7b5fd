#pragma once
/// A block of the CLIP text transformer: x + attn(ln_1(x)), then x + mlp(ln_2(x)).
/// Internal header of model/ (torch types).

#include "model/modules/clipattention.h"
#include "model/modules/clipmlp.h"
#include "model/modules/layernorm.h"

namespace mplug2::model {

struct ClipResidualBlockOptions {
    ClipResidualBlockOptions(int64_t width, int64_t heads)
        : width(width)
        , heads(heads)
    { }
    int64_t width;
    int64_t heads;
};

class ClipResidualBlockImpl : public torch::nn::Module {
public:
    explicit ClipResidualBlockImpl(const ClipResidualBlockOptions &options);

    /// x (N, L, width); mask additive (L, L) (the causal mask of the text tower).
    at::Tensor forward(const at::Tensor &x, const at::Tensor &mask);

    ClipAttention attn {nullptr};
    LayerNorm ln_1 {nullptr};
    ClipMlp mlp {nullptr};
    LayerNorm ln_2 {nullptr};
};
TORCH_MODULE(ClipResidualBlock);

} // namespace mplug2::model
