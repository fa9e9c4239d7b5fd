#include "model/bench/syntheticcheckpoint.h"

#include "model/bench/commandline.h"
#include "model/checkpoint/torchsavewriter.h"

#include <cstring>
#include <iostream>

namespace mplug2::model {

namespace {

std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// Pseudo-random bytes that depend only on (seed, position), so chunks can
/// be produced in any order.
ChunkFiller noise(std::uint64_t seed)
{
    return [seed](std::uint64_t offset, std::span<std::uint8_t> chunk) {
        for (std::size_t i = 0; i < chunk.size(); i += 8) {
            const std::uint64_t word = splitmix64(seed * 0x100000001B3ull + (offset + i) / 8);
            std::memcpy(chunk.data() + i, &word, std::min<std::size_t>(8, chunk.size() - i));
        }
    };
}

} // namespace

Expected<SyntheticCheckpointStats> writeSyntheticCheckpoint(
    const std::string &path, std::uint64_t targetBytes, bool legacyFormat)
{
    // One "layer" = the 12 fp32 tensors of a transformer block (1024 wide,
    // ~50 MB; 64 wide for small test files); each weight also gets two
    // optimizer moments, so a layer costs ~3x its weights.
    const std::int64_t w = targetBytes >= 1'000'000'000 ? 1024 : 64;
    const std::vector<std::pair<std::string, std::vector<std::int64_t>>> block = {
        {"attention.query.weight", {w, w}},
        {"attention.query.bias", {w}},
        {"attention.key.weight", {w, w}},
        {"attention.key.bias", {w}},
        {"attention.value.weight", {w, w}},
        {"attention.value.bias", {w}},
        {"attention.output.weight", {w, w}},
        {"attention.output.bias", {w}},
        {"intermediate.weight", {4 * w, w}},
        {"intermediate.bias", {4 * w}},
        {"output.weight", {w, 4 * w}},
        {"output.bias", {w}},
    };
    std::uint64_t blockBytes = 0;
    for (const auto &[name, shape] : block) {
        std::uint64_t n = 4;
        for (const auto d : shape)
            n *= static_cast<std::uint64_t>(d);
        blockBytes += n;
    }
    const std::uint64_t layers = std::max<std::uint64_t>(1, targetBytes / (3 * blockBytes));

    TorchSaveWriter writer;
    SyntheticCheckpointStats stats;
    std::uint64_t seed = 1;
    int stateIndex = 0;
    auto addWeight = [&](const std::string &name, const std::vector<std::int64_t> &shape) {
        std::uint64_t numel = 1;
        for (const auto d : shape)
            numel *= static_cast<std::uint64_t>(d);
        writer.addTensor("model", name, writer.addStorage(ElementType::Float32, numel, noise(seed++)), shape);
        for (const char *moment : {"exp_avg", "exp_avg_sq"}) {
            writer.addTensor("optimizer", "state." + std::to_string(stateIndex) + "." + moment,
                writer.addStorage(ElementType::Float32, numel, noise(seed++)), shape);
            stats.otherBytes += numel * 4;
        }
        ++stateIndex;
        stats.modelBytes += numel * 4;
        ++stats.modelTensors;
    };
    const std::int64_t vocab = 30522;
    const auto embeddings
        = writer.addStorage(ElementType::Float32, static_cast<std::uint64_t>(vocab * w), noise(seed++));
    writer.addTensor("model", "text_encoder.embeddings.word_embeddings.weight", embeddings, {vocab, w});
    writer.addTensor("model", "text_decoder.cls.predictions.decoder.weight", embeddings, {vocab, w}); // tied
    stats.modelBytes += static_cast<std::uint64_t>(vocab * w * 4);
    stats.modelTensors += 2;
    for (std::uint64_t layer = 0; layer < layers; ++layer) {
        for (const auto &[name, shape] : block)
            addWeight("text_encoder.encoder.layer." + std::to_string(layer) + "." + name, shape);
    }
    writer.addInteger("epoch", 9);
    auto written = legacyFormat ? writer.writeLegacyFile(path) : writer.writeZipFile(path);
    if (!written)
        return written.error();
    return stats;
}

int runSyntheticCheckpointCommand(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    cl.declareValue("gb");
    cl.declareFlag("legacy");
    cl.declareFlag("help");
    if (const auto err = cl.parse(); !err.empty() || cl.positional().size() != 1 || cl.has("help")) {
        (cl.has("help") ? std::cout : std::cerr)
            << (err.empty() ? "" : "mplug2-bench synth-checkpoint: " + err + "\n")
            << "Usage: mplug2-bench synth-checkpoint FILE [--gb N] [--legacy]\n"
               "Write a training-style checkpoint of about N GB (default 2.2): model weights,\n"
               "Adam moments for each, an epoch counter; zip format unless --legacy.\n";
        return cl.has("help") && err.empty() ? 0 : 2;
    }
    double gb = 2.2;
    try {
        gb = std::stod(cl.value("gb", "2.2"));
    } catch (const std::exception &) {
        gb = -1;
    }
    if (!(gb > 0 && gb < 1000)) {
        std::cerr << "mplug2-bench synth-checkpoint: --gb wants a size in GB, e.g. 2.2\n";
        return 2;
    }
    auto stats = writeSyntheticCheckpoint(
        cl.positional()[0], static_cast<std::uint64_t>(gb * 1e9), cl.has("legacy"));
    if (!stats) {
        std::cerr << "mplug2-bench synth-checkpoint: " << stats.error().message << '\n';
        return 1;
    }
    std::cout << cl.positional()[0] << ": " << stats->modelTensors << " model tensors, " << stats->modelBytes
              << " model bytes, " << stats->otherBytes << " optimizer bytes\n";
    return 0;
}

} // namespace mplug2::model
