#pragma once
/// FusionModel (`fusion_encoder`): `embeddings` (kept for the checkpoint,
/// unused: the fusion encoder reads text states) and `encoder.layer.N`, of
/// which only the last `fusionLayers` run. Every stride_layer-th running
/// layer (counted from 0, never the first) self-attends over [visual; text];
/// its visual part is then added to the visual tokens, which so receive
/// their residual twice, as in the official code.
/// Internal header of model/ (torch types).

#include "model/modules/bertembeddings.h"
#include "model/modules/fusionlayer.h"

#include <torch/nn/modules/container/modulelist.h>
#include <utility>

namespace mplug2::model {

class FusionModelImpl : public torch::nn::Module {
public:
    explicit FusionModelImpl(const BertConfig &config);

    /// text (B, Lq, H) with mask (B, Lq); visual (B, Lv, H) with mask (B, Lv).
    /// Returns {visual output (B, Lv, H), text output (B, Lq, H)}.
    std::pair<at::Tensor, at::Tensor> forward(const at::Tensor &text, const at::Tensor &textMask,
        const at::Tensor &visual, const at::Tensor &visualMask);

    BertEmbeddings embeddings {nullptr};
    std::shared_ptr<torch::nn::Module> encoder;
    torch::nn::ModuleList layer {nullptr};

private:
    BertConfig m_config;
};
TORCH_MODULE(FusionModel);

} // namespace mplug2::model
