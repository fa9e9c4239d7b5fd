#pragma once
/// `mplug2 search --db FILE|URI (--text "..." | --like MEDIA) [--moments] [--top K]
/// [--rerank K] [filters] [--json]`, and `mplug2 search --media MEDIA
/// --sentences FILE` (rank sentences for a media file); as params + parse + run.
///
///     const CliParsed<SearchParams> parsed = parseSearchParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runSearch(std::get<SearchParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"
#include "app/retrieval/catalogtypes.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct SearchParams {
    std::optional<QString> db; ///< a file or a postgresql:// location; optional with --media
    // Exactly one of the three modes.
    QStringList texts; ///< --text: media matching each sentence, searched in turn
    std::optional<QString> like; ///< --like: media similar to this file
    std::optional<QString> media; ///< --media: rank `sentences` for this file
    QStringList sentences; ///< read from --sentences
    int top = 10; ///< results wanted
    int rerank = 0; ///< re-score this many of the best with the model
    QStringList folders; ///< only media inside these (absolute, clean)
    std::optional<MediaKind> type; ///< only images or only videos
    std::optional<double> minDuration; ///< seconds
    std::optional<double> maxDuration; ///< seconds
    bool moments = false; ///< find moments instead of whole files
    QList<CatalogRoot> rootNames; ///< --root-name, where shared roots are on this machine
    ModelParams model;
    bool json = false; ///< one JSON object per query
    bool operator==(const SearchParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 search") and the --sentences file; a
/// CliStop for --help, usage errors and a sentences file that cannot be read (exit 1).
CliParsed<SearchParams> parseSearchParams(const QStringList &args);
/// Opens the index, loads the model when the search needs it and prints the
/// results; the exit code. `command` prefixes messages.
int runSearch(const SearchParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 search` entry point.
int runSearchCommand(const QStringList &args);

} // namespace mplug2::app
