#pragma once
/// The official beam search (X-PLUG/mPLUG-2 models/predictor.py,
/// TextGenerator._fast_translate_batch), step for step: start from [CLS],
/// log(softmax) per step, [SEP] masked before minLength, scores divided by
/// the length penalty, top-k over beam x vocabulary, a hypothesis saved
/// whenever a beam picks [SEP], an item finished when its top beam does (then
/// all its beams are saved), n-best sorted stably by score.
/// Internal header of model/ (torch types).
///
///     GenerationResult r = beamSearch(*model->text_decoder, states, mask, params);

#include "model/generation/generationparams.h"
#include "model/modules/bertlmheadmodel.h"

namespace mplug2::model {

/// encoder (B, Lk, W) and encoderMask (B, Lk) of B items; params.strategy is ignored.
GenerationResult beamSearch(BertLMHeadModelImpl &decoder, const at::Tensor &encoder,
    const at::Tensor &encoderMask, const GenerationParams &params);

} // namespace mplug2::model
