#pragma once
/// The LocalTemporal adapter of a TemporalBlock (lmhra1 / lmhra2):
/// LayerNorm -> 1x1x1 Conv3d down to width/2 -> depthwise (3,1,1) Conv3d over
/// time -> QuickGELU -> 1x1x1 Conv3d back up. Parameters keep the official
/// Conv3d shapes (`down_proj.weight` (C/2, C, 1, 1, 1), ...); the forward pass
/// runs channel-last on the token layout, where the 1x1x1 convolutions are
/// plain matrix products and no permutes are needed.
/// Internal header of model/ (torch types).

#include "model/modules/layernorm.h"

#include <torch/nn/modules/conv.h>

namespace mplug2::model {

struct LocalTemporalOptions {
    /* implicit */ LocalTemporalOptions(int64_t width)
        : width(width)
    { }
    int64_t width;
};

class LocalTemporalImpl : public torch::nn::Module {
public:
    explicit LocalTemporalImpl(const LocalTemporalOptions &options);

    /// x (N, T, L, C) patch tokens of N videos with T frames; returns the
    /// adapter's output of the same shape (the caller adds the residual).
    at::Tensor forward(const at::Tensor &x);

    LayerNorm ln {nullptr};
    torch::nn::Conv3d down_proj {nullptr};
    torch::nn::Conv3d conv {nullptr};
    torch::nn::Conv3d up_proj {nullptr};
};
TORCH_MODULE(LocalTemporal);

} // namespace mplug2::model
