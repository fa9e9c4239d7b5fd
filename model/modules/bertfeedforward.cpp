#include "model/modules/bertfeedforward.h"

#include "model/modules/rowlinear.h"

#include <torch/torch.h>

namespace mplug2::model {

BertIntermediateImpl::BertIntermediateImpl(const BertConfig &config)
{
    dense = register_module("dense", Linear(config.hiddenSize, config.intermediateSize));
}

at::Tensor BertIntermediateImpl::forward(const at::Tensor &x)
{
    // transformers' "gelu" is the exact erf form.
    return at::gelu(rowLinear(x, dense->weight, dense->bias));
}

BertOutputImpl::BertOutputImpl(const BertOutputOptions &options)
{
    const BertConfig &config = options.config;
    const int64_t inFeatures = options.inFeatures;
    dense = register_module("dense", Linear(inFeatures, config.hiddenSize));
    layerNorm
        = register_module("LayerNorm", LayerNorm(LayerNormOptions(config.hiddenSize, config.layerNormEps)));
}

at::Tensor BertOutputImpl::forward(const at::Tensor &x, const at::Tensor &residual)
{
    return layerNorm(clampHalfToFinite(rowLinear(x, dense->weight, dense->bias)) + residual);
}

} // namespace mplug2::model
