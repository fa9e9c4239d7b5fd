// The attention panel with the real engine and the bundled demo model: a
// caption with occlusion maps, "Occlusion" chosen in the method list shows
// the occlusion map, and the Faithfulness button puts its deletion and
// insertion AUC under it.
#include "app/bundle/modelbundle.h"
#include "app/engine/engine.h"
#include "ui/attention/attentionpanel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace mplug2;

namespace {

constexpr int kWait = 120000;

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(MPLUG2_SOURCE_DIR)).filePath(relative);
}

} // namespace

class AttentionFaithfulnessTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void choosingOcclusionShowsItsMapAndItsFaithfulness()
    {
        const Expected<app::ModelBundle> bundle
            = app::ModelBundle::load(sourcePath(QStringLiteral("resources/models/demo")));
        QVERIFY2(bundle, bundle ? "" : bundle.error().message.c_str());
        app::Engine engine;
        bool loaded = false;
        engine.loadModel(*bundle, app::DeviceChoice::cpu()).then(this, [&](const app::RequestOutcome &o) {
            loaded = o.isFinished();
        });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, kWait);

        app::EngineRequest request
            = app::EngineRequest::caption(sourcePath(QStringLiteral("resources/samples/yellow-square.mp4")));
        request.attention.crossAttention = true;
        request.attention.occlusion = true;
        request.returnFrames = true;
        std::optional<app::EngineResult> result;
        engine.submit(request).then(this, [&](const app::RequestOutcome &o) {
            if (o.result)
                result = *o.result;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWait);
        QVERIFY(result->attention && result->attention->hasOcclusion());

        ui::AttentionPanel panel;
        panel.setEngine(&engine);
        panel.resize(900, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setResult(*result);
        panel.selectToken(1);

        auto *method = panel.findChild<QComboBox *>(QStringLiteral("methodCombo"));
        QVERIFY(method);
        const int occlusion = method->findText(QStringLiteral("Occlusion"));
        QVERIFY(occlusion >= 0);
        method->setCurrentIndex(occlusion);
        Q_EMIT method->activated(occlusion);

        // The map drawn is the occlusion map of that token, not the attention.
        const app::AttentionGrid expected = result->attention->grid(app::AttentionMethod::Occlusion, 1);
        QCOMPARE(panel.grid().values, expected.values);
        QVERIFY(panel.grid().maxValue() > 0.f);
        QVERIFY(
            panel.grid().values != result->attention->grid(app::AttentionMethod::CrossAttention, 1).values);
        QCOMPARE(panel.overlays().size(), result->geometry.frames);
        // Occlusion has no layers or heads to choose.
        QVERIFY(!panel.findChild<QComboBox *>(QStringLiteral("layerCombo"))->isEnabled());

        auto *label = panel.findChild<QLabel *>(QStringLiteral("faithfulnessLabel"));
        auto *button = panel.findChild<QAbstractButton *>(QStringLiteral("faithfulnessButton"));
        QVERIFY(label && button);
        QVERIFY(button->isEnabled());
        QVERIFY(!panel.faithfulness());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel.faithfulness().has_value(), kWait);
        const app::FaithfulnessResult &score = *panel.faithfulness();
        QVERIFY(score.deletionAuc >= 0 && score.deletionAuc <= 1);
        QVERIFY(score.insertionAuc >= 0 && score.insertionAuc <= 1);
        QCOMPARE(score.deletion.size(), score.fractions.size());
        QCOMPARE(score.insertion.size(), score.fractions.size());
        // Nothing removed is the untouched clip; everything removed is the fully blurred one.
        QCOMPARE(score.deletion.first(), score.probability);
        QVERIFY(qAbs(score.deletion.last() - score.insertion.first()) < 1e-4);
        QVERIFY(label->text().contains(QLocale().toString(score.deletionAuc, 'f', 2)));
        QVERIFY(label->text().contains(QLocale().toString(score.insertionAuc, 'f', 2)));

        // Another map is another question: the score goes.
        method->setCurrentIndex(method->findText(QStringLiteral("Cross-attention")));
        Q_EMIT method->activated(method->currentIndex());
        QVERIFY(!panel.faithfulness());
        QVERIFY(label->text().isEmpty());
    }
};

QTEST_MAIN(AttentionFaithfulnessTest)
#include "attentionfaithfulnesstest.moc"
