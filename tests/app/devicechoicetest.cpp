// DeviceChoice: what the CPU accepts (fp32 and bf16, not fp16), what Auto
// resolves to, and the caution a CPU without native bf16 gets.
#include "app/engine/devicechoice.h"

#include "model/runtime/computetarget.h"

#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class DeviceChoiceTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { model::setCpuBf16Emulated(false); }

    void theCpuRunsFp32AndBf16()
    {
        const Expected<DeviceChoice> fp32
            = DeviceChoice::parse(QStringLiteral("cpu"), QStringLiteral("fp32"));
        QVERIFY(fp32);
        QCOMPARE(fp32->effectivePrecision(), Precision::Fp32);
        const Expected<DeviceChoice> bf16
            = DeviceChoice::parse(QStringLiteral("cpu"), QStringLiteral("BF16"));
        QVERIFY2(bf16, bf16 ? "" : bf16.error().message.c_str());
        QCOMPARE(bf16->effectivePrecision(), Precision::Bf16);
        QCOMPARE(bf16->deviceName(), QStringLiteral("cpu"));
    }

    void fp16NeedsCuda()
    {
        const Expected<DeviceChoice> fp16
            = DeviceChoice::parse(QStringLiteral("cpu"), QStringLiteral("fp16"));
        QVERIFY(!fp16);
        QCOMPARE(fp16.error().code, ErrorCode::Unsupported);
        QVERIFY2(QString::fromStdString(fp16.error().message).contains(QStringLiteral("bf16")),
            fp16.error().message.c_str());
    }

    void autoStaysFp32OnTheCpu()
    {
        // Until bf16 is checked against an official checkpoint, Auto is fp32,
        // whatever the CPU has.
        const Expected<DeviceChoice> automatic = DeviceChoice::parse(QStringLiteral("cpu"));
        QVERIFY(automatic);
        QCOMPARE(automatic->effectivePrecision(), Precision::Fp32);
        QVERIFY(automatic->caution().isEmpty());
    }

    void emulatedBf16IsCautioned()
    {
        model::setCpuBf16Emulated(true);
        QCOMPARE(model::cpuBf16(), model::CpuBf16::Emulated);
        const Expected<DeviceChoice> bf16
            = DeviceChoice::parse(QStringLiteral("cpu"), QStringLiteral("bf16"));
        QVERIFY(bf16);
        QVERIFY2(bf16->caution().contains(QStringLiteral("slower")), qPrintable(bf16->caution()));
        const Expected<DeviceChoice> fp32
            = DeviceChoice::parse(QStringLiteral("cpu"), QStringLiteral("fp32"));
        QVERIFY(fp32->caution().isEmpty());
        model::setCpuBf16Emulated(false);
        if (model::cpuBf16() == model::CpuBf16::Native)
            QVERIFY(bf16->caution().isEmpty());
    }
};

QTEST_GUILESS_MAIN(DeviceChoiceTest)
#include "devicechoicetest.moc"
