#pragma once
// Follows every request an engine is given, through the handles it announces
// (Engine::requestSubmitted), and records how each one went: for tests that
// watch all of an engine's work, in the order it happened.
#include "app/engine/engine.h"

#include <QList>
#include <QObject>

namespace mplug2::app::testing {

class EngineRecorder : public QObject {
public:
    explicit EngineRecorder(Engine *engine)
    {
        connect(engine, &Engine::requestSubmitted, this, [this](const RequestHandle &h) {
            queued.append(h.id());
            handles.append(h);
            h.onStarted(this, [this, id = h.id()] { started.append(id); })
                .onProgress(this, [this](const EngineProgress &p) { progress.append(p); })
                .then(this, [this](const RequestOutcome &o) {
                    if (o.isFinished() && o.result)
                        finished.append(*o.result);
                    else if (o.isFinished() && o.model)
                        loaded.append(*o.model);
                    else if (o.isFailed() && o.error)
                        failed.append(*o.error);
                    else if (o.isCancelled())
                        cancelled.append(o.id);
                    ends.append(o.id);
                });
        });
    }

    QList<RequestHandle> handles; ///< every request, as the status bar gets it (to cancel from outside)
    QList<RequestId> queued;
    QList<RequestId> started;
    QList<EngineProgress> progress;
    QList<EngineResult> finished; ///< finished tasks
    QList<ModelInfo> loaded; ///< finished model loads
    QList<EngineError> failed;
    QList<RequestId> cancelled;
    QList<RequestId> ends; ///< every end, in order (an unload's too)
};

} // namespace mplug2::app::testing
