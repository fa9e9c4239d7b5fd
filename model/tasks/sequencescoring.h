#pragma once
/// How likely the decoder finds given token sequences: per-token
/// log-probabilities (the official log(softmax)) and the official
/// length-penalised score of beam search, for re-scoring hypotheses and for
/// retrieval (log-likelihood of a caption given a video).
/// Internal header of model/ (torch types).

#include "model/modules/bertlmheadmodel.h"

namespace mplug2::model {

/// ids (N, L) starting with [CLS], mask (N, L) 1 for real tokens; states
/// (N, Lk, W) with mask (N, Lk). Returns (N, L-1): log p(ids[t] | ids[<t]) for
/// t = 1 .. L-1, 0 where mask[t] == 0.
at::Tensor tokenLogProbs(BertLMHeadModelImpl &decoder, const at::Tensor &ids, const at::Tensor &mask,
    const at::Tensor &states, const at::Tensor &statesMask);

/// The beam-search score of each sequence: sum of its token log-probs after
/// `skipTokens` given tokens (the prefix after [CLS]), divided by
/// lengthPenalty(number of those tokens) -> (N) in fp32.
at::Tensor sequenceScores(BertLMHeadModelImpl &decoder, const at::Tensor &ids, const at::Tensor &mask,
    const at::Tensor &states, const at::Tensor &statesMask, int64_t skipTokens = 0);

} // namespace mplug2::model
