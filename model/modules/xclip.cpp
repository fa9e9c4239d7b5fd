#include "model/modules/xclip.h"

#include "model/modules/parameterfill.h"

#include <cmath>
#include <limits>
#include <torch/torch.h>

namespace mplug2::model {

XClipImpl::XClipImpl(const Mplug2Config &config)
{
    const ClipTextConfig &t = config.clipText;
    visual = register_module("visual", VideoFormer(VideoFormerOptions(config.vision, config.embedDim)));
    transformer = register_module("transformer", std::make_shared<torch::nn::Module>());
    resblocks = transformer->register_module("resblocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < t.layers; ++i)
        resblocks->push_back(ClipResidualBlock(ClipResidualBlockOptions(t.width, t.heads)));
    token_embedding
        = register_module("token_embedding", torch::nn::Embedding(embeddingOptions(t.vocabSize, t.width)));
    positional_embedding
        = register_parameter("positional_embedding", torch::randn({t.contextLength, t.width}) * 0.01);
    ln_final = register_module("ln_final", LayerNorm(LayerNormOptions(t.width, 1e-5)));
    text_projection = register_parameter(
        "text_projection", torch::randn({t.width, config.embedDim}) / std::sqrt(double(t.width)));
    logit_scale = register_parameter("logit_scale", torch::full({}, std::log(1.0 / 0.07)));
}

at::Tensor XClipImpl::encodeImage(const at::Tensor &pixels)
{
    const auto tokens = visual(pixels);
    return at::matmul(tokens.select(1, 0), visual->proj.to(tokens.scalar_type()));
}

at::Tensor XClipImpl::encodeText(const at::Tensor &tokens)
{
    TORCH_CHECK(tokens.dim() == 2 && tokens.size(1) >= 1 && tokens.size(1) <= positional_embedding.size(0),
        "CLIP text tokens must be (N, L) with L <= ", positional_embedding.size(0), ", got ", tokens.sizes());
    TORCH_CHECK(tokens.numel() == 0
            || (tokens.min().item<int64_t>() >= 0
                && tokens.max().item<int64_t>() < token_embedding->weight.size(0)),
        "CLIP text token id out of the vocabulary");
    const int64_t len = tokens.size(1);
    auto x = token_embedding(tokens) + positional_embedding.narrow(0, 0, len);
    const auto causal = torch::full({len, len}, -std::numeric_limits<float>::infinity(),
        torch::TensorOptions().dtype(x.scalar_type()).device(x.device()))
                            .triu(1);
    for (const auto &module : *resblocks)
        x = module->as<ClipResidualBlock>()->forward(x, causal);
    x = ln_final(x);
    const auto endOfText = tokens.argmax(-1);
    const auto rows = torch::arange(tokens.size(0), endOfText.options());
    return at::matmul(x.index({rows, endOfText}), text_projection.to(x.scalar_type()));
}

} // namespace mplug2::model
