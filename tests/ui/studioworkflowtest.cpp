// The whole app with the real engine and the tiny fixture checkpoints (their
// answers are random words; what matters is that what the model produced is
// what the window shows): open a generated video, caption it, ask a
// question by typing it and pressing Enter, click answer tokens and see the
// overlay change, cancel a long job, come back after a restart, and keep the
// event loop turning while the model runs (timer-lag probe).
#include "app/bundle/bundleregistry.h"
#include "app/bundle/checkpointbundle.h"
#include "app/engine/memorycheck.h"
#include "model/runtime/runtimeinfo.h"
#include "tests/app/enginerecorder.h"
#include "tests/support/eventlagprobe.h"
#include "tests/support/mediafactory.h"
#include "tests/support/qtestshared.h"
#include "ui/attention/attentionpanel.h"
#include "ui/attention/tokenchipbar.h"
#include "ui/mainwindow.h"
#include "ui/results/resultspanel.h"
#include "ui/search/whyresultdialog.h"
#include "ui/status/errorbanner.h"
#include "ui/status/jobstatuswidget.h"
#include "ui/task/taskpanel.h"
#include "ui/viewer/frameview.h"
#include "ui/viewer/mediaviewer.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace mplug2;
using mplug2::ui::MainWindow;
using mplug2::ui::StudioTask;

namespace {
constexpr int kWait = 120000;
/// The bound on one event-loop stall while the model runs.
constexpr double kMaxStallMs = 50.0;

/// How many pixels of `a` and `b` (same size) differ.
int differingPixels(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            count += p[col] != q[col];
    }
    return count;
}
} // namespace

class StudioWorkflowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        QVERIFY2(!test::MediaFactory::ffmpeg().isEmpty(), "the ffmpeg command-line tool is not installed");
        model::configureThreads(0); // as mplug2-studio does
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-test-workflow"));
        QCoreApplication::setApplicationName(QStringLiteral("studioworkflowtest"));
        QSettings().clear();
        QFile::remove(app::BundleRegistry::sharedSettingsPath());
        QVERIFY(m_dir.isValid());
        test::MediaFactory media(m_dir.path());
        m_video = media.make(QStringLiteral("clip.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=96x72:rate=10", "-t", "4", "-pix_fmt", "yuv420p", "-c:v",
                "libx264"});
        QVERIFY2(!m_video.isEmpty(), qPrintable(media.lastError()));
        // Ten minutes at 2 frames per second: many dense-caption windows, cheap to encode.
        m_longVideo = media.make(QStringLiteral("long.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=2", "-t", "600", "-pix_fmt", "yuv420p", "-c:v",
                "libx264", "-preset", "ultrafast"});
        QVERIFY2(!m_longVideo.isEmpty(), qPrintable(media.lastError()));
        m_caption = bundle(QStringLiteral("caption.pth"), app::ModelKind::Caption);
        m_qa = bundle(QStringLiteral("qa.pth"), app::ModelKind::Qa);
    }

    void captionsAVideoAndShowsWhereItLooked()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(loadModel(w, m_caption));
        w.openMedia({m_video});
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->isVideo(), kWait);

        app::testing::EngineRecorder rec(w.engine());
        w.taskPanel()->setTask(StudioTask::Caption);
        QTest::mouseClick(w.taskPanel()->runButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!rec.finished.isEmpty(), kWait);
        const app::EngineResult result = rec.finished.first();
        QVERIFY(!result.items.isEmpty());
        const QString caption = result.items.first().text;
        QVERIFY(!caption.isEmpty());
        // The caption is in the results tree, where the user reads it.
        QTRY_VERIFY(
            !w.resultsPanel()->tree()->findItems(caption, Qt::MatchExactly | Qt::MatchRecursive).isEmpty());
        QCOMPARE(w.resultsPanel()->texts(result.id).value(0), caption);
        QVERIFY(result.attention.has_value());

        // The attention panel lists the caption's tokens; the viewer knows the sampled frames.
        ui::AttentionPanel *attention = w.attentionPanel();
        QTRY_VERIFY(attention->hasAttention());
        QCOMPARE(attention->tokenChips()->tokens(), result.attention->tokens);
        QVERIFY(attention->tokenChips()->tokens().size() >= 2);
        QCOMPARE(w.viewer()->sampleTimes(), result.geometry.frameTimes);

        // No overlay before a token is chosen; clicking a chip lays its map over the player's frame.
        ui::FrameView *frame = w.viewer()->frameView();
        QTRY_VERIFY(!frame->grab().toImage().isNull());
        const QImage plain = frame->grab().toImage();
        QTest::mouseClick(attention->tokenChips()->chip(0), Qt::LeftButton);
        QTRY_VERIFY(frame->hasOverlay());
        QCOMPARE(attention->selectedToken(), 0);
        const app::AttentionGrid first = attention->grid();
        const QImage overlaid = frame->grab().toImage();
        QCOMPARE(overlaid.size(), plain.size());
        QVERIFY2(differingPixels(plain, overlaid) > overlaid.width() * overlaid.height() / 10,
            "the overlay barely changed the player's frame");

        // Another token: another map (the one the model's arrays give), other pixels.
        QTest::mouseClick(attention->tokenChips()->chip(1), Qt::LeftButton);
        QCOMPARE(attention->selectedToken(), 1);
        QVERIFY(attention->grid().values != first.values);
        QCOMPARE(attention->grid().values,
            result.attention
                ->grid(app::AttentionMethod::CrossAttention, 1, app::kMeanOfLayers, app::kMeanOfHeads)
                .values);
        const QImage second = frame->grab().toImage();
        QCOMPARE(second.size(), overlaid.size());
        QVERIFY2(differingPixels(overlaid, second) > 0, "the overlay did not change with the token");
    }

    void asksAQuestionWithEnter()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(loadModel(w, m_qa));
        w.openMedia({m_video});
        w.taskPanel()->setTask(StudioTask::Ask);
        auto *question = w.taskPanel()->findChild<QComboBox *>(QStringLiteral("questionBox"));
        QVERIFY(question);
        app::testing::EngineRecorder rec(w.engine());
        question->lineEdit()->setFocus();
        QTest::keyClicks(question->lineEdit(), QStringLiteral("what is shown?"));
        QTest::keyClick(question->lineEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!rec.finished.isEmpty(), kWait);
        const app::EngineResult result = rec.finished.first();
        QCOMPARE(result.question, QStringLiteral("what is shown?"));
        QVERIFY(!result.items.isEmpty());
        const QString answer = result.items.first().text;
        QVERIFY(!answer.isEmpty());
        QTRY_VERIFY(
            !w.resultsPanel()->tree()->findItems(answer, Qt::MatchExactly | Qt::MatchRecursive).isEmpty());
        QCOMPARE(w.resultsPanel()->texts(result.id).value(0), answer);
        QCOMPARE(w.taskPanel()->questionHistory().value(0), QStringLiteral("what is shown?"));
    }

    void cancelStopsARunningJob()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(loadModel(w, m_caption));
        w.openMedia({m_longVideo});
        w.taskPanel()->setTask(StudioTask::DenseCaption);
        app::testing::EngineRecorder rec(w.engine());
        const app::RequestHandle task = w.runTask();
        QVERIFY(task.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(rec.progress.count() >= 2, kWait);
        QVERIFY(rec.finished.isEmpty());
        QTRY_VERIFY(w.jobStatus()->cancelButton()->isVisible());
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(w.jobStatus()->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(task.isOver(), kWait);
        qInfo("cancelled %lld ms after the click", clock.elapsed());
        QCOMPARE(task.state(), app::RequestState::Cancelled);
        QCOMPARE(rec.cancelled, QList<app::RequestId> {task.id()});
        QVERIFY(rec.finished.isEmpty());
        QTRY_VERIFY(!w.jobStatus()->isVisible());
        // A dense caption keeps the windows it finished before the cancel, marked partial (none, or a
        // few, here: densecaptionviewtest checks them).
        if (const std::optional<app::EngineResult> kept = w.resultsPanel()->result(task.id()))
            QVERIFY(kept->partial);
        // The window still works: the next caption runs.
        w.openMedia({m_video});
        w.taskPanel()->setTask(StudioTask::Caption);
        const app::RequestHandle next = w.runTask();
        QVERIFY(next.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(next.isOver(), kWait);
        QVERIFY(next.outcome()->isFinished());
    }

    void cancellingAQueuedTaskOrLoadEndsItVisibly()
    {
        // While a long dense caption runs, a second task and a model load wait in the queue; Esc on
        // each (from the status bar, which follows every request) ends it where the user sees it.
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(loadModel(w, m_caption));
        app::testing::EngineRecorder rec(w.engine());
        w.openMedia({m_longVideo});
        w.taskPanel()->setTask(StudioTask::DenseCaption);
        const app::RequestHandle running = w.runTask();
        QTRY_COMPARE_WITH_TIMEOUT(running.state(), app::RequestState::Running, kWait);
        const app::RequestHandle queued = w.runTask();
        QVERIFY(queued.isValid());
        QTRY_COMPARE(rec.handles.size(), 2);
        QCOMPARE(rec.handles.last(), queued);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(rec.handles.last().cancel());
        QTRY_COMPARE_WITH_TIMEOUT(
            w.resultsPanel()->texts(queued.id()), QStringList {QStringLiteral("Cancelled")}, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(running.state(), app::RequestState::Running);

        auto *label = w.findChild<QLabel *>(QStringLiteral("modelLabel"));
        const QString loadedText = label->text();
        // The precision in use is always on show.
        QVERIFY2(loadedText.endsWith(QStringLiteral(" · fp32")), qPrintable(loadedText));
        const app::RequestHandle load = w.loadModel(m_qa, app::DeviceChoice::cpu());
        QVERIFY(label->text().startsWith(QStringLiteral("Loading")));
        QTRY_COMPARE(rec.handles.size(), 3);
        clock.restart();
        QVERIFY(rec.handles.last().cancel());
        QTRY_COMPARE_WITH_TIMEOUT(load.state(), app::RequestState::Cancelled, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(label->text(), loadedText);
        QVERIFY(!w.loadRequest().isValid());
        QCOMPARE(w.engine()->currentModel()->bundle.id, m_caption.id);

        QVERIFY(w.jobStatus()->cancelCurrent());
        QTRY_COMPARE_WITH_TIMEOUT(running.state(), app::RequestState::Cancelled, 2000);
        QTRY_VERIFY(!w.jobStatus()->isVisible());
    }

    // A model the memory check refuses in fp32 offers bf16 when that fits, and loads in it.
    void aModelThatDoesNotFitOffersHalfTheWeights()
    {
        MainWindow w;
        w.show();
        app::DeviceChoice fp32 = app::DeviceChoice::cpu(), bf16 = app::DeviceChoice::cpu();
        fp32.precision = app::Precision::Fp32;
        bf16.precision = app::Precision::Bf16;
        const Expected<app::MemoryCheck> full = app::checkBundleMemory(m_caption, fp32, -1);
        const Expected<app::MemoryCheck> half = app::checkBundleMemory(m_caption, bf16, -1);
        QVERIFY(full && half);
        const qint64 between = (full->need.total() + half->need.total()) / 2 + model::kMemoryMargin;
        qputenv("MPLUG2_FAKE_MEM_AVAILABLE", QByteArray::number(between));
        const app::RequestHandle refused = w.loadModel(m_caption, fp32);
        QTRY_VERIFY_WITH_TIMEOUT(refused.isOver(), kWait);
        QVERIFY(refused.outcome() && refused.outcome()->isFailed());
        auto *action = w.errorBanner()->findChild<QPushButton *>(QStringLiteral("errorActionButton"));
        QVERIFY(action && action->isVisibleTo(&w));
        QCOMPARE(action->text(), QStringLiteral("Load in bf16"));
        QVERIFY2(w.errorBanner()->message().contains(app::formatMemory(between)),
            qPrintable(w.errorBanner()->message()));
        action->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.engine()->currentModel().has_value(), kWait);
        qunsetenv("MPLUG2_FAKE_MEM_AVAILABLE");
        QCOMPARE(w.engine()->currentModel()->device.precision, app::Precision::Bf16);
        QVERIFY(w.engine()->currentModel()->estimatedBytes > 0);
    }

    // "Why this result?" with the real model: it shows where the model looks while it
    // reads the query (it used to say "no attention maps" for every media).
    void whyThisResultShowsTheRealModelsAttention()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(loadModel(w, m_caption));
        mplug2::ui::WhyResultDialog why(w.engine(), m_video, QStringLiteral("a colourful test pattern"), &w);
        QSignalSpy ready(&why, &mplug2::ui::WhyResultDialog::ready);
        QVERIFY(ready.wait(kWait));
        QVERIFY(ready.first().first().toBool());
        QVERIFY(!why.shownFrames().isEmpty());
        for (QLabel *label : why.findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(QStringLiteral("no attention maps")), qPrintable(label->text()));
    }

    void aRestartBringsBackTheWindowTheModelAndTheQuestions()
    {
        // A registered bundle made the default, as Model ▸ Manage Models or
        // `mplug2 import --default` leaves one.
        const QString folder = m_dir.filePath(QStringLiteral("tiny-a-qa"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(m_qa.save(folder + QStringLiteral("/manifest.json")));
        app::BundleRegistry registry;
        const Expected<app::ModelBundle> registered = registry.add(folder);
        QVERIFY2(registered, registered ? "" : registered.error().message.c_str());
        registry.setDefaultId(registered->id);
        {
            MainWindow w;
            w.resize(1100, 700);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(loadModel(w, *registered));
            w.openMedia({m_video});
            w.taskPanel()->setTask(StudioTask::Ask);
            w.taskPanel()->setQuestion(QStringLiteral("is it raining?"));
            const app::RequestHandle task = w.runTask();
            QVERIFY(task.isValid());
            QTRY_VERIFY_WITH_TIMEOUT(task.isOver(), kWait);
            QVERIFY(task.outcome()->isFinished());
            w.findChild<QDockWidget *>(QStringLiteral("mediaDock"))->hide();
            w.close();
        }
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(1100, 700));
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("mediaDock"))->isHidden());
        QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("attentionDock"))->isHidden());
        QCOMPARE(w.taskPanel()->task(), StudioTask::Ask);
        QCOMPARE(w.taskPanel()->questionHistory().value(0), QStringLiteral("is it raining?"));
        QSignalSpy loaded(w.engine(), &app::Engine::modelLoaded);
        QVERIFY(w.loadStartupModel());
        QVERIFY(loaded.wait(kWait));
        QCOMPARE(w.engine()->currentModel()->bundle.id, registered->id);
        // It says which model and why.
        const QString name = registered->name.isEmpty() ? registered->id : registered->name;
        QVERIFY2(w.startupReason().contains(name) && w.startupReason().contains(QStringLiteral("default")),
            qPrintable(w.startupReason()));
        w.findChild<QDockWidget *>(QStringLiteral("mediaDock"))->show();
        w.close();
        QVERIFY(registry.remove(registered->id));
    }

    void eventLoopStaysResponsiveDuringInference()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(loadModel(w, m_caption));
        w.openMedia({m_video});
        QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->isVideo(), kWait);
        QTest::qWait(300); // let the viewer's first decodes settle

        // Captions with attention maps (the panel's default), each result
        // shown and its first token's overlay drawn, as a user would.
        test::EventLagProbe probe;
        probe.start();
        // At least 4 requests, and more until the probe has watched for 300 ms:
        // the tiny model can answer 4 in under 50 ms, too few ticks to judge.
        constexpr int kMinRuns = 4, kMaxRuns = 200;
        constexpr qint64 kMinProbeMs = 300;
        QElapsedTimer probing;
        probing.start();
        int runs = 0;
        while (runs < kMinRuns || (probing.elapsed() < kMinProbeMs && runs < kMaxRuns)) {
            w.taskPanel()->setTask(StudioTask::Caption);
            const app::RequestHandle task = w.runTask();
            QVERIFY(task.isValid());
            QTRY_VERIFY_WITH_TIMEOUT(task.isOver(), kWait);
            QVERIFY(task.outcome()->isFinished());
            QTRY_VERIFY(w.attentionPanel()->hasAttention());
            w.attentionPanel()->selectToken(0);
            ++runs;
        }
        const test::EventLagProbe::Stalls stalls = probe.stop();
        qInfo("longest event-loop stall over %d ticks during %d requests: %.1f ms own, %.1f ms wall "
              "(wall includes waiting for a CPU; schedstat %s)",
            stalls.ticks, runs, stalls.ownMs, stalls.wallMs, stalls.schedstat ? "read" : "unavailable");
        QVERIFY(stalls.ticks > 10);
        QVERIFY2(stalls.ownMs <= kMaxStallMs,
            qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(stalls.ownMs)));
    }

private:
    app::ModelBundle bundle(const QString &checkpoint, app::ModelKind kind)
    {
        const QString fixtures = m_shared + QStringLiteral("/fixtures/tiny-a/");
        app::CheckpointBundleOptions options;
        options.checkpoint = fixtures + checkpoint;
        options.vocab = QStringLiteral(MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt");
        options.kind = kind;
        options.bertConfigFile = fixtures + QStringLiteral("config_bert.json");
        options.modelConfigFile = fixtures + QStringLiteral("config.json");
        const Expected<app::ModelBundle> made = app::bundleForCheckpoint(options);
        if (!made)
            qFatal("%s", made.error().message.c_str());
        return *made;
    }

    static bool loadModel(MainWindow &w, const app::ModelBundle &bundle)
    {
        const app::RequestHandle load = w.loadModel(bundle, app::DeviceChoice::cpu());
        QElapsedTimer clock;
        clock.start();
        while (!load.isOver() && clock.elapsed() < kWait)
            QTest::qWait(20);
        if (load.outcome() && load.outcome()->error)
            qWarning("load failed: %s", qPrintable(load.outcome()->error->message));
        return load.outcome() && load.outcome()->isFinished();
    }

    QString m_shared;
    QTemporaryDir m_dir;
    QString m_video;
    QString m_longVideo;
    app::ModelBundle m_caption;
    app::ModelBundle m_qa;
};

QTEST_MAIN(StudioWorkflowTest)
#include "studioworkflowtest.moc"
