#include "model/modules/bertlayer.h"

#include <torch/torch.h>

namespace mplug2::model {

BertLayerImpl::BertLayerImpl(const BertLayerOptions &options)
{
    const BertConfig &c = options.config;
    if (options.latents > 0)
        latents = register_parameter("latents", torch::randn({options.latents, c.hiddenSize}));
    attention = register_module("attention", BertAttention(BertAttentionOptions(c, false)));
    if (options.crossAttention)
        crossattention = register_module("crossattention", BertAttention(BertAttentionOptions(c, true)));
    intermediate = register_module("intermediate", BertIntermediate(c));
    output = register_module("output", BertOutput(BertOutputOptions(c, c.intermediateSize)));
}

at::Tensor BertLayerImpl::forward(const at::Tensor &hidden, const at::Tensor &mask, const at::Tensor &encoder,
    const at::Tensor &encoderMask, at::Tensor *selfProbs, at::Tensor *crossProbs)
{
    auto x = attention(hidden, hidden, mask, selfProbs);
    if (encoder.defined()) {
        TORCH_CHECK(hasCrossAttention(), "this BERT layer has no cross-attention");
        x = crossattention(x, encoder, encoderMask, crossProbs);
    }
    return output(intermediate(x), x);
}

at::Tensor BertLayerImpl::forwardStep(const at::Tensor &hidden, KeyValueCache &selfCache,
    const at::Tensor &selfMask, const KeyValue &cross, const at::Tensor &crossMask, at::Tensor *crossProbs)
{
    TORCH_CHECK(hasCrossAttention(), "decoder layers need cross-attention");
    auto x = attention->forwardCached(hidden, selfCache, selfMask);
    x = crossattention->forwardShared(x, cross, crossMask, crossProbs);
    return output(intermediate(x), x);
}

} // namespace mplug2::model
