#include "app/cli/retrievalmodel.h"

namespace mplug2::app {

Expected<ModelBundle> retrievalBundle(const ModelOptions &options, const QCommandLineParser &parser)
{
    Expected<ModelBundle> bundle = options.bundle(parser);
    if (!bundle)
        return bundle;
    EngineRequest probe;
    if (Expected<void> ok = options.applyTo(parser, probe); !ok)
        return ok.error();
    if (probe.media.numFrames > 0)
        bundle->numFrames = probe.media.numFrames;
    return bundle;
}

bool modelNamed(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("model")) || parser.isSet(QStringLiteral("checkpoint"));
}

} // namespace mplug2::app
