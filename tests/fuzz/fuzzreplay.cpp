// Replays a fuzz target's inputs without libFuzzer, so that CTest runs them in
// every build: the generated seeds (fuzzseeds.h) of one kind, the pickles of
// the shared fixture checkpoints (tests/support/shareddir.h: skipped in a
// plain clone, required in CI), and every file under the given paths (the
// corpus kept in tests/fuzz/corpus, which holds what fuzzing found). A target
// signals a bug by crashing or aborting; a clean run prints the count.
//
//   unpicklerreplay --seeds pickle tests/fuzz/corpus/unpickler
#include "tests/fuzz/fuzzseeds.h"
#include "tests/support/shareddir.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace fs = std::filesystem;

namespace {

void run(const std::vector<std::uint8_t> &bytes)
{
    // libFuzzer hands over a heap copy of exactly `size` bytes; so do we, so an
    // overread is an overread here too (under the sanitizers).
    std::vector<std::uint8_t> copy(bytes);
    LLVMFuzzerTestOneInput(copy.data(), copy.size());
}

bool replayPath(const fs::path &path, std::size_t &count)
{
    std::error_code error;
    std::vector<fs::path> files;
    if (fs::is_regular_file(path, error)) {
        files.push_back(path);
    } else if (fs::is_directory(path, error)) {
        for (const auto &entry : fs::recursive_directory_iterator(path, error)) {
            if (entry.is_regular_file())
                files.push_back(entry.path());
        }
    } else {
        std::cerr << "no such file or folder: " << path.string() << '\n';
        return false;
    }
    for (const fs::path &file : files) {
        std::ifstream in(file, std::ios::binary);
        run(std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {}));
        ++count;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    std::string kind;
    std::vector<fs::path> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--seeds" && i + 1 < argc)
            kind = argv[++i];
        else
            paths.emplace_back(arg);
    }
    if (kind.empty()) {
        std::cerr << "usage: " << argv[0] << " --seeds checkpoint|safetensors|pickle [PATH...]\n";
        return 2;
    }
    const std::string shared = mplug2::test::sharedDir();
    if (shared.empty()) {
        std::cerr << mplug2::test::sharedMissingReason() << '\n';
        if (mplug2::test::sharedRequired())
            return 1;
    }
    const std::string fixtures = shared.empty() ? std::string() : shared + "/fixtures";
    std::size_t seeds = 0, files = 0;
    for (const mplug2::fuzz::FuzzSeed &seed : mplug2::fuzz::makeFuzzSeeds(fixtures)) {
        if (seed.kind == kind) {
            run(seed.bytes);
            ++seeds;
        }
    }
    for (const fs::path &path : paths) {
        if (!replayPath(path, files))
            return 1;
    }
    std::cout << "replayed " << seeds << " seeds and " << files << " corpus files\n";
    return seeds > 0 ? 0 : 1;
}
