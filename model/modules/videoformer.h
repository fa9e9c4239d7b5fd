#pragma once
/// The VideoFormer visual encoder (`visual_encoder.visual`): a CLIP ViT whose
/// blocks carry temporal adapters. Frames are patch-embedded by a Conv3d with
/// kernel (1, p, p), get a class token and positional embedding, run through
/// the TemporalBlocks, and come out as one sequence per video:
/// [mean of the per-frame class tokens; all frames' patch tokens] after
/// ln_post, i.e. (B, 1 + T*gh*gw, width). Images are 1-frame videos.
/// Internal header of model/ (torch types).

#include "model/config/mplug2config.h"
#include "model/modules/layernorm.h"
#include "model/modules/temporalblock.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <vector>

namespace mplug2::model {

/// The video encoder: the vision tower and its projection to `embedDim`.
struct VideoFormerOptions {
    VideoFormerOptions(VisionConfig vision, int64_t embedDim)
        : vision(std::move(vision))
        , embedDim(embedDim)
    { }
    VisionConfig vision;
    int64_t embedDim;
};

class VideoFormerImpl : public torch::nn::Module {
public:
    explicit VideoFormerImpl(const VideoFormerOptions &options);

    /// pixels (B, 3, T, H, W) normalised with the CLIP mean/std. When
    /// `layerAttention` is given it receives, per block, the head-averaged
    /// spatial self-attention (B*T, 1+L, 1+L) for attention rollout.
    at::Tensor forward(const at::Tensor &pixels, std::vector<at::Tensor> *layerAttention = nullptr);

    /// Frames and patch grid of the tokens produced for an input of this size.
    struct Geometry {
        int64_t frames = 0;
        int64_t gridHeight = 0;
        int64_t gridWidth = 0;
    };
    Geometry geometryFor(int64_t frames, int64_t height, int64_t width) const;

    torch::nn::Conv3d conv1 {nullptr};
    at::Tensor class_embedding;
    at::Tensor positional_embedding;
    at::Tensor proj;
    LayerNorm ln_pre {nullptr};
    std::shared_ptr<torch::nn::Module> transformer;
    torch::nn::ModuleList resblocks {nullptr};
    LayerNorm ln_post {nullptr};

private:
    at::Tensor embedPatches(const at::Tensor &pixels) const;
    at::Tensor positionalEmbeddingFor(int64_t gridHeight, int64_t gridWidth) const;

    VisionConfig m_config;
};
TORCH_MODULE(VideoFormer);

} // namespace mplug2::model
