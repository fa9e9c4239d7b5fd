// `mplug2 inspect` and `mplug2 convert`, run as a user would, on checkpoints
// written here (training-style, hostile) and on the shared fixtures.
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/picklewriter.h"
#include "model/checkpoint/statedict.h"
#include "model/checkpoint/torchsavewriter.h"
#include "tests/app/clirunner.h"
#include "tests/support/qtestshared.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <torch/types.h>

using namespace mplug2::model;

namespace {

using Run = mplug2::test::CliRun;

std::span<const std::uint8_t> bytesOf(const at::Tensor &t)
{
    return {static_cast<const std::uint8_t *>(t.data_ptr()), t.nbytes()};
}

} // namespace

class CheckpointCommandsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_training;
    at::Tensor m_embedding = at::linspace(-1, 1, 24).reshape({6, 4});
    at::Tensor m_momentum = at::ones({4});

    Run runCli(const QStringList &args) const { return mplug2::test::runCli(args, m_dir.path()); }

    QString temp(const char *name) const { return m_dir.path() + QLatin1Char('/') + QLatin1String(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // {'model': {DDP-prefixed weights, a tied copy, a momentum copy}, 'optimizer': ..., 'epoch': 2}
        TorchSaveWriter writer;
        const auto e = writer.addStorage(ElementType::Float32, bytesOf(m_embedding));
        writer.addTensor("model", "module.text_encoder.embeddings.word_embeddings.weight", e, {6, 4});
        writer.addTensor("model", "module.text_decoder.cls.predictions.decoder.weight", e, {6, 4});
        writer.addTensor("model", "module.visual_encoder_m.proj",
            writer.addStorage(ElementType::Float32, bytesOf(m_momentum)), {4});
        writer.addTensor("optimizer", "state.0.exp_avg",
            writer.addStorage(ElementType::Float32, bytesOf(m_embedding)), {24});
        writer.addInteger("epoch", 2);
        m_training = temp("training.pth");
        QVERIFY(writer.writeZipFile(m_training.toStdString()));
    }

    void inspectDescribesWithoutLoading()
    {
        const Run r = runCli(
            {QStringLiteral("inspect"), m_training, QStringLiteral("--json"), QStringLiteral("--keys")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject obj = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(obj.value(QStringLiteral("format")).toString(), QStringLiteral("torch zip"));
        const QJsonArray entries = obj.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[2].toObject().value(QStringLiteral("value")).toString(), QStringLiteral("int 2"));
        const QJsonObject weights = obj.value(QStringLiteral("model_weights")).toObject();
        QCOMPARE(weights.value(QStringLiteral("source_entry")).toString(), QStringLiteral("model"));
        QCOMPARE(weights.value(QStringLiteral("tensors")).toInt(), 2);
        QCOMPARE(weights.value(QStringLiteral("tied_tensors")).toInt(), 1);
        QCOMPARE(weights.value(QStringLiteral("bytes")).toInt(), int(m_embedding.nbytes()));
        QCOMPARE(weights.value(QStringLiteral("stripped_ddp_prefixes")).toInt(), 3);
        QStringList reasons;
        for (const QJsonValue &i : weights.value(QStringLiteral("ignored")).toArray())
            reasons << i.toObject().value(QStringLiteral("reason")).toString();
        QVERIFY2(reasons.contains(QStringLiteral("momentum copy (*_m)")), qPrintable(reasons.join(u',')));
        QVERIFY2(reasons.contains(QStringLiteral("entry 'optimizer'")), qPrintable(reasons.join(u',')));
        const QJsonArray keys = weights.value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys[0].toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("text_encoder.embeddings.word_embeddings.weight"));
        QCOMPARE(keys[0].toObject().value(QStringLiteral("shape")).toArray(), (QJsonArray {6, 4}));

        const Run text = runCli({QStringLiteral("inspect"), m_training});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("momentum copy (*_m)")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("tied weights")), qPrintable(text.out));
    }

    void inspectShowsCodeAsInertPlaceholders()
    {
        const QString marker = temp("marker");
        PickleWriter p;
        p.proto().emptyDict().string("config").global("os", "system").mark();
        p.string(("touch " + marker).toStdString()).tuple().reduce().setItem().stop();
        MemorySink sink;
        ZipWriter zip(sink);
        zip.addEntry("evil/data.pkl", p.bytes());
        zip.finish();
        const QString path = temp("evil.pth");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(reinterpret_cast<const char *>(sink.bytes().data()), qint64(sink.bytes().size()));
        file.close();
        const Run r = runCli({QStringLiteral("inspect"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("os.system (placeholder, not run)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("holds no model weights")), qPrintable(r.out));
        QVERIFY(!QFile::exists(marker));
        const Run convert = runCli({QStringLiteral("convert"), path, temp("evil.safetensors")});
        QCOMPARE(convert.exitCode, 1);
        QVERIFY(!QFile::exists(marker));
    }

    void badFilesFailWithTheirName()
    {
        const QString garbage = temp("garbage.pth");
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(300, 'x'));
        file.close();
        for (const QString &path : {garbage, temp("missing.pth")}) {
            const Run r = runCli({QStringLiteral("inspect"), path});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(path), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
        QCOMPARE(runCli({QStringLiteral("inspect")}).exitCode, 2);
    }

    void convertWritesInferenceWeights()
    {
        const QString out = temp("weights.safetensors");
        const Run r = runCli(
            {QStringLiteral("convert"), m_training, out, QStringLiteral("--dtype"), QStringLiteral("fp16")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(out), qPrintable(r.out));
        auto index = CheckpointIndex::open(out.toStdString());
        QVERIFY(index);
        QCOMPARE(index->format(), CheckpointFormat::Safetensors);
        bool sawSource = false;
        for (const auto &[k, v] : index->metadata())
            sawSource = sawSource || (k == "source" && v == "training.pth");
        QVERIFY(sawSource);
        auto weights = loadTensorDict(out.toStdString());
        QVERIFY(weights);
        QCOMPARE(weights->size(), size_t(2));
        for (const char *name : {"text_encoder.embeddings.word_embeddings.weight",
                 "text_decoder.cls.predictions.decoder.weight"}) {
            QCOMPARE(weights->at(name).scalar_type(), at::kHalf);
            QVERIFY(torch::equal(weights->at(name), m_embedding.to(at::kHalf)));
        }
    }

    void convertRefusesBadArguments()
    {
        QCOMPARE(runCli({QStringLiteral("convert"), m_training}).exitCode, 2);
        const Run badType = runCli(
            {QStringLiteral("convert"), m_training, temp("x.safetensors"), QStringLiteral("--dtype=int8")});
        QCOMPARE(badType.exitCode, 2);
        QVERIFY(badType.err.contains(QStringLiteral("int8")));
        QCOMPARE(runCli({QStringLiteral("convert"), m_training, m_training}).exitCode, 2);
        QVERIFY(QFile::exists(m_training));
    }

    void inspectInfersTheFixtureConfig()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        const QString dir = shared + QStringLiteral("/fixtures/tiny-a/");
        const auto readJson = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        };
        const QJsonObject config = readJson(dir + QStringLiteral("config.json"));
        const QJsonObject bert = readJson(dir + QStringLiteral("config_bert.json"));
        QVERIFY(!config.isEmpty() && !bert.isEmpty());
        const Run r
            = runCli({QStringLiteral("inspect"), dir + QStringLiteral("qa.pth"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject inferred = QJsonDocument::fromJson(r.out.toUtf8())
                                         .object()
                                         .value(QStringLiteral("inferred_config"))
                                         .toObject();
        QVERIFY2(!inferred.isEmpty(), qPrintable(r.out));
        // What the shapes determine must equal what the official config said.
        const QList<QPair<QString, int>> expected = {
            {QStringLiteral("vision_width"), config.value(QStringLiteral("vision_width")).toInt()},
            {QStringLiteral("vision_layers"), config.value(QStringLiteral("clip_vision_layers")).toInt()},
            {QStringLiteral("image_res"), config.value(QStringLiteral("image_res")).toInt()},
            {QStringLiteral("embed_dim"), config.value(QStringLiteral("embed_dim")).toInt()},
            {QStringLiteral("clip_transformer_width"),
                config.value(QStringLiteral("clip_transformer_width")).toInt()},
            {QStringLiteral("clip_transformer_layers"),
                config.value(QStringLiteral("clip_transformer_layers")).toInt()},
            {QStringLiteral("hidden_size"), bert.value(QStringLiteral("hidden_size")).toInt()},
            {QStringLiteral("intermediate_size"), bert.value(QStringLiteral("intermediate_size")).toInt()},
            {QStringLiteral("vocab_size"), bert.value(QStringLiteral("vocab_size")).toInt()},
            {QStringLiteral("text_encoder_layers"),
                bert.value(QStringLiteral("text_encoder_layers")).toInt()},
            {QStringLiteral("text_decode_layers"), bert.value(QStringLiteral("text_decode_layers")).toInt()},
        };
        for (const auto &[name, value] : expected)
            QVERIFY2(inferred.value(name).toInt() == value,
                qPrintable(name + QStringLiteral(": %1 vs %2").arg(inferred.value(name).toInt()).arg(value)));
        const Run text = runCli({QStringLiteral("inspect"), dir + QStringLiteral("qa.pth")});
        QVERIFY2(text.out.contains(QStringLiteral("Inferred configuration")), qPrintable(text.out));
    }

    void convertsTheFixtureQaCheckpoint()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        const QString in = shared + QStringLiteral("/fixtures/tiny-a/qa.pth");
        const QString out = temp("qa.safetensors");
        const Run r = runCli({QStringLiteral("convert"), in, out});
        QCOMPARE(r.exitCode, 0);
        auto original = loadStateDict(in.toStdString());
        auto converted = loadStateDict(out.toStdString());
        QVERIFY(original && converted);
        QCOMPARE(converted->size(), original->size());
        for (const auto &[name, tensor] : *original)
            QVERIFY2(torch::equal(converted->at(name), tensor), name.c_str());
        QVERIFY(QFileInfo(out).size() < QFileInfo(in).size());
    }
};

QTEST_GUILESS_MAIN(CheckpointCommandsTest)
#include "checkpointcommandstest.moc"
