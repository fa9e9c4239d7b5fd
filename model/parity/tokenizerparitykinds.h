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

} // namespace mplug2::model
