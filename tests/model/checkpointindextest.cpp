// CheckpointIndex and TensorMaterializer on files that TorchSaveWriter
// writes in every format (zip, ZIP64, legacy): names, dtypes, shapes, views
// with offsets and strides, tied storages, and values read back exactly.
#include "model/checkpoint/checkpointindex.h"

#include "model/checkpoint/statedict.h"
#include "model/checkpoint/tensormaterializer.h"
#include "model/checkpoint/torchsavewriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <torch/types.h>

using namespace mplug2::model;

namespace {

std::span<const std::uint8_t> bytesOf(const at::Tensor &t)
{
    return {static_cast<const std::uint8_t *>(t.data_ptr()), t.nbytes()};
}

enum class Format { Zip, Zip64, Legacy };

/// A checkpoint shaped like the official ones: model (with a tied weight and
/// a strided view), optimizer state, an epoch counter.
struct Sample {
    at::Tensor embedding = at::arange(0, 12, at::kFloat).reshape({4, 3});
    at::Tensor bias = at::arange(100, 104, at::kLong);
    at::Tensor half = at::linspace(-2, 2, 7).to(at::kHalf);
    at::Tensor flags = at::tensor({1, 0, 1}, at::kByte);
    TorchSaveWriter writer;

    Sample()
    {
        const auto e = writer.addStorage(ElementType::Float32, bytesOf(embedding));
        writer.addTensor("model", "text.embeddings.weight", e, {4, 3});
        writer.addTensor("model", "decoder.weight", e, {4, 3}); // tied
        writer.addTensor("model", "embeddings.column1", e, {4}, {3}, 1); // a strided view
        writer.addTensor("model", "bias", writer.addStorage(ElementType::Int64, bytesOf(bias)), {4});
        writer.addTensor("model", "half", writer.addStorage(ElementType::Float16, bytesOf(half)), {7});
        writer.addTensor("model", "flags", writer.addStorage(ElementType::Bool, bytesOf(flags)), {3});
        writer.addTensor("optimizer", "state.0.exp_avg",
            writer.addStorage(ElementType::Float32, bytesOf(embedding)), {12});
        writer.addInteger("epoch", 7);
    }

    std::vector<std::uint8_t> bytes(Format format) const
    {
        MemorySink sink;
        if (format == Format::Legacy)
            writer.writeLegacy(sink);
        else
            writer.writeZip(sink, "sample", ZipWriter::Options {format == Format::Zip64, 64});
        return std::move(sink.bytes());
    }
};

} // namespace

class CheckpointIndexTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void indexesEveryFormat_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("zip") << int(Format::Zip);
        QTest::newRow("zip64") << int(Format::Zip64);
        QTest::newRow("legacy") << int(Format::Legacy);
    }

    void indexesEveryFormat()
    {
        QFETCH(int, format);
        const Sample sample;
        const auto bytes = sample.bytes(Format(format));
        auto index = CheckpointIndex::parse(bytes, "sample.pth");
        QVERIFY2(index, index ? "" : index.error().message.c_str());
        QCOMPARE(index->format(),
            format == int(Format::Legacy) ? CheckpointFormat::TorchLegacy : CheckpointFormat::TorchZip);
        QCOMPARE(index->entries().size(), size_t(3));
        QCOMPARE(index->entries()[0].name, std::string("model"));
        QCOMPARE(index->entries()[0].tensorCount, size_t(6));
        QCOMPARE(index->entries()[1].name, std::string("optimizer"));
        QCOMPARE(index->entries()[2].description, std::string("int 7"));
        QCOMPARE(index->tensors().size(), size_t(7));
        const StoredTensor &view = index->tensors()[2];
        QCOMPARE(view.name, std::string("model.embeddings.column1"));
        QCOMPARE(std::string(view.nameInEntry()), std::string("embeddings.column1"));
        QCOMPARE(view.strides, std::vector<std::int64_t> {3});
        QCOMPARE(view.storageOffset, std::uint64_t(1));
        QCOMPARE(index->tensors()[0].storage, index->tensors()[1].storage);
    }

    void tensorsReadBackExactly_data() { indexesEveryFormat_data(); }

    void tensorsReadBackExactly()
    {
        QFETCH(int, format);
        const Sample sample;
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/sample.pth")).toStdString();
        const auto written = format == int(Format::Legacy) ? sample.writer.writeLegacyFile(path)
                                                           : sample.writer.writeZipFile(path);
        QVERIFY(written);
        auto weights = loadStateDict(path);
        QVERIFY2(weights, weights ? "" : weights.error().message.c_str());
        QCOMPARE(weights->size(), size_t(6)); // optimizer and epoch are not model weights
        QVERIFY(torch::equal(weights->at("text.embeddings.weight"), sample.embedding));
        QVERIFY(torch::equal(weights->at("decoder.weight"), sample.embedding));
        QVERIFY(weights->at("decoder.weight")
                    .storage()
                    .is_alias_of(weights->at("text.embeddings.weight").storage()));
        QVERIFY(torch::equal(weights->at("embeddings.column1"), sample.embedding.select(1, 1)));
        QVERIFY(torch::equal(weights->at("bias"), sample.bias));
        QVERIFY(torch::equal(weights->at("half"), sample.half));
        QCOMPARE(weights->at("flags").scalar_type(), at::kBool);
        QVERIFY(torch::equal(weights->at("flags"), sample.flags.to(at::kBool)));
        auto all = loadTensorDict(path);
        QVERIFY(all);
        QVERIFY(torch::equal(all->at("optimizer.state.0.exp_avg"), sample.embedding.flatten()));
    }

    // A loader copies each tensor out and hands its file pages back: read
    // again, they come from the file; tensors in ordinary memory are left alone.
    void filePagesAreHandedBackAndReadAgain()
    {
        const at::Tensor big = at::arange(0, 1 << 16, at::kFloat); // 256 KiB: whole pages
        TorchSaveWriter writer;
        writer.addTensor(
            "model", "big.weight", writer.addStorage(ElementType::Float32, bytesOf(big)), {1 << 16});
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/big.pth")).toStdString();
        QVERIFY(writer.writeZipFile(path));
        StateDictOptions lazy;
        lazy.populate = false;
        auto weights = loadStateDict(path, lazy);
        QVERIFY2(weights, weights ? "" : weights.error().message.c_str());
        const at::Tensor &mapped = weights->at("big.weight");
        populateFilePages(mapped);
        const at::Tensor copy = mapped.clone();
        QVERIFY(releaseFilePages(mapped));
        QVERIFY(torch::equal(copy, big));
        QVERIFY(torch::equal(mapped, big)); // read again from the file
        const at::Tensor heap = big.clone();
        QVERIFY(!releaseFilePages(heap));
        QVERIFY(torch::equal(heap, big));
        QVERIFY(!releaseFilePages(at::Tensor()));
    }

    void boolBytesAreNormalised()
    {
        TorchSaveWriter writer;
        const std::uint8_t raw[] = {0, 7, 255};
        writer.addTensor("model", "mask", writer.addStorage(ElementType::Bool, raw), {3});
        MemorySink sink;
        writer.writeZip(sink);
        auto index = CheckpointIndex::parse(sink.bytes(), "mask.pth");
        QVERIFY(index);
        auto weights = loadStateDict(*index);
        QVERIFY(weights);
        QCOMPARE(weights->at("mask").to(at::kByte).sum().item<int>(), 2);
    }

    void materializerReadsOnlyWhatItIsAskedFor()
    {
        const Sample sample;
        const auto bytes = sample.bytes(Format::Zip);
        auto index = CheckpointIndex::parse(bytes, "sample.pth");
        QVERIFY(index);
        TensorMaterializer materializer(*index, TensorMaterializer::Mode::Copy);
        QVERIFY(materializer.materialize(3));
        QCOMPARE(materializer.storageBytes(), std::uint64_t(sample.bias.nbytes()));
        QVERIFY(materializer.materialize(0) && materializer.materialize(1));
        QCOMPARE(
            materializer.storageBytes(), std::uint64_t(sample.bias.nbytes() + sample.embedding.nbytes()));
        QVERIFY(!materializer.materialize(99));
    }

    void bareStateDictAndModuleEntryLoad()
    {
        const at::Tensor w = at::arange(6, at::kFloat);
        for (const std::string entry : {"", "module", "state_dict"}) {
            TorchSaveWriter writer;
            writer.addTensor(entry, entry.empty() ? "module.fc.weight" : "module.fc.weight",
                writer.addStorage(ElementType::Float32, bytesOf(w)), {6});
            MemorySink sink;
            writer.writeZip(sink);
            auto index = CheckpointIndex::parse(sink.bytes(), "x.pth");
            QVERIFY(index);
            auto weights = loadStateDict(*index);
            QVERIFY2(weights, weights ? "" : weights.error().message.c_str());
            QCOMPARE(weights->size(), size_t(1));
            QVERIFY(torch::equal(weights->at("fc.weight"), w)); // DDP prefix stripped
        }
    }

    void noModelWeightsIsAClearError()
    {
        TorchSaveWriter writer;
        writer.addInteger("epoch", 3);
        writer.addTensor("optimizer", "m",
            writer.addStorage(
                ElementType::Float32, 4, [](auto, auto c) { std::memset(c.data(), 0, c.size()); }),
            {4});
        MemorySink sink;
        writer.writeZip(sink);
        auto index = CheckpointIndex::parse(sink.bytes(), "opt.pth");
        QVERIFY(index);
        auto weights = loadStateDict(*index);
        QVERIFY(!weights);
        QVERIFY2(weights.error().message.find("'epoch', 'optimizer'") != std::string::npos,
            weights.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(CheckpointIndexTest)
#include "checkpointindextest.moc"
