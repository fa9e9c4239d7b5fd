// Writes seed inputs for the fuzz targets: small checkpoints in every format
// (zip, ZIP64, legacy, safetensors) with tied weights, views and config
// placeholders, their pickles, and the data.pkl of each fixture checkpoint.
//
//   mplug2-fuzz-seeds OUTDIR [FIXTURES_DIR]
#include "model/checkpoint/mappedfile.h"
#include "model/checkpoint/picklewriter.h"
#include "model/checkpoint/torchsavewriter.h"
#include "model/checkpoint/ziparchive.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace mplug2::model;
namespace fs = std::filesystem;

namespace {

void save(const fs::path &path, std::span<const std::uint8_t> bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char *>(bytes.data()),
                                                static_cast<std::streamsize>(bytes.size()));
}

TorchSaveWriter sampleWriter()
{
    TorchSaveWriter w;
    std::vector<float> values(24);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = float(i) * 0.5f;
    const auto bytes = std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(values.data()), 96);
    const auto s = w.addStorage(ElementType::Float32, bytes);
    w.addTensor("model", "text_encoder.embeddings.word_embeddings.weight", s, {6, 4});
    w.addTensor("model", "text_decoder.cls.predictions.decoder.weight", s, {6, 4});
    w.addTensor("model", "visual_encoder_m.proj", s, {4}, {6}, 1);
    w.addTensor("model", "module.text_encoder.bert.layer.0.w", w.addStorage(ElementType::Float16, bytes.first(16)), {8});
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

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::cerr << "usage: mplug2-fuzz-seeds OUTDIR [FIXTURES_DIR]\n";
        return 2;
    }
    const fs::path out = argv[1];
    const TorchSaveWriter writer = sampleWriter();
    MemorySink zip, zip64, legacy;
    writer.writeZip(zip);
    writer.writeZip(zip64, "archive", ZipWriter::Options{true, 64});
    writer.writeLegacy(legacy);
    save(out / "checkpoint" / "sample-zip.pth", zip.bytes());
    save(out / "checkpoint" / "sample-zip64.pth", zip64.bytes());
    save(out / "checkpoint" / "sample-legacy.pth", legacy.bytes());

    const std::vector<std::uint8_t> st1 = safetensors(
        R"({"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},)"
        R"("b\u00e9":{"dtype":"BF16","shape":[4],"data_offsets":[24,32]}})", 32);
    const std::vector<std::uint8_t> st2 = safetensors(R"({"x":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}  )", 8);
    for (const auto &[name, bytes] : {std::pair{"a.safetensors", st1}, std::pair{"b.safetensors", st2}}) {
        save(out / "safetensors" / name, bytes);
        save(out / "checkpoint" / name, bytes);
    }

    auto archive = ZipArchive::parse(zip.bytes(), "sample");
    save(out / "pickle" / "sample.pkl", archive->view(*archive->find("archive/data.pkl")));
    PickleWriter config;
    config.proto(4).emptyDict().string("config").global("argparse", "Namespace").emptyTuple().raw({0x81});
    config.emptyDict().string("lr").integer(-3).setItem().build().setItem().stop();
    save(out / "pickle" / "config.pkl", config.bytes());

    if (argc > 2) {
        for (const auto &entry : fs::recursive_directory_iterator(argv[2])) {
            if (entry.path().extension() != ".pth")
                continue;
            auto file = MappedFile::open(entry.path().string());
            auto fixture = file ? ZipArchive::parse((*file)->bytes(), entry.path().string()) : makeError(mplug2::ErrorCode::Io, "");
            if (!fixture)
                continue;
            for (const ZipEntry &e : fixture->entries()) {
                if (e.name.size() > 9 && e.name.compare(e.name.size() - 9, 9, "/data.pkl") == 0)
                    save(out / "pickle" / (entry.path().parent_path().filename().string() + "-"
                                           + entry.path().stem().string() + ".pkl"),
                         fixture->view(e));
            }
        }
    }
    std::cout << "seeds written to " << out.string() << '\n';
    return 0;
}
