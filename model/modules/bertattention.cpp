#include "model/modules/bertattention.h"

#include <torch/torch.h>

namespace mplug2::model {

BertAttentionImpl::BertAttentionImpl(const BertAttentionOptions &options)
{
    self = register_module("self", BertSelfAttention(options));
    output
        = register_module("output", BertOutput(BertOutputOptions(options.config, options.config.hiddenSize)));
}

at::Tensor BertAttentionImpl::forward(
    const at::Tensor &hidden, const at::Tensor &states, const at::Tensor &mask, at::Tensor *probs)
{
    return output(self->forward(hidden, states, mask, probs), hidden);
}

at::Tensor BertAttentionImpl::forwardShared(
    const at::Tensor &hidden, const KeyValue &shared, const at::Tensor &mask, at::Tensor *probs)
{
    return output(self->attendShared(hidden, shared, mask, probs), hidden);
}

at::Tensor BertAttentionImpl::forwardCached(
    const at::Tensor &hidden, KeyValueCache &cache, const at::Tensor &mask)
{
    return output(self->forwardCached(hidden, cache, mask), hidden);
}

} // namespace mplug2::model
