#pragma once
/// The engine's queue of pending work, shared by the GUI thread (which
/// submits and cancels) and the worker thread (which takes). Order: FIFO,
/// except that an Interactive request runs before queued Batch requests; a
/// model load or unload is a barrier nothing overtakes, so requests always
/// run on the model that was chosen when they were submitted.
///
///     RequestQueue q;
///     q.push(job);                                   // any thread
///     while (auto job = q.waitNext()) run(*job);      // worker; null after stop()

#include "app/bundle/modelbundle.h"
#include "app/engine/devicechoice.h"
#include "app/engine/enginerequest.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace mplug2::app {

struct QueuedJob {
    enum class Kind { Task, LoadModel, UnloadModel };
    RequestId id = 0;
    Kind kind = Kind::Task;
    EngineRequest request;
    ModelBundle bundle;
    DeviceChoice device;
    QElapsedTimer submitted;
    std::shared_ptr<std::atomic_bool> cancelFlag = std::make_shared<std::atomic_bool>(false);

    bool isBarrier() const { return kind != Kind::Task; }
    bool isInteractive() const
    {
        return kind == Kind::Task && request.priority == RequestPriority::Interactive;
    }
};

class RequestQueue {
public:
    void push(QueuedJob job);
    /// Blocks until a job is ready or stop() was called (then returns nothing).
    /// The job returned becomes the running one until finishRunning().
    std::optional<QueuedJob> waitNext();
    void finishRunning();

    /// Removes a job that has not started. True when it was queued.
    bool removeQueued(RequestId id);
    /// Raises the cancel flag of the running job. True when `id` is running.
    bool cancelRunning(RequestId id);
    /// Removes every queued job and raises the running one's flag; returns
    /// the ids removed from the queue.
    QList<RequestId> clear();
    void stop();

    /// Copies of the requests queued behind the running job that the worker
    /// would take next, in that order, while `accept` holds (at most `max`):
    /// what a backend may prepare together with the running one. The jobs
    /// stay queued; a barrier or a cancelled job ends the list.
    QList<EngineRequest> following(int max, const std::function<bool(const EngineRequest &)> &accept) const;

    int queuedCount() const;
    bool isIdle() const;

private:
    /// Indices of the queued jobs the worker takes before the first barrier, in the order it takes them.
    QList<qsizetype> runOrder() const;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QList<QueuedJob> m_jobs;
    RequestId m_running = 0;
    std::shared_ptr<std::atomic_bool> m_runningFlag;
    bool m_stopped = false;
};

} // namespace mplug2::app
