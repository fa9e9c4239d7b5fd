// Engine: request life cycle, ordering, cancellation and failures, over a
// scripted backend whose timing the test controls. (The engine over the real
// mPLUG-2 backend and the fixture checkpoints is tested in enginetest.cpp.)
#include "app/engine/engine.h"
#include "tests/app/enginerecorder.h"
#include "tests/app/scriptedbackend.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace mplug2;
using namespace mplug2::app;
using namespace mplug2::app::testing;

class EngineSchedulingTest : public QObject {
    Q_OBJECT

    QList<QString> m_log;
    QMutex m_logMutex;

    std::unique_ptr<Engine> makeEngine()
    {
        m_log.clear();
        return std::make_unique<Engine>(
            [this] { return std::make_unique<ScriptedBackend>(&m_log, &m_logMutex); });
    }
    QList<QString> log()
    {
        QMutexLocker lock(&m_logMutex);
        return m_log;
    }

private Q_SLOTS:
    void requestWithoutModelFailsAndEndsInOrder()
    {
        auto engine = makeEngine();
        EngineRecorder rec(engine.get());
        QSignalSpy busy(engine.get(), &Engine::busyChanged);
        const RequestHandle h = engine->submit(work(QStringLiteral("a.mp4"), 1));
        QVERIFY(h.id() != 0);
        QCOMPARE(h.state(), RequestState::Queued);
        QCOMPARE(rec.queued.size(), 0); // nothing is announced inside the call
        QTRY_COMPARE_WITH_TIMEOUT(rec.failed.size(), 1, 5000);
        QCOMPARE(rec.queued, QList<RequestId> {h.id()});
        QCOMPARE(rec.started, QList<RequestId> {h.id()});
        const EngineError e = rec.failed.at(0);
        QCOMPARE(e.id, h.id());
        QVERIFY2(e.message.contains(QStringLiteral("no model is loaded")), qPrintable(e.message));
        QCOMPARE(h.state(), RequestState::Failed);
        QVERIFY(h.isOver());
        QTRY_VERIFY(!engine->isBusy());
        QCOMPARE(busy.size(), 2);
    }

    void loadThenRunGivesResultsAndProgress()
    {
        auto engine = makeEngine();
        EngineRecorder rec(engine.get());
        QSignalSpy loaded(engine.get(), &Engine::modelLoaded);
        const RequestHandle load = engine->loadModel(bundleNamed(QStringLiteral("m1")), DeviceChoice::cpu());
        const RequestHandle h = engine->submit(work(QStringLiteral("a.mp4"), 3));
        QList<EngineProgress> progress;
        h.onProgress(this, [&](const EngineProgress &p) { progress.append(p); });
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), 1, 5000);
        QCOMPARE(loaded.size(), 1);
        QVERIFY(load.outcome() && load.outcome()->model);
        QCOMPARE(load.outcome()->model->bundle.id, QStringLiteral("m1"));
        QCOMPARE(engine->currentModel()->bundle.id, QStringLiteral("m1"));
        const EngineResult r = rec.finished.at(0);
        QCOMPARE(r.id, h.id());
        QCOMPARE(h.outcome()->result->items.value(0).text, QStringLiteral("a.mp4 done"));
        QCOMPARE(r.task, TaskKind::Caption);
        QCOMPARE(r.items.value(0).text, QStringLiteral("a.mp4 done"));
        QVERIFY(r.timings.totalMs >= 30.0);
        // The stage change and the last step always go out; steps in between are throttled.
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last().id, h.id());
        QCOMPARE(progress.last().step, 3);
        QCOMPARE(progress.last().total, 3);
        QCOMPARE(engine->stats().decoderSteps, 3);
        QCOMPARE(engine->stats().requestsFinished, 2);
    }

    void aHandleEndsExactlyOnceAndLateCallbacksStillRun()
    {
        auto engine = makeEngine();
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        const RequestHandle h = engine->submit(work(QStringLiteral("once.mp4"), 2));
        int ends = 0;
        int started = 0;
        h.onStarted(this, [&] { ++started; }).then(this, [&](const RequestOutcome &o) {
            ++ends;
            QCOMPARE(o.id, h.id());
            QVERIFY(o.isFinished());
            QVERIFY(o.expected());
        });
        QTRY_COMPARE_WITH_TIMEOUT(ends, 1, 5000);
        QCOMPARE(started, 1);
        QVERIFY(!h.cancel()); // over: nothing to cancel, and no second end
        int late = 0;
        h.then(this, [&](const RequestOutcome &o) { late += o.isFinished() ? 1 : 100; });
        QCOMPARE(late, 0); // never inside the call that attached it
        QTRY_COMPARE(late, 1);
        QTest::qWait(50);
        QCOMPARE(ends, 1);
        QCOMPARE(late, 1);
    }

    void aCallbackWhoseContextIsGoneNeverRuns()
    {
        auto engine = makeEngine();
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        const RequestHandle h = engine->submit(work(QStringLiteral("a.mp4"), 2));
        bool ran = false;
        auto context = std::make_unique<QObject>();
        h.then(context.get(), [&](const RequestOutcome &) { ran = true; });
        context.reset();
        QTRY_VERIFY(h.isOver());
        QTest::qWait(20);
        QVERIFY(!ran);
    }

    void destroyingTheEngineEndsWhatIsLeftAsCancelled()
    {
        auto engine = makeEngine();
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        const RequestHandle running = engine->submit(work(QStringLiteral("endless"), 100000));
        const RequestHandle queued = engine->submit(work(QStringLiteral("never"), 1));
        QList<RequestState> ends;
        for (const RequestHandle &h : {running, queued})
            h.then(this, [&](const RequestOutcome &o) { ends.append(o.state); });
        QTRY_COMPARE_WITH_TIMEOUT(running.state(), RequestState::Running, 5000);
        engine.reset();
        QCOMPARE(running.state(), RequestState::Cancelled);
        QCOMPARE(queued.state(), RequestState::Cancelled);
        QCOMPARE(ends, (QList<RequestState> {RequestState::Cancelled, RequestState::Cancelled}));
        QVERIFY(!running.cancel());
    }

    void interactiveRequestsOvertakeBatchWork()
    {
        auto engine = makeEngine();
        EngineRecorder rec(engine.get());
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        engine->submit(work(QStringLiteral("b1"), 5, RequestPriority::Batch));
        engine->submit(work(QStringLiteral("b2"), 1, RequestPriority::Batch));
        engine->submit(work(QStringLiteral("i1"), 1, RequestPriority::Interactive));
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), 3, 5000);
        QStringList runs;
        for (const QString &line : log())
            if (line.startsWith(QLatin1String("run ")))
                runs.append(line.mid(4));
        // b1 may already be running when i1 arrives; i1 must still beat b2.
        QVERIFY2(runs.indexOf(QStringLiteral("i1")) < runs.indexOf(QStringLiteral("b2")),
            qPrintable(runs.join(u',')));
    }

    void cancelARunningRequestEndsWithinTwoHundredMilliseconds()
    {
        auto engine = makeEngine();
        EngineRecorder rec(engine.get());
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        const RequestHandle h = engine->submit(work(QStringLiteral("long.mp4"), 1000));
        QTRY_COMPARE_WITH_TIMEOUT(rec.started.size(), 2, 5000);
        QTest::qWait(100);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(h.cancel());
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), RequestState::Cancelled, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(rec.cancelled, QList<RequestId> {h.id()});
        QVERIFY(!engine->cancel(h.id()));
        // Next request still works.
        engine->submit(work(QStringLiteral("next.mp4"), 1));
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), 1, 5000);
        QCOMPARE(rec.cancelled.size(), 1);
    }

    void cancelAQueuedRequestNeverRunsIt()
    {
        auto engine = makeEngine();
        EngineRecorder rec(engine.get());
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        engine->submit(work(QStringLiteral("first"), 10));
        const RequestHandle second = engine->submit(work(QStringLiteral("second"), 1));
        bool startedAnyway = false;
        second.onStarted(this, [&] { startedAnyway = true; });
        QVERIFY(second.cancel());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), 1, 5000);
        QCOMPARE(rec.cancelled, QList<RequestId> {second.id()});
        QCOMPARE(second.state(), RequestState::Cancelled);
        QCOMPARE(second.outcome()->expected().error().code, ErrorCode::Cancelled);
        QTRY_VERIFY(!engine->isBusy());
        QVERIFY(!startedAnyway);
        QVERIFY(!log().contains(QStringLiteral("run second")));
    }

    void cancelALoadWhileQueuedAndWhileRunning()
    {
        auto engine = makeEngine();
        const RequestHandle first
            = engine->loadModel(bundleNamed(QStringLiteral("slow")), DeviceChoice::cpu());
        const RequestHandle second = engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        QVERIFY(second.cancel());
        QTRY_COMPARE_WITH_TIMEOUT(first.state(), RequestState::Running, 5000);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(first.cancel());
        QTRY_COMPARE_WITH_TIMEOUT(first.state(), RequestState::Cancelled, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(second.state(), RequestState::Cancelled);
        QVERIFY(!engine->currentModel());
        QVERIFY(!log().contains(QStringLiteral("load m")));
    }

    void failuresAreMessagesAndTheNextRequestWorks()
    {
        auto engine = makeEngine();
        EngineRecorder rec(engine.get());
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        engine->submit(work(QStringLiteral("missing.mp4"), 1));
        engine->submit(work(QStringLiteral("throws.mp4"), 1));
        engine->submit(work(QStringLiteral("fine.mp4"), 1));
        QTRY_COMPARE_WITH_TIMEOUT(rec.finished.size(), 1, 5000);
        QCOMPARE(rec.failed.size(), 2);
        const EngineError missing = rec.failed.at(0);
        QCOMPARE(missing.code, ErrorCode::NotFound);
        QCOMPARE(missing.message, QStringLiteral("missing.mp4 does not exist"));
        const EngineError thrown = rec.failed.at(1);
        QCOMPARE(thrown.code, ErrorCode::Internal);
        QVERIFY(thrown.details.contains(QStringLiteral("boom")));
    }

    void failedLoadsKeepNoModelAndSayWhy()
    {
        auto engine = makeEngine();
        EngineRecorder rec(engine.get());
        engine->loadModel(bundleNamed(QStringLiteral("broken")), DeviceChoice::cpu());
        engine->submit(work(QStringLiteral("a.mp4"), 1));
        QTRY_COMPARE_WITH_TIMEOUT(rec.failed.size(), 2, 5000);
        const EngineError load = rec.failed.at(0);
        QCOMPARE(load.message, QStringLiteral("the checkpoint is damaged"));
        QCOMPARE(load.details, QStringLiteral("key x has shape [3] instead of [4]"));
        QVERIFY(!load.suggestCpu);
        QVERIFY(rec.failed.at(1).message.contains(QStringLiteral("no model is loaded")));
        QVERIFY(!engine->currentModel());
        QVERIFY(log().contains(QStringLiteral("unload")));
    }

    void cudaOutOfMemorySuggestsTheCpu()
    {
        auto engine = makeEngine();
        DeviceChoice cuda;
        cuda.kind = DeviceKind::Cuda;
        const RequestHandle load = engine->loadModel(bundleNamed(QStringLiteral("huge")), cuda);
        QTRY_VERIFY_WITH_TIMEOUT(load.isOver(), 5000);
        QVERIFY(load.outcome()->isFailed());
        const EngineError e = *load.outcome()->error;
        QCOMPARE(e.code, ErrorCode::OutOfMemory);
        QVERIFY(e.suggestCpu);
    }

    void cancelAllAndDestructionStopPromptly()
    {
        auto engine = makeEngine();
        EngineRecorder rec(engine.get());
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        for (int i = 0; i < 4; ++i)
            engine->submit(work(QStringLiteral("w%1").arg(i), 1000));
        QTRY_COMPARE_WITH_TIMEOUT(rec.started.size(), 2, 5000);
        engine->cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(rec.cancelled.size(), 4, 2000);
        QTRY_VERIFY(!engine->isBusy());
        engine->submit(work(QStringLiteral("endless"), 100000));
        QTRY_COMPARE_WITH_TIMEOUT(rec.started.size(), 3, 5000);
        QElapsedTimer clock;
        clock.start();
        engine.reset();
        QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(rec.cancelled.size(), 5);
    }

    void cacheCapacityReachesTheBackendBeforeTheNextRequest()
    {
        auto engine = makeEngine();
        QSignalSpy loaded(engine.get(), &Engine::modelLoaded);
        engine->setVisualCacheCapacity(1234);
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        QVERIFY(loaded.wait(5000));
        QVERIFY2(log().contains(QStringLiteral("cache 1234")), qPrintable(log().join(u',')));
    }
};

QTEST_GUILESS_MAIN(EngineSchedulingTest)
#include "engineschedulingtest.moc"
