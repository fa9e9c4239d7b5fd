#include "model/tasks/pixelperturbation.h"

#include "model/modules/mplug2model.h"
#include "model/runtime/exceptiontext.h"
#include "model/tasks/sequencescoring.h"

#include <algorithm>
#include <cmath>
#include <torch/torch.h>

namespace mplug2::model {

at::Tensor blurredPixels(const at::Tensor &pixels, double sigma)
{
    c10::InferenceMode inference;
    const int64_t channels = pixels.size(1), frames = pixels.size(2), h = pixels.size(3), w = pixels.size(4);
    // Three box blurs of width k approach a Gaussian of sigma ~ k / 2.
    const int64_t k = std::clamp<int64_t>(2 * std::llround(sigma) + 1, 1, 2 * (std::min(h, w) / 2) - 1);
    at::Tensor x
        = pixels.to(at::kFloat).permute({0, 2, 1, 3, 4}).reshape({frames * pixels.size(0), channels, h, w});
    for (int i = 0; i < 3 && k > 1; ++i)
        x = at::avg_pool2d(x, {k, k}, {1, 1}, {k / 2, k / 2}, false, false);
    return x.reshape({pixels.size(0), frames, channels, h, w}).permute({0, 2, 1, 3, 4}).contiguous();
}

at::Tensor pixelMasks(const at::Tensor &patchMasks, int64_t patch, int64_t height, int64_t width)
{
    c10::InferenceMode inference;
    at::Tensor m = patchMasks.to(at::kFloat).repeat_interleave(patch, 2).repeat_interleave(patch, 3);
    m = m.narrow(2, 0, std::min(height, m.size(2))).narrow(3, 0, std::min(width, m.size(3)));
    if (m.size(2) < height || m.size(3) < width)
        m = at::constant_pad_nd(m, {0, width - m.size(3), 0, height - m.size(2)}, 0.0);
    return m.unsqueeze(1);
}

Expected<at::Tensor> textLogProbsOver(Mplug2 &model, const VideoBatch &videos, int64_t total,
    const std::vector<int64_t> &questionIds, const std::vector<int64_t> &ids, int64_t batch,
    const BatchProgress &progress)
{
    if (ids.size() < 2 || ids.front() != kStartTokenId)
        return makeError(ErrorCode::InvalidArgument, "the text must be [CLS] followed by at least one token");
    std::vector<at::Tensor> parts;
    for (int64_t first = 0; first < total; first += std::max<int64_t>(1, batch)) {
        const int64_t count = std::min(std::max<int64_t>(1, batch), total - first);
        at::Tensor video;
        try {
            c10::InferenceMode inference;
            video = videos(first, count);
        } catch (const std::exception &e) {
            return makeError(ErrorCode::Internal, "perturbing the media: " + exceptionText(e));
        }
        Expected<VisualFeatures> visual = model.encodeVisual(video);
        if (!visual)
            return visual.error();
        at::Tensor states = visual->imageEmbeds, statesMask;
        if (!questionIds.empty()) {
            const at::Tensor q = torch::tensor(questionIds, at::kLong).unsqueeze(0).expand({count, -1});
            Expected<EncodedQuestion> encoded = model.encodeQuestion(*visual, q, at::ones_like(q));
            if (!encoded)
                return encoded.error();
            states = encoded->states;
            statesMask = encoded->mask;
        }
        try {
            c10::InferenceMode inference;
            if (!statesMask.defined())
                statesMask = torch::ones(
                    {count, states.size(1)}, at::TensorOptions().dtype(at::kLong).device(states.device()));
            const at::Tensor text
                = torch::tensor(ids, at::kLong).unsqueeze(0).expand({count, -1}).to(states.device());
            parts.push_back(
                tokenLogProbs(*model.network().text_decoder, text, at::ones_like(text), states, statesMask)
                    .to(at::kFloat)
                    .to(at::kCPU));
        } catch (const std::exception &e) {
            return makeError(isOutOfMemory(e) ? ErrorCode::OutOfMemory : ErrorCode::Internal,
                "scoring perturbed media: " + exceptionText(e));
        }
        if (progress && !progress(first + count, total))
            return makeError(ErrorCode::Cancelled, "cancelled");
    }
    if (parts.empty())
        return at::zeros({0, int64_t(ids.size()) - 1});
    return at::cat(parts, 0);
}

} // namespace mplug2::model
