#pragma once
/// Where the model runs and with which number format. The GUI and the CLI
/// build one from the user's choice and hand it to Engine::loadModel().
///
///     auto device = DeviceChoice::parse("cuda:1", "bf16");
///     if (!device) { qWarning() << device.error().message.c_str(); return; }
///     engine.loadModel(bundle, *device);
///
/// `Precision::Auto` is fp32 on the CPU and fp16 on CUDA. The CPU also runs
/// bf16 (about twice as fast where it has AVX512_BF16); it stays a choice
/// until bf16 has been checked against an official checkpoint. fp16 needs
/// CUDA.

#include "base/expected.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace mplug2::app {

enum class DeviceKind { Cpu, Cuda };

enum class Precision { Auto, Fp32, Fp16, Bf16 };

struct DeviceChoice {
    DeviceKind kind = DeviceKind::Cpu;
    int index = 0; ///< CUDA device index; 0 for the CPU
    Precision precision = Precision::Auto;

    /// CUDA device 0 when this process sees a CUDA device, else the CPU.
    static DeviceChoice automatic();
    static DeviceChoice cpu() { return {}; }
    /// Whether this CPU computes bf16 natively (AVX512_BF16), where bf16 is
    /// about twice as fast as fp32.
    static bool cpuHasNativeBf16();

    /// Reads "auto", "cpu", "cuda" or "cuda:N" and "auto", "fp32", "fp16",
    /// "bf16"; a CUDA choice on a machine without CUDA is an error that says so.
    static Expected<DeviceChoice> parse(
        const QString &device, const QString &precision = QStringLiteral("auto"));

    /// The precision that will be used: Auto resolved for this device.
    Precision effectivePrecision() const;
    /// Empty, or why this choice will be slow: bf16 on a CPU that emulates it.
    QString caution() const;
    /// "cpu" or "cuda:N".
    QString deviceName() const;

    bool operator==(const DeviceChoice &other) const = default;
};

/// "auto", "fp32", "fp16", "bf16".
/// "auto", or a name model::parsePrecision reads ("fp32", "bf16", "bfloat16",
/// …), case and spaces aside; nothing for anything else.
std::optional<Precision> parsePrecision(const QString &name);
QString precisionName(Precision precision);

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::DeviceChoice)
