#include "app/cli/clienginesession.h"

#include "app/bundle/bundleregistry.h"

#include <QEventLoop>

namespace mplug2::app {

Expected<ModelBundle> CliEngineSession::resolveBundle(const QString &modelOption)
{
    BundleRegistry registry;
    return modelOption.isEmpty() ? registry.defaultBundle() : registry.resolve(modelOption);
}

Expected<ModelInfo> CliEngineSession::load(const ModelBundle &bundle, const QString &device, const QString &precision)
{
    Expected<DeviceChoice> choice = DeviceChoice::parse(device, precision);
    if (!choice)
        return choice.error();
    std::optional<Expected<ModelInfo>> outcome;
    QEventLoop loop;
    const RequestId id = m_engine.loadModel(bundle, *choice);
    const auto loaded = QObject::connect(&m_engine, &Engine::modelLoaded, &loop,
                                         [&](RequestId done, const ModelInfo &info) {
                                             if (done == id) {
                                                 outcome = info;
                                                 loop.quit();
                                             }
                                         });
    const auto failed = QObject::connect(&m_engine, &Engine::requestFailed, &loop, [&](const EngineError &e) {
        if (e.id == id) {
            QString text = e.message;
            if (!e.details.isEmpty())
                text += QLatin1Char('\n') + e.details;
            outcome = Error{e.code, text.toStdString()};
            loop.quit();
        }
    });
    const auto cancelled = QObject::connect(&m_engine, &Engine::requestCancelled, &loop, [&](RequestId done) {
        if (done == id) {
            outcome = Error{ErrorCode::Cancelled, "loading the model was cancelled"};
            loop.quit();
        }
    });
    loop.exec();
    QObject::disconnect(loaded);
    QObject::disconnect(failed);
    QObject::disconnect(cancelled);
    return *outcome;
}

} // namespace mplug2::app
