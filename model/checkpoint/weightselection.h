#pragma once
/// Which tensors of a checkpoint are the model's inference weights, under
/// which names: the official key normalisation, shared by every format.
/// Picks the 'model' / 'module' / 'state_dict' entry (or a bare state dict),
/// strips DDP `module.` prefixes, drops momentum copies (`*_m`) and queues,
/// and applies the official pretrain renaming (keys with 'fusion' or 'bert'
/// but not 'decode' lose their `fusion.` / `bert.` parts; later keys win, as
/// in the official loop). Also says what was left out and why. Torch-free.
///
///     auto selection = selectModelWeights(*index, true);
///     for (const SelectedTensor &s : selection->kept)
///         index->tensors()[s.tensor] ...   // stored under s.name

#include "base/expected.h"
#include "model/checkpoint/checkpointindex.h"

#include <string>
#include <vector>

namespace mplug2::model {

struct SelectedTensor {
    std::string name; ///< the state-dict key the model sees
    std::uint32_t tensor = 0; ///< index into CheckpointIndex::tensors()
};

struct IgnoredTensors {
    std::string reason; ///< "momentum copy (*_m)", "queue", "entry 'optimizer'", ...
    std::size_t count = 0;
    std::uint64_t bytes = 0;
};

struct WeightSelection {
    std::string sourceEntry; ///< "model", "module", "state_dict" or "" for a bare state dict
    std::vector<SelectedTensor> kept; ///< in file order, unique names
    std::vector<IgnoredTensors> ignored;
    std::size_t renamedPretrainKeys = 0;
    std::size_t strippedDdpPrefixes = 0;
};

/// With `normalize` false, every tensor is kept under its full name.
Expected<WeightSelection> selectModelWeights(const CheckpointIndex &index, bool normalize);

/// The key rules one by one (exposed for tests and `mplug2 inspect`).
bool isMomentumKey(std::string_view key);
bool isQueueKey(std::string_view key);
std::string stripDdpPrefix(std::string_view key);
std::string renamePretrainKey(std::string_view key);

} // namespace mplug2::model
