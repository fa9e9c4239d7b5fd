#pragma once
/// The pieces around BERT's attention and feed-forward blocks:
/// BertIntermediate (`dense` + GELU) and BertOutput (`dense`, residual,
/// `LayerNorm`), the latter also serving as BertSelfOutput (same names and
/// maths; the fp16 clamp it adds is a no-op on finite values).
/// Internal header of model/ (torch types).

#include "model/config/mplug2config.h"
#include "model/modules/layernorm.h"
#include "model/modules/linear.h"

namespace mplug2::model {

class BertIntermediateImpl : public torch::nn::Module {
public:
    explicit BertIntermediateImpl(const BertConfig &config);
    at::Tensor forward(const at::Tensor &x);

    Linear dense {nullptr};
};
TORCH_MODULE(BertIntermediate);

/// The block after attention or the intermediate layer: dense from
/// `inFeatures` to the hidden size, then residual and LayerNorm.
struct BertOutputOptions {
    BertOutputOptions(BertConfig config, int64_t inFeatures)
        : config(std::move(config))
        , inFeatures(inFeatures)
    { }
    BertConfig config;
    int64_t inFeatures;
};

class BertOutputImpl : public torch::nn::Module {
public:
    explicit BertOutputImpl(const BertOutputOptions &options);
    /// LayerNorm(dense(x) + residual).
    at::Tensor forward(const at::Tensor &x, const at::Tensor &residual);

    Linear dense {nullptr};
    LayerNorm layerNorm {nullptr}; ///< registered as "LayerNorm"
};
TORCH_MODULE(BertOutput);

} // namespace mplug2::model
