#include "app/engine/engine.h"

#include "app/engine/mplug2backend.h"

#include <QThread>

#include <exception>

namespace mplug2::app {

namespace {

void registerMetaTypes()
{
    qRegisterMetaType<RequestId>("mplug2::app::RequestId");
    qRegisterMetaType<EngineProgress>();
    qRegisterMetaType<EngineResult>();
    qRegisterMetaType<EngineError>();
    qRegisterMetaType<ModelInfo>();
    qRegisterMetaType<RequestOutcome>();
    qRegisterMetaType<RequestHandle>();
}

RequestOutcome cancelledOutcome()
{
    RequestOutcome outcome;
    outcome.state = RequestState::Cancelled;
    return outcome;
}

} // namespace

Engine::Engine(QObject *parent)
    : Engine([] { return std::make_unique<Mplug2Backend>(); }, parent)
{ }

Engine::Engine(BackendFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
    registerMetaTypes();
    m_thread = QThread::create([this] { workerLoop(); });
    m_thread->setObjectName(QStringLiteral("mplug2-engine"));
    m_thread->start();
}

Engine::~Engine()
{
    m_queue.stop();
    m_thread->wait();
    delete m_thread;
    endAllLive(); // what the worker never got to, or whose end was still posted
}

RequestHandle Engine::enqueue(QueuedJob job)
{
    job.id = m_nextId.fetch_add(1);
    job.submitted.start();
    const RequestId id = job.id;
    auto shared = std::make_shared<detail::RequestShared>(id, this);
    m_live.insert(id, shared);
    RequestHandle handle(std::move(shared));
    // Announced before the worker can see the job, so observers hear of it before it starts.
    post([this, handle] { Q_EMIT requestSubmitted(handle); });
    m_queue.push(std::move(job));
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged(true);
    }
    return handle;
}

void Engine::endRequest(RequestId id, RequestOutcome outcome)
{
    // Held here while its callbacks run: they may drop the last handle.
    const std::shared_ptr<detail::RequestShared> shared = m_live.take(id);
    if (shared)
        shared->end(std::move(outcome));
}

void Engine::endAllLive()
{
    const QList<RequestId> ids = m_live.keys();
    for (RequestId id : ids)
        endRequest(id, cancelledOutcome());
}

RequestHandle Engine::loadModel(const ModelBundle &bundle, const DeviceChoice &device)
{
    QueuedJob job;
    job.kind = QueuedJob::Kind::LoadModel;
    job.bundle = bundle;
    job.device = device;
    return enqueue(std::move(job));
}

RequestHandle Engine::unloadModel()
{
    QueuedJob job;
    job.kind = QueuedJob::Kind::UnloadModel;
    return enqueue(std::move(job));
}

RequestHandle Engine::submit(const EngineRequest &request)
{
    QueuedJob job;
    job.request = request;
    return enqueue(std::move(job));
}

bool Engine::cancel(RequestId id)
{
    if (m_queue.removeQueued(id)) {
        m_counters.requestsCancelled.fetch_add(1);
        post([this, id] {
            endRequest(id, cancelledOutcome());
            announceEnd();
        });
        return true;
    }
    return m_queue.cancelRunning(id);
}

void Engine::cancelAll()
{
    const QList<RequestId> removed = m_queue.clear();
    m_counters.requestsCancelled.fetch_add(removed.size());
    for (RequestId id : removed)
        post([this, id] { endRequest(id, cancelledOutcome()); });
    post([this] { announceEnd(); });
}

void Engine::setVisualCacheCapacity(qint64 bytes)
{
    m_cacheCapacity.store(qMax<qint64>(0, bytes));
}

void Engine::post(std::function<void()> emitter)
{
    QMetaObject::invokeMethod(this, std::move(emitter), Qt::QueuedConnection);
}

void Engine::announceEnd()
{
    if (m_busy && m_queue.isIdle()) {
        m_busy = false;
        Q_EMIT busyChanged(false);
    }
}

void Engine::workerLoop()
{
    std::unique_ptr<InferenceBackend> backend = m_factory();
    std::optional<DeviceChoice> loadedDevice;
    while (std::optional<QueuedJob> job = m_queue.waitNext()) {
        const qint64 capacity = m_cacheCapacity.load();
        if (capacity != m_appliedCapacity.load()) {
            backend->setVisualCacheCapacity(capacity);
            m_appliedCapacity.store(capacity);
        }
        runJob(*backend, *job, loadedDevice);
    }
    backend.reset();
}

void Engine::runJob(InferenceBackend &backend, QueuedJob &job, std::optional<DeviceChoice> &loadedDevice)
{
    const RequestId id = job.id;
    const double queuedMs = double(job.submitted.nsecsElapsed()) / 1e6;
    auto endAsCancelled = [this, id] {
        m_queue.finishRunning();
        m_counters.requestsCancelled.fetch_add(1);
        post([this, id] {
            endRequest(id, cancelledOutcome());
            announceEnd();
        });
    };
    auto endAsFailed = [this, id](const Error &error, bool onCuda) {
        m_queue.finishRunning();
        m_counters.requestsFailed.fetch_add(1);
        EngineError e = EngineError::fromError(id, error);
        e.suggestCpu = onCuda && error.code == ErrorCode::OutOfMemory;
        post([this, e] {
            RequestOutcome outcome;
            outcome.state = RequestState::Failed;
            outcome.error = e;
            endRequest(e.id, std::move(outcome));
            announceEnd();
        });
    };
    if (job.cancelFlag->load()) {
        endAsCancelled();
        return;
    }
    post([this, id] {
        if (const auto shared = m_live.value(id))
            shared->markStarted();
    });
    RequestContext context(
        id, job.cancelFlag,
        [this](const EngineProgress &p) {
            post([this, p] {
                if (const auto shared = m_live.value(p.id))
                    shared->reportProgress(p);
            });
        },
        &m_counters);
    context.setFollowingSource([this](int max, const std::function<bool(const EngineRequest &)> &accept) {
        return m_queue.following(max, accept);
    });
    QElapsedTimer clock;
    clock.start();

    try {
        switch (job.kind) {
        case QueuedJob::Kind::LoadModel: {
            loadedDevice.reset();
            Expected<ModelInfo> info = backend.load(job.bundle, job.device, context);
            if (!info) {
                backend.unload();
                if (info.error().code == ErrorCode::Cancelled || job.cancelFlag->load())
                    endAsCancelled();
                else
                    endAsFailed(info.error(), job.device.kind == DeviceKind::Cuda);
                return;
            }
            loadedDevice = info->device;
            info->loadMs = double(clock.nsecsElapsed()) / 1e6;
            m_queue.finishRunning();
            m_counters.requestsFinished.fetch_add(1);
            post([this, id, model = std::move(*info)] {
                m_model = model;
                RequestOutcome outcome;
                outcome.state = RequestState::Finished;
                outcome.model = model;
                endRequest(id, std::move(outcome));
                Q_EMIT modelLoaded(model);
                announceEnd();
            });
            return;
        }
        case QueuedJob::Kind::UnloadModel:
            backend.unload();
            loadedDevice.reset();
            m_queue.finishRunning();
            m_counters.requestsFinished.fetch_add(1);
            post([this, id] {
                m_model.reset();
                RequestOutcome outcome;
                outcome.state = RequestState::Finished;
                endRequest(id, std::move(outcome));
                Q_EMIT modelUnloaded();
                announceEnd();
            });
            return;
        case QueuedJob::Kind::Task:
            break;
        }
        if (!loadedDevice) {
            endAsFailed(makeError(ErrorCode::InvalidArgument,
                            tr("no model is loaded: load a model bundle first").toStdString()),
                false);
            return;
        }
        Expected<EngineResult> result = backend.run(job.request, context);
        // Stopped by a cancel with part of the work done (a dense caption's finished windows): it
        // ends cancelled, and the outcome carries what was done.
        const bool partial = result && result->partial;
        if (!partial
            && (job.cancelFlag->load() || (!result && result.error().code == ErrorCode::Cancelled))) {
            endAsCancelled();
            return;
        }
        if (!result) {
            endAsFailed(result.error(), loadedDevice->kind == DeviceKind::Cuda);
            return;
        }
        result->id = id;
        result->task = job.request.task;
        result->timings.queuedMs = queuedMs;
        result->timings.totalMs = double(clock.nsecsElapsed()) / 1e6;
        m_queue.finishRunning();
        (partial ? m_counters.requestsCancelled : m_counters.requestsFinished).fetch_add(1);
        post([this, id, partial, r = std::move(*result)] {
            RequestOutcome outcome;
            if (partial) {
                outcome = cancelledOutcome();
                outcome.partial = r;
            } else {
                outcome.state = RequestState::Finished;
                outcome.result = r;
            }
            endRequest(id, std::move(outcome));
            announceEnd();
        });
    } catch (const std::bad_alloc &) {
        endAsFailed(makeError(ErrorCode::OutOfMemory,
                        tr("out of memory: try fewer frames or a smaller model").toStdString()),
            false);
    } catch (const std::exception &e) {
        endAsFailed(makeError(ErrorCode::Internal,
                        tr("internal error while running the request").toStdString() + '\n' + e.what()),
            false);
    }
}

} // namespace mplug2::app
