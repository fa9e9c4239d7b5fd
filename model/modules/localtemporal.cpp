#include "model/modules/localtemporal.h"

#include <torch/torch.h>

namespace mplug2::model {

LocalTemporalImpl::LocalTemporalImpl(const LocalTemporalOptions &options)
{
    const int64_t width = options.width;
    const int64_t bottleneck = width / 2;
    ln = register_module("ln", LayerNorm(LayerNormOptions(width, 1e-5)));
    down_proj
        = register_module("down_proj", torch::nn::Conv3d(torch::nn::Conv3dOptions(width, bottleneck, 1)));
    conv = register_module("conv",
        torch::nn::Conv3d(torch::nn::Conv3dOptions(bottleneck, bottleneck, {3, 1, 1})
                              .padding({1, 0, 0})
                              .groups(bottleneck)));
    up_proj = register_module("up_proj", torch::nn::Conv3d(torch::nn::Conv3dOptions(bottleneck, width, 1)));
    // The official adapter starts as the identity: its up projection is zero.
    torch::nn::init::zeros_(up_proj->weight);
    torch::nn::init::zeros_(up_proj->bias);
}

at::Tensor LocalTemporalImpl::forward(const at::Tensor &x)
{
    const int64_t bottleneck = down_proj->weight.size(0);
    auto h = at::linear(ln(x), down_proj->weight.flatten(1), down_proj->bias);
    // Depthwise kernel 3 over time with zero padding: out[t] = w0 h[t-1] + w1 h[t] + w2 h[t+1] + b.
    const auto w = conv->weight.view({bottleneck, 3});
    const auto padded = at::constant_pad_nd(h, {0, 0, 0, 0, 1, 1});
    const int64_t frames = h.size(1);
    h = padded.narrow(1, 0, frames) * w.select(1, 0) + padded.narrow(1, 1, frames) * w.select(1, 1)
        + padded.narrow(1, 2, frames) * w.select(1, 2) + conv->bias;
    return at::linear(quickGelu(h), up_proj->weight.flatten(1), up_proj->bias);
}

} // namespace mplug2::model
