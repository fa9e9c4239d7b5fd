#pragma once
/// Saving and resuming a demo training run, and writing its weights. All
/// files are safetensors (nothing executable); each appears atomically.
///   - <work>/checkpoint.safetensors: "model.<name>" weights, "optim.<...>"
///     AdamW state, "training.step" and "training.seconds";
///   - <work>/state.json: the recipe (DemoTrainingOptions::recipeJson) and
///     the step, so that a folder is only resumed with the same settings.
///
///     TrainingState at = *resumeTraining(work, recipe, network, optimizer);  // {0, 0}: fresh
///     saveTrainingCheckpoint(work, network, optimizer, {step, seconds}, recipe);
///     saveModelWeights(out / "demo.safetensors", network, recipe);
///
/// Internal header of model/ (torch types).

#include "base/expected.h"
#include "base/json/json.h"
#include "model/modules/mplug2model.h"
#include "model/train/adamw.h"

#include <filesystem>

namespace mplug2::model::train {

struct TrainingState {
    int64_t step = 0;
    double seconds = 0;
};

/// Restores the checkpoint in `work` when there is one (else returns {0, 0});
/// fails when it was made with another recipe or does not fit.
Expected<TrainingState> resumeTraining(
    const std::filesystem::path &work, json::View recipe, Mplug2ModelImpl &network, AdamW &optimizer);

Expected<void> saveTrainingCheckpoint(const std::filesystem::path &work, Mplug2ModelImpl &network,
    const AdamW &optimizer, const TrainingState &state, json::View recipe);

/// The model's state dict (every name, tied weights under both) as float32
/// safetensors, with the recipe in the metadata.
Expected<void> saveModelWeights(
    const std::filesystem::path &file, Mplug2ModelImpl &network, json::View recipe);

} // namespace mplug2::model::train
