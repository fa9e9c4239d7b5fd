#include "app/cli/retrievalmodel.h"

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

bool modelNamed(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("model")) || parser.isSet(QStringLiteral("checkpoint"));
}

} // namespace mplug2::app
