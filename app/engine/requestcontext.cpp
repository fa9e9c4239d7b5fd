#include "app/engine/requestcontext.h"

#include <QCoreApplication>
#include <QDateTime>

namespace mplug2::app {

RequestContext::RequestContext(
    RequestId id, std::shared_ptr<std::atomic_bool> cancelFlag, ProgressSink sink, EngineCounters *counters)
    : m_id(id)
    , m_cancelFlag(std::move(cancelFlag))
    , m_sink(std::move(sink))
    , m_counters(counters)
{ }

std::function<bool()> RequestContext::cancelHook() const
{
    return [flag = m_cancelFlag] { return flag->load(std::memory_order_relaxed); };
}

Error RequestContext::cancelledError()
{
    return makeError(
        ErrorCode::Cancelled, QCoreApplication::translate("RequestContext", "cancelled").toStdString());
}

void RequestContext::progress(EngineStage stage, int step, int total, const QString &partialText)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool stageChanged = !m_reported || stage != m_lastStage;
    const bool last = total > 0 && step >= total;
    if (!stageChanged && !last && now - m_lastReportMs < 50)
        return;
    m_reported = true;
    m_lastStage = stage;
    m_lastReportMs = now;
    if (m_sink)
        m_sink(EngineProgress {m_id, stage, step, total, partialText, m_window, m_windows});
}

void RequestContext::setWindow(int window, int windows)
{
    m_window = window;
    m_windows = windows;
}

QList<EngineRequest> RequestContext::following(
    int max, const std::function<bool(const EngineRequest &)> &accept) const
{
    return m_following && max > 0 ? m_following(max, accept) : QList<EngineRequest> {};
}

} // namespace mplug2::app
