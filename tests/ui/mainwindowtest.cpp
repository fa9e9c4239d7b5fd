// The main window as a user meets it: menus, opening files, recent files,
// the About dialog with licences, and the real executable starting offscreen.
#include "ui/mainwindow.h"

#include "app/bundle/bundleregistry.h"
#include "tests/support/eventlagprobe.h"
#include "ui/aboutdialog.h"
#include "ui/media/mediapanel.h"
#include "ui/status/errorbanner.h"
#include "ui/task/taskpanel.h"
#include "ui/viewer/mediaviewer.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using mplug2::ui::AboutDialog;
using mplug2::ui::MainWindow;
using mplug2::ui::StudioTask;

class MainWindowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-mainwindow"));
        QCoreApplication::setApplicationName(QStringLiteral("mainwindowtest"));
        QSettings().clear();
        QFile::remove(mplug2::app::BundleRegistry::sharedSettingsPath());
    }

    void hasFileAndHelpMenus()
    {
        MainWindow w;
        QStringList titles;
        for (QAction *a : w.menuBar()->actions())
            titles << a->text();
        QVERIFY2(titles.contains(QStringLiteral("&File")), qPrintable(titles.join(',')));
        QVERIFY2(titles.contains(QStringLiteral("&Help")), qPrintable(titles.join(',')));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("actionOpen")));
        QCOMPARE(w.findChild<QAction *>(QStringLiteral("actionOpen"))->shortcut(),
            QKeySequence(QKeySequence::Open));
    }

    void openMediaListsFilesAndRemembersThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(QStringLiteral("a.png"));
        const QString b = dir.filePath(QStringLiteral("b.mp4"));
        for (const QString &f : {a, b}) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        {
            MainWindow w;
            w.openMedia({a, b, dir.filePath(QStringLiteral("missing.mp4")), a});
            QCOMPARE(w.mediaFiles(), QStringList({a, b}));
            QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("missing.mp4")));
        }
        MainWindow again;
        auto *recent = again.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent);
        QVERIFY(recent->isEnabled());
        QCOMPARE(recent->actions().size(), 2);
        QCOMPARE(recent->actions().first()->toolTip(), a); // opened last (again)
    }

    void openingAFolderOfAHundredThousandEntriesKeepsTheWindowResponsive()
    {
        // 100,000 entries in 100 sub-folders: 60,000 pictures and videos, 40,000 other files, and a
        // hidden folder whose files are skipped. The scan runs off the GUI thread and the list fills
        // a batch at a time.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(QStringLiteral("archive"));
        int media = 0;
        for (int folder = 0; folder < 100; ++folder) {
            const QString sub = root + QStringLiteral("/f%1").arg(folder, 3, 10, QLatin1Char('0'));
            QVERIFY(QDir().mkpath(sub));
            for (int i = 0; i < 1000; ++i) {
                const char *ext = i % 5 == 0 ? "mp4" : i % 5 < 3 ? "png" : i % 5 == 3 ? "txt" : "json";
                const bool isMedia = i % 5 < 3;
                QFile f(
                    sub + QStringLiteral("/e%1.%2").arg(i, 4, 10, QLatin1Char('0')).arg(QLatin1String(ext)));
                QVERIFY(f.open(QIODevice::WriteOnly));
                media += isMedia ? 1 : 0;
            }
        }
        QVERIFY(QDir().mkpath(root + QStringLiteral("/.hidden")));
        QFile hidden(root + QStringLiteral("/.hidden/secret.png"));
        QVERIFY(hidden.open(QIODevice::WriteOnly));
        QCOMPARE(media, 60000);

        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        mplug2::test::EventLagProbe probe;
        probe.start();
        QElapsedTimer clock;
        clock.start();
        w.openMedia({root});
        QVERIFY(w.isOpeningFolder());
        QTRY_VERIFY_WITH_TIMEOUT(!w.isOpeningFolder(), 120000);
        const mplug2::test::EventLagProbe::Stalls stalls = probe.stop();
        qInfo(
            "opened %lld files in %lld ms; longest event-loop stall %.1f ms own, %.1f ms wall over %d ticks",
            qint64(w.mediaFiles().size()), clock.elapsed(), stalls.ownMs, stalls.wallMs, stalls.ticks);
        QCOMPARE(w.mediaFiles().size(), media);
        QVERIFY(!w.mediaFiles().contains(root + QStringLiteral("/.hidden/secret.png")));
        QVERIFY2(stalls.ownMs <= 50.0, qPrintable(QString::number(stalls.ownMs)));
        // Open Recent lists the folder, not its files.
        auto *recent = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QCOMPARE(recent->actions().first()->toolTip(), root);
        QVERIFY(recent->actions().size() <= 10);

        // Esc while a folder opens stops it and says so.
        MainWindow other;
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        // A second open replaces the first: the first one's end must not hide the second's progress.
        other.openMedia({root});
        other.openMedia({root});
        QTest::qWait(100);
        QVERIFY(other.isOpeningFolder());
        QVERIFY(other.findChild<QLabel *>(QStringLiteral("folderStatus"))->isVisible());
        QVERIFY(other.isOpeningFolder());
        clock.restart();
        other.findChild<QAction *>(QStringLiteral("actionCancel"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!other.isOpeningFolder(), 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(other.mediaFiles().size() < media);
        QTRY_VERIFY(other.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
    }

    void openingAFileShowsItEvenWhenAnotherIsOpen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(QStringLiteral("a.png"));
        const QString b = dir.filePath(QStringLiteral("b.png"));
        for (const QString &f : {a, b}) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        MainWindow w;
        w.openMedia({a});
        QCOMPARE(w.mediaPanel()->currentFile(), a);
        w.openMedia({b});
        QCOMPARE(w.mediaPanel()->currentFile(), b);
        QCOMPARE(w.viewer()->mediaPath(), b);
        w.openMedia({a}); // already listed: shown again
        QCOMPARE(w.mediaPanel()->currentFile(), a);
    }

    void anErrorAboutTheMediaGoesWhenOtherMediaIsShown()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString good = dir.filePath(QStringLiteral("good.png"));
        QImage picture(64, 48, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        QVERIFY(picture.save(good));
        const QString truncated = dir.filePath(QStringLiteral("truncated.png"));
        {
            QFile full(good);
            QVERIFY(full.open(QIODevice::ReadOnly));
            QFile cut(truncated);
            QVERIFY(cut.open(QIODevice::WriteOnly));
            cut.write(full.read(40));
        }
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // "Open a picture or a video first." goes once one is open.
        QVERIFY(w.loadStartupModel());
        w.taskPanel()->setTask(StudioTask::Caption);
        QVERIFY(!w.runTask().isValid());
        QVERIFY(w.errorBanner()->isVisibleTo(&w));
        QVERIFY2(w.errorBanner()->message().contains(QStringLiteral("first")),
            qPrintable(w.errorBanner()->message()));
        w.openMedia({good});
        QVERIFY(!w.errorBanner()->isVisibleTo(&w));
        // A truncated file's error goes when a good picture is shown.
        w.openMedia({truncated});
        QTRY_VERIFY_WITH_TIMEOUT(w.errorBanner()->isVisibleTo(&w), 10000);
        w.openMedia({good});
        QVERIFY(!w.errorBanner()->isVisibleTo(&w));
        QTest::qWait(300); // nothing about the old file comes back late
        QVERIFY(!w.errorBanner()->isVisibleTo(&w));
    }

    void windowGeometryPersists()
    {
        {
            MainWindow w;
            w.resize(900, 640);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.close();
        }
        MainWindow w;
        QCOMPARE(w.size(), QSize(900, 640));
    }

    void windowStateAndOptionsSurviveARestart()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.findChild<QDockWidget *>(QStringLiteral("attentionDock"))->hide();
            w.taskPanel()->setTask(StudioTask::Ask);
            w.taskPanel()->rememberQuestion(QStringLiteral("what is the man doing?"));
            w.taskPanel()->rememberQuestion(QStringLiteral("is it raining?"));
            w.findChild<QSpinBox *>(QStringLiteral("framesSpin"))->setValue(8);
            w.findChild<QSlider *>(QStringLiteral("opacitySlider"))->setValue(70);
            w.close();
        }
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("attentionDock"))->isHidden());
        QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("resultsDock"))->isHidden());
        QCOMPARE(w.taskPanel()->task(), StudioTask::Ask);
        QCOMPARE(w.taskPanel()->questionHistory(),
            QStringList({QStringLiteral("is it raining?"), QStringLiteral("what is the man doing?")}));
        QCOMPARE(w.findChild<QSpinBox *>(QStringLiteral("framesSpin"))->value(), 8);
        QCOMPARE(w.findChild<QSlider *>(QStringLiteral("opacitySlider"))->value(), 70);
        w.findChild<QDockWidget *>(QStringLiteral("attentionDock"))->show();
        w.close();
    }

    void shortcutsAreThere()
    {
        MainWindow w;
        const auto shortcut = [&w](const char *name) {
            auto *action = w.findChild<QAction *>(QLatin1String(name));
            return action ? action->shortcut() : QKeySequence();
        };
        QCOMPARE(shortcut("actionRun"), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(shortcut("actionCancel"), QKeySequence(Qt::Key_Escape));
        QCOMPARE(shortcut("actionExport"), QKeySequence(Qt::CTRL | Qt::Key_E));
        QCOMPARE(shortcut("actionNextFrame"), QKeySequence(Qt::Key_Period));
        QCOMPARE(shortcut("actionAsk"), QKeySequence(Qt::CTRL | Qt::Key_L));
    }

    void runWithoutModelExplainsWhy()
    {
        MainWindow w;
        QVERIFY(!w.runTask().isValid());
        QVERIFY(w.errorBanner()->isVisibleTo(&w));
        QVERIFY(!w.errorBanner()->message().isEmpty());
    }

    void controlsHaveAccessibleNames()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList unnamed;
        for (QWidget *widget : w.findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QSlider *>(widget)
                || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractItemView *>(widget);
            // Qt's own parts (popup lists, clear buttons, headers) and hidden widgets are not ours to name.
            const QByteArray cls = widget->metaObject()->className();
            const bool internal
                = cls == "QComboBoxListView" || cls == "QLineEditIconButton" || cls == "QHeaderView";
            if (!control || internal || widget->isHidden()
                || widget->objectName().startsWith(QLatin1String("qt_"))
                || qobject_cast<QComboBox *>(widget->parentWidget())
                || qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                || qobject_cast<QDockWidget *>(widget->parentWidget()))
                continue;
            const auto *button = qobject_cast<QAbstractButton *>(widget);
            if (widget->accessibleName().isEmpty() && !(button && !button->text().isEmpty()))
                unnamed << QStringLiteral("%1 (%2)").arg(
                    widget->objectName(), widget->metaObject()->className());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void aboutListsLicences()
    {
        AboutDialog dialog;
        auto *browser = dialog.findChild<QTextBrowser *>(QStringLiteral("licenceBrowser"));
        QVERIFY(browser);
        const QString text = browser->toPlainText();
        for (const char *name : {"Qt", "LibTorch", "libavcodec", "OpenCV", "BERT"})
            QVERIFY2(text.contains(QLatin1String(name)), name);
        QVERIFY(text.contains(QStringLiteral("BSD-3-Clause")));
    }

    void studioExecutableStartsOffscreenAndQuits()
    {
        QTemporaryDir dir;
        const QString shot = dir.filePath(QStringLiteral("window.png"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MPLUG2_STUDIO_PATH), {QStringLiteral("--screenshot"), shot});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QImage image(shot);
        QVERIFY2(!image.isNull(), "no screenshot written");
        QVERIFY(image.width() >= 320 && image.height() >= 240);
    }

    void studioSpeaksTheLanguageAskedFor()
    {
        const auto help = [](const QStringList &language) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
            env.remove(QStringLiteral("LANGUAGE"));
            env.remove(QStringLiteral("LC_ALL"));
            env.remove(QStringLiteral("LC_MESSAGES"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(MPLUG2_STUDIO_PATH), language + QStringList {QStringLiteral("--help")});
            p.waitForFinished(60000);
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        const QString english = QStringLiteral("Caption the first media file at start.");
        QVERIFY(help({}).contains(english));
        const QString chinese = help({QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QVERIFY2(!chinese.contains(english), qPrintable(chinese));
        QVERIFY2(chinese.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))),
            qPrintable(chinese));
        QCOMPARE(help({QStringLiteral("--lang=zh_CN")}), chinese);
    }
};

QTEST_MAIN(MainWindowTest)
#include "mainwindowtest.moc"
