#pragma once
/// The part of the engine that actually runs a model, on the worker thread.
/// Engine owns exactly one and calls it from its worker thread only, so an
/// implementation needs no locking. The real one is Mplug2Backend; tests may
/// pass their own to Engine's constructor.
///
///     class MyBackend : public InferenceBackend { ... };
///     Engine engine([] { return std::make_unique<MyBackend>(); });
///
/// Errors are values: the first line of Error::message is shown to people,
/// further lines are details. ErrorCode::Cancelled ends a request as cancelled;
/// so does a result with EngineResult::partial set (work done before a cancel,
/// e.g. a dense caption's finished windows), which the request's outcome then
/// carries as RequestOutcome::partial.

#include "app/bundle/modelbundle.h"
#include "app/engine/devicechoice.h"
#include "app/engine/enginerequest.h"
#include "app/engine/engineresult.h"
#include "app/engine/modelinfo.h"
#include "app/engine/requestcontext.h"
#include "base/expected.h"

namespace mplug2::app {

class InferenceBackend {
public:
    virtual ~InferenceBackend() = default;

    /// Loads a bundle onto a device, replacing what was loaded (which is freed first).
    virtual Expected<ModelInfo> load(
        const ModelBundle &bundle, const DeviceChoice &device, RequestContext &context)
        = 0;
    /// Frees the model and every cache that holds device memory.
    virtual void unload() = 0;
    /// Runs one request on the loaded model.
    virtual Expected<EngineResult> run(const EngineRequest &request, RequestContext &context) = 0;
    /// Bounds the cache of visual embeddings (bytes; 0 disables it).
    virtual void setVisualCacheCapacity(qint64 bytes) = 0;
};

} // namespace mplug2::app
