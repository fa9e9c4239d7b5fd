#pragma once
/// The decoder (`text_decoder`): BertLMHeadModel / BertPrefixModel = `bert`
/// (BertModel with cross-attention in every layer) + `cls.predictions`.
/// Internal header of model/ (torch types).

#include "model/modules/bertmodel.h"
#include "model/modules/bertpredictionhead.h"

namespace mplug2::model {

/// The text decoder: `layers` BERT layers with cross-attention, and the
/// prediction head tied to the word embeddings.
struct BertLMHeadModelOptions {
    BertLMHeadModelOptions(BertConfig config, int64_t layers)
        : config(std::move(config))
        , layers(layers)
    { }
    BertConfig config;
    int64_t layers;
};

class BertLMHeadModelImpl : public torch::nn::Module {
public:
    explicit BertLMHeadModelImpl(const BertLMHeadModelOptions &options);

    /// Teacher-forced logits (B, L, vocab) of ids (B, L) over encoder states.
    at::Tensor forward(const at::Tensor &ids, const at::Tensor &mask, const at::Tensor &encoder,
        const at::Tensor &encoderMask, std::vector<at::Tensor> *crossProbs = nullptr);

    /// The official per-sequence loss (reduction 'none'): the sum over
    /// positions t >= 1 of -log p(labels[t] | ids[<t]), skipping labels of
    /// -100 (padding) -> (B).
    at::Tensor sequenceLoss(const at::Tensor &ids, const at::Tensor &mask, const at::Tensor &encoder,
        const at::Tensor &encoderMask, const at::Tensor &labels);

    BertModel bert {nullptr};
    std::shared_ptr<torch::nn::Module> cls;
    BertPredictionHead predictions {nullptr};
};
TORCH_MODULE(BertLMHeadModel);

} // namespace mplug2::model
