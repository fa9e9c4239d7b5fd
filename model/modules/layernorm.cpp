#include "model/modules/layernorm.h"

#include "model/modules/bf16kernels.h"

#include <limits>
#include <torch/torch.h>

namespace mplug2::model {

LayerNormImpl::LayerNormImpl(const LayerNormOptions &options)
    : m_options(options)
{
    weight = register_parameter("weight", torch::ones({options.dim}));
    bias = register_parameter("bias", torch::zeros({options.dim}));
}

at::Tensor LayerNormImpl::forward(const at::Tensor &x)
{
    if (x.scalar_type() == at::kFloat && weight.scalar_type() == at::kFloat)
        return at::layer_norm(x, {m_options.dim}, weight, bias, m_options.eps);
    if (at::Tensor y = layerNormBf16(x, weight, bias, m_options.eps); y.defined())
        return y;
    return at::layer_norm(
        x.to(at::kFloat), {m_options.dim}, weight.to(at::kFloat), bias.to(at::kFloat), m_options.eps)
        .to(x.scalar_type());
}

at::Tensor quickGelu(const at::Tensor &x)
{
    if (at::Tensor y = quickGeluBf16(x); y.defined())
        return y;
    return x * at::sigmoid(1.702 * x);
}

at::Tensor clampHalfToFinite(const at::Tensor &x)
{
    if (x.scalar_type() != at::kHalf)
        return x;
    const double limit = 65504.0 - 1000.0;
    return at::clamp(x, -limit, limit);
}

} // namespace mplug2::model
