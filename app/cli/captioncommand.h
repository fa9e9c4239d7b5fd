#pragma once
/// `mplug2 caption [--json] [model options] MEDIA...`: a caption of each
/// image or video (n-best with --num-results), as params + parse + run.
///
///     const CliParsed<CaptionParams> parsed = parseCaptionParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runCaption(std::get<CaptionParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"

#include <QString>
#include <QStringList>

namespace mplug2::app {

struct CaptionParams {
    QStringList media;
    ModelParams model;
    bool json = false; ///< one JSON object per media item
    bool operator==(const CaptionParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 caption"); a CliStop for --help and usage errors.
CliParsed<CaptionParams> parseCaptionParams(const QStringList &args);
/// Loads the model and captions every medium; the exit code. `command` prefixes messages.
int runCaption(const CaptionParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 caption` entry point.
int runCaptionCommand(const QStringList &args);

} // namespace mplug2::app
