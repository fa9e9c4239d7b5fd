#pragma once
/// Indexes folders into a catalog as a background batch job on the engine:
/// scan (off the GUI thread), drop deleted files, re-stamp touched ones,
/// then embed new and changed files with Batch-priority requests, storing
/// each file (entry, thumbnails, embeddings) atomically as it arrives. At
/// the end the vector index of the model's spaces is brought up to date.
///
///     IndexJob job(&engine, "index.sqlite", {.roots = {"/home/me/Videos"}});
///     connect(&job, &IndexJob::progressed, bar, [bar](const IndexProgress &p) {
///         bar->setRange(0, int(p.total)); bar->setValue(int(p.done)); });
///     connect(&job, &IndexJob::finished, this, [](const IndexSummary &s) { ... });
///     job.start();          // the engine must have a model loaded
///     job.pause(); job.resume(); job.cancel();
///
/// Killed at any moment, the catalog stays consistent; running the same job
/// again skips every file that was stored. Live on the engine's thread (the
/// GUI or main thread); signals arrive there.

#include "app/engine/engine.h"
#include "app/retrieval/catalog.h"
#include "app/retrieval/indexplan.h"
#include "app/retrieval/vectorindex.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <memory>

namespace mplug2::app {

struct IndexJobOptions {
    QStringList roots; ///< folders (recursively) or single files
    /// Of roots, those the user asked to index now (the others are checked to
    /// keep the index current); the summary counts them apart (IndexSummary::focus).
    QStringList focus;
    int pipelineDepth = 2; ///< embedding requests kept queued on the engine
    int thumbnailSide = 256;
    int previewFrames = 4; ///< thumbnails kept per video (the first is the poster)
    VectorSearchOptions vectorIndex; ///< how the search index is refreshed at the end
    /// How long a claimed file stays this worker's without a renewal; the
    /// leases are renewed every third of it while the job runs. A worker
    /// killed on another machine hands its files on after this long; one on
    /// this machine, at once (its process is gone).
    qint64 leaseMs = 60000;
    int claimBatch = 8; ///< files claimed at a time (at least pipelineDepth)
    /// Attempts at a store that failed for the server's sake (connection
    /// lost), with waits of 1, 2, 4, ... s between them, before the job fails.
    int storeAttempts = 5;
    /// Also caption each file with the model's caption task (its beam
    /// settings) and store the caption beside the embeddings; with moments,
    /// each moment gets its own caption too.
    bool captions = false;
    /// Also find the moments of every video (shots, long ones in windows)
    /// and store an embedding per moment (`mplug2 index --moments`). Videos
    /// indexed before without moments are done again. The work queue of a
    /// moments job is its own (model key + "+moments").
    MomentOptions moments;
};

struct IndexProgress {
    qint64 done = 0; ///< files stored (failures included)
    qint64 total = 0; ///< files to embed in this run
    qint64 failed = 0;
    QString currentPath;
    double filesPerSecond = 0;
    qint64 embeddings = 0; ///< vectors stored (a file's, each of its moments')
    double embeddingsPerSecond = 0;
};

struct IndexSummary {
    IndexJobStatus status = IndexJobStatus::Finished;
    qint64 indexed = 0; ///< embedded and stored in this run
    qint64 changed = 0; ///< of those, files whose content had changed
    qint64 unchanged = 0; ///< already indexed, skipped
    qint64 restamped = 0; ///< touched but unchanged: kept their embeddings
    qint64 dropped = 0; ///< gone from disk, removed
    qint64 failed = 0; ///< could not be indexed in this run
    qint64 failedBefore = 0; ///< failed in an earlier run, unchanged: skipped
    qint64 lost = 0; ///< claimed, but another worker took them over before they were stored
    qint64 embeddings = 0; ///< vectors stored in this run (files' and moments')
    /// Files the scan left out, as "path: why" (a name that is not valid UTF-8).
    QStringList skipped;
    bool resumed = false; ///< the previous job on this catalog had been interrupted
    QString worker; ///< this job's name in the work queue (host/pid/random)
    /// The whole queue of the model at the end: what every worker did together.
    std::optional<WorkCounts> queue;
    /// The model's moments in the whole index at the end (a moments job only).
    std::optional<MomentStats> moments;
    /// The folders of IndexJobOptions::focus on their own, when it was given.
    struct FolderCounts {
        qint64 indexed = 0; ///< files there with an embedding after the run (before it too, or now)
        qint64 indexedNow = 0; ///< of those, embedded in this run
        qint64 failedNow = 0; ///< files there that could not be indexed in this run
    };
    std::optional<FolderCounts> focus;
    double seconds = 0;
    QString error; ///< why the job failed
};

class IndexJob : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Scanning, Indexing, Paused, Finishing, Finished, Cancelled, Failed };
    Q_ENUM(State)

    IndexJob(Engine *engine, QString catalogLocation, IndexJobOptions options, QObject *parent = nullptr);
    ~IndexJob() override;

    /// Starts scanning; the engine's current model does the embedding.
    void start();
    /// Stops sending files to the engine (those already sent are stored).
    void pause();
    void resume();
    /// Stops now; files stored so far stay in the catalog.
    void cancel();

    State state() const { return m_state; }
    IndexSummary summary() const { return m_summary; }
    IndexProgress progress() const { return m_progress; }

Q_SIGNALS:
    void stateChanged(mplug2::app::IndexJob::State state);
    void progressed(const mplug2::app::IndexProgress &progress);
    void fileFailed(const QString &path, const QString &message);
    /// Once, at the end (finished, cancelled or failed).
    void finished(const mplug2::app::IndexSummary &summary);

private:
    /// A file whose embeddings are on their way (one request per embedding kind).
    struct PendingFile {
        EngineResult clip;
        QList<float> itc;
        std::optional<StoredCaption> caption;
        int awaiting = 0;
    };
    struct PartRequest {
        qsizetype file = 0;
        EmbeddingKind kind = EmbeddingKind::Clip;
        bool caption = false; ///< the caption request, not an embedding
        RequestHandle handle;
    };

    void setState(State state);
    void onScanned();
    void pump();
    /// Claims more files from the work queue; false when there are none now.
    bool claimMore();
    void renewLeases();
    void submitPart(const EngineRequest &request, qsizetype file, EmbeddingKind kind, bool caption = false);
    void onPartEnded(RequestId id, const RequestOutcome &outcome);
    void onPartFinished(const PartRequest &part, const EngineResult &result);
    void onPartFailed(const PartRequest &part, const EngineError &error);
    void prepareAndStore(qsizetype file, const PendingFile &parts);
    void storeFailure(const WorkClaim &claim, const QString &message);
    void store(const IndexedMedia &media, bool failure, const QString &message);
    void cancelRequests();
    void maybeFinish();
    bool isInFocus(const QString &path) const;
    /// Fills IndexSummary::focus from the catalog at the end of a run.
    void countFocus();
    void finishWith(IndexJobStatus status, const QString &error = {});
    void saveJobRecord(bool force);
    void emitProgress();

    Engine *m_engine;
    QString m_location;
    IndexJobOptions m_options;
    State m_state = State::Idle;
    std::unique_ptr<Catalog> m_catalog;
    QString m_modelKey;
    QString m_queueKey; ///< the work queue: the model key, + "+moments" for a moments job
    QString m_bundleId;
    IndexPlan m_plan;
    /// The files this worker claimed, in claim order; the indices below point into it.
    QList<WorkClaim> m_files;
    qsizetype m_next = 0;
    qint64 m_held = 0; ///< claims taken and not yet stored or given up
    bool m_queueDrained = false; ///< nothing left to claim, and nobody else holds anything
    QTimer *m_renewTimer = nullptr;
    QTimer *m_retryTimer = nullptr; ///< claims again while other workers hold the last files
    QHash<RequestId, PartRequest> m_inFlight; ///< our requests not over yet
    QHash<qsizetype, PendingFile> m_pending;
    bool m_withItc = false;
    QString m_captionSettings; ///< JSON, when captions are made
    int m_preparing = 0;
    IndexJobRecord m_record;
    IndexSummary m_summary;
    IndexProgress m_progress;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceRecordSaved;
    std::shared_ptr<std::atomic_bool> m_stop;
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::IndexProgress)
Q_DECLARE_METATYPE(mplug2::app::IndexSummary)
