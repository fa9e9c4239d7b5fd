#pragma once
/// BertLMPredictionHead (`cls.predictions`): `transform.dense`, GELU,
/// `transform.LayerNorm`, then `decoder` (weight tied to the decoder's word
/// embeddings, bias = the head's `bias`), as the official model ties them.
/// Both tied names are registered; they hold one tensor.
/// Internal header of model/ (torch types).

#include "model/config/mplug2config.h"
#include "model/modules/layernorm.h"
#include "model/modules/linear.h"

namespace mplug2::model {

/// The decoder's output head; its decoder weight is `wordEmbeddings` (tied).
struct BertPredictionHeadOptions {
    BertPredictionHeadOptions(BertConfig config, at::Tensor wordEmbeddings)
        : config(std::move(config))
        , wordEmbeddings(std::move(wordEmbeddings))
    { }
    BertConfig config;
    at::Tensor wordEmbeddings;
};

class BertPredictionHeadImpl : public torch::nn::Module {
public:
    /// `wordEmbeddings` (vocab, H) becomes `decoder.weight` (shared, not copied).
    explicit BertPredictionHeadImpl(const BertPredictionHeadOptions &options);

    /// hidden (..., H) -> logits (..., vocab).
    at::Tensor forward(const at::Tensor &hidden);

    std::shared_ptr<torch::nn::Module> transform;
    Linear dense {nullptr};
    LayerNorm layerNorm {nullptr}; ///< registered as "transform.LayerNorm"
    std::shared_ptr<torch::nn::Module> decoder;
    at::Tensor decoderWeight; ///< "decoder.weight"
    at::Tensor bias; ///< "bias" and "decoder.bias"
};
TORCH_MODULE(BertPredictionHead);

} // namespace mplug2::model
