#include "app/cli/clisession.h"

#include "app/cli/commandlineparsing.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QTextStream>

#include <unistd.h>

namespace mplug2::app {

CliSession::CliSession(QString command, std::unique_ptr<Engine> engine)
    : m_command(std::move(command))
    , m_engine(engine ? std::move(engine) : std::make_unique<Engine>())
    , m_progressOnTerminal(isatty(STDERR_FILENO) == 1)
{
    if (m_progressOnTerminal)
        QObject::connect(m_engine.get(), &Engine::requestProgress, m_engine.get(),
            [this](const EngineProgress &p) { showProgress(p); });
}

CliSession::~CliSession()
{
    clearProgress();
}

bool CliSession::loadModel(const ModelBundle &bundle, const DeviceChoice &device)
{
    QEventLoop loop;
    bool ok = false;
    const RequestId id = m_engine->loadModel(bundle, device);
    QObject::connect(m_engine.get(), &Engine::modelLoaded, &loop, [&](RequestId done, const ModelInfo &info) {
        if (done != id)
            return;
        m_model = info;
        ok = true;
        loop.quit();
    });
    QObject::connect(m_engine.get(), &Engine::requestFailed, &loop, [&](const EngineError &e) {
        if (e.id != id)
            return;
        clearProgress();
        reportCliError(m_command,
            e.message + (e.details.isEmpty() ? QString() : QStringLiteral(" (") + e.details + u')'));
        loop.quit();
    });
    loop.exec();
    clearProgress();
    return ok;
}

int CliSession::run(
    const QList<EngineRequest> &requests, const std::function<void(const EngineResult &)> &onResult)
{
    QEventLoop loop;
    QHash<RequestId, QString> pending;
    int failures = 0;
    auto done = [&](RequestId id) {
        pending.remove(id);
        if (pending.isEmpty())
            loop.quit();
    };
    QObject::connect(m_engine.get(), &Engine::requestFinished, &loop, [&](const EngineResult &r) {
        if (!pending.contains(r.id))
            return;
        clearProgress();
        onResult(r);
        done(r.id);
    });
    QObject::connect(m_engine.get(), &Engine::requestFailed, &loop, [&](const EngineError &e) {
        if (!pending.contains(e.id))
            return;
        clearProgress();
        const QString media = pending.value(e.id);
        reportCliError(m_command,
            (media.isEmpty() ? QString() : media + QStringLiteral(": ")) + e.message
                + (e.suggestCpu ? QCoreApplication::translate("CliSession", " (try --device cpu)")
                                : QString()));
        ++failures;
        done(e.id);
    });
    QObject::connect(m_engine.get(), &Engine::requestCancelled, &loop, [&](RequestId id) {
        if (!pending.contains(id))
            return;
        ++failures;
        done(id);
    });
    for (const EngineRequest &r : requests)
        pending.insert(m_engine->submit(r), r.media.path);
    if (!pending.isEmpty())
        loop.exec();
    clearProgress();
    return failures == 0 ? 0 : 1;
}

int CliSession::loadAndRun(const QString &command, const QCommandLineParser &parser,
    const ModelOptions &options, const QList<EngineRequest> &requests,
    const std::function<void(const EngineResult &)> &onResult)
{
    const Expected<DeviceChoice> device = options.device(parser);
    if (!device)
        return reportCliError(command, QString::fromStdString(device.error().message), 2);
    const Expected<ModelBundle> bundle = options.bundle(parser);
    if (!bundle)
        return reportCliError(command, QString::fromStdString(bundle.error().message));
    CliSession session(command);
    if (!session.loadModel(*bundle, *device))
        return 1;
    return session.run(requests, onResult);
}

void CliSession::showProgress(const EngineProgress &p)
{
    QString line = stageDescription(p.stage);
    if (p.total > 0)
        line += QStringLiteral(" %1/%2").arg(p.step).arg(p.total);
    QTextStream(stderr) << '\r' << line.leftJustified(60, u' ', true);
    m_progressShown = true;
}

void CliSession::clearProgress()
{
    if (!m_progressShown)
        return;
    QTextStream(stderr) << '\r' << QString(60, u' ') << '\r';
    m_progressShown = false;
}

} // namespace mplug2::app
