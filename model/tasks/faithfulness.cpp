#include "model/tasks/faithfulness.h"

#include "model/runtime/exceptiontext.h"
#include "model/tasks/pixelperturbation.h"

#include <cmath>
#include <torch/torch.h>

namespace mplug2::model {

double areaUnderCurve(const std::vector<double> &fractions, const std::vector<double> &values)
{
    double area = 0;
    for (size_t i = 1; i < fractions.size() && i < values.size(); ++i)
        area += (fractions[i] - fractions[i - 1]) * (values[i] + values[i - 1]) / 2;
    return area;
}

Expected<FaithfulnessScore> faithfulness(Mplug2 &model, const at::Tensor &pixels,
    const std::vector<int64_t> &questionIds, const std::vector<int64_t> &ids,
    const std::vector<int64_t> &tokens, const at::Tensor &saliency, const FaithfulnessParams &params)
{
    if (!pixels.defined() || pixels.dim() != 5 || pixels.size(0) != 1 || pixels.size(1) != 3)
        return makeError(
            ErrorCode::InvalidArgument, "faithfulness: pixels must be (1, 3, frames, height, width)");
    if (ids.size() < 2 || ids.front() != kStartTokenId)
        return makeError(
            ErrorCode::InvalidArgument, "faithfulness: ids must be [CLS] followed by at least one token");
    if (tokens.empty())
        return makeError(ErrorCode::InvalidArgument, "faithfulness: no token to follow");
    for (int64_t t : tokens)
        if (t < 0 || t >= int64_t(ids.size()) - 1)
            return makeError(ErrorCode::InvalidArgument,
                "faithfulness: token " + std::to_string(t) + " is not in the text");
    const int64_t patch = model.config().vision.patchSize;
    const int64_t frames = pixels.size(2), gh = pixels.size(3) / patch, gw = pixels.size(4) / patch;
    const int64_t patches = frames * gh * gw;
    if (patches < 1)
        return makeError(ErrorCode::InvalidArgument, "faithfulness: frames smaller than one patch");
    if (!saliency.defined() || saliency.numel() != patches)
        return makeError(ErrorCode::InvalidArgument,
            "faithfulness: the map has " + std::to_string(saliency.defined() ? saliency.numel() : 0)
                + " values for " + std::to_string(patches) + " patches");
    const int64_t steps = std::clamp<int64_t>(params.steps, 1, patches);
    at::Tensor original, blurred, order;
    try {
        c10::InferenceMode inference;
        original = pixels.to(at::kFloat).to(at::kCPU);
        blurred = blurredPixels(original, params.blurSigma > 0 ? params.blurSigma : double(patch));
        // Most salient first; equal values in a random order of their own.
        at::manual_seed(params.seed);
        const at::Tensor shuffle = at::randperm(patches, at::kLong);
        const at::Tensor values = saliency.to(at::kFloat).to(at::kCPU).reshape({-1}).index_select(0, shuffle);
        order = shuffle.index_select(0, std::get<1>(at::sort(values, true, 0, true)));
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "faithfulness: " + exceptionText(e));
    }
    // Videos 0 .. steps: deletion with k/steps of the patches blurred; then insertion likewise restored.
    const VideoBatch videos = [&](int64_t first, int64_t count) {
        std::vector<at::Tensor> out;
        for (int64_t i = first; i < first + count; ++i) {
            const bool deletion = i <= steps;
            const int64_t k = deletion ? i : i - steps - 1;
            const int64_t chosen = int64_t(std::llround(double(patches) * double(k) / double(steps)));
            at::Tensor patchMask = at::zeros({patches});
            patchMask.index_fill_(0, order.narrow(0, 0, chosen), 1.0);
            const at::Tensor m
                = pixelMasks(patchMask.view({1, frames, gh, gw}), patch, pixels.size(3), pixels.size(4));
            out.push_back(deletion ? original * (1.0 - m) + blurred * m : blurred * (1.0 - m) + original * m);
        }
        return at::cat(out, 0);
    };
    Expected<at::Tensor> logp
        = textLogProbsOver(model, videos, 2 * (steps + 1), questionIds, ids, params.batch, params.progress);
    if (!logp)
        return logp.error();
    const at::Tensor chosen
        = logp->index_select(1, torch::tensor(tokens, at::kLong)).mean(1).exp().to(at::kDouble);
    FaithfulnessScore score;
    for (int64_t k = 0; k <= steps; ++k) {
        score.fractions.push_back(double(k) / double(steps));
        score.deletion.push_back(chosen[k].item<double>());
        score.insertion.push_back(chosen[steps + 1 + k].item<double>());
    }
    score.probability = score.deletion.front();
    score.deletionAuc = areaUnderCurve(score.fractions, score.deletion);
    score.insertionAuc = areaUnderCurve(score.fractions, score.insertion);
    return score;
}

} // namespace mplug2::model
