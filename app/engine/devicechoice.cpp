#include "app/engine/devicechoice.h"

#include "model/runtime/computetarget.h"
#include "model/runtime/runtimeinfo.h"

#include <QCoreApplication>

namespace mplug2::app {

namespace {

struct DeviceChoiceText {
    Q_DECLARE_TR_FUNCTIONS(DeviceChoice)
};

} // namespace

DeviceChoice DeviceChoice::automatic()
{
    DeviceChoice d;
    if (model::runtimeInfo().cudaAvailable)
        d.kind = DeviceKind::Cuda;
    return d;
}

Expected<DeviceChoice> DeviceChoice::parse(const QString &device, const QString &precision)
{
    DeviceChoice d;
    const QString dev = device.trimmed().toLower();
    if (dev.isEmpty() || dev == QLatin1String("auto")) {
        d = automatic();
    } else if (dev == QLatin1String("cpu")) {
        d.kind = DeviceKind::Cpu;
    } else if (dev == QLatin1String("cuda") || dev.startsWith(QLatin1String("cuda:"))) {
        d.kind = DeviceKind::Cuda;
        if (dev.size() > 4) {
            bool ok = false;
            d.index = dev.mid(5).toInt(&ok);
            if (!ok || d.index < 0)
                return makeError(ErrorCode::InvalidArgument,
                    DeviceChoiceText::tr("bad device \"%1\": expected cuda:N with N a device number")
                        .arg(device)
                        .toStdString());
        }
        const model::RuntimeInfo rt = model::runtimeInfo();
        if (!rt.cudaAvailable)
            return makeError(ErrorCode::Unsupported,
                DeviceChoiceText::tr("no CUDA device is available to this build or machine: use --device cpu")
                    .toStdString());
        if (d.index >= rt.cudaDeviceCount)
            return makeError(ErrorCode::InvalidArgument,
                DeviceChoiceText::tr("there is no CUDA device %1 (this machine has %2)")
                    .arg(d.index)
                    .arg(rt.cudaDeviceCount)
                    .toStdString());
    } else {
        return makeError(ErrorCode::InvalidArgument,
            DeviceChoiceText::tr("unknown device \"%1\" (expected auto, cpu, cuda or cuda:N)")
                .arg(device)
                .toStdString());
    }

    const std::optional<Precision> prec = parsePrecision(precision);
    if (!prec)
        return makeError(ErrorCode::InvalidArgument,
            DeviceChoiceText::tr("unknown precision \"%1\" (expected auto, fp32, fp16 or bf16)")
                .arg(precision)
                .toStdString());
    d.precision = *prec;
    if (d.kind == DeviceKind::Cpu && d.precision == Precision::Fp16)
        return makeError(ErrorCode::Unsupported,
            DeviceChoiceText::tr("fp16 runs on CUDA devices only; on the CPU use fp32 or bf16")
                .toStdString());
    return d;
}

Precision DeviceChoice::effectivePrecision() const
{
    if (precision != Precision::Auto)
        return precision;
    return kind == DeviceKind::Cuda ? Precision::Fp16 : Precision::Fp32;
}

bool DeviceChoice::cpuHasNativeBf16()
{
    return model::cpuBf16() == model::CpuBf16::Native;
}

QString DeviceChoice::caution() const
{
    if (kind == DeviceKind::Cpu && effectivePrecision() == Precision::Bf16
        && model::cpuBf16() == model::CpuBf16::Emulated)
        return DeviceChoiceText::tr(
            "this CPU has no native bf16 (AVX512_BF16): bf16 runs emulated and is slower "
            "than fp32");
    return {};
}

QString DeviceChoice::deviceName() const
{
    return kind == DeviceKind::Cpu ? QStringLiteral("cpu") : QStringLiteral("cuda:%1").arg(index);
}

std::optional<Precision> parsePrecision(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("auto"))
        return Precision::Auto;
    const std::optional<model::Precision> parsed = model::parsePrecision(n.toStdString());
    if (!parsed)
        return std::nullopt;
    switch (*parsed) {
    case model::Precision::Fp32:
        return Precision::Fp32;
    case model::Precision::Fp16:
        return Precision::Fp16;
    case model::Precision::Bf16:
        return Precision::Bf16;
    }
    return std::nullopt;
}

QString precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Auto:
        return QStringLiteral("auto");
    case Precision::Fp32:
        return QStringLiteral("fp32");
    case Precision::Fp16:
        return QStringLiteral("fp16");
    case Precision::Bf16:
        return QStringLiteral("bf16");
    }
    return {};
}

} // namespace mplug2::app
