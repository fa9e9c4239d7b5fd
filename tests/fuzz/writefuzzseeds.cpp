// Writes the fuzz targets' seed inputs (fuzzseeds.h) as files, one folder
// per kind, for libFuzzer to start from.
//
//   mplug2-fuzz-seeds OUTDIR [FIXTURES_DIR]
#include "tests/fuzz/fuzzseeds.h"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::cerr << "usage: mplug2-fuzz-seeds OUTDIR [FIXTURES_DIR]\n";
        return 2;
    }
    const fs::path out = argv[1];
    for (const mplug2::fuzz::FuzzSeed &seed : mplug2::fuzz::makeFuzzSeeds(argc > 2 ? argv[2] : "")) {
        fs::create_directories(out / seed.kind);
        std::ofstream(out / seed.kind / seed.name, std::ios::binary)
            .write(reinterpret_cast<const char *>(seed.bytes.data()),
                static_cast<std::streamsize>(seed.bytes.size()));
    }
    std::cout << "seeds written to " << out.string() << '\n';
    return 0;
}
