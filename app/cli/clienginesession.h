#pragma once
/// An engine with a model loaded, for CLI commands that run on the main
/// thread's event loop: resolves `--model` (a registered id, a bundle folder
/// or manifest; the default bundle when empty), parses `--device` and
/// `--precision`, loads, and waits.
///
///     CliEngineSession session;
///     if (auto ok = session.load(modelOption, "auto", "auto"); !ok) { print(ok.error()); return 1; }
///     session.engine().submit(...);

#include "app/engine/engine.h"
#include "base/expected.h"

#include <QString>

#include <optional>

namespace mplug2::app {

class CliEngineSession {
public:
    /// The bundle `--model` names, or the default bundle when it is empty.
    static Expected<ModelBundle> resolveBundle(const QString &modelOption);

    Engine &engine() { return m_engine; }
    /// Loads `bundle` and waits for the engine to report the result.
    Expected<ModelInfo> load(const ModelBundle &bundle, const QString &device, const QString &precision);

private:
    Engine m_engine;
};

} // namespace mplug2::app
