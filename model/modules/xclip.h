#pragma once
/// `visual_encoder`: the XCLIP model around the VideoFormer. Besides `visual`
/// it holds the CLIP text tower (`token_embedding`, `positional_embedding`,
/// `transformer.resblocks.N`, `ln_final`, `text_projection`) and
/// `logit_scale`, which give CLIP-space embeddings for fast retrieval.
/// Internal header of model/ (torch types).

#include "model/config/mplug2config.h"
#include "model/modules/clipresidualblock.h"
#include "model/modules/videoformer.h"

#include <torch/nn/modules/embedding.h>

namespace mplug2::model {

class XClipImpl : public torch::nn::Module {
public:
    explicit XClipImpl(const Mplug2Config &config);

    /// visual(pixels)[:, 0] @ visual.proj: (B, embedDim), not normalised.
    at::Tensor encodeImage(const at::Tensor &pixels);
    /// CLIP BPE ids (N, L <= context length), zero padded, each ending with
    /// the end-of-text id (the largest id of the row): (N, embedDim), not normalised.
    at::Tensor encodeText(const at::Tensor &tokens);

    VideoFormer visual {nullptr};
    std::shared_ptr<torch::nn::Module> transformer;
    torch::nn::ModuleList resblocks {nullptr};
    torch::nn::Embedding token_embedding {nullptr};
    at::Tensor positional_embedding;
    LayerNorm ln_final {nullptr};
    at::Tensor text_projection;
    at::Tensor logit_scale;
};
TORCH_MODULE(XClip);

} // namespace mplug2::model
