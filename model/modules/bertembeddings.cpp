#include "model/modules/bertembeddings.h"

#include "model/modules/parameterfill.h"

#include <torch/torch.h>

namespace mplug2::model {

BertEmbeddingsImpl::BertEmbeddingsImpl(const BertConfig &config)
{
    word_embeddings = register_module(
        "word_embeddings", torch::nn::Embedding(embeddingOptions(config.vocabSize, config.hiddenSize)));
    position_embeddings = register_module("position_embeddings",
        torch::nn::Embedding(embeddingOptions(config.maxPositionEmbeddings, config.hiddenSize)));
    token_type_embeddings = register_module("token_type_embeddings",
        torch::nn::Embedding(embeddingOptions(config.typeVocabSize, config.hiddenSize)));
    layerNorm
        = register_module("LayerNorm", LayerNorm(LayerNormOptions(config.hiddenSize, config.layerNormEps)));
    for (auto *table : {&word_embeddings, &position_embeddings, &token_type_embeddings})
        if (parametersAreFilled())
            torch::nn::init::normal_((*table)->weight, 0.0, 0.02);
}

at::Tensor BertEmbeddingsImpl::forward(const at::Tensor &ids, int64_t past)
{
    const int64_t len = ids.size(1);
    const int64_t positions = position_embeddings->weight.size(0);
    TORCH_CHECK(past + len <= positions, "text of ", past + len, " tokens is longer than the ", positions,
        " positions the model knows");
    const auto words = word_embeddings(ids);
    const auto typeRow = token_type_embeddings->weight.select(0, 0);
    const auto positionRows = position_embeddings->weight.narrow(0, past, len);
    // The official order of additions: (words + token type) + positions.
    return layerNorm((words + typeRow) + positionRows);
}

} // namespace mplug2::model
