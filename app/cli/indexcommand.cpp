#include "app/cli/indexcommand.h"

#include "app/cli/clisession.h"
#include "app/cli/modeloptions.h"
#include "app/cli/retrievalmodel.h"
#include "app/cli/rootoptions.h"
#include "app/retrieval/catalog.h"
#include "app/retrieval/indexjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace mplug2::app {

namespace {

std::atomic_bool g_interrupted {false};

struct IndexCommandText {
    Q_DECLARE_TR_FUNCTIONS(IndexCommand)
};

/// What every worker of this model's queue did together.
QJsonObject workCountsJson(const WorkCounts &counts)
{
    QJsonObject workers;
    for (auto it = counts.doneBy.constBegin(); it != counts.doneBy.constEnd(); ++it)
        workers.insert(it.key(), it.value());
    return QJsonObject {{QStringLiteral("done"), counts.done}, {QStringLiteral("pending"), counts.pending},
        {QStringLiteral("claimed"), counts.claimed}, {QStringLiteral("expired"), counts.expired},
        {QStringLiteral("workers"), workers}};
}

QJsonObject summaryJson(const IndexSummary &s, const QString &db)
{
    return QJsonObject {{QStringLiteral("db"), db}, {QStringLiteral("status"), indexJobStatusName(s.status)},
        {QStringLiteral("indexed"), s.indexed}, {QStringLiteral("changed"), s.changed},
        {QStringLiteral("unchanged"), s.unchanged}, {QStringLiteral("restamped"), s.restamped},
        {QStringLiteral("dropped"), s.dropped}, {QStringLiteral("failed"), s.failed},
        {QStringLiteral("failed_before"), s.failedBefore}, {QStringLiteral("resumed"), s.resumed},
        {QStringLiteral("lost"), s.lost}, {QStringLiteral("worker"), s.worker},
        {QStringLiteral("skipped"), QJsonArray::fromStringList(s.skipped)},
        {QStringLiteral("seconds"), s.seconds}, {QStringLiteral("embeddings"), s.embeddings},
        {QStringLiteral("embeddings_per_second"), s.seconds > 0 ? double(s.embeddings) / s.seconds : 0.0},
        {QStringLiteral("error"), s.error},
        {QStringLiteral("queue"), s.queue ? workCountsJson(*s.queue) : QJsonValue()},
        {QStringLiteral("moments"),
            s.moments ? QJsonObject {{QStringLiteral("moments"), s.moments->moments},
                {QStringLiteral("videos"), s.moments->files}, {QStringLiteral("bytes"), s.moments->bytes}}
                      : QJsonValue()}};
}

} // namespace

CliParsed<IndexParams> parseIndexParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(IndexCommandText::tr(
        "Index images and videos for search: new and changed files are embedded, unchanged ones skipped, "
        "deleted ones dropped. Safe to run again and to interrupt; without folders it resumes the last "
        "job's folders."));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"),
        IndexCommandText::tr(
            "The index: a file (created when missing), or a shared index on a PostgreSQL server, "
            "postgresql://user@host:port/database (the password comes from ~/.pgpass or PGPASSWORD). "
            "Several indexing processes, on one machine or many, may work on one shared index at once: "
            "they divide the files among themselves."),
        QStringLiteral("FILE|URI"));
    const QCommandLineOption json(
        QStringLiteral("json"), IndexCommandText::tr("Print the summary as one JSON object."));
    const QCommandLineOption captions(QStringLiteral("captions"),
        IndexCommandText::tr(
            "Also caption every file (the model's caption task, its beam settings) and keep the caption "
            "in the index: search shows it, export-index writes it. With --moments, every moment gets "
            "its own caption, which a moment search shows."));
    const QCommandLineOption moments(QStringLiteral("moments"),
        IndexCommandText::tr(
            "Also find the shots of every video (4 frames analysed per second) and keep an embedding per "
            "moment, so that search --moments lands on the moment rather than the file. Long shots are cut "
            "into windows (--moment-window). Each moment costs about as much index space as a file."));
    const QCommandLineOption momentWindow(QStringLiteral("moment-window"),
        IndexCommandText::tr("With --moments: the longest moment in seconds (default 8)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption rootNames = rootNameOption();
    parser.addOptions({db, json, captions, moments, momentWindow, rootNames});
    const ModelOptions model;
    model.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("folders"),
        IndexCommandText::tr("Folders (or single files) to index."), QStringLiteral("[DIR...]"));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (!parser.isSet(db))
        return usageStop(IndexCommandText::tr("--db FILE is required"));
    const Expected<QList<CatalogRoot>> named = readRootNames(parser.values(rootNames));
    if (!named)
        return usageStop(QString::fromStdString(named.error().message));
    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return usageStop(QString::fromStdString(modelParams.error().message));

    IndexParams p;
    p.captions = parser.isSet(captions);
    p.moments = parser.isSet(moments);
    if (parser.isSet(momentWindow)) {
        bool ok = false;
        p.momentWindow = parser.value(momentWindow).toDouble(&ok);
        if (!ok || !(*p.momentWindow >= 0.5) || *p.momentWindow > 3600)
            return usageStop(IndexCommandText::tr("--moment-window takes seconds between 0.5 and 3600"));
        if (!p.moments)
            return usageStop(IndexCommandText::tr("--moment-window goes with --moments"));
    }
    p.db = parser.value(db);
    p.folders = parser.positionalArguments();
    p.rootNames = *named;
    p.model = *modelParams;
    p.json = parser.isSet(json);
    return p;
}

int runIndex(const IndexParams &params, const QString &command)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    const QString &dbPath = params.db;
    const bool server = Catalog::isServerLocation(dbPath);
    Catalog::addLocalRoots(dbPath, params.rootNames);
    QStringList roots = params.folders;
    if (server || roots.isEmpty() || !params.rootNames.isEmpty()) {
        // A server may be restarting or briefly out of reach: try a few times, waiting longer each time.
        Expected<std::unique_ptr<Catalog>> catalog = Catalog::open(dbPath);
        for (int attempt = 1; server && !catalog && catalog.error().code == ErrorCode::Io && attempt < 5;
             ++attempt) {
            err << IndexCommandText::tr("%1; trying again in %2 s")
                       .arg(QString::fromStdString(catalog.error().message))
                       .arg(1 << attempt)
                << '\n'
                << Qt::flush;
            QThread::sleep(1UL << attempt);
            catalog = Catalog::open(dbPath);
        }
        if (!catalog)
            return reportCliError(command, QString::fromStdString(catalog.error().message));
        // Named roots are recorded in the index, so that machines that do not name them find them where
        // they were first indexed from.
        for (const CatalogRoot &root : params.rootNames)
            if (Expected<CatalogRoot> recorded = (*catalog)->nameRoot(root.path, root.name); !recorded)
                return reportCliError(command, QString::fromStdString(recorded.error().message), 2);
        if (roots.isEmpty()) {
            Expected<std::optional<IndexJobRecord>> last = (*catalog)->lastJob();
            if (!last || !*last)
                return reportCliError(command, IndexCommandText::tr("name the folders to index"), 2);
            roots = (*last)->roots;
        }
    }

    CliSession session(command);
    if (const int failed = loadRetrievalModel(session, command, params.model))
        return failed;

    IndexJobOptions options;
    options.roots = roots;
    options.captions = params.captions;
    options.moments.enabled = params.moments;
    if (params.momentWindow)
        options.moments.maxWindowSeconds = *params.momentWindow;
    IndexJob job(&session.engine(), dbPath, options);
    const bool showProgress = !params.json && ::isatty(STDERR_FILENO);
    QObject::connect(&job, &IndexJob::progressed, [&](const IndexProgress &p) {
        if (showProgress)
            err << '\r'
                << IndexCommandText::tr("%1/%2  %3 files/s, %4 embeddings/s  ")
                       .arg(p.done)
                       .arg(p.total)
                       .arg(p.filesPerSecond, 0, 'f', 2)
                       .arg(p.embeddingsPerSecond, 0, 'f', 2)
                << QDir::toNativeSeparators(p.currentPath).right(60) << "\x1b[K" << Qt::flush;
    });
    QObject::connect(&job, &IndexJob::fileFailed, [&](const QString &path, const QString &message) {
        err << (showProgress ? "\r\x1b[K" : "")
            << IndexCommandText::tr("skipped %1: %2").arg(QDir::toNativeSeparators(path), message) << '\n'
            << Qt::flush;
    });
    QEventLoop loop;
    QObject::connect(&job, &IndexJob::finished, &loop, &QEventLoop::quit);

    // Ctrl-C stops cleanly (the catalog is safe either way; this also records the job as cancelled).
    g_interrupted = false;
    auto onSignal = [](int) { g_interrupted = true; };
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &job, [&] {
        if (g_interrupted)
            job.cancel();
    });
    interruptPoll.start(100);

    job.start();
    if (job.state() != IndexJob::State::Finished && job.state() != IndexJob::State::Failed)
        loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (showProgress)
        err << "\r\x1b[K" << Qt::flush;

    const IndexSummary s = job.summary();
    if (params.json) {
        out << QJsonDocument(summaryJson(s, server ? dbPath : QFileInfo(dbPath).absoluteFilePath()))
                   .toJson(QJsonDocument::Compact)
            << '\n';
    } else if (s.status != IndexJobStatus::Failed) {
        out << IndexCommandText::tr(
            "indexed %1 files (%2 changed), %3 unchanged, %4 touched, %5 removed, %6 failed, in %7 s")
                   .arg(s.indexed)
                   .arg(s.changed)
                   .arg(s.unchanged)
                   .arg(s.restamped)
                   .arg(s.dropped)
                   .arg(s.failed + s.failedBefore)
                   .arg(s.seconds, 0, 'f', 1)
            << '\n';
        if (s.embeddings > 0 && s.seconds > 0)
            out << IndexCommandText::tr("%1 embeddings, %2 a second")
                       .arg(s.embeddings)
                       .arg(double(s.embeddings) / s.seconds, 0, 'f', 2)
                << '\n';
        if (s.moments)
            out << IndexCommandText::tr("moments: %1 in %2 videos, %3 MB of the index")
                       .arg(s.moments->moments)
                       .arg(s.moments->files)
                       .arg(double(s.moments->bytes) / 1e6, 0, 'f', 1)
                << '\n';
        if (s.queue && s.queue->doneBy.size() > 1)
            out << IndexCommandText::tr("all workers together: %1 files stored by %2 workers, %3 waiting")
                       .arg(s.queue->done)
                       .arg(s.queue->doneBy.size())
                       .arg(s.queue->pending + s.queue->claimed + s.queue->expired)
                << '\n';
    }
    switch (s.status) {
    case IndexJobStatus::Finished:
        return 0;
    case IndexJobStatus::Cancelled:
        return reportCliError(command, IndexCommandText::tr("interrupted; run it again to finish"), 130);
    default:
        return reportCliError(command, s.error);
    }
}

int runIndexCommand(const QStringList &args)
{
    const CliParsed<IndexParams> parsed = parseIndexParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runIndex(std::get<IndexParams>(parsed), args.value(0));
}

} // namespace mplug2::app
