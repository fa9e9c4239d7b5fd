#include "model/modules/bertpredictionhead.h"

#include "model/modules/rowlinear.h"

#include <torch/torch.h>

namespace mplug2::model {

BertPredictionHeadImpl::BertPredictionHeadImpl(const BertPredictionHeadOptions &options)
{
    const BertConfig &config = options.config;
    const at::Tensor &wordEmbeddings = options.wordEmbeddings;
    transform = register_module("transform", std::make_shared<torch::nn::Module>());
    dense = transform->register_module("dense", Linear(config.hiddenSize, config.hiddenSize));
    layerNorm = transform->register_module(
        "LayerNorm", LayerNorm(LayerNormOptions(config.hiddenSize, config.layerNormEps)));
    bias = register_parameter("bias", torch::zeros({config.vocabSize}));
    decoder = register_module("decoder", std::make_shared<torch::nn::Module>());
    decoderWeight = decoder->register_parameter("weight", wordEmbeddings);
    decoder->register_parameter("bias", bias);
}

at::Tensor BertPredictionHeadImpl::forward(const at::Tensor &hidden)
{
    const auto h = layerNorm(at::gelu(rowLinear(hidden, dense->weight, dense->bias)));
    // Logits in fp32 whatever the model's dtype: beam scores and answer
    // ranks are made from them.
    return rowLinear(h, decoderWeight, bias, /*floatOutput=*/true);
}

} // namespace mplug2::model
