#pragma once
/// The bundle manifest of a trained demo model (what `mplug2 train-demo`
/// writes beside the weights, and what ships in resources/models/demo/):
/// SentencePiece for the decoder and the CLIP text tower, no prompt,
/// captions and answers, the head counts the shapes cannot tell.
///
///     auto trained = model::train::trainDemoModel(options);
///     ModelBundle bundle = demoBundle(options.architecture, dir);
///     bundle.save(dir + "/manifest.json");

#include "app/bundle/modelbundle.h"
#include "model/train/demoarchitecture.h"

namespace mplug2::app {

/// The manifest for demo.safetensors + demo.model in `dir`.
ModelBundle demoBundle(const model::train::DemoArchitecture &architecture, const QString &dir);

} // namespace mplug2::app
