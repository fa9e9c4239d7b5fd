#pragma once
// Seed inputs for the fuzz targets, generated rather than stored: small
// checkpoints in every format (zip, ZIP64, legacy, safetensors) with tied
// weights, views and config placeholders, their pickles, and the data.pkl
// of each fixture checkpoint. Written to disk for libFuzzer
// (mplug2-fuzz-seeds) and replayed in memory by the CTest replay.
//
//     for (const FuzzSeed &seed : makeFuzzSeeds("../shared/fixtures"))
//         if (seed.kind == "pickle") LLVMFuzzerTestOneInput(seed.bytes.data(), seed.bytes.size());

#include <cstdint>
#include <string>
#include <vector>

namespace mplug2::fuzz {

struct FuzzSeed {
    std::string kind; ///< "checkpoint", "safetensors" or "pickle": the target it feeds
    std::string name; ///< a file name for it
    std::vector<std::uint8_t> bytes;
};

/// The generated seeds plus, when `fixturesDir` is not empty, the pickles of
/// every zip checkpoint under it (unreadable files are skipped).
std::vector<FuzzSeed> makeFuzzSeeds(const std::string &fixturesDir);

} // namespace mplug2::fuzz
