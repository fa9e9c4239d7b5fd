#include "model/modules/videoformer.h"

#include <cmath>
#include <torch/torch.h>

namespace mplug2::model {

VideoFormerImpl::VideoFormerImpl(const VideoFormerOptions &options)
    : m_config(options.vision)
{
    const VisionConfig &config = options.vision;
    const int64_t embedDim = options.embedDim;
    const int64_t p = config.patchSize, w = config.width;
    auto convOptions = config.temporalDownsampling
        ? torch::nn::Conv3dOptions(3, w, {3, p, p}).stride({config.temporalStride, p, p}).padding({1, 0, 0})
        : torch::nn::Conv3dOptions(3, w, {1, p, p}).stride({1, p, p});
    conv1 = register_module("conv1", torch::nn::Conv3d(convOptions.bias(false)));
    const double scale = 1.0 / std::sqrt(static_cast<double>(w));
    class_embedding = register_parameter("class_embedding", torch::randn({w}) * 0.02);
    const int64_t grid = config.gridSide();
    positional_embedding
        = register_parameter("positional_embedding", torch::randn({grid * grid + 1, w}) * 0.02);
    proj = register_parameter("proj", torch::randn({w, embedDim}) * scale);
    ln_pre = register_module("ln_pre", LayerNorm(LayerNormOptions(w, 1e-5)));
    transformer = register_module("transformer", std::make_shared<torch::nn::Module>());
    resblocks = transformer->register_module("resblocks", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.layers; ++i)
        resblocks->push_back(TemporalBlock(TemporalBlockOptions(w, config.heads)));
    ln_post = register_module("ln_post", LayerNorm(LayerNormOptions(w, 1e-5)));
}

VideoFormerImpl::Geometry VideoFormerImpl::geometryFor(int64_t frames, int64_t height, int64_t width) const
{
    const int64_t p = m_config.patchSize;
    Geometry g;
    g.frames = m_config.temporalDownsampling ? (frames - 1) / m_config.temporalStride + 1 : frames;
    g.gridHeight = height / p;
    g.gridWidth = width / p;
    return g;
}

at::Tensor VideoFormerImpl::embedPatches(const at::Tensor &pixels) const
{
    // Half-precision convolutions and GEMMs are missing on the CPU: embed in fp32 there.
    const bool upcast = pixels.device().is_cpu() && pixels.scalar_type() != at::kFloat;
    const auto x = upcast ? pixels.to(at::kFloat) : pixels;
    const auto weight = upcast ? conv1->weight.to(at::kFloat) : conv1->weight;
    at::Tensor tokens;
    const int64_t b = x.size(0), t = x.size(2), p = m_config.patchSize;
    if (!m_config.temporalDownsampling) {
        // A (1, p, p) convolution with stride p is one matrix product over unfolded patches.
        const int64_t gh = x.size(3) / p, gw = x.size(4) / p;
        const auto cropped = x.narrow(3, 0, gh * p).narrow(4, 0, gw * p);
        const auto patches = cropped.reshape({b, 3, t, gh, p, gw, p})
                                 .permute({0, 2, 3, 5, 1, 4, 6})
                                 .reshape({b * t * gh * gw, 3 * p * p});
        tokens = at::matmul(patches, weight.reshape({weight.size(0), -1}).t()).view({b * t, gh * gw, -1});
    } else {
        const auto y = at::conv3d(x, weight, {}, {m_config.temporalStride, p, p}, {1, 0, 0});
        const int64_t frames = y.size(2);
        tokens = y.permute({0, 2, 3, 4, 1}).reshape({b * frames, y.size(3) * y.size(4), y.size(1)});
    }
    return upcast ? tokens.to(pixels.scalar_type()) : tokens;
}

at::Tensor VideoFormerImpl::positionalEmbeddingFor(int64_t gridHeight, int64_t gridWidth) const
{
    const int64_t rows = positional_embedding.size(0) - 1;
    if (rows == gridHeight * gridWidth)
        return positional_embedding;
    // Another input size than the training one: resize the grid part bilinearly, as the official loader does.
    const auto side = static_cast<int64_t>(std::lround(std::sqrt(static_cast<double>(rows))));
    TORCH_CHECK(side * side == rows, "the positional embedding has ", rows, " patch rows: not a square grid");
    const auto grid = positional_embedding.narrow(0, 1, rows)
                          .to(at::kFloat)
                          .reshape({1, side, side, -1})
                          .permute({0, 3, 1, 2});
    const auto resized = torch::nn::functional::interpolate(grid,
        torch::nn::functional::InterpolateFuncOptions()
            .size(std::vector<int64_t> {gridHeight, gridWidth})
            .mode(torch::kBilinear)
            .align_corners(false));
    const auto flat = resized.permute({0, 2, 3, 1}).reshape({gridHeight * gridWidth, -1});
    return at::cat({positional_embedding.narrow(0, 0, 1), flat.to(positional_embedding.scalar_type())}, 0);
}

at::Tensor VideoFormerImpl::forward(const at::Tensor &pixels, std::vector<at::Tensor> *layerAttention)
{
    TORCH_CHECK(pixels.dim() == 5 && pixels.size(1) == 3, "VideoFormer expects pixels (B, 3, T, H, W), got ",
        pixels.sizes());
    const int64_t p = m_config.patchSize;
    TORCH_CHECK(pixels.size(3) >= p && pixels.size(4) >= p, "frames of ", pixels.size(3), "x", pixels.size(4),
        " are smaller than one ", p, "x", p, " patch");
    const int64_t batch = pixels.size(0);
    const auto geometry = geometryFor(pixels.size(2), pixels.size(3), pixels.size(4));
    auto x = embedPatches(pixels);
    const int64_t rows = x.size(0), width = x.size(2);
    const int64_t frames = rows / batch;
    const auto cls = class_embedding.to(x.scalar_type()).view({1, 1, width}).expand({rows, 1, width});
    x = at::cat({cls, x}, 1)
        + positionalEmbeddingFor(geometry.gridHeight, geometry.gridWidth).to(x.scalar_type());
    x = ln_pre(x);
    for (const auto &module : *resblocks) {
        if (layerAttention) {
            at::Tensor probs;
            x = module->as<TemporalBlock>()->forward(x, frames, &probs);
            layerAttention->push_back(probs.mean(1));
        } else {
            x = module->as<TemporalBlock>()->forward(x, frames);
        }
    }
    const int64_t tokens = x.size(1) - 1;
    const auto perVideo = x.view({batch, frames, tokens + 1, width});
    const auto classToken = perVideo.select(2, 0).mean(1, true);
    const auto patches = perVideo.narrow(2, 1, tokens).reshape({batch, frames * tokens, width});
    return ln_post(at::cat({classToken, patches}, 1));
}

} // namespace mplug2::model
