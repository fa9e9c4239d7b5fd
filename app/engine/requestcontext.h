#pragma once
/// What a running request can see of the engine: whether it was cancelled,
/// and where to report progress. Handed to the InferenceBackend on the worker
/// thread; `cancelHook()` goes down into the model layer, which polls it
/// between decoding steps, frames and layers.
///
///     Expected<EngineResult> run(const EngineRequest &r, RequestContext &ctx) {
///         for (int k = 0; k < n; ++k) {
///             if (ctx.isCancelled()) return ctx.cancelledError();
///             ctx.progress(EngineStage::Generating, k, n);
///         }
///     }

#include "app/engine/enginecounters.h"
#include "app/engine/engineprogress.h"
#include "app/engine/enginerequest.h"
#include "base/expected.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace mplug2::app {

class RequestContext {
public:
    using ProgressSink = std::function<void(const EngineProgress &)>;

    RequestContext(RequestId id, std::shared_ptr<std::atomic_bool> cancelFlag, ProgressSink sink,
        EngineCounters *counters);

    RequestId id() const { return m_id; }
    bool isCancelled() const { return m_cancelFlag->load(std::memory_order_relaxed); }
    /// A callable for the model and media layers: true = stop now.
    std::function<bool()> cancelHook() const;
    /// The flag itself, for readers that poll an atomic (media::VideoReader).
    const std::atomic_bool *cancelFlag() const { return m_cancelFlag.get(); }
    /// The error a cancelled operation returns.
    static Error cancelledError();

    /// The engine's counters (the backend counts encoder runs, cache hits, steps).
    EngineCounters &counters() { return *m_counters; }

    /// The requests queued behind this one that the engine runs next, while
    /// `accept` holds (at most `max`; see RequestQueue::following). Empty
    /// unless the engine set a source.
    QList<EngineRequest> following(int max, const std::function<bool(const EngineRequest &)> &accept) const;
    using FollowingSource
        = std::function<QList<EngineRequest>(int, const std::function<bool(const EngineRequest &)> &)>;
    void setFollowingSource(FollowingSource source) { m_following = std::move(source); }

    /// Reports progress; stage changes always go out, steps within a stage at
    /// most every 50 ms (a token loop must not flood the GUI's event queue).
    void progress(EngineStage stage, int step, int total, const QString &partialText = {});
    /// From now on every report says it is in window `window` (1 = the first)
    /// of `windows` (a dense caption); 0, 0 ends that.
    void setWindow(int window, int windows);

private:
    RequestId m_id;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    ProgressSink m_sink;
    EngineCounters *m_counters;
    EngineStage m_lastStage = EngineStage::LoadingModel;
    bool m_reported = false;
    qint64 m_lastReportMs = 0;
    int m_window = 0;
    int m_windows = 0;
    FollowingSource m_following;
};

} // namespace mplug2::app
