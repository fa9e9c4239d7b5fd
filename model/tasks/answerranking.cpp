#include "model/tasks/answerranking.h"

#include <torch/torch.h>

namespace mplug2::model {

RankedAnswers rankAnswers(BertLMHeadModelImpl &decoder, const at::Tensor &states, const at::Tensor &mask,
    const at::Tensor &answerIds, const at::Tensor &answerMask, int64_t k)
{
    const int64_t questions = states.size(0), answers = answerIds.size(0);
    TORCH_CHECK(answerIds.dim() == 2 && answerIds.size(1) >= 2, "candidate answers must be (A, La >= 2) ids");
    TORCH_CHECK(k >= 1 && k <= answers, "k must be between 1 and the ", answers, " candidate answers");
    const auto start = answerIds.select(1, 0).narrow(0, 0, 1).repeat({questions}).unsqueeze(1);
    const auto startLogits = decoder.forward(start, torch::ones_like(start), states, mask).select(1, 0);
    const auto firstTokenProbs
        = at::softmax(startLogits.to(at::kFloat), 1).index_select(1, answerIds.select(1, 1));
    auto [topkProbs, topkIds] = firstTokenProbs.topk(k, 1);

    const auto flatIds = topkIds.reshape({-1});
    const auto inputIds = answerIds.index_select(0, flatIds);
    const auto inputMask = answerMask.index_select(0, flatIds);
    const auto targets = inputIds.masked_fill(inputIds.eq(0), -100);
    const auto tiledStates = states.repeat_interleave(k, 0);
    const auto tiledMask = mask.repeat_interleave(k, 0);
    const auto answerLoss = decoder.sequenceLoss(inputIds, inputMask, tiledStates, tiledMask, targets);

    const auto logProbs = at::cat({topkProbs.reshape({-1, 1}).log(), -answerLoss.view({-1, 1})}, 1);
    const auto reranked = at::softmax(logProbs.sum(1).view({questions, k}), -1);
    auto [probs, order] = reranked.topk(k, 1);
    return {topkIds.gather(1, order), probs};
}

} // namespace mplug2::model
