#pragma once
/// `mplug2 index --db FILE|URI [--captions] [--moments [--moment-window S]]
/// [--root-name NAME=PATH]... [--json] [model options] [DIR...]`: index
/// folders for search (incremental; safe to run again and to kill); as
/// params + parse + run.
///
///     const CliParsed<IndexParams> parsed = parseIndexParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runIndex(std::get<IndexParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"
#include "app/retrieval/catalogtypes.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct IndexParams {
    QString db; ///< a file (created when missing) or a postgresql:// location
    QStringList folders; ///< folders or files; none: the last job's folders
    QList<CatalogRoot> rootNames; ///< --root-name, recorded in the index
    bool captions = false; ///< caption every file (every moment with moments)
    bool moments = false; ///< an embedding per shot or window of each video
    std::optional<double> momentWindow; ///< the longest moment in seconds; nullopt = the default
    ModelParams model;
    bool json = false; ///< the summary as one JSON object
    bool operator==(const IndexParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 index"); a CliStop for --help and usage errors.
CliParsed<IndexParams> parseIndexParams(const QStringList &args);
/// Opens the index, loads the model and indexes; the exit code (130 when
/// interrupted). `command` prefixes messages.
int runIndex(const IndexParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 index` entry point.
int runIndexCommand(const QStringList &args);

} // namespace mplug2::app
