#pragma once
/// BertLayer of the text encoder and the decoder: `attention`, optional
/// `crossattention`, `intermediate`, `output`, and for the first universal
/// layer the learnable `latents`. The universal layers' unused
/// `intermediate_vision` / `output_vision` are not built (the official
/// forward never calls them). Internal header of model/ (torch types).

#include "model/modules/bertattention.h"

namespace mplug2::model {

struct BertLayerOptions {
    BertConfig config;
    bool crossAttention = false;
    /// Learnable latent rows (0 = none).
    int64_t latents = 0;
};

class BertLayerImpl : public torch::nn::Module {
public:
    explicit BertLayerImpl(const BertLayerOptions &options);

    /// Self-attention under `mask`, then, when `encoder` is defined,
    /// cross-attention to it under `encoderMask`, then the feed-forward block.
    /// The probability pointers receive (B, heads, Lq, Lk) maps when given.
    at::Tensor forward(const at::Tensor &hidden, const at::Tensor &mask, const at::Tensor &encoder,
        const at::Tensor &encoderMask, at::Tensor *selfProbs = nullptr, at::Tensor *crossProbs = nullptr);

    /// One incremental decoder pass: cached self-attention, cross-attention to
    /// the items' shared keys/values (rows grouped by item), feed-forward.
    at::Tensor forwardStep(const at::Tensor &hidden, KeyValueCache &selfCache, const at::Tensor &selfMask,
        const KeyValue &cross, const at::Tensor &crossMask, at::Tensor *crossProbs = nullptr);

    bool hasCrossAttention() const { return !crossattention.is_empty(); }
    bool hasLatents() const { return latents.defined(); }

    BertAttention attention {nullptr};
    BertAttention crossattention {nullptr};
    BertIntermediate intermediate {nullptr};
    BertOutput output {nullptr};
    at::Tensor latents;
};
TORCH_MODULE(BertLayer);

} // namespace mplug2::model
