#pragma once
/// FusionLayer (`attention`, `crossattention`, `intermediate`, `output`):
/// normally text self-attention, cross-attention to the visual tokens and the
/// feed-forward block; in its 'concat' form one self-attention over
/// [visual; text] followed by the feed-forward block, returning both parts.
/// Internal header of model/ (torch types).

#include "model/modules/bertattention.h"

namespace mplug2::model {

class FusionLayerImpl : public torch::nn::Module {
public:
    explicit FusionLayerImpl(const BertConfig &config);

    /// text (B, Lq, H) with additive selfMask (B, 1, 1, Lq); visual (B, Lv, W)
    /// with additive visualMask (B, 1, 1, Lv). Returns (B, Lq, H), or
    /// (B, Lv + Lq, H) when `concat`.
    at::Tensor forward(const at::Tensor &text, const at::Tensor &selfMask, const at::Tensor &visual,
        const at::Tensor &visualMask, bool concat);

    BertAttention attention {nullptr};
    BertAttention crossattention {nullptr};
    BertIntermediate intermediate {nullptr};
    BertOutput output {nullptr};
};
TORCH_MODULE(FusionLayer);

} // namespace mplug2::model
