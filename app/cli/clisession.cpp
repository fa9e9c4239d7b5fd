#include "app/cli/clisession.h"

#include "app/cli/commandlineparsing.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

#include <unistd.h>

namespace mplug2::app {

CliSession::CliSession(QString command, std::unique_ptr<Engine> engine)
    : m_command(std::move(command))
    , m_engine(engine ? std::move(engine) : std::make_unique<Engine>())
    , m_progressOnTerminal(isatty(STDERR_FILENO) == 1)
{ }

CliSession::~CliSession()
{
    clearProgress();
}

void CliSession::followProgress(const RequestHandle &handle, QObject *context)
{
    if (m_progressOnTerminal)
        handle.onProgress(context, [this](const EngineProgress &p) { showProgress(p); });
}

bool CliSession::loadModel(const ModelBundle &bundle, const DeviceChoice &device)
{
    if (const QString caution = device.caution(); !caution.isEmpty())
        QTextStream(stderr) << m_command << ": " << QCoreApplication::translate("CliSession", "warning: ")
                            << caution << '\n';
    QEventLoop loop;
    bool ok = false;
    const RequestHandle load = m_engine->loadModel(bundle, device);
    followProgress(load, &loop);
    load.then(&loop, [&](const RequestOutcome &o) {
        clearProgress();
        if (o.isFinished() && o.model) {
            m_model = *o.model;
            ok = true;
        } else if (o.isFailed()) {
            reportCliError(m_command,
                o.error->message
                    + (o.error->details.isEmpty() ? QString()
                                                  : QStringLiteral(" (") + o.error->details + u')'));
        } else {
            reportCliError(
                m_command, QCoreApplication::translate("CliSession", "loading the model was cancelled"));
        }
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
    qsizetype pending = requests.size();
    int failures = 0;
    for (const EngineRequest &r : requests) {
        const RequestHandle handle = m_engine->submit(r);
        followProgress(handle, &loop);
        handle.then(&loop, [&, media = r.media.path](const RequestOutcome &o) {
            clearProgress();
            if (o.isFinished() && o.result) {
                onResult(*o.result);
            } else {
                ++failures;
                if (o.isFailed())
                    reportCliError(m_command,
                        (media.isEmpty() ? QString() : media + QStringLiteral(": ")) + o.error->message
                            + (o.error->suggestCpu
                                    ? QCoreApplication::translate("CliSession", " (try --device cpu)")
                                    : QString()));
            }
            if (--pending == 0)
                loop.quit();
        });
    }
    if (pending > 0)
        loop.exec();
    clearProgress();
    return failures == 0 ? 0 : 1;
}

int CliSession::loadAndRun(const QString &command, const ModelParams &model,
    const QList<EngineRequest> &requests, const std::function<void(const EngineResult &)> &onResult)
{
    const Expected<DeviceChoice> device = model.deviceChoice();
    if (!device)
        return reportCliError(command, QString::fromStdString(device.error().message), 2);
    const Expected<ModelBundle> bundle = model.bundle();
    if (!bundle)
        return reportCliError(command, QString::fromStdString(bundle.error().message));
    CliSession session(command);
    if (!session.loadModel(*bundle, *device))
        return 1;
    return session.run(requests, onResult);
}

void CliSession::showProgress(const EngineProgress &p)
{
    const QString line = progressText(p);
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
