// The main window's layout at the three sizes people use (issue 23, item 14):
// 1024×700, 1280×800 and 1920×1080, after the bundled demo model captioned
// the bundled sample. The player keeps a watchable size, Options fits its
// panel's width, a long answer wraps in the results panel instead of being
// cut short, and the side panels take part of the width a larger window
// gives.
#include "app/bundle/bundleregistry.h"
#include "app/bundle/modelbundle.h"
#include "model/runtime/runtimeinfo.h"
#include "ui/mainwindow.h"
#include "ui/results/resultspanel.h"
#include "ui/task/taskoptionswidget.h"
#include "ui/task/taskpanel.h"
#include "ui/viewer/frameview.h"
#include "ui/viewer/mediaviewer.h"

#include <QAbstractButton>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace mplug2;
using mplug2::ui::MainWindow;
using mplug2::ui::StudioTask;

namespace {

constexpr int kWait = 120000;
const QSize kSmall(1024, 700);
const QSize kDefault(1280, 800);
const QSize kLarge(1920, 1080);
/// What the issue asks of the player at the smallest size.
const QSize kMinimumPlayer(320, 180);
/// A caption of the length the official models write (about 15 words).
const QString kLongAnswer
    = QStringLiteral("a man in a black shirt and a red hat is playing an acoustic guitar "
                     "on a stage in front of a large crowd at night");

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(MPLUG2_SOURCE_DIR)).filePath(relative);
}

QString sizeText(const QSize &size)
{
    return QStringLiteral("%1×%2").arg(size.width()).arg(size.height());
}

} // namespace

class MainWindowLayoutTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        model::configureThreads(0);
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-layout"));
        QCoreApplication::setApplicationName(QStringLiteral("mainwindowlayouttest"));
        QSettings().clear();
        QFile::remove(app::BundleRegistry::sharedSettingsPath());
        const Expected<app::ModelBundle> bundle
            = app::ModelBundle::load(sourcePath(QStringLiteral("resources/models/demo")));
        if (!bundle)
            QSKIP("the bundled demo model is not in this tree: resources/models/demo/manifest.json");

        m_window = std::make_unique<MainWindow>();
        MainWindow &w = *m_window;
        w.resize(kDefault);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        bool loaded = false;
        w.loadModel(*bundle, app::DeviceChoice::cpu()).then(&w, [&loaded](const app::RequestOutcome &o) {
            loaded = o.isFinished();
        });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, kWait);
        w.openMedia({sourcePath(QStringLiteral("resources/samples/yellow-square.mp4"))});
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->isVideo(), kWait);
        w.taskPanel()->setTask(StudioTask::Caption);
        bool captioned = false;
        w.runTask().then(&w, [&captioned](const app::RequestOutcome &o) { captioned = o.isFinished(); });
        QTRY_VERIFY_WITH_TIMEOUT(captioned, kWait);
        // Options open, as a user tuning the beam has them.
        auto *toggle = w.taskPanel()->findChild<QAbstractButton *>(QStringLiteral("optionsToggle"));
        QVERIFY(toggle);
        toggle->setChecked(true);
    }

    void cleanupTestCase() { m_window.reset(); }

    void thePlayerKeepsAWatchableSize_data() { sizes(); }
    void thePlayerKeepsAWatchableSize()
    {
        QFETCH(QSize, size);
        QVERIFY(resizeTo(size));
        const QSize player = m_window->viewer()->frameView()->size();
        qInfo("%s: player %s; %s", qPrintable(sizeText(size)), qPrintable(sizeText(player)),
            qPrintable(layoutText()));
        QVERIFY2(player.width() >= kMinimumPlayer.width() && player.height() >= kMinimumPlayer.height(),
            qPrintable(sizeText(player)));
    }

    void optionsNeedNoHorizontalScrollbar_data() { sizes(); }
    void optionsNeedNoHorizontalScrollbar()
    {
        QFETCH(QSize, size);
        QVERIFY(resizeTo(size));
        ui::TaskOptionsWidget *options = m_window->taskPanel()->options();
        QVERIFY(options->isVisible());
        QScrollArea *scroll = nullptr;
        for (QWidget *w = options->parentWidget(); w && !scroll; w = w->parentWidget())
            scroll = qobject_cast<QScrollArea *>(w);
        QVERIFY(scroll);
        qInfo("%s: options area %d px wide, options need %d px", qPrintable(sizeText(size)),
            scroll->viewport()->width(), options->minimumSizeHint().width());
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(),
            qPrintable(QStringLiteral("the options area is %1 px wide and the options need %2 px")
                           .arg(scroll->viewport()->width())
                           .arg(options->minimumSizeHint().width())));
        QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    }

    /// A media row is as wide as the list (its name and details elided, the
    /// whole path in the tooltip): no sideways scrolling at any size.
    void mediaRowsFitTheList_data() { sizes(); }
    void mediaRowsFitTheList()
    {
        QFETCH(QSize, size);
        QVERIFY(resizeTo(size));
        auto *list = m_window->findChild<QListWidget *>(QStringLiteral("mediaList"));
        QVERIFY(list && list->count() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(list->item(0)->text().contains(QLatin1Char('\n')), 10000); // details shown
        const QRect row = list->visualItemRect(list->item(0));
        qInfo("%s: media list %d px wide, first row %d px", qPrintable(sizeText(size)),
            list->viewport()->width(), row.width());
        QVERIFY2(row.right() < list->viewport()->width(), qPrintable(QString::number(row.width())));
        QCOMPARE(list->horizontalScrollBar()->maximum(), 0);
    }

    /// Every control of the attention toolbar is on show, above the maps,
    /// and the maps keep room to be seen.
    void theAttentionToolbarFitsAboveTheMaps_data() { sizes(); }
    void theAttentionToolbarFitsAboveTheMaps()
    {
        QFETCH(QSize, size);
        QVERIFY(resizeTo(size));
        QWidget *panel = m_window->findChild<QWidget *>(QStringLiteral("attentionPanel"));
        QVERIFY(panel);
        auto *grid = panel->findChild<QWidget *>(QStringLiteral("attentionGrid"));
        QVERIFY(grid && grid->isVisible());
        const QRect maps(grid->mapTo(panel, QPoint(0, 0)), grid->size());
        for (const char *name :
            {"attentionExportButton", "faithfulnessButton", "onPlayerCheck", "colormapCombo"}) {
            auto *control = panel->findChild<QWidget *>(QLatin1String(name));
            QVERIFY(control);
            const QRect at(control->mapTo(panel, QPoint(0, 0)), control->size());
            qInfo("%s: %s at %d,%d %dx%d; maps at y %d, %d px high", qPrintable(sizeText(size)), name, at.x(),
                at.y(), at.width(), at.height(), maps.y(), maps.height());
            QVERIFY2(control->isVisible(), name);
            QVERIFY2(at.bottom() < maps.top(), name);
            QVERIFY2(panel->rect().contains(at), name);
        }
        // Every sampled frame's map is on show at once, no smaller than a thumbnail.
        const QList<QWidget *> cells
            = grid->findChildren<QWidget *>(QRegularExpression(QStringLiteral("^attentionCell")));
        QVERIFY(!cells.isEmpty());
        for (QWidget *cell : cells) {
            const QRect at(cell->mapTo(grid, QPoint(0, 0)), cell->size());
            qInfo("%s: %s %dx%d at %d,%d in maps %dx%d", qPrintable(sizeText(size)),
                qPrintable(cell->objectName()), at.width(), at.height(), at.x(), at.y(), maps.width(),
                maps.height());
            QVERIFY2(grid->rect().contains(at), qPrintable(cell->objectName()));
            QVERIFY2(at.width() >= 64 && at.height() >= 64, qPrintable(cell->objectName()));
        }
    }

    void aLongAnswerWrapsInsteadOfBeingCutShort_data() { sizes(); }
    void aLongAnswerWrapsInsteadOfBeingCutShort()
    {
        QFETCH(QSize, size);
        QVERIFY(resizeTo(size));
        QTreeWidget *tree = m_window->resultsPanel()->tree();
        QTreeWidgetItem *item = longAnswerItem();
        QVERIFY(item);
        // The view lays rows out after a resize; give it its turn.
        QTest::qWait(50);
        const QModelIndex index = tree->indexFromItem(item);
        const QRect cell = tree->visualRect(index);
        const QFontMetrics metrics(item->font(0));
        // As the style lays out wrapped item text: the cell less its text margins.
        const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
        const QRect needed = metrics.boundingRect(
            QRect(0, 0, cell.width() - 2 * margin, 100000), Qt::TextWordWrap, kLongAnswer);
        qInfo("%s: answer cell %s, its text needs %s", qPrintable(sizeText(size)),
            qPrintable(sizeText(cell.size())), qPrintable(sizeText(needed.size())));
        QVERIFY2(needed.height() > metrics.lineSpacing(), "the answer fits one line: make it longer");
        QVERIFY2(cell.height() >= needed.height(),
            qPrintable(QStringLiteral("the row is %1 px high, the wrapped answer needs %2 px")
                           .arg(cell.height())
                           .arg(needed.height())));
        // The whole row is in the panel's width: nothing is hidden to the right.
        QVERIFY2(cell.right() < tree->viewport()->width(),
            qPrintable(QStringLiteral("the answer column ends at %1 px, the view is %2 px wide")
                           .arg(cell.right())
                           .arg(tree->viewport()->width())));
    }

    void theSidePanelsGrowWithTheWindow()
    {
        QVERIFY(resizeTo(kDefault));
        const int media = dockWidth(QStringLiteral("mediaDock"));
        const int task = dockWidth(QStringLiteral("taskDock"));
        const int centre = m_window->centralWidget()->width();
        const int attention = dockHeight(QStringLiteral("attentionDock"));
        QVERIFY(resizeTo(kLarge));
        const int largeMedia = dockWidth(QStringLiteral("mediaDock"));
        const int largeTask = dockWidth(QStringLiteral("taskDock"));
        const int largeCentre = m_window->centralWidget()->width();
        const int largeAttention = dockHeight(QStringLiteral("attentionDock"));
        qInfo("media panel %d -> %d px, task panel %d -> %d px, centre %d -> %d px", media, largeMedia, task,
            largeTask, centre, largeCentre);
        const int extra = kLarge.width() - kDefault.width();
        // Each side takes a real share of the extra width, and the centre not all of it.
        QVERIFY2(largeMedia - media >= extra / 10, qPrintable(QString::number(largeMedia - media)));
        QVERIFY2(largeTask - task >= extra / 10, qPrintable(QString::number(largeTask - task)));
        QVERIFY2(largeCentre - centre <= extra * 3 / 4, qPrintable(QString::number(largeCentre - centre)));
        // The attention maps under the player get taller too, not only the player.
        qInfo("attention panel %d -> %d px high", attention, largeAttention);
        const int taller = kLarge.height() - kDefault.height();
        QVERIFY2(largeAttention - attention >= taller / 4,
            qPrintable(QString::number(largeAttention - attention)));
        // Smaller, and back: the same window width gives the same panels, however often it was resized.
        QVERIFY(resizeTo(kSmall));
        qInfo("at %s: media panel %d px, task panel %d px, centre %d px", qPrintable(sizeText(kSmall)),
            dockWidth(QStringLiteral("mediaDock")), dockWidth(QStringLiteral("taskDock")),
            m_window->centralWidget()->width());
        QVERIFY(resizeTo(kDefault));
        QVERIFY2(qAbs(dockWidth(QStringLiteral("mediaDock")) - media) <= 2,
            qPrintable(QString::number(dockWidth(QStringLiteral("mediaDock")))));
        QVERIFY2(qAbs(dockWidth(QStringLiteral("taskDock")) - task) <= 2,
            qPrintable(QString::number(dockWidth(QStringLiteral("taskDock")))));
    }

    void studioTakesTheSizeAskedFor()
    {
        // docs/screenshots.sh takes the window at each size with --size.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto run = [&dir](const QStringList &arguments, QProcess &p) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(MPLUG2_STUDIO_PATH), arguments);
            return p.waitForFinished(60000);
        };
        const QString shot = dir.filePath(QStringLiteral("small.png"));
        QProcess small;
        QVERIFY(
            run({QStringLiteral("--size"), QStringLiteral("1024x700"), QStringLiteral("--screenshot"), shot},
                small));
        QCOMPARE(small.exitCode(), 0);
        QCOMPARE(QImage(shot).size(), kSmall);

        QProcess wrong;
        QVERIFY(run(
            {QStringLiteral("--size"), QStringLiteral("1024"), QStringLiteral("--screenshot"), shot}, wrong));
        QCOMPARE(wrong.exitCode(), 2);
        const QString error = QString::fromUtf8(wrong.readAllStandardError());
        QVERIFY2(error.contains(QStringLiteral("--size")) && error.contains(QStringLiteral("1280x800")),
            qPrintable(error));
    }

private:
    void sizes()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x700") << kSmall;
        QTest::newRow("1280x800") << kDefault;
        QTest::newRow("1920x1080") << kLarge;
    }

    /// Resizes the window and lets its layouts settle; false when the window cannot be that small.
    bool resizeTo(const QSize &size)
    {
        if (!m_window)
            return false;
        m_window->resize(size);
        QTest::qWait(50);
        QCoreApplication::processEvents();
        if (m_window->size() != size)
            qWarning("the window is %s, not %s (its minimum is %s)", qPrintable(sizeText(m_window->size())),
                qPrintable(sizeText(size)), qPrintable(sizeText(m_window->minimumSizeHint())));
        return m_window->size() == size;
    }

    /// Where each panel is, for the log.
    QString layoutText() const
    {
        QStringList parts;
        for (const QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
            if (dock->isVisible())
                parts << QStringLiteral("%1 %2 (min %3)")
                             .arg(dock->objectName(), sizeText(dock->size()),
                                 sizeText(dock->minimumSizeHint()));
        }
        parts << QStringLiteral("centre %1 (min %2)")
                     .arg(sizeText(m_window->centralWidget()->size()),
                         sizeText(m_window->centralWidget()->minimumSizeHint()));
        return parts.join(QStringLiteral(", "));
    }

    int dockHeight(const QString &name) const
    {
        auto *dock = m_window->findChild<QDockWidget *>(name);
        return dock ? dock->height() : -1;
    }

    int dockWidth(const QString &name) const
    {
        auto *dock = m_window->findChild<QDockWidget *>(name);
        return dock ? dock->width() : -1;
    }

    /// A finished caption whose best text is kLongAnswer (added once).
    QTreeWidgetItem *longAnswerItem()
    {
        ui::ResultsPanel *results = m_window->resultsPanel();
        if (!m_longAnswer) {
            std::optional<app::EngineResult> result = results->currentResult();
            if (!result || result->items.isEmpty())
                return nullptr;
            result->id += 1000;
            result->items.first().text = kLongAnswer;
            results->addPending(result->id, app::EngineRequest::caption(result->media));
            results->setResult(*result);
            m_longAnswer = result->id;
        }
        const QList<QTreeWidgetItem *> found
            = results->tree()->findItems(kLongAnswer, Qt::MatchExactly | Qt::MatchRecursive);
        return found.isEmpty() ? nullptr : found.first();
    }

    std::unique_ptr<MainWindow> m_window;
    app::RequestId m_longAnswer = 0;
};

QTEST_MAIN(MainWindowLayoutTest)
#include "mainwindowlayouttest.moc"
