#pragma once
/// `mplug2 ask --question Q [--answers FILE [--top K]] [--json] [model
/// options] MEDIA...`: the answer about each image or video, free or ranked
/// over candidate answers, as params + parse + run.
///
///     const CliParsed<AskParams> parsed = parseAskParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runAsk(std::get<AskParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"

#include <QString>
#include <QStringList>

namespace mplug2::app {

struct AskParams {
    QString question;
    QStringList media;
    /// The candidate answers to rank, read from --answers; none: answer freely.
    QStringList answers;
    int top = 0; ///< how many candidates the re-ranking keeps; 0 = all (up to 128)
    ModelParams model;
    bool json = false; ///< one JSON object per media item
    bool operator==(const AskParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 ask") and the --answers file; a CliStop
/// for --help, usage errors and an --answers file that cannot be read (exit 1).
CliParsed<AskParams> parseAskParams(const QStringList &args);
/// Loads the model and answers about every medium; the exit code. `command` prefixes messages.
int runAsk(const AskParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 ask` entry point.
int runAskCommand(const QStringList &args);

} // namespace mplug2::app
