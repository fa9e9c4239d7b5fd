// SearchView driven like a user: index a folder, type a query and press
// Search, hover a video to play its preview, open a result, ask why it
// matched, export the list.
#include "ui/search/searchview.h"

#include "tests/app/retrieval/retrievaltestsupport.h"
#include "ui/mainwindow.h"
#include "ui/search/indexingbar.h"
#include "ui/search/searchresultdelegate.h"
#include "ui/search/searchresultsmodel.h"
#include "ui/search/whyresultdialog.h"
#include "ui/task/taskpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::test;
using namespace mplug2::ui;

class SearchViewTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_gallery;
    std::unique_ptr<app::Engine> m_engine;
    std::unique_ptr<SearchView> m_view;

    QPushButton *button(const QString &text) const
    {
        for (QPushButton *b : m_view->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }

    int rowOf(const QString &fileName) const
    {
        for (int r = 0; r < m_view->resultsModel()->rowCount(); ++r)
            if (m_view->resultsModel()->index(r).data(Qt::DisplayRole).toString() == fileName)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_gallery = m_dir.filePath(QStringLiteral("gallery"));
        QDir().mkpath(m_gallery);
        for (const char *name :
            {"red_circle.png", "blue_square.mp4", "green_triangle.png", "yellow_circle.mp4"}) {
            QFile f(m_gallery + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(name);
        }
        m_engine = loadedWordEngine(m_dir.path());
        m_view = std::make_unique<SearchView>(m_engine.get(), m_dir.filePath(QStringLiteral("index.sqlite")));
        m_view->resize(900, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QSignalSpy indexed(m_view->indexingBar(), &IndexingBar::jobFinished);
        QVERIFY(m_view->indexingBar()->indexFolders({m_gallery}));
        QVERIFY(indexed.wait(30000));
        QCOMPARE(indexed.first().first().value<app::IndexSummary>().indexed, 4);
        QCOMPARE(m_view->indexingBar()->indexedFolders(), QStringList {m_gallery});
    }

    void typingAQueryAndPressingSearchShowsRankedThumbnails()
    {
        QSignalSpy shown(m_view.get(), &SearchView::resultsShown);
        auto *query = m_view->findChild<QLineEdit *>();
        query->clear();
        QTest::keyClicks(query, QStringLiteral("a blue square"));
        QTest::mouseClick(button(QStringLiteral("Search")), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.first().first().toInt(), 4);
        const QModelIndex first = m_view->resultsModel()->index(0);
        QCOMPARE(first.data(Qt::DisplayRole).toString(), QStringLiteral("blue_square.mp4"));
        QVERIFY(!first.data(Qt::DecorationRole).value<QImage>().isNull());
        QVERIFY2(
            m_view->statusText().startsWith(QStringLiteral("4 result")), qPrintable(m_view->statusText()));
        // By default a small collection is re-scored by the model, and the view says so.
        QVERIFY2(m_view->statusText().contains(QStringLiteral("re-scored by the model, as they are few")),
            qPrintable(m_view->statusText()));
    }

    void hoveringAVideoPlaysItsPreview()
    {
        m_view->searchText(QStringLiteral("circle"));
        QTRY_VERIFY(m_view->resultsModel()->rowCount() == 4);
        const int row = rowOf(QStringLiteral("yellow_circle.mp4"));
        QVERIFY(row >= 0);
        QListView *view = m_view->resultsView();
        const QPoint centre = view->visualRect(m_view->resultsModel()->index(row)).center();
        const QImage poster = m_view->resultsModel()->index(row).data(Qt::DecorationRole).value<QImage>();
        QMouseEvent move(QEvent::MouseMove, centre, view->viewport()->mapToGlobal(centre), Qt::NoButton,
            Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QCOMPARE(m_view->resultsModel()->previewRow(), row);
        const QImage first = m_view->resultsModel()->index(row).data(Qt::DecorationRole).value<QImage>();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_view->resultsModel()->index(row).data(Qt::DecorationRole).value<QImage>() != first, 3000);
        QVERIFY(first != poster
            || m_view->resultsModel()->index(row).data(Qt::DecorationRole).value<QImage>() != poster);
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(view->viewport(), &leave);
        QCOMPARE(m_view->resultsModel()->previewRow(), -1);
    }

    void openEmitsThePathOfTheCurrentResult()
    {
        m_view->searchText(QStringLiteral("green triangle"));
        QTRY_COMPARE(m_view->resultsModel()->index(0).data(Qt::DisplayRole).toString(),
            QStringLiteral("green_triangle.png"));
        QSignalSpy open(m_view.get(), &SearchView::openMediaRequested);
        m_view->resultsView()->setCurrentIndex(m_view->resultsModel()->index(0));
        QTest::mouseClick(button(QStringLiteral("Open")), Qt::LeftButton);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toString(), m_gallery + QStringLiteral("/green_triangle.png"));
    }

    void whyThisResultOverlaysTheQuerysAttention()
    {
        m_view->searchText(QStringLiteral("red circle"));
        QTRY_COMPARE(m_view->resultsModel()->index(0).data(Qt::DisplayRole).toString(),
            QStringLiteral("red_circle.png"));
        m_view->explain(0);
        auto *dialog = m_view->findChild<WhyResultDialog *>();
        QVERIFY(dialog);
        QSignalSpy ready(dialog, &WhyResultDialog::ready);
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.first().first().toBool(), true);
        QCOMPARE(dialog->shownFrames().size(), 3);
        // The overlay is hottest where the fake model looked: patch 0 ("red") and 1 ("circle"), not 3.
        const QImage frame = dialog->shownFrames().first();
        const QColor hot = frame.pixelColor(frame.width() / 4, frame.height() / 4);
        const QColor cold = frame.pixelColor(3 * frame.width() / 4, 3 * frame.height() / 4);
        QVERIFY2(hot.red() > cold.red(), qPrintable(QStringLiteral("%1 vs %2").arg(hot.name(), cold.name())));
        auto *tokens = dialog->findChild<QComboBox *>();
        QCOMPARE(tokens->count(), 3); // the whole query + two words
        dialog->close();
    }

    void escDuringASearchEndsItVisibly_data()
    {
        QTest::addColumn<bool>("whileRunning");
        QTest::newRow("queued") << false;
        QTest::newRow("running") << true;
    }
    void escDuringASearchEndsItVisibly()
    {
        // Esc (the status bar's Cancel) stops the search's engine request: the view must not stay
        // on "Searching…" with its button disabled.
        QFETCH(bool, whileRunning);
        SlowWordEngine slow(m_dir.path(), !whileRunning, m_gallery + QStringLiteral("/red_circle.png"));
        SearchView view(slow.engine.get(), m_dir.filePath(QStringLiteral("index.sqlite")));
        view.show();
        QSignalSpy shown(&view, &SearchView::resultsShown);
        view.searchText(QStringLiteral("red circle"));
        QElapsedTimer clock;
        slow.cancelTheConsumersRequest(clock);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(shown.first().first().toInt(), -1);
        QCOMPARE(view.statusText(), QStringLiteral("Search cancelled."));
        for (QPushButton *b : view.findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Search"))
                QVERIFY(b->isEnabled());
    }

    void cancellingWhyThisResultSaysSo_data()
    {
        QTest::addColumn<bool>("whileRunning");
        QTest::newRow("queued") << false;
        QTest::newRow("running") << true;
    }
    void cancellingWhyThisResultSaysSo()
    {
        QFETCH(bool, whileRunning);
        SlowWordEngine slow(m_dir.path(), !whileRunning, m_gallery + QStringLiteral("/red_circle.png"));
        WhyResultDialog dialog(
            slow.engine.get(), m_gallery + QStringLiteral("/red_circle.png"), QStringLiteral("red circle"));
        dialog.show();
        QSignalSpy ready(&dialog, &WhyResultDialog::ready);
        QVERIFY(dialog.isWaiting());
        QElapsedTimer clock;
        slow.cancelTheConsumersRequest(clock);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(ready.first().first().toBool(), false);
        QVERIFY(!dialog.isWaiting());
        bool saysCancelled = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            saysCancelled = saysCancelled || label->text() == QLatin1String("Cancelled.");
        QVERIFY(saysCancelled);
    }

    void theSelectedResultIsHighlightedAndItsNameReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void theSelectedResultIsHighlightedAndItsNameReadable()
    {
        // Selected, a card once drew its name in the highlight's text colour on the view's base: white on
        // white.
        QFETCH(bool, dark);
        m_view->searchText(QStringLiteral("red circle"));
        QTRY_COMPARE(m_view->resultsModel()->index(0).data(Qt::DisplayRole).toString(),
            QStringLiteral("red_circle.png"));
        QPalette palette;
        palette.setColor(QPalette::Base, dark ? QColor(30, 30, 30) : Qt::white);
        palette.setColor(QPalette::Text, dark ? Qt::white : Qt::black);
        palette.setColor(QPalette::Highlight, QColor(40, 100, 200));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        SearchResultDelegate delegate;
        QStyleOptionViewItem option;
        option.palette = palette;
        option.fontMetrics = QFontMetrics(QApplication::font());
        option.state = QStyle::State_Enabled | QStyle::State_Active | QStyle::State_Selected;
        const QModelIndex index = m_view->resultsModel()->index(0);
        option.rect = QRect(QPoint(0, 0), delegate.sizeHint(option, index));
        QImage image(option.rect.size(), QImage::Format_RGB32);
        image.fill(palette.color(QPalette::Base));
        {
            QPainter painter(&image);
            delegate.paint(&painter, option, index);
        }
        // Behind the name (below the thumbnail) is the highlight, not the view's base...
        const QColor highlight = palette.color(QPalette::Highlight);
        const int nameTop = 12 + SearchResultDelegate::kThumbnailHeight;
        const int nameBottom = qMin(image.height(), nameTop + option.fontMetrics.height());
        QCOMPARE(image.pixelColor(1, (nameTop + nameBottom) / 2), highlight);
        // ...and the name is drawn on it, in the highlighted-text colour (antialiased edges blend the two).
        int textPixels = 0;
        int nearWhite = 0;
        for (int y = nameTop; y < nameBottom; ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                textPixels += c != highlight ? 1 : 0;
                nearWhite += c.lightness() > 200 ? 1 : 0;
            }
        QVERIFY2(textPixels > 20, qPrintable(QString::number(textPixels)));
        QVERIFY2(nearWhite > 5, qPrintable(QString::number(nearWhite)));
    }

    void exportsWhatIsShown()
    {
        m_view->searchText(QStringLiteral("yellow"));
        QTRY_COMPARE(m_view->resultsModel()->index(0).data(Qt::DisplayRole).toString(),
            QStringLiteral("yellow_circle.mp4"));
        const QString path = m_dir.filePath(QStringLiteral("results.csv"));
        QVERIFY(m_view->exportResults(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines.at(1).startsWith("1," + m_gallery.toUtf8() + "/yellow_circle.mp4,"));
    }

    void indexingWithoutAModelSaysWhy()
    {
        auto bare = makeWordEngine(std::make_shared<WordEmbeddingConfig>());
        SearchView view(bare.get(), m_dir.filePath(QStringLiteral("other.sqlite")));
        QVERIFY(!view.indexingBar()->indexFolders({m_gallery}));
        view.searchText(QStringLiteral("red"));
        QTRY_VERIFY(view.statusText().contains(QStringLiteral("load")));
    }
    void aSearchErrorGoesOnceTheIndexIsBuilt()
    {
        // "Nothing is indexed..." stayed in the panel after indexing had succeeded.
        SearchView view(m_engine.get(), m_dir.filePath(QStringLiteral("fresh.sqlite")));
        view.searchText(QStringLiteral("red"));
        QTRY_VERIFY(view.statusText().startsWith(QStringLiteral("Nothing is indexed")));
        QSignalSpy indexed(view.indexingBar(), &IndexingBar::jobFinished);
        QVERIFY(view.indexingBar()->indexFolders({m_gallery}));
        QVERIFY(indexed.wait(30000));
        QVERIFY2(
            !view.statusText().contains(QStringLiteral("Nothing is indexed")), qPrintable(view.statusText()));
        view.searchText(QStringLiteral("red"));
        QTRY_VERIFY(view.statusText().contains(QStringLiteral("result")));
    }

    // Indexing one folder re-checks the others to keep the index current; its summary
    // counts the folder asked for apart ("1 indexed, 30 unchanged" for a 5-file folder).
    void indexingAFolderCountsItApartFromTheOthers()
    {
        SearchView view(m_engine.get(), m_dir.filePath(QStringLiteral("apart.sqlite")));
        const auto status = [&view] {
            QStringList texts;
            for (QLabel *label : view.indexingBar()->findChildren<QLabel *>())
                texts << label->text();
            return texts.join(u'|');
        };
        QSignalSpy finished(view.indexingBar(), &IndexingBar::jobFinished);
        QVERIFY(view.indexingBar()->indexFolders({m_gallery}));
        QVERIFY(finished.wait(30000));
        QVERIFY2(status().contains(QStringLiteral("gallery: 4 indexed now, 0 already indexed.")),
            qPrintable(status()));

        const QString more = m_dir.filePath(QStringLiteral("more"));
        QDir().mkpath(more);
        for (const char *name : {"red_square.png", "blue_circle.png", "green_square.png", "pink_circle.png",
                 "grey_triangle.png"}) {
            QFile f(more + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(name);
        }
        QVERIFY(view.indexingBar()->indexFolders({more}));
        QVERIFY(finished.wait(30000));
        const app::IndexSummary s = finished.last().first().value<app::IndexSummary>();
        QVERIFY(s.focus);
        QCOMPARE(s.focus->indexedNow, 5);
        QCOMPARE(s.focus->indexed, 5);
        QVERIFY2(status().contains(
                     QStringLiteral("more: 5 indexed now, 0 already indexed. Other indexed folders: 0 "
                                    "indexed, 4 unchanged, 0 removed.")),
            qPrintable(status()));

        QVERIFY(view.indexingBar()->indexFolders({more}));
        QVERIFY(finished.wait(30000));
        QVERIFY2(status().contains(
                     QStringLiteral("more: 0 indexed now, 5 already indexed. Other indexed folders: 0 "
                                    "indexed, 4 unchanged, 0 removed.")),
            qPrintable(status()));
    }

    void escDuringIndexingSaysCancelled()
    {
        // Esc in the status bar cancels the index job's running request: the bar must say so (it
        // used to print the usual "n indexed, m unchanged" line).
        SlowWordEngine slow(m_dir.path(), false, {});
        SearchView view(slow.engine.get(), m_dir.filePath(QStringLiteral("cancelled.sqlite")));
        QSignalSpy finished(view.indexingBar(), &IndexingBar::jobFinished);
        QVERIFY(view.indexingBar()->indexFolders({m_gallery}));
        QTRY_VERIFY_WITH_TIMEOUT(!slow.recorder->handles.isEmpty(), 10000);
        QTRY_COMPARE(slow.recorder->handles.first().state(), app::RequestState::Running);
        QVERIFY(slow.recorder->handles.first().cancel());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000);
        QCOMPARE(finished.first().first().value<app::IndexSummary>().status, app::IndexJobStatus::Cancelled);
        bool saysCancelled = false;
        for (QLabel *label : view.indexingBar()->findChildren<QLabel *>())
            saysCancelled = saysCancelled || label->text().startsWith(QLatin1String("Indexing cancelled"));
        QVERIFY(saysCancelled);
    }

    void fitsANarrowDock()
    {
        // Embedded in the main window's bottom dock, the view must not force the window wider.
        QVERIFY2(m_view->minimumSizeHint().width() <= 600,
            qPrintable(QString::number(m_view->minimumSizeHint().width())));
    }

    void theMainWindowRunsSearchesInItsSearchDock()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.searchView());
        Q_EMIT window.findChild<TaskPanel *>()->searchRequested(QStringLiteral("a red circle"));
        QVERIFY(window.searchView()->isVisible());
        // No model is loaded in a fresh window: the search view says what to do.
        QTRY_VERIFY2(window.searchView()->statusText().contains(QStringLiteral("model")),
            qPrintable(window.searchView()->statusText()));
    }
};

QTEST_MAIN(SearchViewTest)
#include "searchviewtest.moc"
