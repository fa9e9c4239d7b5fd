#include "model/checkpoint/positionalembedding.h"

#include <cmath>
#include <torch/torch.h>

namespace mplug2::model {

Expected<at::Tensor> resizePositionalEmbedding(const at::Tensor &embedding, int gridSide)
{
    if (embedding.dim() != 2 || embedding.size(0) < 2 || gridSide <= 0)
        return makeError(ErrorCode::InvalidArgument,
            "a positional embedding must be (1 + side*side, C) and the "
            "grid side positive");
    const std::int64_t gridTokens = embedding.size(0) - 1;
    const auto oldSide = static_cast<std::int64_t>(std::sqrt(static_cast<double>(gridTokens)));
    if (oldSide * oldSide != gridTokens)
        return makeError(ErrorCode::Format,
            "the positional embedding has " + std::to_string(gridTokens)
                + " grid rows, which is not a square number");
    if (oldSide == gridSide)
        return embedding;
    try {
        torch::NoGradGuard noGrad;
        const std::int64_t channels = embedding.size(1);
        const at::Tensor classToken = embedding.slice(0, 0, 1);
        at::Tensor grid
            = embedding.slice(0, 1).reshape({1, oldSide, oldSide, channels}).permute({0, 3, 1, 2});
        grid = torch::nn::functional::interpolate(grid.to(at::kFloat),
            torch::nn::functional::InterpolateFuncOptions()
                .size(std::vector<std::int64_t> {gridSide, gridSide})
                .mode(torch::kBilinear)
                .align_corners(false));
        grid
            = grid.to(embedding.scalar_type()).permute({0, 2, 3, 1}).reshape({gridSide * gridSide, channels});
        return at::cat({classToken, grid}, 0).contiguous();
    } catch (const c10::Error &e) {
        return makeError(ErrorCode::Internal,
            std::string("resizing the positional embedding failed: ") + e.what_without_backtrace());
    }
}

} // namespace mplug2::model
