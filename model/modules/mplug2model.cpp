#include "model/modules/mplug2model.h"

#include <torch/torch.h>
#include <unordered_set>

namespace mplug2::model {

Mplug2ModelImpl::Mplug2ModelImpl(const Mplug2Config &config)
    : m_config(config)
{
    const BertConfig &b = config.bert;
    visual_encoder = register_module("visual_encoder", XClip(config));
    BertModelOptions textOptions;
    textOptions.config = b;
    textOptions.layers = b.textEncoderLayers;
    textOptions.numLatents = config.numLatents;
    text_encoder = register_module("text_encoder", BertModel(textOptions));
    fusion_encoder = register_module("fusion_encoder", FusionModel(b));
    text_decoder
        = register_module("text_decoder", BertLMHeadModel(BertLMHeadModelOptions(b, b.textDecodeLayers)));
    visn_emb_norm = register_module("visn_emb_norm", LayerNorm(LayerNormOptions(b.hiddenSize, 1e-12)));
    if (config.projectsVision()) {
        visn_fc = register_module("visn_fc", Linear(config.vision.width, b.hiddenSize));
        visn_layer_norm
            = register_module("visn_layer_norm", LayerNorm(LayerNormOptions(b.hiddenSize, 1e-12)));
    }
}

at::Tensor Mplug2ModelImpl::visualTokens(const at::Tensor &pixels, std::vector<at::Tensor> *vitAttention)
{
    return visual_encoder->visual->forward(pixels, vitAttention);
}

at::Tensor Mplug2ModelImpl::projectVisual(const at::Tensor &tokens)
{
    if (visn_fc.is_empty())
        return tokens;
    return visn_layer_norm(visn_fc(tokens));
}

at::Tensor Mplug2ModelImpl::universalEmbeds(
    const at::Tensor &projected, at::Tensor *latentToVisual, at::Tensor *visualToLatent)
{
    return visn_emb_norm(projected + text_encoder->universal(projected, latentToVisual, visualToLatent));
}

at::Tensor Mplug2ModelImpl::encodeQuestion(const at::Tensor &ids, const at::Tensor &mask)
{
    return text_encoder->encodeText(ids, mask);
}

std::pair<at::Tensor, at::Tensor> Mplug2ModelImpl::fuse(
    const at::Tensor &question, const at::Tensor &questionMask, const at::Tensor &imageEmbeds)
{
    const auto visualMask
        = torch::ones({imageEmbeds.size(0), imageEmbeds.size(1)}, questionMask.options().dtype(at::kLong));
    return fusion_encoder->forward(question, questionMask, imageEmbeds, visualMask);
}

std::vector<at::Tensor> Mplug2ModelImpl::uniqueParameters() const
{
    std::vector<at::Tensor> unique;
    std::unordered_set<const void *> seen;
    for (const auto &p : parameters())
        if (seen.insert(p.unsafeGetTensorImpl()).second)
            unique.push_back(p);
    return unique;
}

} // namespace mplug2::model
