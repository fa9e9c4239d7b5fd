// Importing an official checkpoint from the GUI: the dialog previews the
// bundle the choices make, runs the inspector in its own process, and
// writes and registers the manifest without touching the checkpoint.
#include "ui/model/importbundledialog.h"

#include "tests/support/qtestshared.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-import"));
        QCoreApplication::setApplicationName(QStringLiteral("importbundledialogtest"));
        QSettings().clear();
        QFile::remove(app::BundleRegistry::sharedSettingsPath());
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/models"))
            .removeRecursively();
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

    void anImportNeverOverwritesItAsks()
    {
        const QString fixtures = m_shared + QStringLiteral("/fixtures/");
        app::BundleRegistry registry;
        const auto importCaption
            = [&](const QString &set, ui::ImportConflictChoice answer, QStringList *asked) {
                  ImportBundleDialog dialog(&registry);
                  dialog.setConflictQuestion(
                      [&](const QString &id, const QString &installed, const QString &freeId) {
                          *asked << id << installed << freeId;
                          return answer;
                      });
                  dialog.setConfigFiles(fixtures + set + QStringLiteral("/config_bert.json"),
                      fixtures + set + QStringLiteral("/config.json"));
                  dialog.setCheckpoint(fixtures + set + QStringLiteral("/caption.pth"));
                  return dialog.importBundle();
              };
        const auto checkpointOf = [&](const QString &id) {
            return QFileInfo(registry.resolve(id)->checkpoint).canonicalFilePath();
        };
        const QString a = QFileInfo(fixtures + QStringLiteral("tiny-a/caption.pth")).canonicalFilePath();
        const QString b = QFileInfo(fixtures + QStringLiteral("tiny-b/caption.pth")).canonicalFilePath();

        QStringList asked;
        const Expected<QString> first
            = importCaption(QStringLiteral("tiny-a"), ui::ImportConflictChoice::Cancel, &asked);
        QVERIFY2(first, first ? "" : first.error().message.c_str());
        QVERIFY(asked.isEmpty()); // nothing to ask about yet
        const int installed = registry.bundles().size();

        // Cancel: nothing changes.
        const Expected<QString> cancelled
            = importCaption(QStringLiteral("tiny-b"), ui::ImportConflictChoice::Cancel, &asked);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QCOMPARE(asked.size(), 3);
        QCOMPARE(asked.at(0), *first);
        QVERIFY(!asked.at(1).isEmpty()); // the installed model's name
        QCOMPARE(asked.at(2), *first + QStringLiteral("-2"));
        QCOMPARE(registry.bundles().size(), installed);
        QCOMPARE(checkpointOf(*first), a);

        // Keep both: the new one gets the free id, the first stays as it was.
        asked.clear();
        const Expected<QString> both
            = importCaption(QStringLiteral("tiny-b"), ui::ImportConflictChoice::KeepBoth, &asked);
        QVERIFY2(both, both ? "" : both.error().message.c_str());
        QCOMPARE(*both, *first + QStringLiteral("-2"));
        QCOMPARE(registry.bundles().size(), installed + 1);
        QCOMPARE(checkpointOf(*first), a);
        QCOMPARE(checkpointOf(*both), b);

        // Replace: same id, the new checkpoint.
        const Expected<QString> replaced
            = importCaption(QStringLiteral("tiny-b"), ui::ImportConflictChoice::Replace, &asked);
        QVERIFY2(replaced, replaced ? "" : replaced.error().message.c_str());
        QCOMPARE(*replaced, *first);
        QCOMPARE(registry.bundles().size(), installed + 1);
        QCOMPARE(checkpointOf(*first), b);
    }

private:
    QString m_shared;
};

QTEST_MAIN(ImportBundleDialogTest)
#include "importbundledialogtest.moc"
