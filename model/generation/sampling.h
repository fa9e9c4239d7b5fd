#pragma once
/// Sampled decoding: per step log-softmax, [SEP] masked before minLength,
/// scores / temperature, the top-k and top-p (nucleus) filters of the
/// official top_k_top_p_filtering, then one draw per row from a CPU
/// generator seeded with params.seed (the same ids on every device).
/// params.nBest independent samples per item.
/// Internal header of model/ (torch types).

#include "model/generation/generationparams.h"
#include "model/modules/bertlmheadmodel.h"

namespace mplug2::model {

GenerationResult sampleSequences(BertLMHeadModelImpl &decoder, const at::Tensor &encoder,
    const at::Tensor &encoderMask, const GenerationParams &params);

/// Sets filtered-out logits (rows, vocab) to -inf, in place: keep the top k
/// (k > 0) and the smallest set whose probability reaches p (p < 1).
void filterTopKTopP(at::Tensor &scores, int64_t topK, double topP);

} // namespace mplug2::model
