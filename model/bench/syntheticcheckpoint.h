#pragma once
/// A training-style checkpoint for the load benchmark, written with
/// TorchSaveWriter: {'model': fp32 weights (transformer-like shapes, with a
/// tied embedding), 'optimizer': two Adam moments per weight, 'epoch': n}.
/// About a third of the bytes are model weights, like a real checkpoint
/// saved with its optimizer. Contents are deterministic pseudo-random.
///
///     writeSyntheticCheckpoint("/tmp/synthetic.pth", 2.2e9, false);

#include "base/expected.h"

#include <cstdint>
#include <string>

namespace mplug2::model {

struct SyntheticCheckpointStats {
    std::uint64_t modelBytes = 0;
    std::uint64_t otherBytes = 0;
    std::size_t modelTensors = 0;
};

Expected<SyntheticCheckpointStats> writeSyntheticCheckpoint(
    const std::string &path, std::uint64_t targetBytes, bool legacyFormat);

/// `mplug2-bench synth-checkpoint FILE [--gb N] [--legacy]`
int runSyntheticCheckpointCommand(int argc, char **argv);

} // namespace mplug2::model
