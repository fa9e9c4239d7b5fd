#include "model/tasks/sequencescoring.h"

#include "model/generation/generationparams.h"

#include <torch/torch.h>

namespace mplug2::model {

at::Tensor tokenLogProbs(BertLMHeadModelImpl &decoder, const at::Tensor &ids, const at::Tensor &mask,
    const at::Tensor &states, const at::Tensor &statesMask)
{
    TORCH_CHECK(ids.dim() == 2 && ids.size(1) >= 2, "sequences to score need [CLS] and at least one token");
    const int64_t len = ids.size(1);
    const auto logits = decoder.forward(ids, mask, states, statesMask).narrow(1, 0, len - 1).to(at::kFloat);
    const auto logProbs = at::log(at::softmax(logits, -1));
    const auto next = ids.narrow(1, 1, len - 1);
    const auto picked = logProbs.gather(2, next.unsqueeze(2)).squeeze(2);
    return picked * mask.narrow(1, 1, len - 1).to(picked.scalar_type());
}

at::Tensor sequenceScores(BertLMHeadModelImpl &decoder, const at::Tensor &ids, const at::Tensor &mask,
    const at::Tensor &states, const at::Tensor &statesMask, int64_t skipTokens)
{
    auto perToken = tokenLogProbs(decoder, ids, mask, states, statesMask);
    auto counts = mask.narrow(1, 1, ids.size(1) - 1).sum(1);
    if (skipTokens > 0) {
        perToken = perToken.narrow(1, skipTokens, perToken.size(1) - skipTokens);
        counts = counts - skipTokens;
    }
    const auto countsCpu = counts.to(at::kCPU);
    std::vector<double> penalties;
    for (int64_t i = 0; i < countsCpu.size(0); ++i)
        penalties.push_back(lengthPenalty(countsCpu[i].item<int64_t>()));
    const auto penalty
        = torch::tensor(penalties, torch::TensorOptions().dtype(at::kDouble)).to(perToken.device());
    return (perToken.to(at::kDouble).sum(1) / penalty).to(at::kFloat);
}

} // namespace mplug2::model
