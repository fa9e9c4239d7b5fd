#pragma once
/// How faithful a saliency map is to the model: RISE's deletion and insertion
/// curves (Petsiuk et al., 2018). Patches are removed (deletion) or restored
/// (insertion) most salient first, and the probability of the explained
/// token is followed through the whole model; the area under each curve is
/// the score. A faithful map makes the probability fall fast when its patches
/// go (low deletion AUC) and rise fast when they come back (high insertion
/// AUC). "Removed" means blurred in the pixels, a perturbation unlike the
/// token masking of occlusion maps, so that no method is graded on its own test.
///
///     FaithfulnessParams p = FaithfulnessParams::defaultParams();
///     auto score = faithfulness(model, pixels, {}, ids, {2}, saliency, p);   // token ids[3]
///     if (score) std::cout << score->deletionAuc << ' ' << score->insertionAuc;
///
/// Threading: as Mplug2 (one thread at a time).

#include "base/expected.h"
#include "model/mplug2.h"

#include <ATen/core/Tensor.h>
#include <cstdint>
#include <functional>
#include <vector>

namespace mplug2::model {

struct FaithfulnessParams {
    /// Points of each curve after the start: fractions 1/steps .. 1 of the patches.
    int64_t steps = 8;
    /// Blur of a removed patch in pixels; 0: one patch side.
    double blurSigma = 0;
    /// Videos per encoder pass.
    int64_t batch = 6;
    /// Breaks ties among equal saliency values (e.g. a flat map) at random.
    uint64_t seed = 1;
    /// Called after each batch; returning false stops with ErrorCode::Cancelled.
    std::function<bool(int64_t done, int64_t total)> progress;

    static FaithfulnessParams defaultParams() { return {}; }
};

struct FaithfulnessScore {
    /// Fraction of patches removed / restored at each point, 0 .. 1.
    std::vector<double> fractions;
    /// The token's probability (geometric mean over several tokens) at each point.
    std::vector<double> deletion;
    std::vector<double> insertion;
    /// Trapezoid areas under the curves, in [0, 1].
    double deletionAuc = 0;
    double insertionAuc = 0;
    /// The probability on the untouched media.
    double probability = 0;
};

/// pixels (1, 3, T, H, W) CLIP-normalised; ids [CLS] text ...; `tokens`
/// indices into ids[1:] whose (mean) log-probability is followed; saliency
/// (T * gridHeight * gridWidth) over the patches (the global token left out);
/// questionIds empty for a caption, else [CLS] question ids.
Expected<FaithfulnessScore> faithfulness(Mplug2 &model, const at::Tensor &pixels,
    const std::vector<int64_t> &questionIds, const std::vector<int64_t> &ids,
    const std::vector<int64_t> &tokens, const at::Tensor &saliency, const FaithfulnessParams &params);

/// The trapezoid area under `values` at `fractions` (both the same length).
double areaUnderCurve(const std::vector<double> &fractions, const std::vector<double> &values);

} // namespace mplug2::model
