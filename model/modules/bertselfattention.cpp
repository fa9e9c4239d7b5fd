#include "model/modules/bertselfattention.h"

#include "model/modules/attentionkernel.h"
#include "model/modules/rowlinear.h"

#include <torch/torch.h>

namespace mplug2::model {

BertSelfAttentionImpl::BertSelfAttentionImpl(const BertAttentionOptions &options)
    : m_heads(options.config.numAttentionHeads)
    , m_headSize(options.config.headSize())
{
    const BertConfig &config = options.config;
    const bool isCrossAttention = options.crossAttention;
    const int64_t h = config.hiddenSize;
    const int64_t kvIn = isCrossAttention ? config.encoderWidth : h;
    query = register_module("query", Linear(h, h));
    key = register_module("key", Linear(kvIn, h));
    value = register_module("value", Linear(kvIn, h));
}

at::Tensor BertSelfAttentionImpl::splitHeads(const at::Tensor &x) const
{
    return x.view({x.size(0), x.size(1), m_heads, m_headSize}).transpose(1, 2);
}

at::Tensor BertSelfAttentionImpl::mergeHeads(const at::Tensor &x) const
{
    return x.transpose(1, 2).reshape({x.size(0), x.size(2), m_heads * m_headSize});
}

KeyValue BertSelfAttentionImpl::project(const at::Tensor &states)
{
    return {splitHeads(rowLinear(states, key->weight, key->bias)),
        splitHeads(rowLinear(states, value->weight, value->bias))};
}

KeyValue BertSelfAttentionImpl::splitKeyValue(const at::Tensor &keys, const at::Tensor &values) const
{
    return {splitHeads(keys), splitHeads(values)};
}

at::Tensor BertSelfAttentionImpl::forward(
    const at::Tensor &hidden, const at::Tensor &states, const at::Tensor &mask, at::Tensor *probs)
{
    const auto kv = project(states);
    return mergeHeads(attend(splitHeads(query(hidden)), kv.key, kv.value, mask, probs));
}

at::Tensor BertSelfAttentionImpl::attendShared(
    const at::Tensor &hidden, const KeyValue &shared, const at::Tensor &mask, at::Tensor *probs)
{
    const int64_t items = shared.key.size(0), rows = hidden.size(0), len = hidden.size(1);
    TORCH_CHECK(rows % items == 0, "attendShared: ", rows, " rows do not group into ", items, " items");
    const int64_t perItem = rows / items;
    // (B*k, Lq, H) -> (B, heads, k*Lq, d): every row of an item queries the item's one copy of K/V.
    const auto q = rowLinear(hidden, query->weight, query->bias)
                       .view({items, perItem, len, m_heads, m_headSize})
                       .permute({0, 3, 1, 2, 4})
                       .reshape({items, m_heads, perItem * len, m_headSize});
    at::Tensor itemProbs;
    const auto context = attend(q, shared.key, shared.value, mask, probs ? &itemProbs : nullptr);
    if (probs)
        *probs = itemProbs.view({items, m_heads, perItem, len, -1})
                     .transpose(1, 2)
                     .reshape({rows, m_heads, len, itemProbs.size(-1)});
    return context.view({items, m_heads, perItem, len, m_headSize})
        .permute({0, 2, 3, 1, 4})
        .reshape({rows, len, m_heads * m_headSize});
}

at::Tensor BertSelfAttentionImpl::forwardCached(
    const at::Tensor &hidden, KeyValueCache &cache, const at::Tensor &mask)
{
    const auto fresh = project(hidden);
    const int64_t len = hidden.size(1);
    TORCH_CHECK(
        cache.key.defined() && cache.length + len <= cache.key.size(2), "self-attention cache overflow");
    cache.key.narrow(2, cache.length, len).copy_(fresh.key);
    cache.value.narrow(2, cache.length, len).copy_(fresh.value);
    cache.length += len;
    const auto k = cache.key.narrow(2, 0, cache.length);
    const auto v = cache.value.narrow(2, 0, cache.length);
    return mergeHeads(attend(splitHeads(rowLinear(hidden, query->weight, query->bias)), k, v, mask, nullptr));
}

} // namespace mplug2::model
