// Dense captions in the app (issue 23, item 7): the windows are a subtitle
// track on the timeline (click one to seek there; the one under the playhead
// is highlighted, also while playing); the filmstrip stays; each window's
// attention shows when it is chosen in Results or on the timeline; progress
// counts windows; Esc keeps the windows already finished, marked partial and
// exportable. The real engine on the tiny fixture caption model.
#include "app/bundle/bundleregistry.h"
#include "app/bundle/checkpointbundle.h"
#include "model/runtime/runtimeinfo.h"
#include "tests/app/enginerecorder.h"
#include "tests/support/mediafactory.h"
#include "tests/support/qtestshared.h"
#include "ui/attention/attentionpanel.h"
#include "ui/attention/tokenchipbar.h"
#include "ui/mainwindow.h"
#include "ui/results/resultspanel.h"
#include "ui/status/jobstatuswidget.h"
#include "ui/task/taskpanel.h"
#include "ui/viewer/filmstripwidget.h"
#include "ui/viewer/frameview.h"
#include "ui/viewer/mediaviewer.h"
#include "ui/viewer/timelinewidget.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mplug2;
using mplug2::ui::MainWindow;
using mplug2::ui::MediaViewer;
using mplug2::ui::StudioTask;
using mplug2::ui::TimelineWidget;

namespace {
constexpr int kWait = 60000;

/// How many pixels of `image` inside `rect` have colour `colour`.
int pixelsOf(const QImage &image, const QRect &rect, const QColor &colour)
{
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            count += image.pixelColor(x, y).rgb() == colour.rgb();
    return count;
}

app::CaptionSegment segment(double start, double end, const QString &text)
{
    app::CaptionSegment s;
    s.startSeconds = start;
    s.endSeconds = end;
    s.caption.text = text;
    return s;
}
} // namespace

class DenseCaptionViewTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        QVERIFY2(!test::MediaFactory::ffmpeg().isEmpty(), "the ffmpeg command-line tool is not installed");
        model::configureThreads(0);
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-densecaptionview"));
        QCoreApplication::setApplicationName(QStringLiteral("densecaptionviewtest"));
        QSettings().clear();
        QFile::remove(app::BundleRegistry::sharedSettingsPath());
        QVERIFY(m_dir.isValid());
        test::MediaFactory media(m_dir.path());
        m_video = media.make(QStringLiteral("six.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=96x72:rate=10", "-t", "6", "-pix_fmt", "yuv420p", "-c:v",
                "libx264", "-g", "5"});
        QVERIFY2(!m_video.isEmpty(), qPrintable(media.lastError()));
        m_longVideo = media.make(QStringLiteral("sixty.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=2", "-t", "60", "-pix_fmt", "yuv420p", "-c:v",
                "libx264", "-preset", "ultrafast"});
        QVERIFY2(!m_longVideo.isEmpty(), qPrintable(media.lastError()));
        const QString fixtures = m_shared + QStringLiteral("/fixtures/tiny-a/");
        app::CheckpointBundleOptions options;
        options.checkpoint = fixtures + QStringLiteral("caption.pth");
        options.vocab = QStringLiteral(MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt");
        options.kind = app::ModelKind::Caption;
        options.bertConfigFile = fixtures + QStringLiteral("config_bert.json");
        options.modelConfigFile = fixtures + QStringLiteral("config.json");
        const Expected<app::ModelBundle> made = app::bundleForCheckpoint(options);
        QVERIFY2(made, made ? "" : made.error().message.c_str());
        m_caption = *made;
    }

    // The timeline alone: a segment per window below the track, clicking one
    // seeks to its start, and the one under the playhead is highlighted.
    void timelineDrawsWindowsAsASubtitleTrack()
    {
        TimelineWidget timeline;
        timeline.resize(600, timeline.sizeHint().height());
        timeline.setDuration(6.0);
        const int withoutTrack = timeline.sizeHint().height();
        timeline.setSegments({{0, 2, QStringLiteral("a long caption of the first window that cannot fit")},
            {2, 4, QStringLiteral("second")}, {4, 6, QStringLiteral("third")}});
        QVERIFY(timeline.sizeHint().height() > withoutTrack);
        timeline.resize(600, timeline.sizeHint().height());
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        for (int k = 0; k < 3; ++k) {
            const QRect r = timeline.segmentRect(k);
            QVERIFY(!r.isEmpty());
            QVERIFY(timeline.rect().contains(r));
            QCOMPARE(r.left(), timeline.xForSeconds(2.0 * k));
            QCOMPARE(timeline.segmentAt(r.center()), k);
            if (k > 0)
                QVERIFY(timeline.segmentRect(k - 1).right() < r.left());
        }

        QSignalSpy seek(&timeline, &TimelineWidget::seekRequested);
        QSignalSpy clicked(&timeline, &TimelineWidget::segmentClicked);
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, timeline.segmentRect(1).center() + QPoint(20, 0));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().first().toInt(), 1);
        QCOMPARE(seek.last().first().toDouble(), 2.0);
        QCOMPARE(timeline.position(), 2.0);
        QCOMPARE(timeline.currentSegment(), 1);

        // Drawn highlighted: the current window in the palette's highlight, the others not.
        const QColor highlight = timeline.palette().color(QPalette::Highlight);
        QImage shot = timeline.grab().toImage();
        const QRect inner1 = timeline.segmentRect(1).adjusted(2, 2, -2, -2);
        const QRect inner0 = timeline.segmentRect(0).adjusted(2, 2, -2, -2);
        QVERIFY2(pixelsOf(shot, inner1, highlight) > inner1.width() * inner1.height() / 2,
            qPrintable(QString::number(pixelsOf(shot, inner1, highlight))));
        QCOMPARE(pixelsOf(shot, inner0, highlight), 0);

        // The highlight follows the playhead; the last window holds to the end.
        timeline.setPosition(4.5);
        QCOMPARE(timeline.currentSegment(), 2);
        timeline.setPosition(6.0);
        QCOMPARE(timeline.currentSegment(), 2);
        shot = timeline.grab().toImage();
        QCOMPARE(pixelsOf(shot, inner1, highlight), 0);

        // The track itself still seeks, and chooses no window.
        const int y = timeline.segmentRect(0).top() - 14;
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, QPoint(timeline.xForSeconds(3.0), y));
        QCOMPARE(clicked.size(), 1);
        QVERIFY(qAbs(seek.last().first().toDouble() - 3.0) < 0.05);

        timeline.setSegments({});
        QCOMPARE(timeline.currentSegment(), -1);
        QCOMPARE(timeline.sizeHint().height(), withoutTrack);
    }

    // In the player: a click on a window seeks to its start; while playing the
    // window under the playhead is the highlighted one; one window's frames
    // replace the filmstrip's preview and give it back after.
    void playerFollowsTheWindowsWhilePlaying()
    {
        MediaViewer viewer;
        viewer.resize(700, 500);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.setSampling(4, app::FrameSampling::Middle);
        QSignalSpy opened(&viewer, &MediaViewer::mediaOpened);
        viewer.setMedia(m_video);
        QVERIFY(opened.wait(kWait));
        QTRY_COMPARE_WITH_TIMEOUT(viewer.filmstrip()->frameCount(), 4, kWait);
        viewer.setCaptionSegments(
            {segment(0, 3, QStringLiteral("first")), segment(3, 6, QStringLiteral("second"))});
        QCOMPARE(viewer.timeline()->segments().size(), 2);
        QCOMPARE(viewer.timeline()->segments().at(1).text, QStringLiteral("second"));

        QSignalSpy chosen(&viewer, &MediaViewer::segmentClicked);
        TimelineWidget *timeline = viewer.timeline();
        QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->segmentRect(1).center());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(viewer.position() - 3.0) < 0.1 + 1e-6, kWait);
        QCOMPARE(viewer.currentSegment(), 1);

        QList<int> whilePlaying;
        connect(timeline, &TimelineWidget::currentSegmentChanged, this, [&](int index) {
            if (viewer.isPlaying())
                whilePlaying.append(index);
        });
        viewer.seek(2.0);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.currentSegment(), 0, kWait);
        viewer.play();
        QTRY_VERIFY_WITH_TIMEOUT(whilePlaying.contains(1), kWait);
        QVERIFY(viewer.position() >= 3.0 - 1e-6);
        viewer.pause();

        // One window's frames (decoded by the viewer), then the preview again.
        const QList<double> times {3.4, 4.2, 5.0};
        QSignalSpy pictures(&viewer, &MediaViewer::sampleImagesChanged);
        viewer.setModelFrames({}, times, 3.0, 6.0);
        QVERIFY(pictures.wait(kWait));
        QCOMPARE(viewer.filmstrip()->frameCount(), 3);
        for (const QImage &image : viewer.sampleImages())
            QVERIFY(!image.isNull());
        QVERIFY(viewer.filmstrip()->isVisible());
        viewer.seek(1.0); // outside that window: none of its frames is the current one
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(viewer.position() - 1.0) < 0.1 + 1e-6, kWait);
        QCOMPARE(viewer.currentSample(), -1);
        viewer.setModelFrames({}, {});
        QVERIFY(!viewer.showsModelFrames());
        QTRY_COMPARE_WITH_TIMEOUT(viewer.filmstrip()->frameCount(), 4, kWait);
        QVERIFY(viewer.filmstrip()->isVisible());
    }

    // The whole app: a dense caption with attention maps on puts its windows on
    // the timeline, keeps the filmstrip, counts windows in the status bar, and
    // shows each window's own attention when it is chosen.
    void eachWindowShowsItsAttention()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(loadModel(w, m_caption));
        w.openMedia({m_video});
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->isVideo(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->filmstrip()->isVisible(), kWait);
        w.taskPanel()->setTask(StudioTask::DenseCaption);
        w.taskPanel()->findChild<QDoubleSpinBox *>(QStringLiteral("windowSpin"))->setValue(2.0);

        const app::RequestHandle task = w.runTask();
        QVERIFY(task.isValid());
        auto *stage = w.jobStatus()->findChild<QLabel *>(QStringLiteral("jobStage"));
        QVERIFY(stage);
        QStringList shown;
        task.onProgress(&w, [&](const app::EngineProgress &) { shown.append(stage->text()); });
        QTRY_VERIFY_WITH_TIMEOUT(task.isOver(), kWait);
        QVERIFY(task.outcome()->isFinished());
        const app::EngineResult dense = *task.outcome()->result;
        QCOMPARE(dense.segments.size(), 3);

        // Progress in windows, not in one window's tokens.
        QVERIFY2(!shown.filter(QRegularExpression(QStringLiteral("^Window [123]/3"))).isEmpty(),
            qPrintable(shown.join(u'|')));
        QVERIFY2(shown.filter(QRegularExpression(QStringLiteral("^Generating text \\d+/\\d+"))).isEmpty(),
            qPrintable(shown.join(u'|')));

        // The windows on the timeline; the filmstrip is still there.
        TimelineWidget *timeline = w.viewer()->timeline();
        QTRY_COMPARE(timeline->segments().size(), 3);
        for (int k = 0; k < 3; ++k)
            QCOMPARE(timeline->segments().at(k).text, dense.segments.at(k).caption.text);
        QVERIFY(w.viewer()->filmstrip()->isVisible());
        QVERIFY(w.viewer()->filmstrip()->frameCount() > 0);

        // The first window is chosen: its attention, not "run caption or ask".
        QCOMPARE(w.resultsPanel()->selectedWindow(), 0);
        QVERIFY(w.attentionPanel()->hasAttention());
        QCOMPARE(w.attentionPanel()->result().mediaInput.startSeconds, 0.0);
        QCOMPARE(w.attentionPanel()->tokenChips()->tokens(), dense.segments.at(0).attention->tokens);

        // The dense caption as a whole: the preview in the filmstrip, and the panel says where the maps are.
        QTreeWidget *tree = w.resultsPanel()->tree();
        tree->setCurrentItem(tree->topLevelItem(0));
        QCOMPARE(w.resultsPanel()->selectedWindow(), -1);
        QVERIFY(!w.viewer()->showsModelFrames());
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->filmstrip()->isVisible(), kWait);
        QCOMPARE(timeline->segments().size(), 3);
        QVERIFY(!w.attentionPanel()->hasAttention());
        const QString summary
            = w.attentionPanel()->findChild<QLabel *>(QStringLiteral("attentionSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("choose one")), qPrintable(summary));

        // Window 3, clicked in Results.
        QTreeWidgetItem *third = tree->topLevelItem(0)->child(2);
        tree->scrollToItem(third);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(third).center());
        QCOMPARE(w.resultsPanel()->selectedWindow(), 2);
        checkWindowShown(w, dense, 2);

        // Window 2, clicked on the timeline.
        QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->segmentRect(1).center());
        QCOMPARE(w.resultsPanel()->selectedWindow(), 1);
        checkWindowShown(w, dense, 1);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(w.viewer()->position() - 2.0) < 0.1 + 1e-6, kWait);
        QCOMPARE(timeline->currentSegment(), 1);
        // Its map lies over the player's frame while the playhead is in the window.
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->frameView()->hasOverlay(), kWait);
    }

    // Esc during a dense caption: the request ends Cancelled, the windows done
    // so far stay in Results (marked partial) and on the timeline, and export.
    void cancelKeepsTheFinishedWindows()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(loadModel(w, m_caption));
        w.openMedia({m_longVideo});
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->isVideo(), kWait);
        w.taskPanel()->setTask(StudioTask::DenseCaption);
        w.taskPanel()->findChild<QDoubleSpinBox *>(QStringLiteral("windowSpin"))->setValue(2.0);
        app::testing::EngineRecorder rec(w.engine());
        const app::RequestHandle task = w.runTask();
        QVERIFY(task.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(!rec.progress.isEmpty() && rec.progress.last().windowsDone() >= 2, kWait);
        w.findChild<QAction *>(QStringLiteral("actionCancel"))->trigger(); // Esc
        QTRY_VERIFY_WITH_TIMEOUT(task.isOver(), kWait);
        QCOMPARE(task.state(), app::RequestState::Cancelled);
        QVERIFY(rec.finished.isEmpty());

        const std::optional<app::EngineResult> kept = w.resultsPanel()->result(task.id());
        QVERIFY2(kept.has_value(), "the finished windows were thrown away");
        QVERIFY(kept->partial);
        const int done = int(kept->segments.size());
        QVERIFY2(done >= 2 && done < 30, qPrintable(QString::number(done)));
        QCOMPARE(kept->windowCount, 30);
        const QStringList texts = w.resultsPanel()->texts(task.id());
        QCOMPARE(texts.value(0), QStringLiteral("%1 of 30 windows; cancelled").arg(done));
        QCOMPARE(texts.size(), done + 1);
        QCOMPARE(w.resultsPanel()->tree()->topLevelItem(0)->text(1), QStringLiteral("cancelled"));
        QTRY_COMPARE(w.viewer()->timeline()->segments().size(), done);

        const QString srt = m_dir.filePath(QStringLiteral("partial.srt"));
        QVERIFY(w.resultsPanel()->exportResult(task.id(), QStringLiteral("srt"), srt));
        QFile file(srt);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()).count(QStringLiteral(" --> ")), done);
    }

private:
    /// The viewer and the attention panel show window `k` of `dense`.
    static void checkWindowShown(MainWindow &w, const app::EngineResult &dense, int k)
    {
        const app::CaptionSegment &window = dense.segments.at(k);
        QVERIFY(window.attention.has_value());
        const app::EngineResult &shown = w.attentionPanel()->result();
        QCOMPARE(shown.mediaInput.startSeconds, window.startSeconds);
        QCOMPARE(shown.items.value(0).text, window.caption.text);
        QVERIFY(shown.attention.has_value());
        QCOMPARE(shown.attention->crossAttention, window.attention->crossAttention);
        QCOMPARE(w.attentionPanel()->tokenChips()->tokens(), window.attention->tokens);
        QCOMPARE(w.viewer()->sampleTimes(), window.geometry.frameTimes);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->filmstrip()->isVisible(), kWait);
        QCOMPARE(w.viewer()->filmstrip()->frameCount(), window.geometry.frames);
    }

    static bool loadModel(MainWindow &w, const app::ModelBundle &bundle)
    {
        const app::RequestHandle load = w.loadModel(bundle, app::DeviceChoice::cpu());
        QElapsedTimer clock;
        clock.start();
        while (!load.isOver() && clock.elapsed() < kWait)
            QTest::qWait(20);
        return load.outcome() && load.outcome()->isFinished();
    }

    QString m_shared;
    QTemporaryDir m_dir;
    QString m_video;
    QString m_longVideo;
    app::ModelBundle m_caption;
};

QTEST_MAIN(DenseCaptionViewTest)
#include "densecaptionviewtest.moc"
