#include "app/engine/requesthandle.h"

#include "app/engine/engine.h"

namespace mplug2::app {

Expected<EngineResult> RequestOutcome::expected() const
{
    if (state == RequestState::Finished && result)
        return *result;
    if (state == RequestState::Failed && error)
        return makeError(error->code, error->message.toStdString());
    if (state == RequestState::Finished)
        return makeError(ErrorCode::InvalidArgument, "the request gave no task result (it was a model load)");
    return makeError(ErrorCode::Cancelled, "cancelled");
}

namespace detail {

RequestShared::RequestShared(RequestId id, Engine *engine)
    : m_id(id)
    , m_engine(engine)
{ }

void RequestShared::markStarted()
{
    if (m_state != RequestState::Queued)
        return;
    m_state = RequestState::Running;
    Q_EMIT started();
}

void RequestShared::reportProgress(const EngineProgress &progress)
{
    if (m_state == RequestState::Running)
        Q_EMIT progressed(progress);
}

void RequestShared::end(RequestOutcome outcome)
{
    if (m_outcome)
        return; // exactly once
    outcome.id = m_id;
    m_state = outcome.state;
    m_outcome = std::move(outcome);
    Q_EMIT ended(*m_outcome);
    // Nothing is emitted after the end; dropping the connections also frees
    // callbacks that hold a copy of this request's handle.
    disconnect(this, nullptr, nullptr, nullptr);
}

} // namespace detail

RequestHandle::RequestHandle(std::shared_ptr<detail::RequestShared> shared)
    : d(std::move(shared))
{ }

bool RequestHandle::isOver() const
{
    return !d || d->outcome().has_value();
}

std::optional<RequestOutcome> RequestHandle::outcome() const
{
    return d ? d->outcome() : std::nullopt;
}

bool RequestHandle::cancel() const
{
    if (!d || d->outcome() || !d->engine())
        return false;
    return d->engine()->cancel(d->id());
}

const RequestHandle &RequestHandle::onStarted(QObject *context, std::function<void()> f) const
{
    if (d && context && d->state() == RequestState::Queued)
        QObject::connect(d.get(), &detail::RequestShared::started, context, std::move(f));
    return *this;
}

const RequestHandle &RequestHandle::onProgress(
    QObject *context, std::function<void(const EngineProgress &)> f) const
{
    if (d && context && !d->outcome())
        QObject::connect(d.get(), &detail::RequestShared::progressed, context, std::move(f));
    return *this;
}

const RequestHandle &RequestHandle::then(
    QObject *context, std::function<void(const RequestOutcome &)> f) const
{
    if (!d || !context)
        return *this;
    if (const std::optional<RequestOutcome> &over = d->outcome())
        QMetaObject::invokeMethod(
            context, [f = std::move(f), o = *over] { f(o); }, Qt::QueuedConnection);
    else
        QObject::connect(d.get(), &detail::RequestShared::ended, context, std::move(f));
    return *this;
}

} // namespace mplug2::app
