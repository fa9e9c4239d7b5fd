#pragma once
/// The official rank_answer of the QA model: the decoder's first-token
/// probabilities pick the k most likely candidate answers, each is scored by
/// its full log-likelihood (first token counted twice, as the official code
/// does), and a softmax over those k gives the final order.
/// Internal header of model/ (torch types).

#include "model/modules/bertlmheadmodel.h"

namespace mplug2::model {

struct RankedAnswers {
    at::Tensor ids; ///< (B, k) indices into the candidate list, best first
    at::Tensor probs; ///< (B, k) softmax over the k re-ranked log-likelihoods
};

/// states (B, L, H) with mask (B, L) (QA: [fusion visual; fusion question]);
/// candidates: [CLS] answer [SEP] ids (A, La) with mask, zero padded; k <= A.
RankedAnswers rankAnswers(BertLMHeadModelImpl &decoder, const at::Tensor &states, const at::Tensor &mask,
    const at::Tensor &answerIds, const at::Tensor &answerMask, int64_t k);

} // namespace mplug2::model
