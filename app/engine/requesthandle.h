#pragma once
/// One request, one handle: what Engine::submit(), loadModel() and
/// unloadModel() return. A handle ends exactly once, as Finished (with the
/// result, or the model for a load), Failed (with the error) or Cancelled,
/// and reports its start and progress on the way. Copies share one request.
///
///     RequestHandle h = engine.submit(EngineRequest::caption("clip.mp4"));
///     h.onProgress(this, [this](const EngineProgress &p) { bar->setValue(p.step); });
///     h.then(this, [this](const RequestOutcome &o) {
///         if (o.isFinished()) show(*o.result);
///         else if (o.isFailed()) showError(o.error->message);
///         else if (o.partial) showPartial(*o.partial);  // a dense caption's finished windows
///         else showCancelled();                  // every end is handled
///     });
///     h.cancel();                                // same as engine.cancel(h.id())
///
/// Threading: use handles on the engine's thread (the GUI or main thread).
/// Callbacks run there, always from the event loop, never inside the call
/// that attached them, and never after `context` is destroyed. A callback
/// attached after the end runs once, soon. When the engine is destroyed,
/// requests that have not ended end as Cancelled, there and then: destroy it
/// while the objects its callbacks use still exist (a window that owns its
/// engine deletes it first in its destructor).

#include "app/engine/engineerror.h"
#include "app/engine/engineprogress.h"
#include "app/engine/enginerequest.h"
#include "app/engine/engineresult.h"
#include "app/engine/modelinfo.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace mplug2::app {

class Engine;

enum class RequestState { Queued, Running, Finished, Failed, Cancelled };

/// How a request ended.
struct RequestOutcome {
    RequestId id = 0;
    RequestState state = RequestState::Cancelled; ///< Finished, Failed or Cancelled
    std::optional<EngineResult> result; ///< a finished task
    std::optional<ModelInfo> model; ///< a finished model load
    std::optional<EngineError> error; ///< a failure
    /// Cancelled with part of the work done: what was finished before the
    /// cancel (EngineResult::partial set). Only a dense caption stopped after
    /// at least one window has one: its segments are the windows finished, of
    /// windowCount. Never set for a Finished or Failed request.
    std::optional<EngineResult> partial;

    bool isFinished() const { return state == RequestState::Finished; }
    bool isFailed() const { return state == RequestState::Failed; }
    bool isCancelled() const { return state == RequestState::Cancelled; }
    /// The task's result, or an Error: Cancelled, or the failure's code and message.
    Expected<EngineResult> expected() const;
};

namespace detail {

/// The shared state behind a request's handles; lives on the engine's thread.
class RequestShared : public QObject {
    Q_OBJECT
public:
    RequestShared(RequestId id, Engine *engine);

    RequestId id() const { return m_id; }
    RequestState state() const { return m_state; }
    const std::optional<RequestOutcome> &outcome() const { return m_outcome; }
    Engine *engine() const { return m_engine; }

    // Called by the Engine only.
    void markStarted();
    void reportProgress(const EngineProgress &progress);
    void end(RequestOutcome outcome);

Q_SIGNALS:
    void started();
    void progressed(const mplug2::app::EngineProgress &progress);
    void ended(const mplug2::app::RequestOutcome &outcome);

private:
    RequestId m_id;
    QPointer<Engine> m_engine;
    RequestState m_state = RequestState::Queued;
    std::optional<RequestOutcome> m_outcome;
};

} // namespace detail

class RequestHandle {
public:
    /// An empty handle (isValid() false), as for "nothing submitted yet".
    RequestHandle() = default;
    explicit RequestHandle(std::shared_ptr<detail::RequestShared> shared);

    bool isValid() const { return bool(d); }
    RequestId id() const { return d ? d->id() : 0; }
    RequestState state() const { return d ? d->state() : RequestState::Cancelled; }
    bool isOver() const;
    /// How it ended; empty while it is queued or running.
    std::optional<RequestOutcome> outcome() const;

    /// Cancels it, queued or running. False when it is over already (or the
    /// handle is empty); it then ends as it was going to.
    bool cancel() const;

    /// `f` runs when the request starts running (not for one that ends queued).
    const RequestHandle &onStarted(QObject *context, std::function<void()> f) const;
    const RequestHandle &onProgress(QObject *context, std::function<void(const EngineProgress &)> f) const;
    /// `f` runs once, at the end, whichever end it is.
    const RequestHandle &then(QObject *context, std::function<void(const RequestOutcome &)> f) const;

    friend bool operator==(const RequestHandle &a, const RequestHandle &b) { return a.d == b.d; }

private:
    std::shared_ptr<detail::RequestShared> d;
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::RequestOutcome)
Q_DECLARE_METATYPE(mplug2::app::RequestHandle)
