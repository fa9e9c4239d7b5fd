#pragma once
/// The comparisons shared by the caption and QA parity cases: the visual
/// stages (VideoFormer, visn_fc, universal layers, attention maps), the
/// teacher-forced decoder (logits, logsumexp, argmax, cross-attention) and
/// generation (n-best ids and scores per beam setting).
/// Internal header of model/parity (torch types).

#include "model/checkpoint/statedict.h"
#include "model/modules/mplug2model.h"
#include "model/parity/casechecker.h"

namespace mplug2::model {

/// Runs pixels `P pixel` through the visual stages, compares each, returns image_embeds.
at::Tensor checkVisualStages(CaseChecker &check, Mplug2ModelImpl &model, const StateDict &expected,
    const std::string &prefix, const at::TensorOptions &options);

/// Teacher-forced decoder on `P dec/input_ids` over states with mask.
void checkDecoder(CaseChecker &check, Mplug2ModelImpl &model, const StateDict &expected,
    const std::string &prefix, const at::Tensor &states, const at::Tensor &statesMask);

/// Every `P gen/<setting>/b<i>/ids|scores` listed in the case, with the
/// TextGenerator settings of the case's "generation" entry. In reduced
/// precision a different order of near-tied hypotheses passes unless
/// `sameTopBeam`.
void checkGeneration(CaseChecker &check, Mplug2ModelImpl &model, const StateDict &expected, json::View entry,
    const std::string &prefix, const at::Tensor &states, const at::Tensor &statesMask, Precision precision,
    bool sameTopBeam = false);

/// Fails the case for expected tensors that nothing compared and that are not inputs.
void checkCoverage(CaseChecker &check, json::View entry, const std::vector<std::string> &inputKeys);

} // namespace mplug2::model
