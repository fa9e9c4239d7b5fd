#pragma once
/// Writes tensors as a .safetensors file (the format loadStateDict reads;
/// nothing in it can execute): the trained demo model and the trainer's
/// resumable state. The file appears under its name only when complete.
///
///     StateDict weights;  weights["visual_encoder.visual.proj"] = proj;
///     if (auto ok = saveSafetensors("demo.safetensors", weights, {{"format", "pt"}}); !ok)
///         std::cerr << ok.error().message << '\n';
///
/// Tensors are written contiguous, from the CPU, in their own dtype
/// (float32/16, bfloat16, int64/32/16/8, uint8, bool).

#include "base/expected.h"
#include "model/checkpoint/statedict.h"

#include <map>
#include <string>

namespace mplug2::model {

Expected<void> saveSafetensors(const std::string &path, const StateDict &tensors,
                               const std::map<std::string, std::string> &metadata = {});

} // namespace mplug2::model
