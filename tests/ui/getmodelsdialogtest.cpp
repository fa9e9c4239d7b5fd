// Model ▸ Get Models as a user meets it, offscreen: the licence is asked
// once; a download is started and cancelled (within 200 ms, the partial
// file kept); the dialog is closed and opened again, as after a restart of
// the app; Resume Download finishes from where it stopped (the server sees a
// Range request), and the model is in Manage Models. The catalogue points at
// a loopback server that serves a fixture checkpoint slowly enough to cancel.
#include "ui/model/getmodelsdialog.h"

#include "tests/app/zoo/testhttpserver.h"
#include "tests/support/qtestshared.h"
#include "ui/model/modelmanagerdialog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mplug2;
using mplug2::ui::GetModelsDialog;

class GetModelsDialogTest : public QObject {
    Q_OBJECT

    QString m_shared;
    QTemporaryDir m_dir;
    std::unique_ptr<test::TestHttpServer> m_server;
    app::ModelCatalogue m_catalogue;
    int m_licenceAsked = 0;

    std::unique_ptr<GetModelsDialog> openDialog(app::BundleRegistry &registry)
    {
        auto dialog = std::make_unique<GetModelsDialog>(&registry);
        dialog->setStore(app::ModelStore(m_dir.filePath(QStringLiteral("models"))));
        dialog->setCatalogue(m_catalogue);
        dialog->setLicenceQuestion([this](const QString &text) {
            ++m_licenceAsked;
            return text.contains(QStringLiteral("Apache-2.0"));
        });
        dialog->selectModel(QStringLiteral("test-caption"));
        return dialog;
    }

    static QString stateOf(GetModelsDialog &dialog)
    {
        const QTreeWidget *list = dialog.findChild<QTreeWidget *>(QStringLiteral("catalogueList"));
        return list->currentItem() ? list->currentItem()->text(3) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-getmodels"));
        QCoreApplication::setApplicationName(QStringLiteral("getmodelsdialogtest"));
        QSettings().clear();
        QFile::remove(app::BundleRegistry::sharedSettingsPath());
        QFile f(m_shared + QStringLiteral("/fixtures/tiny-a/caption.pth"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_server = std::make_unique<test::TestHttpServer>(f.readAll(), 128 * 1024);
        const QString catalogue = m_dir.filePath(QStringLiteral("catalogue.json"));
        QFile out(catalogue);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QJsonObject model {{QStringLiteral("id"), QStringLiteral("test-caption")},
            {QStringLiteral("name"), QStringLiteral("Test captions")},
            {QStringLiteral("file"), QStringLiteral("caption.pth")},
            {QStringLiteral("url"), QString::fromLatin1(m_server->url("trickle", "caption.pth"))},
            {QStringLiteral("kind"), QStringLiteral("caption")},
            {QStringLiteral("task"), QStringLiteral("video captioning")},
            {QStringLiteral("dataset"), QStringLiteral("tiny")},
            {QStringLiteral("metric"), QStringLiteral("CIDEr")}, {QStringLiteral("score"), 1.5}};
        const QJsonObject root {{QStringLiteral("schema"), 1},
            {QStringLiteral("source"), QStringLiteral("https://example.org/list")},
            {QStringLiteral("license"), QStringLiteral("Apache-2.0")},
            {QStringLiteral("license_url"), QStringLiteral("https://example.org/LICENSE")},
            {QStringLiteral("models"), QJsonArray {model}}};
        out.write(QJsonDocument(root).toJson());
        out.close();
        const Expected<app::ModelCatalogue> loaded = app::ModelCatalogue::load(catalogue);
        QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
        m_catalogue = *loaded;
    }

    void cancelRestartResumeInstall()
    {
        app::BundleRegistry registry;
        const QString part = app::ModelDownload::partialPath(
            m_dir.filePath(QStringLiteral("models/test-caption/caption.pth")));
        {
            auto dialog = openDialog(registry);
            dialog->show();
            QSignalSpy stopped(dialog.get(), &GetModelsDialog::stopped);
            QCOMPARE(stateOf(*dialog), QStringLiteral("Available"));
            QTest::mouseClick(
                dialog->findChild<QPushButton *>(QStringLiteral("downloadButton")), Qt::LeftButton);
            QCOMPARE(m_licenceAsked, 1);
            QVERIFY(dialog->isDownloading());
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 1024 * 1024, 30000);
            QTRY_VERIFY_WITH_TIMEOUT(
                dialog->statusText().contains(QStringLiteral("/s")), 10000); // bytes and rate
            QElapsedTimer clock;
            clock.start();
            QTest::mouseClick(
                dialog->findChild<QPushButton *>(QStringLiteral("cancelDownloadButton")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isDownloading(), 2000);
            QVERIFY2(clock.elapsed() <= 200, qPrintable(QString::number(clock.elapsed())));
            QCOMPARE(stopped.count(), 1);
            QVERIFY2(dialog->statusText().startsWith(QStringLiteral("Cancelled")),
                qPrintable(dialog->statusText()));
            QVERIFY(stateOf(*dialog).contains(QStringLiteral("Download resumes")));
        } // closed, as when the app quits
        const qint64 kept = QFileInfo(part).size();
        QVERIFY(kept > 1024 * 1024);
        QVERIFY(!registry.find(QStringLiteral("test-caption")));

        m_server->clearLog();
        auto dialog = openDialog(registry);
        QSignalSpy installed(dialog.get(), &GetModelsDialog::installed);
        QCOMPARE(dialog->findChild<QPushButton *>(QStringLiteral("downloadButton"))->text(),
            QStringLiteral("&Resume Download"));
        dialog->startDownload();
        QVERIFY(installed.wait(60000));
        QCOMPARE(installed.first().first().toString(), QStringLiteral("test-caption"));
        QCOMPARE(m_licenceAsked, 1); // asked once only
        const QList<test::HttpLogEntry> log = m_server->log();
        QVERIFY(!log.isEmpty());
        QCOMPARE(log.last().range, "bytes=" + QByteArray::number(kept) + '-');
        QCOMPARE(stateOf(*dialog), QStringLiteral("Installed"));

        // ... and Manage Models lists it, downloaded and loadable.
        const std::optional<app::ModelBundle> bundle = registry.find(QStringLiteral("test-caption"));
        QVERIFY(bundle);
        QVERIFY(app::ModelStore::isDownloaded(*bundle));
        app::Engine engine;
        ui::ModelManagerDialog manager(&engine, &registry);
        manager.selectBundle(QStringLiteral("test-caption"));
        QVERIFY(manager.selectedBundle());
        QCOMPARE(manager.selectedBundle()->id, QStringLiteral("test-caption"));
        const QString details
            = manager.findChild<QPlainTextEdit *>(QStringLiteral("bundleDetails"))->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("Memory: about")), qPrintable(details));

        // Removing it there deletes what the download wrote, when asked to.
        const QString folder = QFileInfo(bundle->manifestPath).absolutePath();
        int asked = 0;
        manager.setRemoveQuestion([&](const app::ModelBundle &b) {
            ++asked;
            return b.id == QLatin1String("test-caption") ? ui::ModelManagerDialog::RemoveChoice::DeleteFiles
                                                         : ui::ModelManagerDialog::RemoveChoice::Cancel;
        });
        QTest::mouseClick(
            manager.findChild<QPushButton *>(QStringLiteral("removeBundleButton")), Qt::LeftButton);
        QCOMPARE(asked, 1);
        QVERIFY(!registry.find(QStringLiteral("test-caption")));
        QVERIFY2(!QDir(folder).exists(), qPrintable(folder));
    }
};

QTEST_MAIN(GetModelsDialogTest)
#include "getmodelsdialogtest.moc"
