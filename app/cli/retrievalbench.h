#pragma once
/// `mplug2 bench retrieval [--sizes N,N] [--dim D] [--queries Q] [--k K] [--ef EF]
/// [--m M] [--seed S] [--index-folder DIR [model options]] [--json]`: vector
/// search latency (exact and ANN) and ANN recall@k on synthetic clustered
/// embeddings of 10k and 100k items, and, with --index-folder, indexing
/// throughput (files/s, CPU seconds per file) with a real model; as params +
/// parse + run.
///
///     const CliParsed<RetrievalBenchParams> parsed = parseRetrievalBenchParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runRetrievalBench(std::get<RetrievalBenchParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct RetrievalBenchParams {
    QList<qint64> sizes {10000, 100000}; ///< collection sizes, each above k
    int dim = 768; ///< ViT-L/14's embedding size
    int queries = 200; ///< per size
    int k = 10; ///< results per query
    int ef = 400; ///< ANN search beam
    int m = 16; ///< ANN graph degree
    quint32 seed = 1;
    std::optional<QString> indexFolder; ///< also index this folder and report files/s
    ModelParams model; ///< read only with indexFolder: the model that indexes it
    bool json = false; ///< one JSON object instead of a table
    bool operator==(const RetrievalBenchParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 bench retrieval"); a CliStop for --help and usage errors.
CliParsed<RetrievalBenchParams> parseRetrievalBenchParams(const QStringList &args);
/// Times the searches (and the indexing); the exit code. `command` prefixes messages.
int runRetrievalBench(const RetrievalBenchParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 bench retrieval` entry point.
int runRetrievalBenchCommand(const QStringList &args);

} // namespace mplug2::app
