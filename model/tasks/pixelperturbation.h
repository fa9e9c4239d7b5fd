#pragma once
/// Perturbing media in pixel space and reading a text's log-probabilities
/// through the whole model: what pixel occlusion and the faithfulness
/// curves share. Internal header of model/ (torch types).

#include "base/expected.h"
#include "model/mplug2.h"

#include <ATen/core/Tensor.h>
#include <functional>
#include <vector>

namespace mplug2::model {

/// pixels (1, 3, T, H, W) with every frame blurred (three box blurs, close to
/// a Gaussian of `sigma` pixels): the "removed" state of a patch.
at::Tensor blurredPixels(const at::Tensor &pixels, double sigma);

/// Patch masks (N, T, gridHeight, gridWidth), 1 = perturbed, as pixel masks
/// (N, 1, T, height, width) for patches of `patch` pixels (edges past the
/// grid stay 0).
at::Tensor pixelMasks(const at::Tensor &patchMasks, int64_t patch, int64_t height, int64_t width);

/// Makes videos first .. first + count - 1 of a set: (count, 3, T, H, W).
using VideoBatch = std::function<at::Tensor(int64_t first, int64_t count)>;
/// Called after each batch; false stops with ErrorCode::Cancelled.
using BatchProgress = std::function<bool(int64_t done, int64_t total)>;

/// log p(ids[t + 1] | ids[<= t], video) for each of `total` videos made by
/// `videos`, `batch` at a time, through the visual encoder (and, with
/// questionIds, the question encoder and fusion): (total, ids - 1) fp32 CPU.
Expected<at::Tensor> textLogProbsOver(Mplug2 &model, const VideoBatch &videos, int64_t total,
    const std::vector<int64_t> &questionIds, const std::vector<int64_t> &ids, int64_t batch,
    const BatchProgress &progress);

} // namespace mplug2::model
