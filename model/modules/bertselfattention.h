#pragma once
/// BertSelfAttention (`query`, `key`, `value`) for self- and cross-attention,
/// with the entry points generation needs: keys/values projected once and
/// reused, a growing self-attention cache, and queries of several beams
/// attending to one shared copy of an item's encoder keys/values.
/// Internal header of model/ (torch types).

#include "model/config/mplug2config.h"
#include "model/modules/linear.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace mplug2::model {

/// Keys and values split into heads: (B, heads, L, headSize) each.
struct KeyValue {
    at::Tensor key;
    at::Tensor value;
};

/// A self-attention cache: `key`/`value` (N, heads, capacity, headSize), of
/// which the first `length` positions are filled.
struct KeyValueCache {
    at::Tensor key;
    at::Tensor value;
    int64_t length = 0;
};

/// Self-attention of a BERT layer, or its cross-attention to the encoder
/// (keys and values of the encoder's width).
struct BertAttentionOptions {
    BertAttentionOptions(BertConfig config, bool crossAttention)
        : config(std::move(config))
        , crossAttention(crossAttention)
    { }
    BertConfig config;
    bool crossAttention = false;
};

class BertSelfAttentionImpl : public torch::nn::Module {
public:
    explicit BertSelfAttentionImpl(const BertAttentionOptions &options);

    /// hidden (N, Lq, H) attends to `states` (N, Lk, W) (pass `hidden` for
    /// self-attention) under an additive mask; `probs` receives (N, heads, Lq, Lk).
    at::Tensor forward(const at::Tensor &hidden, const at::Tensor &states, const at::Tensor &mask,
        at::Tensor *probs = nullptr);

    /// Keys and values of `states` (B, Lk, W), split into heads.
    KeyValue project(const at::Tensor &states);
    /// Keys and values already projected (B, Lk, H each, e.g. slices of one
    /// stacked product), split into heads.
    KeyValue splitKeyValue(const at::Tensor &keys, const at::Tensor &values) const;

    /// hidden (B*k, Lq, H), rows grouped by item (k consecutive rows per item),
    /// attends to the items' shared keys/values (B, heads, Lk, d); mask (B, 1, 1, Lk).
    /// `probs` receives (B*k, heads, Lq, Lk).
    at::Tensor attendShared(const at::Tensor &hidden, const KeyValue &shared, const at::Tensor &mask,
        at::Tensor *probs = nullptr);

    /// Appends hidden's keys/values (N, Lq, H) to `cache` and attends over all
    /// cached positions; mask (N, 1, Lq, length + Lq) or undefined.
    at::Tensor forwardCached(const at::Tensor &hidden, KeyValueCache &cache, const at::Tensor &mask);

    Linear query {nullptr};
    Linear key {nullptr};
    Linear value {nullptr};

private:
    at::Tensor splitHeads(const at::Tensor &x) const;
    at::Tensor mergeHeads(const at::Tensor &x) const;

    int64_t m_heads;
    int64_t m_headSize;
};
TORCH_MODULE(BertSelfAttention);

} // namespace mplug2::model
