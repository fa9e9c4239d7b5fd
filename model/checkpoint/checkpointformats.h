#pragma once
// Internal to model/checkpoint: one reader per file format, each turning
// validated bytes into CheckpointContents. Torch-free.
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/picklegraph.h"

namespace mplug2::model::detail {

Expected<CheckpointContents> readTorchZip(
    std::span<const std::uint8_t> bytes, const std::string &name, const UnpickleLimits &limits);
Expected<CheckpointContents> readTorchLegacy(
    std::span<const std::uint8_t> bytes, const std::string &name, const UnpickleLimits &limits);
Expected<CheckpointContents> readSafetensors(std::span<const std::uint8_t> bytes, const std::string &name);

/// Names every tensor reachable from the pickle's root and describes the
/// top-level entries; `storages` are the file spans of graph.storages (same
/// order), already checked to hold their declared elements. Fails (`name`
/// names the file) past kMaxTensorNames names or kMaxTensorNameBytes bytes of
/// names: memo references let a small pickle name one tensor a million times
/// under megabyte-long keys, while real checkpoints name a few thousand.
inline constexpr std::uint64_t kMaxTensorNames = 1ull << 18;
inline constexpr std::uint64_t kMaxTensorNameBytes = 64ull << 20;
Expected<CheckpointContents> collectPickleTensors(
    const PickleGraph &graph, std::vector<StoredStorage> storages, const std::string &name);

} // namespace mplug2::model::detail
