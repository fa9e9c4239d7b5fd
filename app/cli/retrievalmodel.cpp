#include "app/cli/retrievalmodel.h"

#include "app/cli/clisession.h"
#include "app/cli/commandlineparsing.h"

namespace mplug2::app {

Expected<ModelBundle> retrievalBundle(const ModelParams &model)
{
    Expected<ModelBundle> bundle = model.bundle();
    if (bundle && model.frames)
        bundle->numFrames = *model.frames;
    return bundle;
}

int bundleErrorExitCode(const Error &error)
{
    return error.code == ErrorCode::InvalidArgument ? 2 : 1;
}

int loadRetrievalModel(CliSession &session, const QString &command, const ModelParams &model)
{
    const Expected<ModelBundle> bundle = retrievalBundle(model);
    if (!bundle)
        return reportCliError(
            command, QString::fromStdString(bundle.error().message), bundleErrorExitCode(bundle.error()));
    const Expected<DeviceChoice> device = model.deviceChoice();
    if (!device)
        return reportCliError(command, QString::fromStdString(device.error().message), 2);
    return session.loadModel(*bundle, *device) ? 0 : 1;
}

} // namespace mplug2::app
