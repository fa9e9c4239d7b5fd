#include "model/modules/bertmodel.h"

#include "model/modules/attentionmasks.h"

#include <torch/torch.h>

namespace mplug2::model {

BertModelImpl::BertModelImpl(const BertModelOptions &options)
    : m_options(options)
{
    const BertConfig &c = options.config;
    embeddings = register_module("embeddings", BertEmbeddings(c));
    encoder = register_module("encoder", std::make_shared<torch::nn::Module>());
    layer = encoder->register_module("layer", torch::nn::ModuleList());
    const int64_t firstUniversal = options.layers - c.numUniLayer;
    for (int64_t i = 0; i < options.layers; ++i) {
        BertLayerOptions layerOptions;
        layerOptions.config = c;
        layerOptions.crossAttention = options.decoder || i >= firstUniversal;
        // The decoder's copy of the latents is never used: only the text encoder builds them.
        layerOptions.latents = (!options.decoder && i == firstUniversal) ? options.numLatents : 0;
        layer->push_back(BertLayer(layerOptions));
    }
}

at::Tensor BertModelImpl::encodeText(const at::Tensor &ids, const at::Tensor &mask)
{
    auto x = embeddings(ids);
    const auto additive = selfAttentionMask(mask, x.scalar_type());
    for (int64_t i = 0; i < layerCount(); ++i)
        x = layerAt(i)->forward(x, additive, {}, {});
    return x;
}

at::Tensor BertModelImpl::universal(
    const at::Tensor &visual, at::Tensor *latentToVisual, at::Tensor *visualToLatent)
{
    const int64_t count = layerCount();
    const int64_t first = count - m_options.config.numUniLayer;
    // In 'v_module' mode the official layers run without any mask.
    at::Tensor hidden = visual;
    at::Tensor states = visual;
    for (int64_t i = first; i < count; ++i) {
        auto layerModule = layerAt(i);
        if (layerModule->hasLatents())
            hidden
                = layerModule->latents.to(visual.scalar_type())
                      .unsqueeze(0)
                      .expand({visual.size(0), layerModule->latents.size(0), layerModule->latents.size(1)});
        // The last universal layer swaps roles: the visual tokens attend to what the latents became.
        if (i == count - 1)
            std::swap(hidden, states);
        at::Tensor probs;
        const bool wanted = (i == first && latentToVisual) || (i == count - 1 && visualToLatent);
        hidden = layerModule->forward(hidden, {}, states, {}, nullptr, wanted ? &probs : nullptr);
        if (i == first && latentToVisual)
            *latentToVisual = probs;
        if (i == count - 1 && visualToLatent)
            *visualToLatent = probs;
    }
    return hidden;
}

at::Tensor BertModelImpl::decode(const at::Tensor &ids, const at::Tensor &mask,
    const at::Tensor &encoderStates, const at::Tensor &encoderMask, std::vector<at::Tensor> *crossProbs)
{
    auto x = embeddings(ids);
    const auto selfMask = causalSelfAttentionMask(mask, ids.size(1), x.scalar_type());
    const auto crossMask = crossAttentionMask(encoderMask, x.scalar_type());
    for (int64_t i = 0; i < layerCount(); ++i) {
        at::Tensor probs;
        x = layerAt(i)->forward(
            x, selfMask, encoderStates, crossMask, nullptr, crossProbs ? &probs : nullptr);
        if (crossProbs)
            crossProbs->push_back(probs);
    }
    return x;
}

DecoderCache BertModelImpl::startDecoding(
    const at::Tensor &encoderStates, const at::Tensor &encoderMask, int64_t rows, int64_t capacity)
{
    const BertConfig &c = m_options.config;
    DecoderCache cache;
    cache.crossMask = crossAttentionMask(encoderMask, encoderStates.scalar_type());
    const auto options = encoderStates.options();
    // Every layer's cross keys and values read the same encoder states: one
    // product with all their weights stacked is one large matrix product
    // instead of two per layer (Base: 1 of 3137 x 768 x 18432 instead of 24 of
    // 3137 x 768 x 768), which the BLAS runs faster on every thread.
    std::vector<at::Tensor> weights, biases;
    for (int64_t i = 0; i < layerCount(); ++i) {
        BertSelfAttentionImpl &cross = *layerAt(i)->crossattention->self;
        weights.insert(weights.end(), {cross.key->weight, cross.value->weight});
        biases.insert(biases.end(), {cross.key->bias, cross.value->bias});
    }
    const at::Tensor stackedWeights = at::cat(weights), stackedBiases = at::cat(biases);
    // On the CPU the keys and values are kept transposed, (items, H, Lk) per
    // layer, straight from one product: a decoding step then streams each
    // head's keys and values once, in order, and the row kernels (rowlinear.h)
    // need no reduction across vector lanes for the scores. Elsewhere they
    // stay (items, Lk, H), the layout the fused attention kernels expect.
    const bool transposed = encoderStates.device().is_cpu();
    at::Tensor stacked;
    if (transposed) {
        // W [X_b]^T + b per item, written in place (a broadcast matmul would copy W per item).
        const at::Tensor stackedT
            = at::empty({encoderStates.size(0), stackedWeights.size(0), encoderStates.size(1)}, options);
        const at::Tensor biasColumn = stackedBiases.unsqueeze(1);
        for (int64_t b = 0; b < encoderStates.size(0); ++b) {
            at::Tensor out = stackedT.select(0, b);
            at::addmm_out(out, biasColumn, stackedWeights, encoderStates.select(0, b).t());
        }
        stacked = stackedT.transpose(1, 2); // the (items, Lk, features) view, unit stride along Lk
    } else {
        stacked = at::linear(encoderStates, stackedWeights, stackedBiases);
    }
    for (int64_t i = 0; i < layerCount(); ++i) {
        auto layerModule = layerAt(i);
        const int64_t width = weights[static_cast<size_t>(2 * i)].size(0);
        const int64_t offset = 2 * i * width;
        auto cross = layerModule->crossattention->self->splitKeyValue(
            stacked.narrow(-1, offset, width), stacked.narrow(-1, offset + width, width));
        // Contiguous once here (each head's block in one piece), instead of a
        // strided copy inside every step's matmul.
        if (!transposed)
            cross = {cross.key.contiguous(), cross.value.contiguous()};
        cache.cross.push_back(std::move(cross));
        KeyValueCache self;
        self.key = torch::empty({rows, c.numAttentionHeads, capacity, c.headSize()}, options);
        self.value = torch::empty({rows, c.numAttentionHeads, capacity, c.headSize()}, options);
        cache.self.push_back(std::move(self));
    }
    return cache;
}

at::Tensor BertModelImpl::decodeStep(
    const at::Tensor &ids, DecoderCache &cache, std::vector<at::Tensor> *crossProbs)
{
    const int64_t past = cache.length(), len = ids.size(1);
    auto x = embeddings(ids, past);
    // A single new token sees every cached one; a multi-token prefix needs the causal triangle.
    at::Tensor selfMask;
    if (len > 1)
        selfMask = causalSelfAttentionMask(
            torch::ones({ids.size(0), past + len}, ids.options()), len, x.scalar_type());
    for (int64_t i = 0; i < layerCount(); ++i) {
        at::Tensor probs;
        x = layerAt(i)->forwardStep(x, cache.self[static_cast<size_t>(i)], selfMask,
            cache.cross[static_cast<size_t>(i)], cache.crossMask, crossProbs ? &probs : nullptr);
        if (crossProbs)
            crossProbs->push_back(probs);
    }
    return x;
}

} // namespace mplug2::model
