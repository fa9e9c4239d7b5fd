#include "model/generation/beamsearch.h"

#include "model/generation/decodersession.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <torch/torch.h>

namespace mplug2::model {

namespace {

struct Candidate {
    float score;
    std::vector<int64_t> ids;
};

std::vector<int64_t> rowIds(const at::Tensor &sequences, int64_t row)
{
    const auto r = sequences.select(0, row).contiguous();
    return std::vector<int64_t>(r.data_ptr<int64_t>(), r.data_ptr<int64_t>() + r.numel());
}

} // namespace

GenerationResult beamSearch(BertLMHeadModelImpl &decoder, const at::Tensor &encoder,
    const at::Tensor &encoderMask, const GenerationParams &params)
{
    TORCH_CHECK(
        params.beamSize >= 1 && params.maxLength >= 1, "beam search needs beamSize >= 1 and maxLength >= 1");
    const int64_t batch = encoder.size(0), beams = params.beamSize;
    const auto device = encoder.device();
    const auto longOptions = torch::TensorOptions().dtype(at::kLong).device(device);
    const int64_t prefixLength = 1 + static_cast<int64_t>(params.prefix.size());
    DecoderSession session(
        decoder, encoder, encoderMask, beams, prefixLength + params.maxLength, params.useCache);

    std::vector<int64_t> start {kStartTokenId};
    start.insert(start.end(), params.prefix.begin(), params.prefix.end());
    auto alive = torch::tensor(start, torch::TensorOptions().dtype(at::kLong))
                     .to(device)
                     .unsqueeze(0)
                     .repeat({batch * beams, 1});
    // Only the first beam is live at the start: the others would duplicate it.
    std::vector<float> initial(static_cast<size_t>(beams), -std::numeric_limits<float>::infinity());
    initial[0] = 0.0f;
    auto topkLogProbs = torch::tensor(initial).to(device).repeat({batch});
    auto batchOffset = torch::arange(batch, longOptions);
    const auto beamOffset = torch::arange(0, batch * beams, beams, longOptions);

    std::vector<std::vector<Candidate>> hypotheses(static_cast<size_t>(batch));
    GenerationResult result;
    result.items.resize(static_cast<size_t>(batch));

    for (int64_t step = 0; step < params.maxLength; ++step) {
        if (params.shouldStop && params.shouldStop()) {
            result.cancelled = true;
            break;
        }
        ++result.steps;
        const auto logits = session.nextLogits(alive).to(at::kFloat);
        const int64_t vocab = logits.size(-1);
        // The official code takes log(softmax), not log_softmax: same maths, its rounding.
        auto logProbs = at::log(at::softmax(logits, -1));
        if (step < params.minLength)
            logProbs.select(1, kEndTokenId).fill_(-1e20);
        const double penalty = lengthPenalty(step + 1);
        logProbs = logProbs + topkLogProbs.view({-1, 1});
        const auto current = (logProbs / penalty).reshape({-1, beams * vocab});
        auto [topkScores, topkIds] = current.topk(beams, -1);
        topkLogProbs = topkScores * penalty;
        const auto beamIndex = topkIds.div(vocab, "floor");
        topkIds = topkIds.fmod(vocab);
        auto batchIndex = beamIndex + beamOffset.narrow(0, 0, beamIndex.size(0)).unsqueeze(1);
        alive = at::cat({alive.index_select(0, batchIndex.view(-1)), topkIds.view({-1, 1})}, -1);

        auto finished = topkIds.eq(kEndTokenId);
        if (step + 1 == params.maxLength)
            finished.fill_(true);
        const auto endCondition = finished.select(1, 0).clone();
        at::Tensor keptItems;
        if (finished.any().item<bool>()) {
            const auto predictions = alive.view({-1, beams, alive.size(-1)});
            const auto scoresCpu = topkScores.to(at::kCPU);
            const auto finishedCpu = finished.to(at::kCPU);
            const auto endCpu = endCondition.to(at::kCPU);
            const auto offsetCpu = batchOffset.to(at::kCPU);
            const auto predictionsCpu = predictions.to(at::kCPU);
            std::vector<int64_t> remaining;
            for (int64_t i = 0; i < finishedCpu.size(0); ++i) {
                const int64_t b = offsetCpu[i].item<int64_t>();
                const bool itemDone = endCpu[i].item<bool>();
                auto &itemHypotheses = hypotheses[static_cast<size_t>(b)];
                for (int64_t j = 0; j < beams; ++j)
                    if (itemDone || finishedCpu[i][j].item<bool>())
                        itemHypotheses.push_back(
                            {scoresCpu[i][j].item<float>(), rowIds(predictionsCpu[i], j)});
                if (!itemDone) {
                    remaining.push_back(i);
                    continue;
                }
                std::stable_sort(itemHypotheses.begin(), itemHypotheses.end(),
                    [](const Candidate &a, const Candidate &c) { return a.score > c.score; });
                auto &out = result.items[static_cast<size_t>(b)];
                const auto keep = std::min<size_t>(itemHypotheses.size(), static_cast<size_t>(beams));
                for (size_t k = 0; k < keep; ++k)
                    out.push_back({itemHypotheses[k].ids, itemHypotheses[k].score});
            }
            if (remaining.empty())
                break;
            if (static_cast<int64_t>(remaining.size()) < finishedCpu.size(0)) {
                keptItems = torch::tensor(remaining, torch::TensorOptions().dtype(at::kLong)).to(device);
                topkLogProbs = topkLogProbs.index_select(0, keptItems);
                batchIndex = batchIndex.index_select(0, keptItems);
                batchOffset = batchOffset.index_select(0, keptItems);
                alive = predictions.index_select(0, keptItems).view({-1, alive.size(-1)});
            }
        }
        session.select(batchIndex.view(-1), keptItems);
    }
    for (auto &item : result.items)
        if (static_cast<int64_t>(item.size()) > params.nBest)
            item.resize(static_cast<size_t>(std::max<int64_t>(params.nBest, 1)));
    return result;
}

} // namespace mplug2::model
