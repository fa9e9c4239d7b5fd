#pragma once
/// `mplug2 dense-caption [--window S] [--stride S | --by-shot] [-o FILE
/// [--format F]] [--json] [model options] VIDEO`: captions of a video window
/// by window (SRT, WebVTT, JSON, ...); as params + parse + run.
///
///     const CliParsed<DenseCaptionParams> parsed = parseDenseCaptionParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runDenseCaption(std::get<DenseCaptionParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"

#include <QString>
#include <QStringList>

namespace mplug2::app {

struct DenseCaptionParams {
    QString video;
    double windowSeconds = 10; ///< the window, or with byShot the longest moment (default 8 then)
    double strideSeconds = 0; ///< between window starts; 0 = the window
    bool byShot = false; ///< one caption per shot instead of fixed windows
    QString output; ///< -o: the file the exporter writes
    QString format; ///< the exporter's id; "" = no file, print the result
    ModelParams model;
    bool json = false; ///< print the result as one JSON object (also with -o)
    bool operator==(const DenseCaptionParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 dense-caption"); a CliStop for --help and usage errors.
CliParsed<DenseCaptionParams> parseDenseCaptionParams(const QStringList &args);
/// Loads the model, captions the video and prints or writes the captions;
/// the exit code. `command` prefixes messages.
int runDenseCaption(const DenseCaptionParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 dense-caption` entry point.
int runDenseCaptionCommand(const QStringList &args);

} // namespace mplug2::app
