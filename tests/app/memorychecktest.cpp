// The memory check before loading: the estimate against an injected amount
// of free memory (CPU and CUDA), the alternatives it offers, and the CLI
// refusing a Base-shaped checkpoint under a fake small limit with a message
// that names the need and what is free. The Base checkpoint is a sparse
// safetensors file: real shapes and offsets, no data on disk, nothing read.
#include "app/engine/memorycheck.h"

#include "model/config/mplug2config.h"
#include "model/modules/mplug2model.h"
#include "model/modules/parameterfill.h"
#include "tests/app/clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace mplug2;
using namespace mplug2::app;

namespace {

/// A safetensors file of `config`'s parameters in fp32, as large as the real
/// one but sparse: the data region is a hole.
bool writeSparseCheckpoint(const model::Mplug2Config &config, const QString &path)
{
    model::ParameterScope scope(
        model::ParameterFill::Unfilled, at::TensorOptions().device(at::kMeta).dtype(at::kFloat));
    model::Mplug2Model network(config);
    QJsonObject header;
    qint64 offset = 0;
    for (const auto &item : network->named_parameters(true)) {
        const qint64 bytes = item.value().numel() * 4;
        QJsonArray shape;
        for (const int64_t d : item.value().sizes())
            shape.append(qint64(d));
        header.insert(QString::fromStdString(item.key()),
            QJsonObject {{QStringLiteral("dtype"), QStringLiteral("F32")}, {QStringLiteral("shape"), shape},
                {QStringLiteral("data_offsets"), QJsonArray {offset, offset + bytes}}});
        offset += bytes;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    json.append(QByteArray((8 - json.size() % 8) % 8, ' '));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    const quint64 length = qToLittleEndian(quint64(json.size()));
    f.write(reinterpret_cast<const char *>(&length), 8);
    f.write(json);
    return f.resize(8 + json.size() + offset);
}

} // namespace

class MemoryCheckTest : public QObject {
    Q_OBJECT

    static constexpr qint64 kGB = 1000LL * 1000 * 1000;

private Q_SLOTS:
    void parameterCountMatchesTheOfficialShapes()
    {
        // Base: ViT-B/16 + BERT-base + the CLIP text tower, as `mplug2-bench bench` builds it.
        QCOMPARE(model::parameterCount(model::baseConfig()), 510149691);
        QCOMPARE(model::parameterCount(model::largeConfig()), 1490093115);
    }

    void estimateGrowsWithFramesAndHalvesWeights()
    {
        const model::Mplug2Config base = model::baseConfig();
        model::MemoryPlan fp32;
        fp32.frames = 16;
        model::MemoryPlan bf16 = fp32;
        bf16.precision = model::Precision::Bf16;
        const model::MemoryEstimate a = model::estimateMemory(base, fp32),
                                    b = model::estimateMemory(base, bf16);
        QCOMPARE(a.weightBytes, 510149691LL * 4);
        QCOMPARE(b.weightBytes, a.weightBytes / 2);
        model::MemoryPlan fewer = fp32;
        fewer.frames = 4;
        QVERIFY(model::estimateMemory(base, fewer).workingBytes < a.workingBytes / 3);
        QVERIFY(a.total() > a.weightBytes + a.workingBytes);
    }

    void fitsOrOffersWhatWould()
    {
        const model::Mplug2Config base = model::baseConfig();
        DeviceChoice cpu = DeviceChoice::cpu();
        cpu.precision = Precision::Fp32;
        const MemoryCheck plenty = checkMemory(base, cpu, 16, 64 * kGB);
        QVERIFY(plenty.fits());
        QVERIFY(checkMemory(base, cpu, 16, -1).fits()); // unknown: never refused

        // Between the bf16 and the fp32 need: bf16 is offered.
        const qint64 between = (checkMemory(base, cpu, 16, 0).need.total() +
                                   [&] {
                                       DeviceChoice b = cpu;
                                       b.precision = Precision::Bf16;
                                       return checkMemory(base, b, 16, 0).need.total();
                                   }())
                / 2
            + model::kMemoryMargin;
        const MemoryCheck tight = checkMemory(base, cpu, 16, between);
        QVERIFY(!tight.fits());
        QVERIFY2(tight.alternatives.join(u';').contains(QStringLiteral("bf16")),
            qPrintable(tight.alternatives.join(u';')));
        const QString message = tight.message(QStringLiteral("Base"));
        QVERIFY2(message.contains(formatMemory(tight.need.total())), qPrintable(message));
        QVERIFY2(message.contains(formatMemory(between)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("It would fit with bf16")), qPrintable(message));

        // Far too little: nothing fits, and it says so.
        const MemoryCheck none = checkMemory(base, cpu, 16, kGB / 2);
        QVERIFY(!none.fits());
        QVERIFY(none.alternatives.isEmpty());
        QVERIFY(none.message(QStringLiteral("Base")).contains(QStringLiteral("Close other programs")));
    }

    void cudaUsesTheInjectedFreeMemory()
    {
        // No GPU here: the same arithmetic with the device's free memory injected.
        DeviceChoice cuda;
        cuda.kind = DeviceKind::Cuda;
        cuda.index = 1;
        cuda.precision = Precision::Fp32;
        const model::Mplug2Config large = model::largeConfig();
        const MemoryCheck c = checkMemory(large, cuda, 16, 5 * kGB);
        QVERIFY(!c.fits());
        QVERIFY2(c.alternatives.join(u';').contains(QStringLiteral("fp16")),
            qPrintable(c.alternatives.join(u';')));
        QVERIFY2(c.message(QStringLiteral("Large")).contains(QStringLiteral("cuda:1")),
            qPrintable(c.message(QStringLiteral("Large"))));
        QVERIFY(c.need.runtimeBytes > 0);
    }

    void theCliRefusesABaseShapedBundle()
    {
        QTemporaryDir dir;
        const QString checkpoint = dir.filePath(QStringLiteral("base.safetensors"));
        QVERIFY(writeSparseCheckpoint(model::baseConfig(), checkpoint));
        QVERIFY(QFileInfo(checkpoint).size() > 2 * kGB);
        qputenv("MPLUG2_FAKE_MEM_AVAILABLE", QByteArray::number(2 * kGB));
        const test::CliRun r = test::runCli(
            {QStringLiteral("caption"), QStringLiteral("--checkpoint"), checkpoint, QStringLiteral("--vocab"),
                QStringLiteral(MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt"),
                QStringLiteral("--device=cpu"), QStringLiteral("--precision=fp32"),
                QStringLiteral(MPLUG2_SOURCE_DIR "/resources/samples/two-shapes.mp4")},
            dir.path(), 60000);
        qunsetenv("MPLUG2_FAKE_MEM_AVAILABLE");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("needs about 2.")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("but 2.0 GB is free")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("bf16")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(MemoryCheckTest)
#include "memorychecktest.moc"
