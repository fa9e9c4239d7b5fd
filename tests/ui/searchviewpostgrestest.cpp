// The search dock on a shared index: media indexed into a throwaway
// PostgreSQL server are found after the server is opened through File ▸
// Open Index (fields typed, Open clicked), thumbnails come from it, the
// dock's own indexing goes there too, and the recent list holds the URI
// without the password.
#include "app/retrieval/catalog.h"
#include "tests/app/retrieval/retrievaltestsupport.h"
#include "tests/support/throwawaypostgres.h"
#include "ui/search/indexingbar.h"
#include "ui/search/openindexdialog.h"
#include "ui/search/searchresultsmodel.h"
#include "ui/search/searchview.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mplug2;
using namespace mplug2::test;
using namespace mplug2::ui;

namespace {

void writeFiles(const QString &folder, const QStringList &names)
{
    QDir().mkpath(folder);
    for (const QString &name : names) {
        QFile f(folder + QLatin1Char('/') + name);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.write(name.toUtf8());
    }
}

QPushButton *button(QWidget &parent, const QString &text)
{
    for (QPushButton *b : parent.findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

void clickOpen(OpenIndexDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open), Qt::LeftButton);
}

} // namespace

class SearchViewPostgresTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ThrowawayPostgres m_pg;

    /// The paths of the results shown, best first.
    static QStringList shownPaths(SearchView &view)
    {
        QStringList paths;
        for (int r = 0; r < view.resultsModel()->rowCount(); ++r)
            paths << view.resultsModel()->index(r).data(SearchResultsModel::PathRole).toString();
        return paths;
    }

    static void searchFor(SearchView &view, const QString &text)
    {
        QSignalSpy shown(&view, &SearchView::resultsShown);
        auto *query = view.findChild<QLineEdit *>();
        query->clear();
        QTest::keyClicks(query, text);
        QTest::mouseClick(button(view, QStringLiteral("Search")), Qt::LeftButton);
        QVERIFY(shown.wait(20000));
        QVERIFY2(shown.first().first().toInt() > 0, qPrintable(view.statusText()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-searchviewpostgres"));
        QCoreApplication::setApplicationName(QStringLiteral("searchviewpostgrestest"));
        QSettings().clear();
    }

    void aSharedIndexOpenedInTheDialogIsSearched()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        // A database name that must be percent-encoded in the URI, end to end.
        const QString database = QStringLiteral("gui index #1");
        QVERIFY2(!m_pg.newDatabase(database).isEmpty(), qPrintable(m_pg.lastOutput()));
        const QString uri = QStringLiteral("postgresql://%1@127.0.0.1:%2/gui%20index%20%231")
                                .arg(QLatin1String(ThrowawayPostgres::kUser))
                                .arg(m_pg.port());

        // Someone indexed a gallery into the server, with the model this view runs.
        const QString gallery = m_dir.filePath(QStringLiteral("gallery"));
        writeFiles(gallery,
            {QStringLiteral("red_circle.png"), QStringLiteral("blue_square.mp4"),
                QStringLiteral("green_triangle.png")});
        auto engine = loadedWordEngine(m_dir.path());
        const app::IndexSummary stored = runIndexJob(*engine, uri, {gallery});
        QCOMPARE(stored.status, app::IndexJobStatus::Finished);
        QCOMPARE(stored.indexed, 3);
        {
            // One of them has a caption (as mplug2 index --captions stores it): the results show it.
            auto catalog = std::move(*app::Catalog::open(uri));
            app::IndexedMedia m;
            m.entry = **catalog->entry(gallery + QStringLiteral("/blue_square.mp4"));
            m.modelKey = QStringLiteral("captions");
            m.caption = app::StoredCaption {QStringLiteral("a blue square turns"), QStringLiteral("{}")};
            QVERIFY(catalog->storeIndexed(m));
        }

        // The dock starts on a local index file that holds none of them.
        const QString local = m_dir.filePath(QStringLiteral("local.sqlite"));
        SearchView view(engine.get(), local);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        OpenIndexDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("serverChoice")), Qt::LeftButton);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("host")), QStringLiteral("127.0.0.1"));
        dialog.findChild<QSpinBox *>(QStringLiteral("port"))->setValue(m_pg.port());
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("database")), database);
        QTest::keyClicks(
            dialog.findChild<QLineEdit *>(QStringLiteral("user")), QLatin1String(ThrowawayPostgres::kUser));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("options")),
            QStringLiteral("connect_timeout=10 application_name='mPLUG-2 Studio'"));
        clickOpen(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isOpening(), 20000);
        QVERIFY2(dialog.result() == QDialog::Accepted, qPrintable(dialog.errorText()));
        const QString opened = dialog.openedLocation();
        QCOMPARE(opened, uri + QStringLiteral("?connect_timeout=10&application_name=mPLUG-2%20Studio"));
        QVERIFY(view.setCatalogLocation(opened));
        QCOMPARE(view.catalogLocation(), opened);
        // The dock names the index: "database on host", the whole URI in the tooltip.
        const QLabel *name = view.findChild<QLabel *>(QStringLiteral("indexName"));
        QVERIFY2(
            name->text().contains(QStringLiteral("gui index #1 on 127.0.0.1")), qPrintable(name->text()));
        QVERIFY2(name->toolTip().contains(opened), qPrintable(name->toolTip()));
        // The dock's folder filter lists the server's folders (read off the GUI thread).
        QTRY_COMPARE_WITH_TIMEOUT(view.indexingBar()->indexedFolders(), QStringList {gallery}, 10000);

        searchFor(view, QStringLiteral("a blue square"));
        QStringList paths = shownPaths(view);
        QCOMPARE(paths.size(), 3);
        QCOMPARE(paths.first(), gallery + QStringLiteral("/blue_square.mp4"));
        for (const QString &path : std::as_const(paths))
            QVERIFY2(path.startsWith(gallery + QLatin1Char('/')), qPrintable(path));
        QCOMPARE(view.resultsModel()->index(0).data(SearchResultsModel::CaptionRole).toString(),
            QStringLiteral("a blue square turns"));
        QVERIFY(view.resultsModel()
                    ->index(0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("a blue square turns")));
        QVERIFY(view.resultsModel()->index(1).data(SearchResultsModel::CaptionRole).toString().isEmpty());
        // Thumbnails come from the server catalog too.
        QVERIFY(!view.resultsModel()->index(0).data(Qt::DecorationRole).value<QImage>().isNull());
        QVERIFY2(!QFile::exists(local), "the local index file was created");

        // Indexing a folder from the dock adds it to the server's index.
        const QString more = m_dir.filePath(QStringLiteral("more"));
        writeFiles(more, {QStringLiteral("yellow_circle.mp4")});
        QSignalSpy indexed(view.indexingBar(), &IndexingBar::jobFinished);
        QVERIFY(view.indexingBar()->indexFolders({more}));
        QVERIFY(indexed.wait(60000));
        QCOMPARE(indexed.first().first().value<app::IndexSummary>().status, app::IndexJobStatus::Finished);
        {
            auto catalog = app::Catalog::open(uri);
            QVERIFY2(catalog, catalog ? "" : catalog.error().message.c_str());
            QCOMPARE(*(*catalog)->entryCount(), 4);
            QVERIFY(*(*catalog)->entry(more + QStringLiteral("/yellow_circle.mp4")));
        }
        QVERIFY2(!QFile::exists(local), "the dock indexed into the local file");
        searchFor(view, QStringLiteral("yellow circle"));
        paths = shownPaths(view);
        QCOMPARE(paths.size(), 4);
        QCOMPARE(paths.first(), more + QStringLiteral("/yellow_circle.mp4"));

        // The recent list holds the URI; nothing in the settings holds the password.
        QCOMPARE(OpenIndexDialog::recentLocations(), QStringList {opened});
        QSettings settings;
        for (const QString &key : settings.allKeys()) {
            const QString value
                = settings.value(key).toStringList().join(u'\n') + settings.value(key).toString();
            QVERIFY2(!value.contains(QLatin1String(ThrowawayPostgres::kPassword)), qPrintable(key));
            QVERIFY2(!value.contains(QStringLiteral("password"), Qt::CaseInsensitive), qPrintable(key));
        }

        // Back to the local file, then the server again from the recent list.
        QVERIFY(view.setCatalogLocation(local));
        QCOMPARE(view.resultsModel()->rowCount(), 0);
        OpenIndexDialog again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        auto *recent = again.findChild<QTreeWidget *>(QStringLiteral("recentIndexes"));
        QCOMPARE(recent->topLevelItemCount(), 1);
        QTest::mouseClick(
            recent->viewport(), Qt::LeftButton, {}, recent->visualItemRect(recent->topLevelItem(0)).center());
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("database"))->text(), database);
        clickOpen(again);
        QTRY_VERIFY_WITH_TIMEOUT(!again.isOpening(), 20000);
        QVERIFY2(again.result() == QDialog::Accepted, qPrintable(again.errorText()));
        QCOMPARE(again.openedLocation(), opened);
        QVERIFY(view.setCatalogLocation(again.openedLocation()));
        searchFor(view, QStringLiteral("green triangle"));
        QCOMPARE(shownPaths(view).first(), gallery + QStringLiteral("/green_triangle.png"));
    }
};

QTEST_MAIN(SearchViewPostgresTest)
#include "searchviewpostgrestest.moc"
