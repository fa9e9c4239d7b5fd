#pragma once
/// `mplug2 export-index --db FILE|URI [--format jsonl|csv] [-o FILE]
/// [--root-name NAME=PATH]...`: every file of an index, one line each (path,
/// caption, kind, size, ...); as params + parse + run.
///
///     const CliParsed<ExportIndexParams> parsed = parseExportIndexParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runExportIndex(std::get<ExportIndexParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/retrieval/catalogtypes.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct ExportIndexParams {
    QString db; ///< a file or a postgresql:// location
    bool csv = false; ///< CSV instead of JSON Lines
    std::optional<QString> output; ///< the file to write whole; nullopt = standard output
    QList<CatalogRoot> rootNames; ///< --root-name, where shared roots are on this machine
    bool operator==(const ExportIndexParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 export-index"); a CliStop for --help and usage errors.
CliParsed<ExportIndexParams> parseExportIndexParams(const QStringList &args);
/// Writes every file of the index; the exit code. `command` prefixes messages.
int runExportIndex(const ExportIndexParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 export-index` entry point.
int runExportIndexCommand(const QStringList &args);

} // namespace mplug2::app
