#pragma once
/// The whole mPLUG-2 network with the official attribute names, so that
/// every state-dict key of a caption, QA or pretrain checkpoint names one of
/// its parameters: `visual_encoder` (XCLIP: VideoFormer + CLIP text tower),
/// `text_encoder` (BERT with the universal layers), `fusion_encoder`,
/// `text_decoder` (BERT + MLM head), `visn_emb_norm` and, when the vision
/// width differs from BERT's, `visn_fc` + `visn_layer_norm`.
///
///     Mplug2Model model(largeConfig());          // random weights
///     torch::InferenceMode guard;
///     auto tokens = model->visualTokens(pixels);            // (B, 1+T*L, Cv)
///     auto embeds = model->universalEmbeds(model->projectVisual(tokens));
///
/// Stages are separate methods so that callers can time them and keep
/// intermediate results; tasks (caption, QA, embeddings) live in model/tasks.
/// The module trains like any LibTorch module (no dropout: inference maths);
/// decoder output weights are tied to its word embeddings, so use
/// uniqueParameters() for optimisers. Internal header of model/ (torch types).

#include "model/config/mplug2config.h"
#include "model/modules/bertlmheadmodel.h"
#include "model/modules/fusionmodel.h"
#include "model/modules/xclip.h"

#include <utility>
#include <vector>

namespace mplug2::model {

class Mplug2ModelImpl : public torch::nn::Module {
public:
    explicit Mplug2ModelImpl(const Mplug2Config &config);

    const Mplug2Config &config() const { return m_config; }

    /// VideoFormer output (B, 1+T*L, vision width) for pixels (B, 3, T, H, W).
    at::Tensor visualTokens(const at::Tensor &pixels, std::vector<at::Tensor> *vitAttention = nullptr);
    /// visn_layer_norm(visn_fc(x)) when widths differ, else x.
    at::Tensor projectVisual(const at::Tensor &tokens);
    /// visn_emb_norm(x + universal layers(x)): the image_embeds every task reads.
    at::Tensor universalEmbeds(const at::Tensor &projected, at::Tensor *latentToVisual = nullptr,
        at::Tensor *visualToLatent = nullptr);
    /// Question states (B, Lq, H) of the text encoder (all layers).
    at::Tensor encodeQuestion(const at::Tensor &ids, const at::Tensor &mask);
    /// Fusion encoder: {visual output, question output}.
    std::pair<at::Tensor, at::Tensor> fuse(
        const at::Tensor &question, const at::Tensor &questionMask, const at::Tensor &imageEmbeds);

    /// Every parameter once (tied tensors appear under two names).
    std::vector<at::Tensor> uniqueParameters() const;

    XClip visual_encoder {nullptr};
    BertModel text_encoder {nullptr};
    FusionModel fusion_encoder {nullptr};
    BertLMHeadModel text_decoder {nullptr};
    LayerNorm visn_emb_norm {nullptr};
    Linear visn_fc {nullptr};
    LayerNorm visn_layer_norm {nullptr};

private:
    Mplug2Config m_config;
};
TORCH_MODULE(Mplug2Model);

} // namespace mplug2::model
