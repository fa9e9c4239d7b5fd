#include "app/engine/memorycheck.h"

#include "app/engine/loadedmodel.h"
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/statedict.h"
#include "model/config/configinference.h"

#include <QCoreApplication>

namespace mplug2::app {

namespace {
struct MemoryCheckText {
    Q_DECLARE_TR_FUNCTIONS(MemoryCheck)
};

model::Precision modelPrecision(Precision p)
{
    switch (p) {
    case Precision::Fp16:
        return model::Precision::Fp16;
    case Precision::Bf16:
        return model::Precision::Bf16;
    default:
        return model::Precision::Fp32;
    }
}

model::MemoryEstimate estimateFor(const model::Mplug2Config &config, const DeviceChoice &device, int frames,
    int64_t parameters = -1, int batch = 1)
{
    model::MemoryPlan plan;
    plan.batch = batch;
    plan.parameters = parameters;
    plan.precision = modelPrecision(device.effectivePrecision());
    plan.cuda = device.kind == DeviceKind::Cuda;
    plan.frames = frames;
    return model::estimateMemory(config, plan);
}

} // namespace

QString formatMemory(qint64 bytes)
{
    return QString::fromStdString(model::formatBytes(bytes));
}

int visualBatchFor(
    const model::Mplug2Config &config, const DeviceChoice &device, int frames, qint64 available, int most)
{
    if (available < 0 || most <= 1)
        return 1;
    const int64_t parameters = model::parameterCount(config);
    const int64_t one = estimateFor(config, device, frames, parameters, 1).workingBytes;
    int batch = 1;
    while (batch < most
        && estimateFor(config, device, frames, parameters, batch + 1).workingBytes - one
                + model::kMemoryMargin
            <= available)
        ++batch;
    return batch;
}

MemoryCheck checkMemory(
    const model::Mplug2Config &config, const DeviceChoice &device, int frames, qint64 available)
{
    MemoryCheck c;
    c.config = config;
    c.device = device;
    c.device.precision = device.effectivePrecision();
    c.frames = frames > 0 ? frames : int(config.numFrames);
    c.available = available;
    c.need = estimateFor(config, c.device, c.frames);
    const int64_t parameters = c.need.parameters; // the alternatives' model is the same: counted once
    if (c.fits())
        return c;
    const auto fitsIn
        = [&](const model::MemoryEstimate &e) { return e.total() + model::kMemoryMargin <= available; };
    // A lower precision first: half the weights.
    if (c.device.precision == Precision::Fp32) {
        DeviceChoice lower = c.device;
        lower.precision = device.kind == DeviceKind::Cuda ? Precision::Fp16 : Precision::Bf16;
        const model::MemoryEstimate e = estimateFor(config, lower, c.frames, parameters);
        if (fitsIn(e))
            c.alternatives.append(
                QStringLiteral("%1 (%2)").arg(precisionName(lower.precision), formatMemory(e.total())));
    }
    for (int fewer = c.frames / 2; fewer >= 1; fewer /= 2) {
        const model::MemoryEstimate e = estimateFor(config, c.device, fewer, parameters);
        if (fitsIn(e)) {
            c.alternatives.append(
                MemoryCheckText::tr("%n frame(s) (%1)", nullptr, fewer).arg(formatMemory(e.total())));
            break;
        }
    }
    return c;
}

Expected<MemoryCheck> checkBundleMemory(
    const ModelBundle &bundle, const DeviceChoice &device, qint64 available)
{
    Expected<model::CheckpointIndex> index = model::CheckpointIndex::open(bundle.checkpoint.toStdString());
    if (!index)
        return index.error();
    Expected<model::StateDict> shapes = model::loadStateDictShapes(*index);
    if (!shapes)
        return shapes.error();
    Expected<model::Mplug2Config> config = model::inferConfig(*shapes, configOverrides(bundle));
    if (!config)
        return config.error();
    return checkMemory(*config, device, bundle.numFrames, available);
}

QString MemoryCheck::message(const QString &modelName) const
{
    const QString where
        = device.kind == DeviceKind::Cuda ? device.deviceName() : MemoryCheckText::tr("this computer");
    QString text
        = MemoryCheckText::tr(
            "%1 needs about %2 in %3 (weights %4, %5 of working memory for %n frame(s)), but %6 "
            "is free on %7.",
            nullptr, frames)
              .arg(modelName, formatMemory(need.total()), precisionName(device.precision),
                  formatMemory(need.weightBytes), formatMemory(need.workingBytes + need.runtimeBytes),
                  formatMemory(available), where);
    if (alternatives.isEmpty())
        text += QLatin1Char(' ') + MemoryCheckText::tr("Close other programs, or use a smaller model.");
    else
        text += QLatin1Char(' ')
            + MemoryCheckText::tr("It would fit with %1.")
                  .arg(alternatives.join(MemoryCheckText::tr(" or ")));
    return text;
}

} // namespace mplug2::app
