#include "model/modules/fusionmodel.h"

#include "model/modules/attentionmasks.h"

#include <algorithm>
#include <torch/torch.h>

namespace mplug2::model {

FusionModelImpl::FusionModelImpl(const BertConfig &config)
    : m_config(config)
{
    embeddings = register_module("embeddings", BertEmbeddings(config));
    encoder = register_module("encoder", std::make_shared<torch::nn::Module>());
    layer = encoder->register_module("layer", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.numHiddenLayers; ++i)
        layer->push_back(FusionLayer(config));
}

std::pair<at::Tensor, at::Tensor> FusionModelImpl::forward(const at::Tensor &text, const at::Tensor &textMask,
    const at::Tensor &visual, const at::Tensor &visualMask)
{
    const int64_t count = static_cast<int64_t>(layer->size());
    const int64_t start = std::max<int64_t>(0, count - m_config.fusionLayers);
    const auto selfMask = selfAttentionMask(textMask, text.scalar_type());
    const auto crossMask = crossAttentionMask(visualMask, text.scalar_type());
    at::Tensor hidden = text;
    at::Tensor states = visual;
    const int64_t visualLength = visual.size(1), textLength = text.size(1);
    for (int64_t i = start; i < count; ++i) {
        const int64_t running = i - start;
        const bool concat = running != 0 && running % m_config.strideLayer == 0;
        const auto out = layer->ptr<FusionLayerImpl>(i)->forward(hidden, selfMask, states, crossMask, concat);
        if (concat) {
            states = states + out.narrow(1, 0, visualLength);
            hidden = out.narrow(1, visualLength, textLength);
        } else {
            hidden = out;
        }
    }
    return {states, hidden};
}

} // namespace mplug2::model
