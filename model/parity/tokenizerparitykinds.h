#pragma once
/// Registers the tokenizer case kinds (`tokenizer`, `clip_tokenizer`) with a
/// parity runner: each case is checked exactly by model/text/tokenizerparity.h
/// with the vocabularies of ParityOptions::dataDir (default
/// <fixtures>/../data). A tokenizer this build leaves out, or a missing
/// vocabulary, gives a skipped case with the reason.
///
///     ParityRunner runner(options);
///     registerTokenizerParityKinds(runner);   // registerModelParityKinds() calls it

#include "model/parity/parityrunner.h"

namespace mplug2::model {

void registerTokenizerParityKinds(ParityRunner &runner);

class CaseChecker;

/// Adds to a model case's checks that our tokenizers turn the texts the case
/// lists into the ids it was run with (text::checkModelCaseTexts). Adds
/// nothing when the case lists no texts or a vocabulary is missing: the
/// tokenizer cases of the same run report that as skipped.
///
///     CaseChecker check(c.tolerances);
///     checkCaseTexts(check, c);
void checkCaseTexts(CaseChecker &check, const ParityCase &c);

} // namespace mplug2::model
