// modelKey(): an embedding space is named by the checkpoint's content, the
// input settings and the precision, never by the bundle's id.
#include "app/retrieval/modelkey.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class ModelKeyTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static ModelBundle bundle(const QString &id, const QString &checkpoint)
    {
        ModelBundle b;
        b.id = id;
        b.checkpoint = checkpoint;
        b.imageRes = 224;
        b.numFrames = 16;
        return b;
    }

private Q_SLOTS:
    void theBundleIdDoesNotNameTheSpaceTheContentDoes()
    {
        const QByteArray weights(3 * 1024 * 1024, 'w');
        const QString a = writeFile(QStringLiteral("a.pth"), weights);
        const QString copy = writeFile(QStringLiteral("copy.pth"), weights);
        QByteArray changed = weights;
        changed[0] = 'x';
        const QString other = writeFile(QStringLiteral("other.pth"), changed);

        const QString key = *modelKey(bundle(QStringLiteral("mine"), a), Precision::Fp32);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{12}-r224-f16-fp32$")).match(key).hasMatch());
        QCOMPARE(*modelKey(bundle(QStringLiteral("imported-again"), copy), Precision::Fp32), key);
        QVERIFY(*modelKey(bundle(QStringLiteral("mine"), other), Precision::Fp32) != key);

        ModelBundle moreFrames = bundle(QStringLiteral("mine"), a);
        moreFrames.numFrames = 8;
        QVERIFY(*modelKey(moreFrames, Precision::Fp32) != key);
        QVERIFY(!modelKey(
            bundle(QStringLiteral("gone"), m_dir.filePath(QStringLiteral("missing.pth"))), Precision::Fp32));
    }

    void thePrecisionIsPartOfTheKey()
    {
        const QString a = writeFile(QStringLiteral("p.pth"), QByteArray(4096, 'p'));
        const QString fp32 = *modelKey(bundle(QStringLiteral("m"), a), Precision::Fp32);
        const QString bf16 = *modelKey(bundle(QStringLiteral("m"), a), Precision::Bf16);
        const QString fp16 = *modelKey(bundle(QStringLiteral("m"), a), Precision::Fp16);
        QVERIFY(fp32 != bf16 && fp32 != fp16 && bf16 != fp16);
        QCOMPARE(*modelKey(bundle(QStringLiteral("m"), a), Precision::Auto), fp32);
        QCOMPARE(precisionOfModelKey(bf16), Precision::Bf16);
        QCOMPARE(precisionOfModelKey(fp16), Precision::Fp16);
        QCOMPARE(precisionOfModelKey(fp32), Precision::Fp32);
        QCOMPARE(modelKeyWithoutPrecision(bf16), modelKeyWithoutPrecision(fp32));
        QVERIFY(!precisionOfModelKey(QStringLiteral("demo@0123456789ab-r224-f16")));

        ModelInfo loaded;
        loaded.bundle = bundle(QStringLiteral("m"), a);
        loaded.device.kind = DeviceKind::Cuda;
        loaded.device.precision = Precision::Bf16;
        QCOMPARE(*modelKey(loaded), bf16);
    }

    void keysOfSchemaOneUpgradeToFp32()
    {
        QCOMPARE(upgradedModelKey(QStringLiteral("demo@0123456789ab-r224-f16")),
            QStringLiteral("0123456789ab-r224-f16-fp32"));
        QCOMPARE(upgradedModelKey(QStringLiteral("a@b@0123456789ab-r384-f8")),
            QStringLiteral("0123456789ab-r384-f8-fp32"));
        QVERIFY(!upgradedModelKey(QStringLiteral("0123456789ab-r224-f16-fp32")));
        QVERIFY(!upgradedModelKey(QStringLiteral("m@1")));
    }
};

QTEST_GUILESS_MAIN(ModelKeyTest)
#include "modelkeytest.moc"
