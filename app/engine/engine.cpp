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
}

RequestId Engine::enqueue(QueuedJob job)
{
    job.id = m_nextId.fetch_add(1);
    job.submitted.start();
    const RequestId id = job.id;
    m_queue.push(std::move(job));
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged(true);
    }
    post([this, id] { Q_EMIT requestQueued(id); });
    return id;
}

RequestId Engine::loadModel(const ModelBundle &bundle, const DeviceChoice &device)
{
    QueuedJob job;
    job.kind = QueuedJob::Kind::LoadModel;
    job.bundle = bundle;
    job.device = device;
    return enqueue(std::move(job));
}

RequestId Engine::unloadModel()
{
    QueuedJob job;
    job.kind = QueuedJob::Kind::UnloadModel;
    return enqueue(std::move(job));
}

RequestId Engine::submit(const EngineRequest &request)
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
            Q_EMIT requestCancelled(id);
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
        post([this, id] { Q_EMIT requestCancelled(id); });
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
            Q_EMIT requestCancelled(id);
            announceEnd();
        });
    };
    auto endAsFailed = [this, id](const Error &error, bool onCuda) {
        m_queue.finishRunning();
        m_counters.requestsFailed.fetch_add(1);
        EngineError e = EngineError::fromError(id, error);
        e.suggestCpu = onCuda && error.code == ErrorCode::OutOfMemory;
        post([this, e] {
            Q_EMIT requestFailed(e);
            announceEnd();
        });
    };
    if (job.cancelFlag->load()) {
        endAsCancelled();
        return;
    }
    post([this, id] { Q_EMIT requestStarted(id); });
    RequestContext context(
        id, job.cancelFlag,
        [this](const EngineProgress &p) { post([this, p] { Q_EMIT requestProgress(p); }); }, &m_counters);
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
                Q_EMIT modelLoaded(id, model);
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
                Q_EMIT modelUnloaded(id);
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
        if (job.cancelFlag->load() || (!result && result.error().code == ErrorCode::Cancelled)) {
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
        m_counters.requestsFinished.fetch_add(1);
        post([this, r = std::move(*result)] {
            Q_EMIT requestFinished(r);
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
