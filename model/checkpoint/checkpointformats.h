#pragma once
// Internal to model/checkpoint: one reader per file format, each turning
// validated bytes into CheckpointContents. Torch-free.
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/picklegraph.h"

namespace mplug2::model::detail {

Expected<CheckpointContents> readTorchZip(std::span<const std::uint8_t> bytes, const std::string &name,
                                          const UnpickleLimits &limits);
Expected<CheckpointContents> readTorchLegacy(std::span<const std::uint8_t> bytes, const std::string &name,
                                             const UnpickleLimits &limits);
Expected<CheckpointContents> readSafetensors(std::span<const std::uint8_t> bytes, const std::string &name);

/// Names every tensor reachable from the pickle's root and describes the
/// top-level entries; `storages` are the file spans of graph.storages (same
/// order), already checked to hold their declared elements. Fails when the
/// names would pass limits.maxTensorNames or limits.maxNameBytes.
Expected<CheckpointContents> collectPickleTensors(const PickleGraph &graph, std::vector<StoredStorage> storages,
                                                  const std::string &name, const UnpickleLimits &limits);

} // namespace mplug2::model::detail
