#pragma once
/// The contract between checkpoint I/O and the model: tensors by state-dict
/// name. Everything that builds or checks a model loads its weights through
/// these two functions; how files are read (zip/legacy .pth, safetensors,
/// lazily, with nothing executed) is the checkpoint module's business.
///
///     auto weights = mplug2::model::loadStateDict("mPLUG2_MSRVTT_Caption.pth");
///     if (!weights) { std::cerr << weights.error().message << '\n'; return 1; }
///     for (const auto &[name, tensor] : *weights) ...

#include "base/expected.h"
#include "model/checkpoint/checkpointindex.h"

#include <ATen/core/Tensor.h>
#include <map>
#include <optional>
#include <string>

namespace mplug2::model {

/// Tensors by their state-dict name (sorted).
using StateDict = std::map<std::string, at::Tensor>;

struct StateDictOptions {
    /// Apply the official key normalisation: pick 'model' / 'module' / a bare
    /// dict, strip DDP `module.` prefixes, drop momentum copies (`*_m`) and
    /// queues, rename pretrain keys (`.bert.` / `.fusion.` outside the decoder).
    bool normalizeKeys = true;
    /// When set, resize `visual_encoder.visual.positional_embedding`
    /// bilinearly to this many patches per side (as the official loader does).
    std::optional<int> visualGridSide;
    /// Tensors alias the memory-mapped file (zero-copy, copy-on-write: writing
    /// to them never changes the file). Off: their bytes are copied into
    /// memory, for files that another program may change while in use.
    bool mapFile = true;
    /// With mapFile: every tensor is in memory when loading returns (read in
    /// bulk). Off: pages come in as tensors are first read, for a loader that
    /// copies them out one by one and hands them back (releaseFilePages), so
    /// that the checkpoint is never in memory whole beside the model.
    bool populate = true;
};

/// Loads the model weights of a checkpoint (.pth zip or legacy, .safetensors)
/// in their stored dtype; reads only the tensors it keeps.
Expected<StateDict> loadStateDict(const std::string &path, const StateDictOptions &options = {});

/// The same from an index opened already (e.g. after listing it); the
/// index's file stays mapped while tensors alias it.
Expected<StateDict> loadStateDict(const CheckpointIndex &index, const StateDictOptions &options = {});

/// The same keys as loadStateDict, as tensors on the meta device: shapes and
/// dtypes only, no data read and no memory used (config inference, checks
/// before loading, `mplug2 inspect`).
Expected<StateDict> loadStateDictShapes(const CheckpointIndex &index, const StateDictOptions &options = {});

/// Loads every tensor of a flat `torch.save({name: tensor, ...})` file, e.g. the
/// fixtures' expected_*.pth, with the keys exactly as saved (nested
/// containers give dotted names: "optimizer.state.0.exp_avg").
Expected<StateDict> loadTensorDict(const std::string &path);

} // namespace mplug2::model
