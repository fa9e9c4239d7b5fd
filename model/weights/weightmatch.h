#pragma once
/// Puts a checkpoint's tensors into a model, by name, and says exactly how
/// the two matched: parameters the checkpoint lacks, keys the model does not
/// have, tensors of the wrong shape or kind, and keys the official model
/// itself ignores ("unused by design": the universal layers'
/// intermediate_vision / output_vision, the decoder's latents, momentum
/// copies `*_m`, queues, the `position_ids` counters). Nothing is copied
/// unless the match is clean.
///
///     auto weights = loadStateDict(path);                  // checkpoint/statedict.h
///     Mplug2Model model(*config);
///     WeightMatchReport report = loadWeights(*model, *weights);
///     if (!report.ok()) { std::cerr << report.describe(); return 1; }
///
/// Threading: touches only the given model; call it before others use it.

#include "model/checkpoint/statedict.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mplug2::model {

class Mplug2ModelImpl;

struct WeightIssue {
    std::string name;
    std::vector<int64_t> expectedShape; ///< the model's (empty for unexpected keys)
    std::vector<int64_t> foundShape; ///< the checkpoint's (empty for missing keys)
    std::string detail; ///< e.g. "dtype Bool cannot fill a Float parameter"
};

struct WeightMatchReport {
    std::size_t matched = 0;
    std::vector<WeightIssue> missing;
    std::vector<WeightIssue> unexpected;
    std::vector<WeightIssue> misshaped;
    /// Two checkpoint keys that name one tied model tensor but hold different values.
    std::vector<WeightIssue> tiedConflicts;
    std::vector<std::string> unusedByDesign;

    /// Loadable: nothing missing, mis-shaped or conflicting, and, when
    /// `allowUnexpected` is false, no unknown keys either.
    bool ok(bool allowUnexpected = false) const;
    /// A few lines for people: counts, then every problem with names and shapes.
    std::string describe(std::size_t maxListed = 20) const;
};

/// True for checkpoint keys the official model carries but never uses.
bool isUnusedByDesign(const std::string &key);

/// Compares without copying.
WeightMatchReport matchWeights(const Mplug2ModelImpl &model, const StateDict &weights);

/// Compares, then copies every matched tensor (converting to the model's
/// dtype and device) when the report is ok(allowUnexpected).
WeightMatchReport loadWeights(Mplug2ModelImpl &model, const StateDict &weights, bool allowUnexpected = false);

} // namespace mplug2::model
