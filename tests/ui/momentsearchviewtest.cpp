// Moments in the app (issue 22), driven like a user with the bundled demo
// model: a few held-out multi-shot videos written at test time are indexed
// with the Moments check box on, a search with Moments checked lists moments
// with their own pictures and times, opening one puts the player at its
// start with its range marked on the timeline, and "Next match" goes to the
// search's next moment in that video. Dense captions by shot caption those
// same moments. Skips, saying why, while this tree has
// no bundled demo model.
#include "app/bundle/bundledresources.h"
#include "app/demo/demomedia.h"
#include "model/runtime/runtimeinfo.h"
#include "model/synthetic/multishot.h"
#include "model/synthetic/scenetext.h"
#include "tests/app/enginerecorder.h"
#include "ui/mainwindow.h"
#include "ui/search/indexingbar.h"
#include "ui/search/searchresultsmodel.h"
#include "ui/search/searchview.h"
#include "ui/task/taskpanel.h"
#include "ui/viewer/mediaviewer.h"
#include "ui/viewer/timelinewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace mplug2;
using mplug2::ui::MainWindow;

namespace {

constexpr int kWait = 60000;
constexpr uint64_t kSeed = 2207;
constexpr int kVideos = 4;

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class MomentSearchViewTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theMomentsCheckBoxIndexesMoments();
    void aMomentSearchShowsMomentsWithTheirPictureAndTime();
    void openingAMomentPlaysItAndNextMatchGoesOn();
    void denseCaptionsByShotCaptionTheMoments();
    void cleanupTestCase();

private:
    void screenshot(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_gallery;
    QString m_db;
    std::vector<model::synthetic::MultiShotVideo> m_videos;
    std::unique_ptr<MainWindow> m_window;
    ui::SearchView *m_view = nullptr;
};

void MomentSearchViewTest::initTestCase()
{
    const QString manifest = app::BundledResources::defaultModelManifest();
    if (manifest.isEmpty())
        QSKIP("the bundled demo model is not in this tree: resources/models/demo/manifest.json");
    model::configureThreads(0); // as mplug2-studio does
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-moments"));
    QCoreApplication::setApplicationName(QStringLiteral("momentsearchviewtest"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_gallery = m_dir.filePath(QStringLiteral("gallery"));
    QVERIFY(QDir().mkpath(m_gallery));
    m_db = m_dir.filePath(QStringLiteral("index.sqlite"));
    model::synthetic::MultiShotRanges ranges;
    ranges.minShots = 3;
    ranges.maxShots = 4;
    m_videos = model::synthetic::heldOutMultiShotVideos(kSeed, kVideos, ranges);
    for (size_t v = 0; v < m_videos.size(); ++v) {
        const QString path = QDir(m_gallery).filePath(QStringLiteral("video-%1.mp4").arg(v));
        QVERIFY2(app::writeMultiShotFile(m_videos[v], path).hasValue(), qPrintable(path));
    }

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    Expected<app::ModelBundle> bundle = app::ModelBundle::load(manifest);
    QVERIFY2(bundle, bundle ? "" : bundle.error().message.c_str());
    const app::RequestHandle load = m_window->loadModel(*bundle, app::DeviceChoice::cpu());
    QTRY_VERIFY_WITH_TIMEOUT(load.isOver(), kWait);
    QVERIFY(load.outcome()->isFinished());
    QVERIFY(m_window->openIndex(m_db));
    m_view = m_window->searchView();
}

void MomentSearchViewTest::theMomentsCheckBoxIndexesMoments()
{
    ui::IndexingBar *bar = m_view->indexingBar();
    auto *moments = bar->findChild<QCheckBox *>(QStringLiteral("indexMomentsCheck"));
    QVERIFY(moments);
    QVERIFY2(!moments->isChecked(), "moments are opt-in");
    QVERIFY(moments->toolTip().contains(QStringLiteral("multiply the vectors")));
    QTest::mouseClick(moments, Qt::LeftButton, {}, QPoint(8, moments->height() / 2));
    QVERIFY(moments->isChecked());

    QSignalSpy finished(bar, &ui::IndexingBar::jobFinished);
    QVERIFY(bar->indexFolders({m_gallery}));
    QVERIFY(finished.wait(kWait));
    QVERIFY(bar->jobOptions().moments.enabled);
    const auto summary = finished.first().first().value<app::IndexSummary>();
    QCOMPARE(summary.status, app::IndexJobStatus::Finished);
    QCOMPARE(summary.indexed, kVideos);
    QVERIFY(summary.moments.has_value());
    QCOMPARE(summary.moments->files, kVideos);
    qint64 shots = 0;
    for (const auto &video : m_videos)
        shots += qint64(video.shots.size());
    QVERIFY2(summary.moments->moments >= shots,
        qPrintable(QStringLiteral("%1 moments for %2 shots").arg(summary.moments->moments).arg(shots)));
    // The index view says how much the moments hold.
    const QString said = QStringLiteral("Moments: %1 in %2 video").arg(summary.moments->moments).arg(kVideos);
    QStringList texts;
    for (QLabel *label : bar->findChildren<QLabel *>())
        texts << label->text();
    QVERIFY2(texts.join(QLatin1Char('\n')).contains(said), qPrintable(texts.join(QLatin1Char('\n'))));
}

void MomentSearchViewTest::aMomentSearchShowsMomentsWithTheirPictureAndTime()
{
    auto *moments = m_view->findChild<QCheckBox *>(QStringLiteral("searchMomentsCheck"));
    QVERIFY(moments);
    auto *mode = m_view->findChild<QComboBox *>();
    // Sentences ranked for one file have no moments.
    mode->setCurrentIndex(2);
    QVERIFY(!moments->isEnabled());
    mode->setCurrentIndex(0);
    QVERIFY(moments->isEnabled());
    QTest::mouseClick(moments, Qt::LeftButton, {}, QPoint(8, moments->height() / 2));
    QVERIFY(m_view->momentSearch());

    // The caption of a shot of the first video that no other shot of the gallery has.
    const auto captionOf = [](const model::synthetic::Scene &shot) {
        return QString::fromStdString(model::synthetic::caption(shot));
    };
    QHash<QString, int> captions;
    for (const auto &video : m_videos)
        for (const auto &shot : video.shots)
            ++captions[captionOf(shot)];
    const model::synthetic::MultiShotVideo &video = m_videos.front();
    int shot = 0;
    while (shot < int(video.shots.size()) && captions.value(captionOf(video.shots.at(size_t(shot)))) > 1)
        ++shot;
    QVERIFY2(shot < int(video.shots.size()), "the first video has a shot of its own");
    const QString query = captionOf(video.shots.at(size_t(shot)));
    QSignalSpy shown(m_view, &ui::SearchView::resultsShown);
    QSignalSpy pictures(m_view->resultsModel(), &ui::SearchResultsModel::momentThumbnailsLoaded);
    auto *line = m_view->findChild<QLineEdit *>();
    line->clear();
    QTest::keyClicks(line, query);
    QTest::mouseClick(buttonNamed(m_view, QStringLiteral("Search")), Qt::LeftButton);
    QVERIFY(shown.wait(kWait));
    QVERIFY2(shown.first().first().toInt() > 1, qPrintable(m_view->statusText()));
    QVERIFY2(m_view->statusText().contains(QStringLiteral("moment")), qPrintable(m_view->statusText()));
    const app::SearchResults &results = m_view->resultsModel()->results();
    QVERIFY(results.query.moments);
    for (const app::SearchHit &hit : results.hits)
        QVERIFY(hit.moment && hit.moment->endSeconds > hit.moment->startSeconds);
    const app::SearchHit &best = results.hits.first();
    qInfo("\"%s\" (shot %d, %.2f-%.2f s): best %s %.2f-%.2f s", qPrintable(query), shot,
        video.shotStartSeconds(shot), video.shotEndSeconds(shot),
        qPrintable(QFileInfo(best.entry.path).fileName()), best.moment->startSeconds,
        best.moment->endSeconds);

    // That shot comes first.
    const double inter = std::min(best.moment->endSeconds, video.shotEndSeconds(shot))
        - std::max(best.moment->startSeconds, video.shotStartSeconds(shot));
    const double uni = std::max(best.moment->endSeconds, video.shotEndSeconds(shot))
        - std::min(best.moment->startSeconds, video.shotStartSeconds(shot));
    QCOMPARE(QFileInfo(best.entry.path).fileName(), QStringLiteral("video-0.mp4"));
    QVERIFY2(inter / uni >= 0.5, qPrintable(QStringLiteral("IoU %1").arg(inter / uni)));

    const QModelIndex first = m_view->resultsModel()->index(0);
    QCOMPARE(first.data(ui::SearchResultsModel::TimeRangeRole).toString(),
        ui::SearchResultsModel::timeRangeText(best.moment->startSeconds, best.moment->endSeconds));
    QVERIFY(first.data(ui::SearchResultsModel::TimeRangeRole).toString().contains(QChar(0x2013)));
    // The moment's own picture, read off the GUI thread.
    if (m_view->resultsModel()->loadingMomentThumbnails())
        QVERIFY(pictures.wait(kWait));
    Expected<std::unique_ptr<app::Catalog>> catalog = app::Catalog::open(m_db);
    QVERIFY(catalog);
    const Expected<QByteArray> jpeg = (*catalog)->momentThumbnail(best.moment->id);
    QVERIFY(jpeg && !jpeg->isEmpty());
    QCOMPARE(first.data(Qt::DecorationRole).value<QImage>(), QImage::fromData(*jpeg));
    screenshot(QStringLiteral("moment-search.png"));
}

void MomentSearchViewTest::openingAMomentPlaysItAndNextMatchGoesOn()
{
    const app::SearchResults results = m_view->resultsModel()->results();
    QVERIFY(!results.hits.isEmpty());
    const app::SearchHit best = results.hits.first();
    // What "Next match" walks: this search's moments in the same video, in time order.
    QList<app::MediaMoment> inFile;
    for (const app::SearchHit &hit : results.hits)
        if (hit.entry.id == best.entry.id)
            inFile.append(*hit.moment);
    std::sort(inFile.begin(), inFile.end(),
        [](const app::MediaMoment &a, const app::MediaMoment &b) { return a.startSeconds < b.startSeconds; });
    QVERIFY2(inFile.size() > 1, "every moment of the gallery is among the results");
    int current = 0;
    while (inFile.at(current).id != best.moment->id)
        ++current;

    m_view->resultsView()->setCurrentIndex(m_view->resultsModel()->index(0));
    QTest::mouseClick(buttonNamed(m_view, QStringLiteral("Open")), Qt::LeftButton);
    ui::MediaViewer *viewer = m_window->viewer();
    QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(viewer->mediaPath()), QFileInfo(best.entry.path), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isVideo(), kWait);
    const double frame = 1.0 / viewer->facts().fps;
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(viewer->position() - best.moment->startSeconds) <= frame + 1e-6, kWait);
    ui::TimelineWidget *timeline = viewer->timeline();
    QVERIFY(timeline->hasMarkedRange());
    QCOMPARE(timeline->markedStart(), best.moment->startSeconds);
    QCOMPARE(timeline->markedEnd(), best.moment->endSeconds);
    QCOMPARE(viewer->currentMoment(), current);
    screenshot(QStringLiteral("moment-player.png"));

    auto *next = viewer->findChild<QToolButton *>(QStringLiteral("nextMatchButton"));
    QVERIFY(next && next->isVisible() && next->isEnabled());
    const app::MediaMoment expected = inFile.at((current + 1) % int(inFile.size()));
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(viewer->position() - expected.startSeconds) <= frame + 1e-6, kWait);
    QCOMPARE(timeline->markedStart(), expected.startSeconds);
    QCOMPARE(timeline->markedEnd(), expected.endSeconds);
    QCOMPARE(viewer->currentMoment(), (current + 1) % int(inFile.size()));

    // Normal playback goes on from the moment.
    const double from = viewer->position();
    viewer->play();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->position() > from || !viewer->isPlaying(), kWait);
    viewer->pause();
    // Another file forgets the moments and the mark.
    m_window->openMedia({QDir(m_gallery).filePath(QStringLiteral("video-1.mp4"))});
    QTRY_VERIFY_WITH_TIMEOUT(viewer->mediaPath().endsWith(QStringLiteral("video-1.mp4")), kWait);
    QVERIFY(!timeline->hasMarkedRange());
    QCOMPARE(viewer->currentMoment(), -1);
    QVERIFY(!next->isVisible());
}

void MomentSearchViewTest::denseCaptionsByShotCaptionTheMoments()
{
    // The moments of the first video, as indexed (every moment of the gallery is among the results).
    const app::SearchResults &results = m_view->resultsModel()->results();
    const QString path = QDir(m_gallery).filePath(QStringLiteral("video-0.mp4"));
    QList<app::MediaMoment> moments;
    for (const app::SearchHit &hit : results.hits)
        if (QFileInfo(hit.entry.path) == QFileInfo(path))
            moments.append(*hit.moment);
    std::sort(moments.begin(), moments.end(),
        [](const app::MediaMoment &a, const app::MediaMoment &b) { return a.startSeconds < b.startSeconds; });
    QVERIFY(moments.size() >= 3);

    m_window->openMedia({path});
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isVideo(), kWait);
    ui::TaskPanel *panel = m_window->taskPanel();
    panel->setTask(ui::StudioTask::DenseCaption);
    auto *mode = panel->findChild<QComboBox *>(QStringLiteral("windowModeBox"));
    auto *window = panel->findChild<QDoubleSpinBox *>(QStringLiteral("windowSpin"));
    QVERIFY(mode && window);
    QCOMPARE(panel->captionWindows(), app::CaptionWindows::Fixed);
    QCOMPARE(window->value(), 10.0);
    mode->setCurrentIndex(mode->findText(QStringLiteral("By shot")));
    QCOMPARE(panel->captionWindows(), app::CaptionWindows::Shots);
    QCOMPARE(window->value(), 8.0); // the longest moment, as moments are indexed
    const Expected<app::EngineRequest> request = panel->buildRequest(path);
    QVERIFY(request);
    QCOMPARE(request->captionWindows, app::CaptionWindows::Shots);
    QCOMPARE(request->windowSeconds, 8.0);

    app::testing::EngineRecorder recorder(m_window->engine());
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.finished.isEmpty() || !recorder.failed.isEmpty(), kWait);
    QVERIFY(recorder.failed.isEmpty());
    const QList<app::CaptionSegment> segments = recorder.finished.first().segments;
    QCOMPARE(segments.size(), moments.size());
    for (qsizetype i = 0; i < segments.size(); ++i) {
        QVERIFY(std::abs(segments.at(i).startSeconds - moments.at(i).startSeconds) < 1e-3);
        QVERIFY(std::abs(segments.at(i).endSeconds - moments.at(i).endSeconds) < 1e-3);
        QVERIFY(!segments.at(i).caption.text.isEmpty());
    }
    // Back to fixed windows, with their own length.
    mode->setCurrentIndex(mode->findText(QStringLiteral("Fixed windows")));
    QCOMPARE(window->value(), 10.0);
}

void MomentSearchViewTest::cleanupTestCase()
{
    m_window.reset();
}

void MomentSearchViewTest::screenshot(const QString &name) const
{
    // For a person to look at: MPLUG2_SCREENSHOT_DIR=/some/folder.
    const QString dir = qEnvironmentVariable("MPLUG2_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        m_window->grab().save(QDir(dir).filePath(name));
}

QTEST_MAIN(MomentSearchViewTest)
#include "momentsearchviewtest.moc"
