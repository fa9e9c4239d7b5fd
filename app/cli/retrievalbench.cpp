#include "app/cli/retrievalbench.h"

#include "app/cli/clisession.h"
#include "app/cli/commandlineparsing.h"
#include "app/cli/modeloptions.h"
#include "app/cli/retrievalbenchsupport.h"
#include "app/cli/retrievalmodel.h"
#include "app/retrieval/indexjob.h"
#include "app/retrieval/vectorindex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <sys/resource.h>
#include <time.h>

namespace mplug2::app {

namespace benchsupport {

std::vector<float> clusteredVectors(qint64 n, int dim, int clusters, QRandomGenerator &rng, double spread)
{
    std::vector<float> centres(size_t(clusters) * size_t(dim));
    for (float &x : centres)
        x = float(rng.generateDouble() * 2 - 1);
    std::vector<float> v(size_t(n) * size_t(dim));
    for (qint64 i = 0; i < n; ++i) {
        const size_t c = size_t(rng.bounded(clusters)) * size_t(dim);
        float *row = v.data() + size_t(i) * size_t(dim);
        double norm = 0;
        for (int d = 0; d < dim; ++d) {
            row[d] = centres[c + size_t(d)] + float((rng.generateDouble() - 0.5) * spread);
            norm += double(row[d]) * row[d];
        }
        for (int d = 0; d < dim; ++d)
            row[d] = float(row[d] / std::sqrt(norm));
    }
    return v;
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

Timing timeQueries(const VectorIndex &index, const std::vector<float> &queries, int count, int dim, int k,
    QList<QList<VectorHit>> *results, bool exact)
{
    std::vector<double> ms;
    const double cpuBefore = threadCpuMs();
    for (int q = 0; q < count; ++q) {
        QElapsedTimer clock;
        clock.start();
        const float *query = queries.data() + size_t(q) * size_t(dim);
        QList<VectorHit> hits = exact ? index.searchExact(query, k) : index.search(query, k);
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        if (results)
            results->append(std::move(hits));
    }
    return {percentile(ms, 0.5), percentile(ms, 0.95), (threadCpuMs() - cpuBefore) / count};
}

} // namespace benchsupport

using namespace benchsupport;

namespace {

struct RetrievalBenchText {
    Q_DECLARE_TR_FUNCTIONS(RetrievalBench)
};

QJsonObject vectorBench(qint64 n, int dim, int queryCount, int k, const VectorSearchOptions &base,
    quint32 seed, QTextStream &out, bool printRows)
{
    QRandomGenerator rng(seed);
    const std::vector<float> data = clusteredVectors(n, dim, std::max<int>(16, int(n / 500)), rng, 0.8);
    // Queries: perturbed copies of stored vectors, as a text query lands near, not on, its best match.
    std::vector<float> queries(size_t(queryCount) * size_t(dim));
    for (int q = 0; q < queryCount; ++q) {
        const float *src = data.data() + size_t(rng.bounded(quint32(n))) * size_t(dim);
        for (int d = 0; d < dim; ++d)
            queries[size_t(q) * size_t(dim) + size_t(d)] = src[d] + float((rng.generateDouble() - 0.5) * 0.2);
    }
    std::vector<qint64> ids(static_cast<size_t>(n));
    for (qint64 i = 0; i < n; ++i)
        ids[size_t(i)] = i + 1;

    VectorSearchOptions exactOptions = base;
    exactOptions.annThreshold = std::numeric_limits<qint64>::max();
    auto exact = VectorIndex::fromVectors(dim, data, ids, ids, exactOptions);
    QList<QList<VectorHit>> truth;
    const Timing exactTiming = timeQueries(**exact, queries, queryCount, dim, k, &truth, true);
    exact->reset();

    VectorSearchOptions annOptions = base;
    annOptions.annThreshold = 0;
    QElapsedTimer build;
    build.start();
    const double cpuBefore = cpuSeconds();
    auto ann = VectorIndex::fromVectors(dim, data, ids, ids, annOptions);
    const double buildS = double(build.nsecsElapsed()) / 1e9;
    const double buildCpuS = cpuSeconds() - cpuBefore;
    QList<QList<VectorHit>> approx;
    const Timing annTiming = timeQueries(**ann, queries, queryCount, dim, k, &approx, false);
    qint64 found = 0;
    for (int q = 0; q < queryCount; ++q)
        for (const VectorHit &t : truth[q])
            for (const VectorHit &a : approx[q])
                found += a.entryId == t.entryId;
    const double recall = double(found) / double(qint64(queryCount) * k);

    if (printRows) {
        out << QStringLiteral("| %1 | exact | - | %2 | %3 | %4 | 1.000 |\n")
                   .arg(n)
                   .arg(exactTiming.p50Ms, 0, 'f', 2)
                   .arg(exactTiming.p95Ms, 0, 'f', 2)
                   .arg(exactTiming.cpuMeanMs, 0, 'f', 3);
        out << QStringLiteral("| %1 | hnsw M=%2 ef=%3 | %4 s (%5 s CPU) | %6 | %7 | %8 | %9 |\n")
                   .arg(n)
                   .arg(base.ann.m)
                   .arg(base.efSearch)
                   .arg(buildS, 0, 'f', 1)
                   .arg(buildCpuS, 0, 'f', 1)
                   .arg(annTiming.p50Ms, 0, 'f', 3)
                   .arg(annTiming.p95Ms, 0, 'f', 3)
                   .arg(annTiming.cpuMeanMs, 0, 'f', 3)
                   .arg(recall, 0, 'f', 3)
            << Qt::flush;
    }
    return QJsonObject {{QStringLiteral("n"), n}, {QStringLiteral("dim"), dim},
        {QStringLiteral("exact_p50_ms"), exactTiming.p50Ms},
        {QStringLiteral("exact_p95_ms"), exactTiming.p95Ms},
        {QStringLiteral("exact_cpu_ms_per_query"), exactTiming.cpuMeanMs},
        {QStringLiteral("ann_build_s"), buildS}, {QStringLiteral("ann_build_cpu_s"), buildCpuS},
        {QStringLiteral("ann_p50_ms"), annTiming.p50Ms}, {QStringLiteral("ann_p95_ms"), annTiming.p95Ms},
        {QStringLiteral("ann_cpu_ms_per_query"), annTiming.cpuMeanMs},
        {QStringLiteral("recall_at_k"), recall}};
}

} // namespace

CliParsed<RetrievalBenchParams> parseRetrievalBenchParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        RetrievalBenchText::tr("Search-index benchmark: exact vs ANN query latency and ANN "
                               "recall@k on synthetic embeddings; indexing throughput with "
                               "--index-folder."));
    parser.addHelpOption();
    const QCommandLineOption sizes(QStringLiteral("sizes"),
        RetrievalBenchText::tr("Collection sizes (default 10000,100000)."), QStringLiteral("N,N"),
        QStringLiteral("10000,100000"));
    const QCommandLineOption dim(QStringLiteral("dim"),
        RetrievalBenchText::tr("Embedding size (default 768, ViT-L/14)."), QStringLiteral("D"),
        QStringLiteral("768"));
    const QCommandLineOption queries(QStringLiteral("queries"),
        RetrievalBenchText::tr("Queries per size (default 200)."), QStringLiteral("Q"),
        QStringLiteral("200"));
    const QCommandLineOption k(QStringLiteral("k"), RetrievalBenchText::tr("Results per query (default 10)."),
        QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption ef(QStringLiteral("ef"),
        RetrievalBenchText::tr("ANN search beam (default 400)."), QStringLiteral("EF"),
        QStringLiteral("400"));
    const QCommandLineOption m(QStringLiteral("m"), RetrievalBenchText::tr("ANN graph degree (default 16)."),
        QStringLiteral("M"), QStringLiteral("16"));
    const QCommandLineOption seed(QStringLiteral("seed"), RetrievalBenchText::tr("Random seed (default 1)."),
        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption folder(QStringLiteral("index-folder"),
        RetrievalBenchText::tr("Also index this folder into a temporary index and report files/s."),
        QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), RetrievalBenchText::tr("Print one JSON object."));
    parser.addOptions({sizes, dim, queries, k, ef, m, seed, folder, json});
    const ModelOptions model; // for --index-folder
    model.addTo(parser);
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;

    RetrievalBenchParams p;
    p.dim = parser.value(dim).toInt();
    p.queries = parser.value(queries).toInt();
    p.k = parser.value(k).toInt();
    p.ef = parser.value(ef).toInt();
    p.m = parser.value(m).toInt();
    if (p.dim <= 0 || p.queries <= 0 || p.k <= 0 || p.ef <= 0 || p.m < 2)
        return usageStop(RetrievalBenchText::tr("--dim, --queries, --k, --ef and --m take positive numbers"));
    p.sizes.clear();
    for (const QString &size : parser.value(sizes).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qint64 n = size.trimmed().toLongLong();
        if (n <= p.k)
            return usageStop(RetrievalBenchText::tr("bad size %1").arg(size));
        p.sizes.append(n);
    }
    p.seed = parser.value(seed).toUInt();
    if (parser.isSet(folder)) {
        p.indexFolder = parser.value(folder);
        // The model options are read only for the indexing they are for.
        const Expected<ModelParams> modelParams = model.params(parser);
        if (!modelParams)
            return usageStop(QString::fromStdString(modelParams.error().message));
        p.model = *modelParams;
    }
    p.json = parser.isSet(json);
    return p;
}

int runRetrievalBench(const RetrievalBenchParams &params, const QString &command)
{
    QTextStream out(stdout);
    VectorSearchOptions options;
    options.efSearch = params.ef;
    options.ann.m = params.m;
    const bool printRows = !params.json;
    QJsonArray rows;
    if (printRows)
        out << "| items | search | build | p50 ms | p95 ms | CPU ms/query | recall@" << params.k
            << " |\n|---|---|---|---|---|---|---|\n";
    for (const qint64 n : params.sizes)
        rows.append(
            vectorBench(n, params.dim, params.queries, params.k, options, params.seed, out, printRows));

    QJsonObject indexing;
    if (params.indexFolder) {
        CliSession session(command);
        if (const int failed = loadRetrievalModel(session, command, params.model))
            return failed;
        QTemporaryDir scratch;
        IndexJobOptions jobOptions;
        jobOptions.roots = {*params.indexFolder};
        IndexJob job(&session.engine(), scratch.filePath(QStringLiteral("bench.sqlite")), jobOptions);
        QEventLoop loop;
        QObject::connect(&job, &IndexJob::finished, &loop, &QEventLoop::quit);
        const double cpuBefore = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        job.start();
        if (job.state() != IndexJob::State::Failed)
            loop.exec();
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        const double cpu = cpuSeconds() - cpuBefore;
        const IndexSummary s = job.summary();
        if (s.status != IndexJobStatus::Finished)
            return reportCliError(command, s.error);
        const double files = double(s.indexed + s.failed);
        indexing = QJsonObject {{QStringLiteral("files"), files}, {QStringLiteral("failed"), s.failed},
            {QStringLiteral("seconds"), seconds}, {QStringLiteral("files_per_s"), files / seconds},
            {QStringLiteral("cpu_s_per_file"), files > 0 ? cpu / files : 0.0},
            {QStringLiteral("model"), session.model().bundle.id}};
        if (printRows)
            out << '\n'
                << RetrievalBenchText::tr(
                       "indexing %1: %2 files in %3 s = %4 files/s, %5 CPU s per file (model %6)")
                       .arg(*params.indexFolder)
                       .arg(files)
                       .arg(seconds, 0, 'f', 1)
                       .arg(files / seconds, 0, 'f', 2)
                       .arg(files > 0 ? cpu / files : 0.0, 0, 'f', 3)
                       .arg(session.model().bundle.id)
                << '\n';
    }
    if (params.json) {
        QJsonObject result {{QStringLiteral("search"), rows}};
        if (!indexing.isEmpty())
            result.insert(QStringLiteral("indexing"), indexing);
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    }
    return 0;
}

int runRetrievalBenchCommand(const QStringList &args)
{
    const CliParsed<RetrievalBenchParams> parsed = parseRetrievalBenchParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runRetrievalBench(std::get<RetrievalBenchParams>(parsed), args.value(0));
}

} // namespace mplug2::app
