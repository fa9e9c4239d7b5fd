#include "app/cli/catalogbench.h"

#include "app/cli/commandlineparsing.h"
#include "app/cli/retrievalbenchsupport.h"
#include "app/retrieval/catalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>
#include <QUuid>

#include <atomic>
#include <mutex>
#include <thread>

namespace mplug2::app {

using namespace benchsupport;

namespace {

struct CatalogBenchText {
    Q_DECLARE_TR_FUNCTIONS(CatalogBench)
};

constexpr int kClaimBatch = 8;

struct StoreRun {
    int workers = 0;
    qint64 files = 0;
    double seconds = 0;
    double claimMsPerFile = 0; ///< time inside claimWork, per file claimed
    QString error;
};

/// `workers` threads, each with its own connection, claim and store `files` files of `run` through the
/// work queue as indexing workers do: a 2-thumbnail entry and one `dim`-sized embedding each.
StoreRun storeThroughput(const QString &location, const QString &run, int workers, qint64 files, int dim)
{
    StoreRun result;
    result.workers = workers;
    const QString key = QStringLiteral("bench-store-%1").arg(run);
    {
        auto catalog = Catalog::open(location);
        if (!catalog) {
            result.error = QString::fromStdString(catalog.error().message);
            return result;
        }
        QList<FileStamp> stamps;
        for (qint64 i = 0; i < files; ++i)
            stamps.append(
                {QStringLiteral("/bench/%1/clip%2.mp4").arg(run).arg(i), 1000 + i, 1, MediaKind::Video});
        if (Expected<void> queued = (*catalog)->enqueueWork(key, stamps); !queued) {
            result.error = QString::fromStdString(queued.error().message);
            return result;
        }
    }
    std::atomic<qint64> stored {0};
    std::atomic<qint64> claimNs {0};
    std::mutex errorLock;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w)
        threads.emplace_back([&, w] {
            const auto fail = [&](const Error &e) {
                std::lock_guard guard(errorLock);
                result.error = QString::fromStdString(e.message);
            };
            auto catalog = Catalog::open(location);
            if (!catalog)
                return fail(catalog.error());
            QRandomGenerator rng(quint32(w + 1));
            // JPEG-sized thumbnails: a poster and one preview frame.
            const QByteArray poster(24 * 1024, 'p');
            const QByteArray preview(12 * 1024, 'q');
            const QString worker = QStringLiteral("bench/%1/%2").arg(run).arg(w);
            for (;;) {
                QElapsedTimer claimClock;
                claimClock.start();
                Expected<QList<WorkClaim>> claims = (*catalog)->claimWork(key, worker, kClaimBatch, 60000);
                claimNs += claimClock.nsecsElapsed();
                if (!claims)
                    return fail(claims.error());
                if (claims->isEmpty())
                    return;
                for (const WorkClaim &claim : std::as_const(*claims)) {
                    IndexedMedia m;
                    m.entry.path = claim.file.path;
                    m.entry.size = claim.file.size;
                    m.entry.mtimeMs = claim.file.mtimeMs;
                    m.entry.kind = claim.file.kind;
                    m.entry.sampleHash = QByteArray::number(claim.file.size);
                    m.modelKey = key;
                    m.bundleId = QStringLiteral("bench");
                    QList<float> v(dim);
                    for (float &x : v)
                        x = float(rng.generateDouble() - 0.5);
                    m.embeddings = {{EmbeddingKind::Clip, v}};
                    m.thumbnails = {poster, preview};
                    m.claim = claim;
                    if (Expected<qint64> ok = (*catalog)->storeIndexed(m); !ok)
                        return fail(ok.error());
                    ++stored;
                }
            }
        });
    for (std::thread &t : threads)
        t.join();
    result.seconds = double(wall.nsecsElapsed()) / 1e9;
    result.files = stored.load();
    result.claimMsPerFile = result.files > 0 ? double(claimNs.load()) / 1e6 / double(result.files) : 0;
    return result;
}

struct VectorRun {
    qint64 n = 0;
    double fillSeconds = 0;
    double firstBuildSeconds = 0;
    double cachedLoadSeconds = 0;
    Timing search;
    bool ann = false;
    QString error;
};

/// Fills a space of `n` clustered vectors, then opens its client-side search index twice (the first build,
/// then the load of the cached graph) and times queries against it.
VectorRun vectorIndexRun(const QString &location, const QString &run, qint64 n, int dim, int queryCount,
    const VectorSearchOptions &options, bool reuse)
{
    VectorRun result;
    result.n = n;
    auto catalog = Catalog::open(location);
    if (!catalog) {
        result.error = QString::fromStdString(catalog.error().message);
        return result;
    }
    const QString key = QStringLiteral("bench-vectors-%1-%2").arg(run).arg(n);
    QRandomGenerator rng {quint32(n)};
    constexpr qint64 kBatch = 5000;
    QElapsedTimer clock;
    clock.start();
    // With --reuse-run, a space filled by that earlier run is used as it is.
    Expected<std::optional<EmbeddingSpace>> earlier = (*catalog)->space(key, EmbeddingKind::Clip);
    const bool filled = reuse && earlier && *earlier && (*earlier)->count >= n;
    for (qint64 start = 0; start < n && !filled; start += kBatch) {
        const qint64 count = std::min(kBatch, n - start);
        const std::vector<float> data = clusteredVectors(count, dim, 64, rng, 0.8);
        QList<IndexedMedia> batch;
        batch.reserve(count);
        for (qint64 i = 0; i < count; ++i) {
            IndexedMedia m;
            m.entry.path = QStringLiteral("/bench/%1/v%2/%3.png").arg(run).arg(n).arg(start + i);
            m.entry.kind = MediaKind::Image;
            m.modelKey = key;
            m.bundleId = QStringLiteral("bench");
            const float *row = data.data() + size_t(i) * size_t(dim);
            m.embeddings = {{EmbeddingKind::Clip, QList<float>(row, row + dim)}};
            batch.append(std::move(m));
        }
        if (Expected<void> ok = (*catalog)->addNew(batch); !ok) {
            result.error = QString::fromStdString(ok.error().message);
            return result;
        }
    }
    result.fillSeconds = double(clock.nsecsElapsed()) / 1e9;
    Expected<std::optional<EmbeddingSpace>> space = (*catalog)->space(key, EmbeddingKind::Clip);
    if (!space || !*space) {
        result.error = space ? QStringLiteral("the benchmark's space is missing")
                             : QString::fromStdString(space.error().message);
        return result;
    }
    const QString cache = VectorIndex::annPath((*catalog)->vectorCacheBase(), **space);
    if (!(filled && QFileInfo::exists(cache))) {
        QFile::remove(cache);
        clock.restart();
        auto first = VectorIndex::open(**catalog, **space, options);
        result.firstBuildSeconds = double(clock.nsecsElapsed()) / 1e9;
        if (!first) {
            result.error = QString::fromStdString(first.error().message);
            return result;
        }
        first->reset();
    }
    clock.restart();
    auto cached = VectorIndex::open(**catalog, **space, options);
    result.cachedLoadSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (!cached) {
        result.error = QString::fromStdString(cached.error().message);
        return result;
    }
    result.ann = (*cached)->usesAnn();
    const std::vector<float> queries = clusteredVectors(queryCount, dim, 64, rng, 0.9);
    result.search = timeQueries(**cached, queries, queryCount, dim, 10, nullptr, false);
    return result;
}

} // namespace

CliParsed<CatalogBenchParams> parseCatalogBenchParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CatalogBenchText::tr(
        "Shared-index benchmark: store throughput with 1, 2 and 4 workers (thumbnails and embeddings, "
        "through the work queue), the claim overhead per file, and the client-side search index "
        "over the index's vectors: its first build, the load of its cached copy, and search "
        "latency. Point it at an empty scratch index: what it writes stays there."));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"),
        CatalogBenchText::tr("The index: a file or a postgresql:// address."), QStringLiteral("FILE|URI"));
    const QCommandLineOption files(QStringLiteral("files"),
        CatalogBenchText::tr("Files per store run (default 2000)."), QStringLiteral("N"),
        QStringLiteral("2000"));
    const QCommandLineOption workers(QStringLiteral("workers"),
        CatalogBenchText::tr("Worker counts (default 1,2,4)."), QStringLiteral("N,N"),
        QStringLiteral("1,2,4"));
    const QCommandLineOption vectors(QStringLiteral("vectors"),
        CatalogBenchText::tr("Vector counts for the search index (default 100000; 0 to skip)."),
        QStringLiteral("N,N"), QStringLiteral("100000"));
    const QCommandLineOption dim(QStringLiteral("dim"), CatalogBenchText::tr("Embedding size (default 768)."),
        QStringLiteral("D"), QStringLiteral("768"));
    const QCommandLineOption queries(QStringLiteral("queries"),
        CatalogBenchText::tr("Queries timed (default 500)."), QStringLiteral("Q"), QStringLiteral("500"));
    const QCommandLineOption json(QStringLiteral("json"), CatalogBenchText::tr("Print one JSON object."));
    const QCommandLineOption reuseRun(QStringLiteral("reuse-run"),
        CatalogBenchText::tr(
            "Use the vectors (and the cached search index) an earlier run left in the index, by the run "
            "name it printed, instead of filling new ones: for timing the cached load again."),
        QStringLiteral("NAME"));
    parser.addOptions({db, files, workers, vectors, dim, queries, reuseRun, json});
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (!parser.isSet(db))
        return usageStop(CatalogBenchText::tr("--db FILE|URI is required"));

    CatalogBenchParams p;
    p.db = parser.value(db);
    p.files = parser.value(files).toLongLong();
    p.dim = parser.value(dim).toInt();
    p.queries = parser.value(queries).toInt();
    p.workers.clear();
    for (const QString &w : parser.value(workers).split(QLatin1Char(','), Qt::SkipEmptyParts))
        p.workers << w.trimmed().toInt();
    // A count of 0 (or anything that is not a number) skips the search index.
    p.vectors.clear();
    for (const QString &v : parser.value(vectors).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const qint64 n = v.trimmed().toLongLong(); n > 0)
            p.vectors << n;
    if (p.files <= 0 || p.dim <= 0 || p.queries <= 0
        || std::any_of(p.workers.begin(), p.workers.end(), [](int w) { return w <= 0 || w > 64; }))
        return usageStop(
            CatalogBenchText::tr("--files, --dim, --queries and --workers take positive numbers"));
    if (parser.isSet(reuseRun))
        p.reuseRun = parser.value(reuseRun);
    p.json = parser.isSet(json);
    return p;
}

int runCatalogBench(const CatalogBenchParams &params, const QString &command)
{
    const QString &location = params.db;
    const int dims = params.dim;
    {
        auto catalog = Catalog::open(location);
        if (!catalog)
            return reportCliError(command, QString::fromStdString(catalog.error().message));
        if (Expected<qint64> n = (*catalog)->entryCount(); !n || (*n > 0 && !params.reuseRun))
            return reportCliError(command,
                n ? CatalogBenchText::tr(
                    "%1 already holds %2 files: point the benchmark at an empty scratch index")
                        .arg(location)
                        .arg(*n)
                  : QString::fromStdString(n.error().message),
                2);
    }
    // Each run writes under names of its own, so runs never meet in the queue or the spaces.
    const QString run
        = params.reuseRun ? *params.reuseRun : QUuid::createUuid().toString(QUuid::Id128).left(8);
    QTextStream out(stdout);
    const bool table = !params.json;
    QTextStream(stderr)
        << CatalogBenchText::tr("run %1 (time its cached search index again with --reuse-run %1)").arg(run)
        << '\n';
    QJsonArray storeRows;
    if (table)
        out << CatalogBenchText::tr("store (claim + entry, 2 thumbnails, %1-d embedding per file):").arg(dims)
            << '\n'
            << "| workers | files | s | files/s | claim ms/file |\n|---|---|---|---|---|\n"
            << Qt::flush;
    for (int w : params.workers) {
        const StoreRun r
            = storeThroughput(location, run + QStringLiteral("-w%1").arg(w), w, params.files, dims);
        if (!r.error.isEmpty())
            return reportCliError(command, r.error);
        const double rate = r.seconds > 0 ? double(r.files) / r.seconds : 0;
        if (table)
            out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                       .arg(w)
                       .arg(r.files)
                       .arg(r.seconds, 0, 'f', 2)
                       .arg(rate, 0, 'f', 1)
                       .arg(r.claimMsPerFile, 0, 'f', 3)
                << Qt::flush;
        storeRows.append(QJsonObject {{QStringLiteral("workers"), w}, {QStringLiteral("files"), r.files},
            {QStringLiteral("seconds"), r.seconds}, {QStringLiteral("files_per_s"), rate},
            {QStringLiteral("claim_ms_per_file"), r.claimMsPerFile}});
    }
    QJsonArray vectorRows;
    if (table && !params.vectors.isEmpty())
        out << '\n'
            << CatalogBenchText::tr("client search index (%1-d, top 10):").arg(dims) << '\n'
            << "| vectors | fill s | first build s | cached load s | search | p50 ms | p95 ms |\n"
               "|---|---|---|---|---|---|---|\n"
            << Qt::flush;
    VectorSearchOptions options;
    for (qint64 n : params.vectors) {
        const VectorRun r
            = vectorIndexRun(location, run, n, dims, params.queries, options, params.reuseRun.has_value());
        if (!r.error.isEmpty())
            return reportCliError(command, r.error);
        if (table)
            out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                       .arg(n)
                       .arg(r.fillSeconds, 0, 'f', 1)
                       .arg(r.firstBuildSeconds, 0, 'f', 1)
                       .arg(r.cachedLoadSeconds, 0, 'f', 2)
                       .arg(r.ann ? QStringLiteral("hnsw") : QStringLiteral("exact"))
                       .arg(r.search.p50Ms, 0, 'f', 3)
                       .arg(r.search.p95Ms, 0, 'f', 3)
                << Qt::flush;
        vectorRows.append(QJsonObject {{QStringLiteral("vectors"), n},
            {QStringLiteral("fill_s"), r.fillSeconds}, {QStringLiteral("first_build_s"), r.firstBuildSeconds},
            {QStringLiteral("cached_load_s"), r.cachedLoadSeconds}, {QStringLiteral("ann"), r.ann},
            {QStringLiteral("search_p50_ms"), r.search.p50Ms},
            {QStringLiteral("search_p95_ms"), r.search.p95Ms}});
    }
    if (!table)
        out << QJsonDocument(QJsonObject {{QStringLiteral("db"), location}, {QStringLiteral("run"), run},
                                 {QStringLiteral("dim"), dims}, {QStringLiteral("store"), storeRows},
                                 {QStringLiteral("index"), vectorRows}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
    return 0;
}

int runCatalogBenchCommand(const QStringList &args)
{
    const CliParsed<CatalogBenchParams> parsed = parseCatalogBenchParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runCatalogBench(std::get<CatalogBenchParams>(parsed), args.value(0));
}

} // namespace mplug2::app
