#include "app/engine/mplug2backend.h"

#include <QCoreApplication>

namespace mplug2::app {

// The model layer (issue 5) and the media layer (issue 6) are not on main
// yet; until they are, loading says so instead of pretending to work.
struct Mplug2Backend::State {
    qint64 cacheCapacity = 0;
};

Mplug2Backend::Mplug2Backend()
    : m_state(std::make_unique<State>())
{
}

Mplug2Backend::~Mplug2Backend() = default;

Expected<ModelInfo> Mplug2Backend::load(const ModelBundle &bundle, const DeviceChoice &, RequestContext &)
{
    if (Expected<void> files = bundle.checkFiles(); !files)
        return files.error();
    return makeError(ErrorCode::Unsupported,
                     QCoreApplication::translate("Mplug2Backend",
                                                 "this build cannot run mPLUG-2 models yet (the model layer is missing)")
                         .toStdString());
}

void Mplug2Backend::unload() {}

Expected<EngineResult> Mplug2Backend::run(const EngineRequest &, RequestContext &)
{
    return makeError(ErrorCode::InvalidArgument, "no model is loaded");
}

void Mplug2Backend::setVisualCacheCapacity(qint64 bytes)
{
    m_state->cacheCapacity = bytes;
}

} // namespace mplug2::app
