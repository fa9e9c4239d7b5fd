#include "model/modules/bertlmheadmodel.h"

#include <torch/torch.h>

namespace mplug2::model {

BertLMHeadModelImpl::BertLMHeadModelImpl(const BertLMHeadModelOptions &headOptions)
{
    const BertConfig &config = headOptions.config;
    const int64_t layers = headOptions.layers;
    BertModelOptions options;
    options.config = config;
    options.layers = layers;
    options.decoder = true;
    bert = register_module("bert", BertModel(options));
    cls = register_module("cls", std::make_shared<torch::nn::Module>());
    predictions = cls->register_module("predictions",
        BertPredictionHead(BertPredictionHeadOptions(config, bert->embeddings->word_embeddings->weight)));
}

at::Tensor BertLMHeadModelImpl::forward(const at::Tensor &ids, const at::Tensor &mask,
    const at::Tensor &encoder, const at::Tensor &encoderMask, std::vector<at::Tensor> *crossProbs)
{
    return predictions(bert->decode(ids, mask, encoder, encoderMask, crossProbs));
}

at::Tensor BertLMHeadModelImpl::sequenceLoss(const at::Tensor &ids, const at::Tensor &mask,
    const at::Tensor &encoder, const at::Tensor &encoderMask, const at::Tensor &labels)
{
    const auto logits = forward(ids, mask, encoder, encoderMask);
    const int64_t len = ids.size(1);
    const auto shifted = logits.narrow(1, 0, len - 1).reshape({-1, logits.size(-1)});
    const auto targets = labels.narrow(1, 1, len - 1).reshape({-1});
    const auto losses = torch::nn::functional::cross_entropy(shifted.to(at::kFloat), targets,
        torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone).ignore_index(-100));
    return losses.view({ids.size(0), len - 1}).sum(1);
}

} // namespace mplug2::model
