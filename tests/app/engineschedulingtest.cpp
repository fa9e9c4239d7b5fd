// Engine: request life cycle, ordering, cancellation and failures, over a
// scripted backend whose timing the test controls. (The engine over the real
// mPLUG-2 backend and the fixture checkpoints is tested in enginetest.cpp.)
#include "app/engine/engine.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace mplug2;
using namespace mplug2::app;

namespace {

/// Works for `generation.maxLength` steps of 10 ms each, polling the cancel
/// flag between steps like the real decoder; records the order it ran things in.
class ScriptedBackend : public InferenceBackend {
public:
    explicit ScriptedBackend(QList<QString> *log, QMutex *logMutex)
        : m_log(log)
        , m_logMutex(logMutex)
    { }

    Expected<ModelInfo> load(
        const ModelBundle &bundle, const DeviceChoice &device, RequestContext &ctx) override
    {
        record(QStringLiteral("load ") + bundle.id);
        if (bundle.id == QLatin1String("broken"))
            return makeError(
                ErrorCode::Format, "the checkpoint is damaged\nkey x has shape [3] instead of [4]");
        if (bundle.id == QLatin1String("huge"))
            return makeError(ErrorCode::OutOfMemory, "CUDA out of memory");
        ctx.progress(EngineStage::LoadingModel, 1, 1);
        ModelInfo info;
        info.bundle = bundle;
        info.device = device;
        return info;
    }
    void unload() override { record(QStringLiteral("unload")); }
    void setVisualCacheCapacity(qint64 bytes) override { record(QStringLiteral("cache %1").arg(bytes)); }

    Expected<EngineResult> run(const EngineRequest &request, RequestContext &ctx) override
    {
        record(QStringLiteral("run ") + request.media.path);
        if (request.media.path == QLatin1String("missing.mp4"))
            return makeError(ErrorCode::NotFound, "missing.mp4 does not exist");
        if (request.media.path == QLatin1String("throws.mp4"))
            throw std::runtime_error("boom");
        const int steps = request.generation.maxLength;
        for (int k = 0; k < steps; ++k) {
            if (ctx.isCancelled())
                return RequestContext::cancelledError();
            ctx.counters().decoderSteps.fetch_add(1);
            ctx.progress(EngineStage::Generating, k + 1, steps);
            QThread::msleep(10);
        }
        EngineResult r;
        r.media = request.media.path;
        r.items.append(ResultItem {request.media.path + QStringLiteral(" done"), -1.5, {101, 102}, {}});
        return r;
    }

private:
    void record(const QString &what)
    {
        QMutexLocker lock(m_logMutex);
        m_log->append(what);
    }
    QList<QString> *m_log;
    QMutex *m_logMutex;
};

ModelBundle bundleNamed(const QString &id)
{
    ModelBundle b;
    b.id = id;
    return b;
}

EngineRequest work(const QString &name, int steps, RequestPriority priority = RequestPriority::Interactive)
{
    EngineRequest r = EngineRequest::caption(name);
    r.generation.maxLength = steps;
    r.priority = priority;
    return r;
}

} // namespace

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
    void initTestCase() { qRegisterMetaType<RequestId>("mplug2::app::RequestId"); }

    void requestWithoutModelFailsAndSignalsInOrder()
    {
        auto engine = makeEngine();
        QSignalSpy queued(engine.get(), &Engine::requestQueued);
        QSignalSpy started(engine.get(), &Engine::requestStarted);
        QSignalSpy failed(engine.get(), &Engine::requestFailed);
        QSignalSpy busy(engine.get(), &Engine::busyChanged);
        const RequestId id = engine->submit(work(QStringLiteral("a.mp4"), 1));
        QVERIFY(id != 0);
        QCOMPARE(queued.size(), 0); // signals never fire inside the call
        QVERIFY(failed.wait(5000));
        QCOMPARE(queued.size(), 1);
        QCOMPARE(started.size(), 1);
        const EngineError e = failed.at(0).at(0).value<EngineError>();
        QCOMPARE(e.id, id);
        QVERIFY2(e.message.contains(QStringLiteral("no model is loaded")), qPrintable(e.message));
        QTRY_VERIFY(!engine->isBusy());
        QCOMPARE(busy.size(), 2);
    }

    void loadThenRunGivesResultsAndProgress()
    {
        auto engine = makeEngine();
        QSignalSpy loaded(engine.get(), &Engine::modelLoaded);
        QSignalSpy progress(engine.get(), &Engine::requestProgress);
        QSignalSpy finished(engine.get(), &Engine::requestFinished);
        const RequestId loadId = engine->loadModel(bundleNamed(QStringLiteral("m1")), DeviceChoice::cpu());
        const RequestId id = engine->submit(work(QStringLiteral("a.mp4"), 3));
        QVERIFY(finished.wait(5000));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.at(0).at(0).value<RequestId>(), loadId);
        QCOMPARE(engine->currentModel()->bundle.id, QStringLiteral("m1"));
        const EngineResult r = finished.at(0).at(0).value<EngineResult>();
        QCOMPARE(r.id, id);
        QCOMPARE(r.task, TaskKind::Caption);
        QCOMPARE(r.items.value(0).text, QStringLiteral("a.mp4 done"));
        QVERIFY(r.timings.totalMs >= 30.0);
        // The stage change and the last step always go out; steps in between are throttled.
        QVERIFY(progress.size() >= 2);
        const EngineProgress last = progress.last().at(0).value<EngineProgress>();
        QCOMPARE(last.step, 3);
        QCOMPARE(last.total, 3);
        QCOMPARE(engine->stats().decoderSteps, 3);
        QCOMPARE(engine->stats().requestsFinished, 2);
    }

    void interactiveRequestsOvertakeBatchWork()
    {
        auto engine = makeEngine();
        QSignalSpy finished(engine.get(), &Engine::requestFinished);
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        engine->submit(work(QStringLiteral("b1"), 5, RequestPriority::Batch));
        engine->submit(work(QStringLiteral("b2"), 1, RequestPriority::Batch));
        engine->submit(work(QStringLiteral("i1"), 1, RequestPriority::Interactive));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 5000);
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
        QSignalSpy started(engine.get(), &Engine::requestStarted);
        QSignalSpy cancelled(engine.get(), &Engine::requestCancelled);
        QSignalSpy finished(engine.get(), &Engine::requestFinished);
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        const RequestId id = engine->submit(work(QStringLiteral("long.mp4"), 1000));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 5000);
        QTest::qWait(100);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(engine->cancel(id));
        QVERIFY(cancelled.wait(2000));
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(cancelled.at(0).at(0).value<RequestId>(), id);
        QVERIFY(!engine->cancel(id));
        // Next request still works.
        engine->submit(work(QStringLiteral("next.mp4"), 1));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(cancelled.size(), 1);
    }

    void cancelAQueuedRequestNeverRunsIt()
    {
        auto engine = makeEngine();
        QSignalSpy cancelled(engine.get(), &Engine::requestCancelled);
        QSignalSpy finished(engine.get(), &Engine::requestFinished);
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        engine->submit(work(QStringLiteral("first"), 10));
        const RequestId second = engine->submit(work(QStringLiteral("second"), 1));
        QVERIFY(engine->cancel(second));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(cancelled.size(), 1);
        QTRY_VERIFY(!engine->isBusy());
        QVERIFY(!log().contains(QStringLiteral("run second")));
    }

    void failuresAreMessagesAndTheNextRequestWorks()
    {
        auto engine = makeEngine();
        QSignalSpy failed(engine.get(), &Engine::requestFailed);
        QSignalSpy finished(engine.get(), &Engine::requestFinished);
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        engine->submit(work(QStringLiteral("missing.mp4"), 1));
        engine->submit(work(QStringLiteral("throws.mp4"), 1));
        engine->submit(work(QStringLiteral("fine.mp4"), 1));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(failed.size(), 2);
        const EngineError missing = failed.at(0).at(0).value<EngineError>();
        QCOMPARE(missing.code, ErrorCode::NotFound);
        QCOMPARE(missing.message, QStringLiteral("missing.mp4 does not exist"));
        const EngineError thrown = failed.at(1).at(0).value<EngineError>();
        QCOMPARE(thrown.code, ErrorCode::Internal);
        QVERIFY(thrown.details.contains(QStringLiteral("boom")));
    }

    void failedLoadsKeepNoModelAndSayWhy()
    {
        auto engine = makeEngine();
        QSignalSpy failed(engine.get(), &Engine::requestFailed);
        engine->loadModel(bundleNamed(QStringLiteral("broken")), DeviceChoice::cpu());
        engine->submit(work(QStringLiteral("a.mp4"), 1));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
        const EngineError load = failed.at(0).at(0).value<EngineError>();
        QCOMPARE(load.message, QStringLiteral("the checkpoint is damaged"));
        QCOMPARE(load.details, QStringLiteral("key x has shape [3] instead of [4]"));
        QVERIFY(!load.suggestCpu);
        QVERIFY(
            failed.at(1).at(0).value<EngineError>().message.contains(QStringLiteral("no model is loaded")));
        QVERIFY(!engine->currentModel());
        QVERIFY(log().contains(QStringLiteral("unload")));
    }

    void cudaOutOfMemorySuggestsTheCpu()
    {
        auto engine = makeEngine();
        QSignalSpy failed(engine.get(), &Engine::requestFailed);
        DeviceChoice cuda;
        cuda.kind = DeviceKind::Cuda;
        engine->loadModel(bundleNamed(QStringLiteral("huge")), cuda);
        QVERIFY(failed.wait(5000));
        const EngineError e = failed.at(0).at(0).value<EngineError>();
        QCOMPARE(e.code, ErrorCode::OutOfMemory);
        QVERIFY(e.suggestCpu);
    }

    void cancelAllAndDestructionStopPromptly()
    {
        auto engine = makeEngine();
        QSignalSpy cancelled(engine.get(), &Engine::requestCancelled);
        QSignalSpy started(engine.get(), &Engine::requestStarted);
        engine->loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu());
        for (int i = 0; i < 4; ++i)
            engine->submit(work(QStringLiteral("w%1").arg(i), 1000));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 5000);
        engine->cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 4, 2000);
        QTRY_VERIFY(!engine->isBusy());
        engine->submit(work(QStringLiteral("endless"), 100000));
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 3, 5000);
        QElapsedTimer clock;
        clock.start();
        engine.reset();
        QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
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
