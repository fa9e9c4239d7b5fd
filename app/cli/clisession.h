#pragma once
/// Runs engine requests from a CLI command and waits for them: loads the
/// model, submits the requests in order, hands each result to a callback as
/// it arrives, prints failures as one line each on stderr, and shows
/// progress on stderr only when stderr is a terminal.
///
///     CliSession session(u"mplug2 caption"_s);
///     if (!session.loadModel(*bundle, *device)) return 1;
///     return session.run(requests, [](const EngineResult &r) { print(r); });

#include "app/cli/modelparams.h"
#include "app/engine/engine.h"

#include <QString>

#include <functional>
#include <memory>

namespace mplug2::app {

class CliSession {
public:
    /// `command` prefixes error lines ("mplug2 caption: clip.mp4: ...").
    explicit CliSession(QString command, std::unique_ptr<Engine> engine = nullptr);
    ~CliSession();

    /// Loads the model; on failure prints the error and returns false.
    bool loadModel(const ModelBundle &bundle, const DeviceChoice &device);
    const ModelInfo &model() const { return m_model; }

    /// Runs every request (queued at once, run in order); 0 when all
    /// finished, 1 when any failed or was cancelled.
    int run(const QList<EngineRequest> &requests, const std::function<void(const EngineResult &)> &onResult);

    Engine &engine() { return *m_engine; }

    /// The usual command: the model and device of `model` (errors: exit 1
    /// for a model that cannot be found or loaded, 2 for a bad device), then
    /// run(). Returns the exit code.
    static int loadAndRun(const QString &command, const ModelParams &model,
        const QList<EngineRequest> &requests, const std::function<void(const EngineResult &)> &onResult);

private:
    /// Progress lines on a terminal while `handle` runs.
    void followProgress(const RequestHandle &handle, QObject *context);
    void showProgress(const EngineProgress &progress);
    void clearProgress();

    QString m_command;
    std::unique_ptr<Engine> m_engine;
    ModelInfo m_model;
    bool m_progressOnTerminal = false;
    bool m_progressShown = false;
};

} // namespace mplug2::app
