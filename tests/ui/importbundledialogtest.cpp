// Importing an official checkpoint from the GUI: the dialog previews the
// bundle the choices make, runs the inspector in its own process, and
// writes and registers the manifest without touching the checkpoint.
#include "ui/model/importbundledialog.h"

#include "tests/support/qtestshared.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace mplug2;
using mplug2::ui::ImportBundleDialog;

class ImportBundleDialogTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test"));
        QCoreApplication::setApplicationName(QStringLiteral("importbundledialogtest"));
        QSettings().clear();
    }

    void previewsInspectsAndImports()
    {
        const QString fixtures = m_shared + QStringLiteral("/fixtures/");
        app::BundleRegistry registry;
        ImportBundleDialog dialog(&registry);
        QVERIFY(!dialog.bundle()); // nothing chosen yet
        QSignalSpy reported(&dialog, &ImportBundleDialog::reportReady);
        dialog.setVocabulary(
            QStringLiteral(MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt"));
        dialog.setKind(app::ModelKind::Qa);
        dialog.setConfigFiles(fixtures + QStringLiteral("tiny-a/config_bert.json"),
            fixtures + QStringLiteral("tiny-a/config.json"));
        dialog.setCheckpoint(fixtures + QStringLiteral("tiny-a/qa.pth"));
        QVERIFY(reported.wait(60000));
        QVERIFY(!dialog.report().isEmpty());

        const Expected<app::ModelBundle> preview = dialog.bundle();
        QVERIFY2(preview, preview ? "" : preview.error().message.c_str());
        QCOMPARE(preview->kind, app::ModelKind::Qa);
        QCOMPARE(preview->numFrames, 4); // from the model config
        QCOMPARE(preview->imageRes, 56);
        const QString shown
            = dialog.findChild<QPlainTextEdit *>(QStringLiteral("configPreview"))->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("num_attention_heads")), qPrintable(shown));

        const Expected<QString> id = dialog.importBundle();
        QVERIFY2(id, id ? "" : id.error().message.c_str());
        const Expected<app::ModelBundle> registered = registry.resolve(*id);
        QVERIFY2(registered, registered ? "" : registered.error().message.c_str());
        QCOMPARE(QFileInfo(registered->checkpoint).canonicalFilePath(),
            QFileInfo(fixtures + QStringLiteral("tiny-a/qa.pth")).canonicalFilePath());
        QVERIFY(registered->manifestPath.startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void missingCheckpointSaysSo()
    {
        app::BundleRegistry registry;
        ImportBundleDialog dialog(&registry);
        dialog.setCheckpoint(QStringLiteral("/nonexistent/model.pth"));
        const Expected<app::ModelBundle> bundle = dialog.bundle();
        QVERIFY(!bundle);
        QVERIFY2(QString::fromStdString(bundle.error().message).contains(QStringLiteral("model.pth")),
            bundle.error().message.c_str());
        QVERIFY(!dialog.importBundle());
    }

private:
    QString m_shared;
};

QTEST_MAIN(ImportBundleDialogTest)
#include "importbundledialogtest.moc"
