#pragma once
/// BertEmbeddings: word + token type (0) + absolute position, then LayerNorm.
/// The checkpoints' `position_ids` buffer (0, 1, 2, ...) is not kept: positions
/// are computed, and an integer buffer would not survive Module::to(dtype).
/// Internal header of model/ (torch types).

#include "model/config/mplug2config.h"
#include "model/modules/layernorm.h"

#include <torch/nn/modules/embedding.h>

namespace mplug2::model {

class BertEmbeddingsImpl : public torch::nn::Module {
public:
    explicit BertEmbeddingsImpl(const BertConfig &config);

    /// ids (B, L) at positions past .. past + L - 1 -> (B, L, H).
    at::Tensor forward(const at::Tensor &ids, int64_t past = 0);

    torch::nn::Embedding word_embeddings {nullptr};
    torch::nn::Embedding position_embeddings {nullptr};
    torch::nn::Embedding token_type_embeddings {nullptr};
    LayerNorm layerNorm {nullptr}; ///< registered as "LayerNorm"
};
TORCH_MODULE(BertEmbeddings);

} // namespace mplug2::model
