// File ▸ Open Index driven like a user: the server fields become a
// postgresql:// URI (percent-encoded, options as its query), what is wrong
// with them is said in the dialog, a slow server keeps the dialog responsive
// and Esc closes it, an index that opens is remembered in the recent list
// (never with a password), and the main window opens the chosen index again
// at the next start or falls back to the default one, without waiting.
#include "ui/search/openindexdialog.h"

#include "app/retrieval/postgrescatalog.h"
#include "tests/support/eventlagprobe.h"
#include "ui/mainwindow.h"
#include "ui/search/searchview.h"
#include "ui/status/errorbanner.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace mplug2;
using namespace mplug2::ui;

namespace {

/// A loopback port that takes connections and never answers, as a server
/// behind a stalled network does: libpq waits there until connect_timeout.
class SilentServer {
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
            && ::listen(m_fd, 16) == 0
            && ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            m_port = ntohs(address.sin_port);
    }
    ~SilentServer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentServer(const SilentServer &) = delete;
    SilentServer &operator=(const SilentServer &) = delete;
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

template<typename T> T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no %s in the dialog", name);
    return found;
}

QPushButton *openButton(QWidget &dialog)
{
    return child<QDialogButtonBox>(dialog, "")->button(QDialogButtonBox::Open);
}

/// Types `text` as a user would; QTest::keyClicks() only knows ASCII.
void type(QLineEdit *field, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128)
            QTest::keyClick(field, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

void fillServer(OpenIndexDialog &dialog, const QString &host, int port, const QString &database,
    const QString &user, const QString &options)
{
    const auto fill = [&dialog](const char *name, const QString &text) {
        auto *field = child<QLineEdit>(dialog, name);
        field->clear();
        type(field, text);
    };
    fill("host", host);
    child<QSpinBox>(dialog, "port")->setValue(port);
    fill("database", database);
    fill("user", user);
    fill("options", options);
}

/// Every value stored in QSettings, as text.
QString everythingInSettings()
{
    QSettings settings;
    QStringList all;
    for (const QString &key : settings.allKeys())
        all << key + QLatin1Char('=') + settings.value(key).toStringList().join(QLatin1Char('\n'))
                + settings.value(key).toString();
    return all.join(QLatin1Char('\n'));
}

} // namespace

class OpenIndexDialogTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-openindex"));
        QCoreApplication::setApplicationName(QStringLiteral("openindexdialogtest"));
        QSettings().clear();
    }

    void theServerFieldsMakeAPercentEncodedUri()
    {
        OpenIndexDialog dialog;
        dialog.show();
        QTest::mouseClick(child<QRadioButton>(dialog, "serverChoice"), Qt::LeftButton);
        fillServer(dialog, QStringLiteral("db.example.org"), 6543, QStringLiteral("photos & videos #1?"),
            QStringLiteral("ana maría@lab:x"),
            QStringLiteral("sslmode=require application_name='Studio 50%' connect_timeout=7"));
        const Expected<QString> uri = dialog.formLocation();
        QVERIFY2(uri, uri ? "" : uri.error().message.c_str());
        QCOMPARE(*uri,
            QStringLiteral("postgresql://ana%20mar%C3%ADa%40lab%3Ax@db.example.org:6543/"
                           "photos%20&%20videos%20%231%3F?sslmode=require&application_name=Studio%2050%25"
                           "&connect_timeout=7"));
        // What the catalog reads back is what was typed, character for character.
        const Expected<app::PostgresAddress> address = app::PostgresCatalog::parseUri(*uri);
        QVERIFY2(address, address ? "" : address.error().message.c_str());
        QCOMPARE(address->user, QStringLiteral("ana maría@lab:x"));
        QCOMPARE(address->host, QStringLiteral("db.example.org"));
        QCOMPARE(address->port, 6543);
        QCOMPARE(address->database, QStringLiteral("photos & videos #1?"));
        const QList<QPair<QString, QString>> expected {{QStringLiteral("sslmode"), QStringLiteral("require")},
            {QStringLiteral("application_name"), QStringLiteral("Studio 50%")},
            {QStringLiteral("connect_timeout"), QStringLiteral("7")}};
        QCOMPARE(address->parameters, expected);
        QVERIFY(dialog.errorText().isEmpty());

        // Filled again from that URI (a recent entry), the form shows the same fields.
        OpenIndexDialog again;
        again.setLocation(*uri);
        QVERIFY(child<QRadioButton>(again, "serverChoice")->isChecked());
        QCOMPARE(child<QLineEdit>(again, "user")->text(), QStringLiteral("ana maría@lab:x"));
        QCOMPARE(child<QLineEdit>(again, "database")->text(), QStringLiteral("photos & videos #1?"));
        QCOMPARE(child<QSpinBox>(again, "port")->value(), 6543);
        QCOMPARE(child<QLineEdit>(again, "options")->text(),
            QStringLiteral("sslmode=require application_name='Studio 50%' connect_timeout=7"));
        QCOMPARE(*again.formLocation(), *uri);
    }

    void whatIsWrongIsShownInTheDialog_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("said");
        const QString host = QStringLiteral("db.example.org");
        const QString db = QStringLiteral("media");
        QTest::newRow("option without a value") << host << db << QStringLiteral("sslmode") << "name=value";
        QTest::newRow("not a libpq name")
            << host << db << QStringLiteral("ssl-mode=require") << "'ssl-mode' is not a connection parameter";
        QTest::newRow("a password as an option")
            << host << db << QStringLiteral("password=hunter2") << "~/.pgpass or PGPASSWORD";
        QTest::newRow("unclosed quote")
            << host << db << QStringLiteral("application_name='x") << "closing quote";
        QTest::newRow("a ';' in a value")
            << host << db << QStringLiteral("application_name=a;b") << "cannot contain ';'";
        QTest::newRow("no host") << QString() << db << QString() << "host name";
        QTest::newRow("no database") << host << QString() << QString() << "name of the database";
        QTest::newRow("a '/' in the database") << host << QStringLiteral("a/b") << QString() << "'/'";
    }
    void whatIsWrongIsShownInTheDialog()
    {
        QFETCH(QString, host);
        QFETCH(QString, database);
        QFETCH(QString, options);
        QFETCH(QString, said);
        OpenIndexDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(child<QRadioButton>(dialog, "serverChoice"), Qt::LeftButton);
        fillServer(dialog, host, 5432, database, QStringLiteral("ana"), options);
        QTest::mouseClick(openButton(dialog), Qt::LeftButton);
        auto *error = child<QLabel>(dialog, "openIndexError");
        QVERIFY2(error->isVisible() && error->text().contains(said), qPrintable(error->text()));
        // Inline, not in a message box; nothing is being opened; the dialog stays.
        QVERIFY(!QApplication::activeModalWidget() || QApplication::activeModalWidget() == &dialog);
        QVERIFY(dialog.findChildren<QMessageBox *>().isEmpty());
        QVERIFY(!dialog.isOpening());
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!everythingInSettings().contains(QStringLiteral("hunter2")));
        // Mended, the error goes.
        QTest::mouseClick(child<QRadioButton>(dialog, "fileChoice"), Qt::LeftButton);
        dialog.setLocation(m_dir.filePath(QStringLiteral("mended.sqlite")));
        QVERIFY(error->isHidden());
    }

    void anIndexFileOpensAndIsRemembered()
    {
        QSettings().remove(QStringLiteral("search/recentIndexes"));
        const QString path = m_dir.filePath(QStringLiteral("new-index.sqlite"));
        OpenIndexDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(child<QLineEdit>(dialog, "indexPath"), path);
        QTest::mouseClick(openButton(dialog), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.openedLocation(), path);
        QVERIFY(QFile::exists(path)); // a new name makes a new index
        QCOMPARE(OpenIndexDialog::recentLocations(), QStringList {path});
        QCOMPARE(
            QSettings().value(QStringLiteral("search/recentIndexes")).toStringList(), QStringList {path});
    }

    void aFileThatIsNoIndexIsRefusedInTheDialog()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        OpenIndexDialog dialog;
        dialog.show();
        dialog.setLocation(path);
        QTest::mouseClick(openButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isOpening());
        QVERIFY2(!dialog.errorText().isEmpty(), "no error shown");
        QVERIFY(dialog.isVisible());
        QVERIFY(!OpenIndexDialog::recentLocations().contains(path));
    }

    void theRecentListKeepsTheLastEightAndFillsTheForm()
    {
        QStringList opened;
        for (int i = 0; i < OpenIndexDialog::kMaxRecent + 2; ++i) {
            OpenIndexDialog dialog;
            dialog.show();
            const QString path = m_dir.filePath(QStringLiteral("recent-%1.sqlite").arg(i));
            dialog.setLocation(path);
            dialog.openIndex();
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
            opened.prepend(path);
        }
        QCOMPARE(OpenIndexDialog::recentLocations(), opened.mid(0, OpenIndexDialog::kMaxRecent));

        // A server among them (as an earlier session stored it): choosing it fills the server fields.
        const QString uri = QStringLiteral("postgresql://ana@db.example.org:6543/media?sslmode=require");
        QSettings().setValue(QStringLiteral("search/recentIndexes"), QStringList {uri} + opened.mid(0, 3));
        OpenIndexDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *recent = child<QTreeWidget>(dialog, "recentIndexes");
        QCOMPARE(recent->topLevelItemCount(), 4);
        QCOMPARE(recent->topLevelItem(0)->text(0), QStringLiteral("media on db.example.org"));
        QTest::mouseClick(
            recent->viewport(), Qt::LeftButton, {}, recent->visualItemRect(recent->topLevelItem(0)).center());
        QVERIFY(child<QRadioButton>(dialog, "serverChoice")->isChecked());
        QCOMPARE(child<QLineEdit>(dialog, "host")->text(), QStringLiteral("db.example.org"));
        QCOMPARE(child<QSpinBox>(dialog, "port")->value(), 6543);
        QCOMPARE(child<QLineEdit>(dialog, "database")->text(), QStringLiteral("media"));
        QCOMPARE(child<QLineEdit>(dialog, "user")->text(), QStringLiteral("ana"));
        QCOMPARE(child<QLineEdit>(dialog, "options")->text(), QStringLiteral("sslmode=require"));
        QCOMPARE(*dialog.formLocation(), uri);
        QTest::mouseClick(
            recent->viewport(), Qt::LeftButton, {}, recent->visualItemRect(recent->topLevelItem(1)).center());
        QVERIFY(child<QRadioButton>(dialog, "fileChoice")->isChecked());
        QCOMPARE(*dialog.formLocation(), opened.first());
        QVERIFY(!everythingInSettings().contains(QStringLiteral("password"), Qt::CaseInsensitive));
    }

    void aSilentServerKeepsTheDialogResponsiveAndEscClosesIt()
    {
        SilentServer silent;
        QVERIFY(silent.port() > 0);
        OpenIndexDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(child<QRadioButton>(dialog, "serverChoice"), Qt::LeftButton);
        fillServer(dialog, QStringLiteral("127.0.0.1"), silent.port(), QStringLiteral("media"),
            QStringLiteral("ana"), QStringLiteral("connect_timeout=3 sslmode=disable"));
        test::EventLagProbe probe;
        probe.start();
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(openButton(dialog), Qt::LeftButton);
        QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(dialog.isOpening());
        QVERIFY(child<QProgressBar>(dialog, "busy")->isVisible());
        QVERIFY(!openButton(dialog)->isEnabled());
        QTest::qWait(1000); // the server says nothing meanwhile
        QVERIFY(dialog.isOpening());
        const test::EventLagProbe::Stalls stalls = probe.stop();
        QVERIFY2(stalls.ownMs < 200, qPrintable(QString::number(stalls.ownMs)));
        clock.restart();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // The attempt runs out later, unheard: it neither reopens nor accepts the dialog.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isOpening(), 10000);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }

    void aServerThatCannotBeReachedIsSaidInTheDialog()
    {
        SilentServer silent;
        OpenIndexDialog dialog;
        dialog.show();
        QTest::mouseClick(child<QRadioButton>(dialog, "serverChoice"), Qt::LeftButton);
        fillServer(dialog, QStringLiteral("127.0.0.1"), silent.port(), QStringLiteral("media"),
            QStringLiteral("ana"), QStringLiteral("connect_timeout=2 sslmode=disable"));
        QTest::mouseClick(openButton(dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isOpening(), 10000);
        QVERIFY2(
            dialog.errorText().contains(QStringLiteral("cannot connect")), qPrintable(dialog.errorText()));
        QVERIFY(dialog.isVisible());
        QVERIFY(openButton(dialog)->isEnabled());
        QVERIFY(child<QLineEdit>(dialog, "host")->isEnabled());
    }

    // MainWindow's part: File ▸ Open Index… switches the search dock and the next start opens it again.
    void theMainWindowOpensTheChosenIndexAgainAtTheNextStart()
    {
        QSettings().remove(QStringLiteral("search/currentIndex"));
        const QString path = m_dir.filePath(QStringLiteral("chosen.sqlite"));
        {
            MainWindow window;
            QCOMPARE(window.searchView()->catalogLocation(), SearchView::defaultCatalogLocation());
            bool drove = false;
            QTimer::singleShot(0, this, [&drove, path] {
                auto *dialog = qobject_cast<OpenIndexDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("indexPath"));
                field->clear();
                QTest::keyClicks(field, path);
                QTest::mouseClick(
                    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open), Qt::LeftButton);
                drove = true;
            });
            window.findChild<QAction *>(QStringLiteral("actionOpenIndex"))->trigger();
            QVERIFY(drove);
            QCOMPARE(window.searchView()->catalogLocation(), path);
            QVERIFY2(window.searchView()
                         ->findChild<QLabel *>(QStringLiteral("indexName"))
                         ->text()
                         .contains(QStringLiteral("chosen.sqlite")),
                qPrintable(window.searchView()->findChild<QLabel *>(QStringLiteral("indexName"))->text()));
        }
        QCOMPARE(QSettings().value(QStringLiteral("search/currentIndex")).toString(), path);
        MainWindow again;
        QCOMPARE(again.searchView()->catalogLocation(), path);
    }

    void anIndexThatCannotBeOpenedAtStartFallsBackWithoutWaiting_data()
    {
        QTest::addColumn<QString>("location"); // PORT: a server that never answers
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("why");
        QTest::newRow("a silent server")
            << QStringLiteral("postgresql://ana@127.0.0.1:PORT/media?connect_timeout=2&sslmode=disable")
            << "media on 127.0.0.1"
            << "cannot connect";
        QTest::newRow("a file on a drive not mounted")
            << QStringLiteral("/nonexistent-drive/indexes/lab.sqlite") << "lab.sqlite"
            << "folder is missing";
    }
    void anIndexThatCannotBeOpenedAtStartFallsBackWithoutWaiting()
    {
        QFETCH(QString, location);
        QFETCH(QString, name);
        QFETCH(QString, why);
        SilentServer silent;
        location.replace(QStringLiteral("PORT"), QString::number(silent.port()));
        QSettings().setValue(QStringLiteral("search/currentIndex"), location);
        QElapsedTimer clock;
        clock.start();
        MainWindow window;
        // Start-up does not wait for the server: the check runs on while the window shows.
        QCOMPARE(window.searchView()->catalogLocation(), location);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.searchView()->catalogLocation(), SearchView::defaultCatalogLocation(), 10000);
        QVERIFY2(window.errorBanner()->isVisible() && window.errorBanner()->message().contains(name),
            qPrintable(window.errorBanner()->message()));
        QVERIFY2(window.errorBanner()->details().contains(why), qPrintable(window.errorBanner()->details()));
        // Remembered still: the server (or the drive) may be back at the next start.
        QCOMPARE(QSettings().value(QStringLiteral("search/currentIndex")).toString(), location);
        QSettings().remove(QStringLiteral("search/currentIndex"));
    }
};

QTEST_MAIN(OpenIndexDialogTest)
#include "openindexdialogtest.moc"
