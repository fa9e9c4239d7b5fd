#include "model/modules/fusionlayer.h"

#include <torch/torch.h>

namespace mplug2::model {

FusionLayerImpl::FusionLayerImpl(const BertConfig &config)
{
    attention = register_module("attention", BertAttention(BertAttentionOptions(config, false)));
    crossattention = register_module("crossattention", BertAttention(BertAttentionOptions(config, true)));
    intermediate = register_module("intermediate", BertIntermediate(config));
    output = register_module("output", BertOutput(BertOutputOptions(config, config.intermediateSize)));
}

at::Tensor FusionLayerImpl::forward(const at::Tensor &text, const at::Tensor &selfMask,
    const at::Tensor &visual, const at::Tensor &visualMask, bool concat)
{
    at::Tensor x;
    if (concat) {
        const auto joint = at::cat({visual, text}, 1);
        x = attention(joint, joint, at::cat({visualMask, selfMask}, 3));
    } else {
        x = attention(text, text, selfMask);
        x = crossattention(x, visual, visualMask);
    }
    return output(intermediate(x), x);
}

} // namespace mplug2::model
