#pragma once
/// Registers the parity case kinds the model library runs by itself
/// (caption, qa, clip_embed, and tokenizer / clip_tokenizer when this build
/// has the tokenizers), and marks the media kinds as skipped: the app's
/// `mplug2 parity` registers real handlers for those.
///
///     ParityRunner runner(options);
///     registerModelParityKinds(runner);
///     return runner.run(dir, std::cout);

#include "model/parity/parityrunner.h"

namespace mplug2::model {

void registerModelParityKinds(ParityRunner &runner);

} // namespace mplug2::model
