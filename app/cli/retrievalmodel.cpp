#include "app/cli/retrievalmodel.h"

#include "app/cli/clisession.h"
#include "app/cli/commandlineparsing.h"

namespace mplug2::app {

Expected<ModelBundle> retrievalBundle(const ModelOptions &options, const QCommandLineParser &parser)
{
    const Expected<int> frames = options.frames(parser);
    if (!frames)
        return frames.error();
    Expected<ModelBundle> bundle = options.bundle(parser);
    if (!bundle)
        return bundle;
    if (*frames > 0)
        bundle->numFrames = *frames;
    return bundle;
}

int bundleErrorExitCode(const Error &error)
{
    return error.code == ErrorCode::InvalidArgument ? 2 : 1;
}

int loadRetrievalModel(CliSession &session, const QString &command, const ModelOptions &options,
    const QCommandLineParser &parser)
{
    const Expected<ModelBundle> bundle = retrievalBundle(options, parser);
    if (!bundle)
        return reportCliError(
            command, QString::fromStdString(bundle.error().message), bundleErrorExitCode(bundle.error()));
    const Expected<DeviceChoice> device = options.device(parser);
    if (!device)
        return reportCliError(command, QString::fromStdString(device.error().message), 2);
    return session.loadModel(*bundle, *device) ? 0 : 1;
}

bool modelNamed(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("model")) || parser.isSet(QStringLiteral("checkpoint"));
}

} // namespace mplug2::app
