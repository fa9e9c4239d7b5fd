#pragma once
/// Builds an Mplug2Config from a checkpoint's tensor shapes, for checkpoints
/// that come without their JSON configs (the released ones). Shapes give
/// widths, layer counts, patch size, grid, vocabularies and the number of
/// universal layers (where the text encoder's `latents` sit); what shapes
/// cannot tell has the official default and an override: attention heads
/// (width / 64), fusion layers that run (6), stride_layer (1000 for width
/// 1024, 3 for 768), frames (16).
///
///     auto weights = loadStateDict(path);
///     ConfigOverrides overrides;  overrides.task = "qa";
///     Expected<Mplug2Config> config = inferConfig(*weights, overrides);

#include "base/expected.h"
#include "model/checkpoint/statedict.h"
#include "model/config/mplug2config.h"

#include <optional>

namespace mplug2::model {

struct ConfigOverrides {
    std::optional<int64_t> bertHeads;
    std::optional<int64_t> visionHeads;
    std::optional<int64_t> clipTextHeads;
    std::optional<int64_t> fusionLayers;
    std::optional<int64_t> strideLayer;
    std::optional<int64_t> numFrames;
    std::optional<std::string> task;
    std::optional<std::string> prompt;
};

/// Errors name the tensor that is missing or has an impossible shape.
Expected<Mplug2Config> inferConfig(const StateDict &weights, const ConfigOverrides &overrides = {});

} // namespace mplug2::model
