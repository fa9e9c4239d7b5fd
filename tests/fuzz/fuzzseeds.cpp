// The seed inputs of the fuzz targets (see fuzzseeds.h).
#include "tests/fuzz/fuzzseeds.h"

#include "model/checkpoint/mappedfile.h"
#include "model/checkpoint/picklewriter.h"
#include "model/checkpoint/torchsavewriter.h"
#include "model/checkpoint/ziparchive.h"

#include <cstring>
#include <filesystem>

namespace mplug2::fuzz {

using namespace mplug2::model;
namespace fs = std::filesystem;

namespace {

TorchSaveWriter sampleWriter()
{
    TorchSaveWriter w;
    std::vector<float> values(24);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = float(i) * 0.5f;
    const auto bytes
        = std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(values.data()), 96);
    const auto s = w.addStorage(ElementType::Float32, bytes);
    w.addTensor("model", "text_encoder.embeddings.word_embeddings.weight", s, {6, 4});
    w.addTensor("model", "text_decoder.cls.predictions.decoder.weight", s, {6, 4});
    w.addTensor("model", "visual_encoder_m.proj", s, {4}, {6}, 1);
    w.addTensor("model", "module.text_encoder.bert.layer.0.w",
        w.addStorage(ElementType::Float16, bytes.first(16)), {8});
    w.addTensor("optimizer", "state.0.exp_avg", w.addStorage(ElementType::Int64, bytes.first(32)), {2, 2});
    w.addTensor("", "flat", w.addStorage(ElementType::UInt8, bytes.first(5)), {5});
    w.addInteger("epoch", 3);
    return w;
}

std::vector<std::uint8_t> safetensors(const std::string &header, std::size_t dataBytes)
{
    std::vector<std::uint8_t> out(8);
    const std::uint64_t length = header.size();
    std::memcpy(out.data(), &length, 8);
    out.insert(out.end(), header.begin(), header.end());
    out.resize(out.size() + dataBytes, 0x3f);
    return out;
}

} // namespace

std::vector<FuzzSeed> makeFuzzSeeds(const std::string &fixturesDir)
{
    std::vector<FuzzSeed> seeds;
    const auto add
        = [&](const std::string &kind, const std::string &name, std::span<const std::uint8_t> bytes) {
              seeds.push_back(FuzzSeed {kind, name, std::vector<std::uint8_t>(bytes.begin(), bytes.end())});
          };
    const TorchSaveWriter writer = sampleWriter();
    MemorySink zip, zip64, legacy;
    writer.writeZip(zip);
    writer.writeZip(zip64, "archive", ZipWriter::Options {true, 64});
    writer.writeLegacy(legacy);
    add("checkpoint", "sample-zip.pth", zip.bytes());
    add("checkpoint", "sample-zip64.pth", zip64.bytes());
    add("checkpoint", "sample-legacy.pth", legacy.bytes());

    const std::vector<std::uint8_t> st1 = safetensors(
        R"({"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},)"
        R"("b\u00e9":{"dtype":"BF16","shape":[4],"data_offsets":[24,32]}})",
        32);
    const std::vector<std::uint8_t> st2
        = safetensors(R"({"x":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}  )", 8);
    for (const auto &[name, bytes] : {std::pair {"a.safetensors", st1}, std::pair {"b.safetensors", st2}}) {
        add("safetensors", name, bytes);
        add("checkpoint", name, bytes);
    }

    auto archive = ZipArchive::parse(zip.bytes(), "sample");
    add("pickle", "sample.pkl", archive->view(*archive->find("archive/data.pkl")));
    PickleWriter config;
    config.proto(4).emptyDict().string("config").global("argparse", "Namespace").emptyTuple().raw({0x81});
    config.emptyDict().string("lr").integer(-3).setItem().build().setItem().stop();
    add("pickle", "config.pkl", config.bytes());

    if (fixturesDir.empty())
        return seeds;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(fixturesDir, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        const fs::path &path = it->path();
        if (path.extension() != ".pth")
            continue;
        auto file = MappedFile::open(path.string());
        if (!file)
            continue;
        auto fixture = ZipArchive::parse((*file)->bytes(), path.string());
        if (!fixture)
            continue;
        for (const ZipEntry &e : fixture->entries()) {
            if (e.name.size() > 9 && e.name.compare(e.name.size() - 9, 9, "/data.pkl") == 0)
                add("pickle", path.parent_path().filename().string() + "-" + path.stem().string() + ".pkl",
                    fixture->view(e));
        }
    }
    return seeds;
}

} // namespace mplug2::fuzz
