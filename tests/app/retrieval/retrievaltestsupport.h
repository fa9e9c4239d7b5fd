#pragma once
// Shared set-up of the retrieval tests: a bundle whose "checkpoint" is a
// small file (the model key hashes it), an engine over WordEmbeddingBackend
// with that bundle loaded, and a blocking run of an IndexJob.
#include "app/retrieval/indexjob.h"
#include "tests/app/enginerecorder.h"
#include "tests/app/retrieval/wordembeddingbackend.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace mplug2::test {

inline app::ModelBundle wordBundle(const QString &dir, const QByteArray &weights = "word-model-v1")
{
    app::ModelBundle b;
    b.id = QStringLiteral("words");
    b.checkpoint = dir + QStringLiteral("/words.pth");
    // Replaced whole (never truncated in place): worker processes started together read it while another
    // writes it, and a half-written file would be another model.
    QSaveFile f(b.checkpoint);
    if (!f.open(QIODevice::WriteOnly) || f.write(weights) != weights.size() || !f.commit())
        qFatal("cannot write %s", qPrintable(b.checkpoint));
    return b;
}

inline std::unique_ptr<app::Engine> loadedWordEngine(const QString &dir,
    std::shared_ptr<const WordEmbeddingConfig> config = nullptr,
    const app::DeviceChoice &device = app::DeviceChoice::cpu())
{
    if (!config)
        config = std::make_shared<WordEmbeddingConfig>();
    auto engine = makeWordEngine(config);
    QSignalSpy loaded(engine.get(), &app::Engine::modelLoaded);
    engine->loadModel(wordBundle(dir), device);
    if (!loaded.wait(10000))
        qFatal("the word model did not load");
    return engine;
}

/// A loaded word engine whose requests take 5 s each (polling the cancel flag
/// like the model), and a record of every request it is given. With `busy`,
/// a request already runs, so the next one waits in the queue.
struct SlowWordEngine {
    SlowWordEngine(const QString &dir, bool busy, const QString &blockerMedia)
    {
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->textDelayMs = 5000;
        config->delayMs = 5000;
        engine = loadedWordEngine(dir, config);
        recorder = std::make_unique<app::testing::EngineRecorder>(engine.get());
        if (busy) {
            blocker = engine->submit(app::EngineRequest::embedMedia(blockerMedia));
            QTRY_COMPARE(blocker.state(), app::RequestState::Running);
        }
    }
    ~SlowWordEngine() { blocker.cancel(); }

    /// Waits until the consumer's request (the last one given) runs, or waits in
    /// the queue behind the blocker, then cancels it as Esc in the status bar
    /// would. `clock` starts at the cancel.
    void cancelTheConsumersRequest(QElapsedTimer &clock)
    {
        const bool busy = blocker.isValid();
        QTRY_COMPARE(recorder->handles.size(), busy ? 2 : 1);
        const app::RequestHandle ours = recorder->handles.last();
        QTRY_COMPARE(ours.state(), busy ? app::RequestState::Queued : app::RequestState::Running);
        clock.start();
        QVERIFY(ours.cancel());
    }

    std::unique_ptr<app::Engine> engine;
    std::unique_ptr<app::testing::EngineRecorder> recorder;
    app::RequestHandle blocker;
};

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
