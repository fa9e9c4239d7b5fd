#include "app/engine/requestqueue.h"

#include <QMutexLocker>

namespace mplug2::app {

void RequestQueue::push(QueuedJob job)
{
    QMutexLocker lock(&m_mutex);
    m_jobs.append(std::move(job));
    m_wake.wakeOne();
}

QList<qsizetype> RequestQueue::runOrder() const
{
    // Interactive jobs overtake queued batch ones, but nothing overtakes a barrier.
    QList<qsizetype> interactive, batch;
    for (qsizetype i = 0; i < m_jobs.size() && !m_jobs.at(i).isBarrier(); ++i)
        (m_jobs.at(i).isInteractive() ? interactive : batch).append(i);
    return interactive + batch;
}

std::optional<QueuedJob> RequestQueue::waitNext()
{
    QMutexLocker lock(&m_mutex);
    while (!m_stopped && m_jobs.isEmpty())
        m_wake.wait(&m_mutex);
    if (m_stopped)
        return std::nullopt;
    // A barrier at the head runs when its turn comes.
    const QList<qsizetype> order = runOrder();
    QueuedJob job = m_jobs.takeAt(order.isEmpty() ? 0 : order.first());
    m_running = job.id;
    m_runningFlag = job.cancelFlag;
    return job;
}

void RequestQueue::finishRunning()
{
    QMutexLocker lock(&m_mutex);
    m_running = 0;
    m_runningFlag.reset();
}

QList<EngineRequest> RequestQueue::following(
    int max, const std::function<bool(const EngineRequest &)> &accept) const
{
    QMutexLocker lock(&m_mutex);
    QList<EngineRequest> out;
    for (qsizetype i : runOrder()) {
        const QueuedJob &job = m_jobs.at(i);
        if (out.size() >= max || job.cancelFlag->load() || !accept(job.request))
            break;
        out.append(job.request);
    }
    return out;
}

bool RequestQueue::removeQueued(RequestId id)
{
    QMutexLocker lock(&m_mutex);
    return m_jobs.removeIf([id](const QueuedJob &j) { return j.id == id; }) > 0;
}

bool RequestQueue::cancelRunning(RequestId id)
{
    QMutexLocker lock(&m_mutex);
    if (id == 0 || m_running != id)
        return false;
    m_runningFlag->store(true);
    return true;
}

QList<RequestId> RequestQueue::clear()
{
    QMutexLocker lock(&m_mutex);
    QList<RequestId> removed;
    for (const QueuedJob &j : std::as_const(m_jobs))
        removed.append(j.id);
    m_jobs.clear();
    if (m_runningFlag)
        m_runningFlag->store(true);
    return removed;
}

void RequestQueue::stop()
{
    QMutexLocker lock(&m_mutex);
    m_stopped = true;
    if (m_runningFlag)
        m_runningFlag->store(true);
    m_wake.wakeAll();
}

int RequestQueue::queuedCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_jobs.size());
}

bool RequestQueue::isIdle() const
{
    QMutexLocker lock(&m_mutex);
    return m_jobs.isEmpty() && m_running == 0;
}

} // namespace mplug2::app
