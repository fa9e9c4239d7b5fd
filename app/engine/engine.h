#pragma once
/// The inference engine shared by the GUI, the CLI and the retrieval index:
/// one worker thread owns the loaded mPLUG-2 model; requests queue and come
/// back through their own handles. Create it on the GUI (or main) thread and
/// use it from there; every handle callback and signal arrives on that thread,
/// asynchronously (never inside the call that caused it).
///
///     Engine engine;
///     engine.loadModel(*BundleRegistry().defaultBundle(), DeviceChoice::automatic());
///     RequestHandle h = engine.submit(EngineRequest::caption("clip.mp4"));
///     h.then(this, [](const RequestOutcome &o) {
///         if (o.isFinished()) qDebug() << o.result->items.value(0).text;
///     });
///     h.cancel();                             // stops within ~200 ms on the CPU
///
/// Life of a request (requesthandle.h): queued, started, progress..., then
/// exactly one end: Finished, Failed or Cancelled. A model load goes through
/// the same queue (its Finished outcome carries the ModelInfo, and
/// modelLoaded announces it to everyone); requests submitted after a load run
/// on the new model. Interactive requests overtake queued Batch requests,
/// never a load.

#include "app/bundle/modelbundle.h"
#include "app/engine/devicechoice.h"
#include "app/engine/enginecounters.h"
#include "app/engine/engineerror.h"
#include "app/engine/engineprogress.h"
#include "app/engine/enginerequest.h"
#include "app/engine/engineresult.h"
#include "app/engine/inferencebackend.h"
#include "app/engine/modelinfo.h"
#include "app/engine/requesthandle.h"
#include "app/engine/requestqueue.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace mplug2::app {

class Engine : public QObject {
    Q_OBJECT
public:
    using BackendFactory = std::function<std::unique_ptr<InferenceBackend>()>;

    /// An engine that runs mPLUG-2 models (Mplug2Backend).
    explicit Engine(QObject *parent = nullptr);
    /// An engine over another backend; the factory runs on the worker thread.
    explicit Engine(BackendFactory factory, QObject *parent = nullptr);
    /// Cancels everything and waits for the worker to stop.
    ~Engine() override;

    /// Queues loading `bundle` on `device`; the previous model is freed first.
    RequestHandle loadModel(
        const ModelBundle &bundle, const DeviceChoice &device = DeviceChoice::automatic());
    /// Queues freeing the model (also announced by modelUnloaded).
    RequestHandle unloadModel();
    /// Queues a request; fails (asynchronously) when no model is loaded by then.
    RequestHandle submit(const EngineRequest &request);

    /// Cancels a queued or running request or load. False when `id` is
    /// unknown or already over (its end is then already on its way).
    bool cancel(RequestId id);
    /// Cancels every queued and running request.
    void cancelAll();

    /// The model loaded last (as announced by modelLoaded), if any.
    std::optional<ModelInfo> currentModel() const { return m_model; }
    /// Whether anything is queued or running.
    bool isBusy() const { return m_busy; }
    int queuedCount() const { return m_queue.queuedCount(); }
    EngineStats stats() const { return m_counters.snapshot(); }

    /// Bounds the LRU cache of visual embeddings in bytes (0 turns it off);
    /// applied before the next request runs. Default: 256 MiB.
    void setVisualCacheCapacity(qint64 bytes);

Q_SIGNALS:
    /// Every request, load or unload, as it is queued: for observers of all
    /// work (the status bar). The submitter holds the same handle.
    void requestSubmitted(const mplug2::app::RequestHandle &handle);
    /// The engine's model changed (whoever asked for it).
    void modelLoaded(const mplug2::app::ModelInfo &info);
    void modelUnloaded();
    void busyChanged(bool busy);

private:
    RequestHandle enqueue(QueuedJob job);
    /// On the engine's thread: hands the end to the request's handles.
    void endRequest(RequestId id, RequestOutcome outcome);
    void endAllLive();
    void workerLoop();
    void runJob(InferenceBackend &backend, QueuedJob &job, std::optional<DeviceChoice> &loadedDevice);
    /// Posts `emitter` to this object's thread; it runs there after the
    /// worker's earlier posts, keeping the signal order.
    void post(std::function<void()> emitter);
    void announceEnd();

    BackendFactory m_factory;
    RequestQueue m_queue;
    EngineCounters m_counters;
    std::atomic<RequestId> m_nextId {1};
    std::atomic<qint64> m_cacheCapacity {qint64(256) << 20};
    std::atomic<qint64> m_appliedCapacity {-1};
    QThread *m_thread = nullptr;
    std::optional<ModelInfo> m_model;
    bool m_busy = false;
    /// Requests not over yet, by id (the engine's thread only).
    QHash<RequestId, std::shared_ptr<detail::RequestShared>> m_live;
};

} // namespace mplug2::app
