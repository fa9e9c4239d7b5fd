#pragma once
// Shared set-up of the retrieval tests: a bundle whose "checkpoint" is a
// small file (the model key hashes it), an engine over WordEmbeddingBackend
// with that bundle loaded, and a blocking run of an IndexJob.
#include "app/retrieval/indexjob.h"
#include "tests/app/retrieval/wordembeddingbackend.h"

#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QTimer>

namespace mplug2::test {

inline app::ModelBundle wordBundle(const QString &dir, const QByteArray &weights = "word-model-v1")
{
    app::ModelBundle b;
    b.id = QStringLiteral("words");
    b.checkpoint = dir + QStringLiteral("/words.pth");
    QFile f(b.checkpoint);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(b.checkpoint));
    f.write(weights);
    return b;
}

inline std::unique_ptr<app::Engine> loadedWordEngine(
    const QString &dir, std::shared_ptr<const WordEmbeddingConfig> config = nullptr)
{
    if (!config)
        config = std::make_shared<WordEmbeddingConfig>();
    auto engine = makeWordEngine(config);
    QSignalSpy loaded(engine.get(), &app::Engine::modelLoaded);
    engine->loadModel(wordBundle(dir), app::DeviceChoice::cpu());
    if (!loaded.wait(10000))
        qFatal("the word model did not load");
    return engine;
}

/// Runs a job to its end (or `timeoutMs`) and returns its summary.
inline app::IndexSummary runIndexJob(app::Engine &engine, const QString &db, const QStringList &roots,
    app::IndexJobOptions options = {}, int timeoutMs = 60000)
{
    options.roots = roots;
    app::IndexJob job(&engine, db, options);
    QEventLoop loop;
    QObject::connect(&job, &app::IndexJob::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (job.state() != app::IndexJob::State::Failed && job.state() != app::IndexJob::State::Finished)
        loop.exec();
    return job.summary();
}

} // namespace mplug2::test
