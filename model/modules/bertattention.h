#pragma once
/// BertAttention: `self` (BertSelfAttention) followed by `output`
/// (dense + residual + LayerNorm). Internal header of model/ (torch types).

#include "model/modules/bertfeedforward.h"
#include "model/modules/bertselfattention.h"

namespace mplug2::model {

class BertAttentionImpl : public torch::nn::Module {
public:
    explicit BertAttentionImpl(const BertAttentionOptions &options);

    /// hidden attends to `states` (itself for self-attention); residual on hidden.
    at::Tensor forward(const at::Tensor &hidden, const at::Tensor &states, const at::Tensor &mask,
        at::Tensor *probs = nullptr);
    /// Beam rows attending to their item's shared keys/values (see BertSelfAttention).
    at::Tensor forwardShared(const at::Tensor &hidden, const KeyValue &shared, const at::Tensor &mask,
        at::Tensor *probs = nullptr);
    /// Self-attention over a growing cache (see BertSelfAttention).
    at::Tensor forwardCached(const at::Tensor &hidden, KeyValueCache &cache, const at::Tensor &mask);

    BertSelfAttention self {nullptr};
    BertOutput output {nullptr};
};
TORCH_MODULE(BertAttention);

} // namespace mplug2::model
