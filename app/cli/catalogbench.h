#pragma once
/// `mplug2 bench catalog --db FILE|URI [--files N] [--workers N,N] [--vectors
/// N,N] [--dim D] [--queries Q] [--reuse-run NAME] [--json]`: what a shared
/// index costs (store throughput for 1, 2 and 4 workers, claim overhead per
/// file) and its client-side search index (first build, cached load, search
/// p50/p95); as params + parse + run.
///
///     const CliParsed<CatalogBenchParams> parsed = parseCatalogBenchParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runCatalogBench(std::get<CatalogBenchParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct CatalogBenchParams {
    QString db; ///< a file or a postgresql:// location: an empty scratch index
    qint64 files = 2000; ///< files per store run
    QList<int> workers {1, 2, 4}; ///< one store run per count, each from 1 to 64
    QList<qint64> vectors {100000}; ///< vector counts for the search index; empty = skip it
    int dim = 768; ///< embedding size
    int queries = 500; ///< queries timed
    /// The vectors (and cached search index) an earlier run left, by the run
    /// name it printed; nullopt = a new run on an empty index.
    std::optional<QString> reuseRun;
    bool json = false; ///< one JSON object instead of tables
    bool operator==(const CatalogBenchParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 bench catalog"); a CliStop for --help and usage errors.
CliParsed<CatalogBenchParams> parseCatalogBenchParams(const QStringList &args);
/// Opens the index and times the store runs and the search index; the exit
/// code (2 for an index that is not empty without --reuse-run). `command` prefixes messages.
int runCatalogBench(const CatalogBenchParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 bench catalog` entry point.
int runCatalogBenchCommand(const QStringList &args);

} // namespace mplug2::app
