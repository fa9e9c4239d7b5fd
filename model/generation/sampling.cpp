#include "model/generation/sampling.h"

#include "model/generation/decodersession.h"

#include <ATen/CPUGeneratorImpl.h>
#include <algorithm>
#include <limits>
#include <torch/torch.h>

namespace mplug2::model {

void filterTopKTopP(at::Tensor &scores, int64_t topK, double topP)
{
    const float minusInf = -std::numeric_limits<float>::infinity();
    if (topK > 0) {
        const int64_t k = std::min<int64_t>(topK, scores.size(-1));
        const auto threshold = std::get<0>(scores.topk(k, -1)).narrow(-1, k - 1, 1);
        scores.masked_fill_(scores < threshold, minusInf);
    }
    if (topP < 1.0) {
        auto [sorted, order] = scores.sort(-1, true);
        const auto cumulative = at::softmax(sorted, -1).cumsum(-1);
        auto remove = cumulative > topP;
        // Keep the token that crosses the threshold, and always the best one.
        remove = at::cat(
            {torch::zeros_like(remove.narrow(-1, 0, 1)), remove.narrow(-1, 0, remove.size(-1) - 1)}, -1);
        scores.masked_fill_(remove.scatter(-1, order, remove), minusInf);
    }
}

GenerationResult sampleSequences(BertLMHeadModelImpl &decoder, const at::Tensor &encoder,
    const at::Tensor &encoderMask, const GenerationParams &params)
{
    TORCH_CHECK(params.temperature > 0.0, "sampling temperature must be positive");
    TORCH_CHECK(params.maxLength >= 1, "sampling needs maxLength >= 1");
    const int64_t batch = encoder.size(0), perItem = std::max<int64_t>(params.nBest, 1);
    const int64_t rows = batch * perItem;
    const auto device = encoder.device();
    DecoderSession session(decoder, encoder, encoderMask, perItem,
        1 + static_cast<int64_t>(params.prefix.size()) + params.maxLength, params.useCache);
    std::vector<int64_t> start {kStartTokenId};
    start.insert(start.end(), params.prefix.begin(), params.prefix.end());
    auto sequences = torch::tensor(start, torch::TensorOptions().dtype(at::kLong))
                         .to(device)
                         .unsqueeze(0)
                         .repeat({rows, 1});
    auto generator = at::detail::createCPUGenerator(params.seed);
    auto sumLogProbs = torch::zeros({rows}, torch::TensorOptions().dtype(at::kDouble));
    auto lengths = torch::zeros({rows}, torch::TensorOptions().dtype(at::kLong));
    auto alive = torch::ones({rows}, torch::TensorOptions().dtype(at::kBool));

    GenerationResult result;
    for (int64_t step = 0; step < params.maxLength; ++step) {
        if (params.shouldStop && params.shouldStop()) {
            result.cancelled = true;
            break;
        }
        ++result.steps;
        auto logProbs = at::log_softmax(session.nextLogits(sequences).to(at::kFloat), -1).to(at::kCPU);
        if (step < params.minLength)
            logProbs.select(1, kEndTokenId).fill_(-1e20);
        auto scores = logProbs / params.temperature;
        filterTopKTopP(scores, params.topK, params.topP);
        const auto drawn = at::multinomial(at::softmax(scores, -1), 1, false, generator).squeeze(1);
        // Finished rows keep emitting [PAD] so every row stays the same length.
        const auto next = at::where(alive, drawn, torch::full_like(drawn, kPadTokenId));
        const auto chosen = logProbs.gather(1, drawn.unsqueeze(1)).squeeze(1).to(at::kDouble);
        sumLogProbs += at::where(alive, chosen, torch::zeros_like(chosen));
        lengths += alive.to(at::kLong);
        alive = alive & next.ne(kEndTokenId);
        sequences = at::cat({sequences, next.to(device).unsqueeze(1)}, 1);
        if (!alive.any().item<bool>())
            break;
    }
    const auto sequencesCpu = sequences.to(at::kCPU).contiguous();
    result.items.resize(static_cast<size_t>(batch));
    for (int64_t r = 0; r < rows; ++r) {
        Hypothesis h;
        const int64_t len = start.size() + lengths[r].item<int64_t>();
        const int64_t *row = sequencesCpu[r].data_ptr<int64_t>();
        h.ids.assign(row, row + len);
        h.score
            = static_cast<float>(sumLogProbs[r].item<double>() / lengthPenalty(lengths[r].item<int64_t>()));
        result.items[static_cast<size_t>(r / perItem)].push_back(std::move(h));
    }
    for (auto &item : result.items)
        std::stable_sort(item.begin(), item.end(),
            [](const Hypothesis &a, const Hypothesis &b) { return a.score > b.score; });
    return result;
}

} // namespace mplug2::model
