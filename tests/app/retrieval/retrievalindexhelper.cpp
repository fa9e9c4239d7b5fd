// Test helper for indexcrashtest: indexes a folder with the word-embedding
// stand-in model, slowly enough to be killed in the middle, and prints the
// job summary as JSON.
//   retrievalindexhelper DB FOLDER MODELDIR DELAY_MS ANN_THRESHOLD [LEASE_MS]
// DB may be a postgresql:// URI: several helpers then share the work.
#include "tests/app/retrieval/retrievaltestsupport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace mplug2;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6 && args.size() != 7) {
        QTextStream(stderr)
            << "usage: retrievalindexhelper DB FOLDER MODELDIR DELAY_MS ANN_THRESHOLD [LEASE_MS]\n";
        return 2;
    }
    auto config = std::make_shared<test::WordEmbeddingConfig>();
    config->delayMs = args.at(4).toInt();
    auto engine = test::loadedWordEngine(args.at(3), config);
    app::IndexJobOptions options;
    options.roots = {args.at(2)};
    options.vectorIndex.annThreshold = args.at(5).toLongLong();
    if (args.size() == 7)
        options.leaseMs = args.at(6).toLongLong();
    app::IndexJob job(engine.get(), args.at(1), options);
    QEventLoop loop;
    QObject::connect(&job, &app::IndexJob::finished, &loop, &QEventLoop::quit);
    // The test times its kill from here, past the process start-up.
    QTextStream(stderr) << "started " << job.summary().worker << Qt::endl;
    job.start();
    if (job.state() != app::IndexJob::State::Failed)
        loop.exec();
    const app::IndexSummary s = job.summary();
    const QJsonObject json {{QStringLiteral("status"), app::indexJobStatusName(s.status)},
        {QStringLiteral("indexed"), s.indexed}, {QStringLiteral("unchanged"), s.unchanged},
        {QStringLiteral("failed"), s.failed}, {QStringLiteral("resumed"), s.resumed},
        {QStringLiteral("lost"), s.lost}, {QStringLiteral("worker"), s.worker},
        {QStringLiteral("queue_done"), s.queue ? s.queue->done : -1}, {QStringLiteral("error"), s.error}};
    QTextStream(stdout) << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    return s.status == app::IndexJobStatus::Finished ? 0 : 1;
}
