#pragma once
/// `mplug2 bench moments [--minutes 60] [--video FILE] [--json] [model
/// options]`: how fast videos are indexed with moments (issue 22): one pass
/// that finds the shots and embeds every moment, timed against the video's
/// length (x real time). With no --video it makes a multi-shot video of the
/// synthetic world at 640x360, 25 frames/s, H.264, kept in the cache folder
/// for the next run. As params + parse + run.
///
///     const CliParsed<MomentsBenchParams> parsed = parseMomentsBenchParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runMomentsBench(std::get<MomentsBenchParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"

#include <QString>
#include <QStringList>

namespace mplug2::app {

struct MomentsBenchParams {
    QString video; ///< the video to index; empty = the generated one
    int minutes = 60; ///< length of the generated video, 1 to 600
    /// The model that embeds the moments; its --frames is the frames per
    /// moment (nullopt = the model's own).
    ModelParams model;
    bool json = false; ///< the figures as one JSON object
    bool operator==(const MomentsBenchParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 bench moments"); a CliStop for --help and usage errors.
CliParsed<MomentsBenchParams> parseMomentsBenchParams(const QStringList &args);
/// Makes the video when needed, loads the model and times the indexing; the
/// exit code. `command` prefixes messages.
int runMomentsBench(const MomentsBenchParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 bench moments` entry point.
int runMomentsBenchCommand(const QStringList &args);

} // namespace mplug2::app
