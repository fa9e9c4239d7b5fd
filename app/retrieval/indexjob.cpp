#include "app/retrieval/indexjob.h"

#include "app/retrieval/folderscanner.h"
#include "app/retrieval/modelkey.h"
#include "app/retrieval/samplehash.h"
#include "app/retrieval/thumbnails.h"
#include "media/video/videoreader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QThread>
#include <QtConcurrent>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace mplug2::app {

namespace {

constexpr qint64 kRecordIntervalMs = 2000;

struct ScanOutcome {
    std::optional<Error> error;
    QString modelKey;
    IndexPlan plan;
    QList<QPair<QString, QString>> skipped; ///< path, why
};

ScanOutcome scanAndPlan(const QString &location, const QStringList &roots, const ModelInfo &model,
    const std::shared_ptr<std::atomic_bool> &stop, bool withMoments)
{
    ScanOutcome out;
    const auto cancelled = [stop] { return stop->load(); };
    Expected<QString> key = modelKey(model);
    if (!key) {
        out.error = key.error();
        return out;
    }
    out.modelKey = *key;
    Expected<std::unique_ptr<Catalog>> catalog = Catalog::open(location);
    if (!catalog) {
        out.error = catalog.error();
        return out;
    }
    // Each folder is indexed under a root (its own name unless it lies in a named one), so that other
    // machines that mount the same archive elsewhere share its entries. Every catalog this process opens
    // from now on maps the root to this folder.
    for (const QString &root : roots) {
        if (!QFileInfo(root).isDir())
            continue;
        Expected<CatalogRoot> named = (*catalog)->nameRoot(root);
        if (!named) {
            out.error = named.error();
            return out;
        }
        Catalog::addLocalRoots(location, {*named});
    }
    // A folder that is missing or empty while the index holds files in it is more likely an archive that
    // is not mounted than one that was emptied: refuse, rather than drop every entry.
    for (const QString &root : roots) {
        const QFileInfo info(root);
        const bool missing = !info.exists();
        const bool empty
            = info.isDir() && QDir(root).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!missing && !empty)
            continue;
        Expected<QList<CatalogEntry>> under = (*catalog)->entriesUnder(root, *key);
        if (!under) {
            out.error = under.error();
            return out;
        }
        if (!under->isEmpty()) {
            out.error = makeError(ErrorCode::NotFound,
                QCoreApplication::translate("IndexJob",
                    "%1 is %2, but the index holds %n file(s) in it: is the disk or share mounted? Nothing "
                    "was dropped. Mount it (or name where it is with --root-name), or remove its entries on "
                    "purpose.",
                    nullptr, int(under->size()))
                    .arg(QDir::toNativeSeparators(root),
                        missing ? QCoreApplication::translate("IndexJob", "missing")
                                : QCoreApplication::translate("IndexJob", "empty"))
                    .toStdString());
            return out;
        }
    }
    Expected<QList<FileStamp>> files
        = FolderScanner().scan(roots, cancelled, {}, [&out](const QString &path, const QString &why) {
              out.skipped.append({path, why});
          });
    if (!files) {
        out.error = files.error();
        return out;
    }
    QList<CatalogEntry> known;
    for (const QString &root : roots) {
        Expected<QList<CatalogEntry>> under = (*catalog)->entriesUnder(root, *key);
        if (!under) {
            out.error = under.error();
            return out;
        }
        known += *under;
    }
    out.plan = planIndexing(*files, known, cancelled, withMoments);
    return out;
}

/// Everything about one embedded file that takes disk reads or pixel work,
/// done on a pool thread so the GUI thread only writes the catalog.
IndexedMedia prepareEntry(const FileStamp &file, const EngineResult &result, const IndexJobOptions &options)
{
    IndexedMedia media;
    CatalogEntry &e = media.entry;
    e.path = file.path;
    e.size = file.size;
    e.mtimeMs = file.mtimeMs;
    e.kind = file.kind;
    e.width = result.geometry.sourceWidth;
    e.height = result.geometry.sourceHeight;
    if (Expected<QByteArray> hash = sampleHash(file.path))
        e.sampleHash = *hash;
    else
        e.error = QString::fromStdString(hash.error().message);
    if (e.error.isEmpty() && e.kind == MediaKind::Video) {
        // The duration (for the filters) is not part of what the engine reports; the probe only reads the
        // container's header and index.
        if (Expected<media::VideoReader> reader = media::VideoReader::open(file.path.toStdString())) {
            e.durationSeconds = reader->info().durationSeconds;
            if (e.width <= 0 || e.height <= 0) {
                e.width = reader->info().width;
                e.height = reader->info().height;
            }
        }
    }
    if (e.error.isEmpty()) {
        media.embeddings.append({EmbeddingKind::Clip, result.mediaEmbedding});
        media.thumbnails = makeThumbnails(
            result.frames, options.thumbnailSide, e.kind == MediaKind::Video ? options.previewFrames : 1);
        if (options.moments.enabled && e.kind == MediaKind::Video) {
            QList<MediaMoment> moments;
            for (const MomentEmbedding &m : result.moments) {
                MediaMoment stored;
                stored.startSeconds = m.startSeconds;
                stored.endSeconds = m.endSeconds;
                stored.shot = m.shot;
                stored.vector = m.embedding;
                stored.thumbnail = makeThumbnails({m.thumbnail}, options.thumbnailSide, 1).value(0);
                stored.caption = m.caption;
                moments.append(std::move(stored));
            }
            media.moments = std::move(moments);
        }
    }
    return media;
}

/// Failures that would hit every file the same way end the job instead of
/// being recorded against one file.
bool failsEveryFile(const EngineError &error)
{
    return error.code == ErrorCode::OutOfMemory || error.code == ErrorCode::InvalidArgument;
}

/// Files under `folders` with an embedding of `key`; nullopt when the catalog cannot say.
std::optional<qint64> embeddedUnder(Catalog &catalog, const QStringList &folders, const QString &key)
{
    qint64 count = 0;
    for (const QString &root : folders) {
        Expected<QList<CatalogEntry>> under = catalog.entriesUnder(root, key);
        if (!under)
            return std::nullopt;
        for (const CatalogEntry &e : std::as_const(*under))
            count += e.embedded ? 1 : 0;
    }
    return count;
}

/// `<host>/<pid>/<random>`: unique among the workers of a catalog, and it
/// tells a worker on the same machine whether the holder's process is gone.
QString newWorkerName()
{
    return QStringLiteral("%1/%2/%3")
        .arg(QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

/// Whether `worker` (see newWorkerName) ran on this machine in a process that no longer exists, or is an
/// earlier job of this process (one job of a process indexes a catalog at a time), other than `self`.
bool isDeadLocalWorker(const QString &worker, const QString &self)
{
    const QStringList parts = worker.split(QLatin1Char('/'));
    if (parts.size() != 3 || parts.at(0) != QSysInfo::machineHostName() || worker == self)
        return false;
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

/// Hands on at once the files held by workers of this machine that are gone.
void releaseDeadLocalWorkers(Catalog &catalog, const QString &modelKey, const QString &self)
{
    Expected<QStringList> holders = catalog.claimHolders(modelKey);
    if (!holders)
        return;
    for (const QString &holder : std::as_const(*holders))
        if (isDeadLocalWorker(holder, self))
            (void)catalog.releaseClaims(modelKey, holder);
}

QStringList cleanRoots(const QStringList &roots)
{
    QStringList clean;
    for (const QString &root : roots) {
        const QString path = QDir::cleanPath(QFileInfo(root).absoluteFilePath());
        if (!clean.contains(path))
            clean.append(path);
    }
    return clean;
}

} // namespace

IndexJob::IndexJob(Engine *engine, QString catalogLocation, IndexJobOptions options, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_location(std::move(catalogLocation))
    , m_options(std::move(options))
    , m_stop(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<IndexProgress>();
    qRegisterMetaType<IndexSummary>();
    m_options.roots = cleanRoots(m_options.roots);
    m_options.focus = cleanRoots(m_options.focus);
    if (!m_options.focus.isEmpty())
        m_summary.focus.emplace();
    m_options.pipelineDepth = std::max(1, m_options.pipelineDepth);
    m_options.claimBatch = std::max(m_options.claimBatch, m_options.pipelineDepth);
    m_options.leaseMs = std::max<qint64>(m_options.leaseMs, 300);
    m_summary.worker = newWorkerName();
}

IndexJob::~IndexJob()
{
    m_stop->store(true);
    cancelRequests();
    // Destroyed while it ran: what it held goes back to the queue now, not when the lease runs out.
    if (m_catalog && m_held > 0 && !m_modelKey.isEmpty())
        (void)m_catalog->releaseClaims(m_queueKey, m_summary.worker);
}

void IndexJob::cancelRequests()
{
    const QList<PartRequest> parts = m_inFlight.values();
    m_inFlight.clear();
    m_pending.clear();
    for (const PartRequest &part : parts)
        part.handle.cancel();
}

void IndexJob::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void IndexJob::start()
{
    if (m_state != State::Idle)
        return;
    m_clock.start();
    const std::optional<ModelInfo> model = m_engine->currentModel();
    if (!model) {
        finishWith(IndexJobStatus::Failed, tr("no model is loaded: load a model before indexing"));
        return;
    }
    if (m_options.roots.isEmpty()) {
        finishWith(IndexJobStatus::Failed, tr("no folders to index"));
        return;
    }
    m_bundleId = model->bundle.id;
    m_withItc = model->itcHeads;
    // Enough files queued on the engine for it to fill a batch of visual encodes (on a GPU).
    m_options.pipelineDepth = std::max(m_options.pipelineDepth, model->visualBatch + 1);
    m_options.claimBatch = std::max(m_options.claimBatch, m_options.pipelineDepth);
    if (m_options.captions) {
        if (model->bundle.kind != ModelKind::Caption) {
            finishWith(IndexJobStatus::Failed,
                tr("the model %1 does not write captions: choose a captioning model to index with captions")
                    .arg(model->bundle.id));
            return;
        }
        const GenerationDefaults g = model->bundle.generationDefaults();
        m_captionSettings = QString::fromUtf8(QJsonDocument(
            QJsonObject {{QStringLiteral("task"), QStringLiteral("caption")},
                {QStringLiteral("model"), model->bundle.id}, {QStringLiteral("beam_size"), g.beamSize},
                {QStringLiteral("min_length"), g.minLength},
                {QStringLiteral("max_length"),
                    g.maxLength}}).toJson(QJsonDocument::Compact));
    }
    setState(State::Scanning);
    auto *watcher = new QFutureWatcher<ScanOutcome>(this);
    connect(watcher, &QFutureWatcher<ScanOutcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const ScanOutcome outcome = watcher->result();
        if (m_state != State::Scanning)
            return;
        if (m_stop->load()) {
            finishWith(IndexJobStatus::Cancelled);
            return;
        }
        if (outcome.error) {
            finishWith(IndexJobStatus::Failed, QString::fromStdString(outcome.error->message));
            return;
        }
        m_modelKey = outcome.modelKey;
        m_queueKey = m_options.moments.enabled ? m_modelKey + QStringLiteral("+moments") : m_modelKey;
        m_plan = outcome.plan;
        for (const auto &[path, why] : outcome.skipped) {
            m_summary.skipped << QStringLiteral("%1: %2").arg(path, why);
            Q_EMIT fileFailed(path, why);
        }
        onScanned();
    });
    watcher->setFuture(QtConcurrent::run(
        scanAndPlan, m_location, m_options.roots, *model, m_stop, m_options.moments.enabled));
}

void IndexJob::onScanned()
{
    Expected<std::unique_ptr<Catalog>> catalog = Catalog::open(m_location);
    if (!catalog) {
        finishWith(IndexJobStatus::Failed, QString::fromStdString(catalog.error().message));
        return;
    }
    m_catalog = std::move(*catalog);
    if (Expected<void> removed = m_catalog->remove(m_plan.toDrop); !removed) {
        finishWith(IndexJobStatus::Failed, QString::fromStdString(removed.error().message));
        return;
    }
    for (const StampUpdate &u : std::as_const(m_plan.toRestamp))
        if (Expected<void> ok = m_catalog->updateStamp(u.id, u.size, u.mtimeMs); !ok) {
            finishWith(IndexJobStatus::Failed, QString::fromStdString(ok.error().message));
            return;
        }
    m_summary.dropped = m_plan.toDrop.size();
    m_summary.restamped = m_plan.toRestamp.size();
    m_summary.unchanged = m_plan.unchanged;
    m_summary.failedBefore = m_plan.failedBefore;
    m_summary.changed = m_plan.changed;
    if (auto last = m_catalog->lastJob(); last && *last)
        m_summary.resumed
            = (*last)->status == IndexJobStatus::Running || (*last)->status == IndexJobStatus::Paused;

    IndexJobRecord record;
    record.roots = m_options.roots;
    record.modelKey = m_modelKey;
    record.bundleId = m_bundleId;
    record.total = m_plan.toEmbed.size();
    record.startedMs = record.updatedMs = QDateTime::currentMSecsSinceEpoch();
    Expected<IndexJobRecord> begun = m_catalog->beginJob(record);
    if (!begun) {
        finishWith(IndexJobStatus::Failed, QString::fromStdString(begun.error().message));
        return;
    }
    m_record = *begun;
    m_sinceRecordSaved.start();
    m_progress.total = m_plan.toEmbed.size();

    // The files go through the catalog's work queue, so that other workers indexing the same folders
    // into the same catalog (other processes, other machines) each take different ones.
    if (Expected<void> queued = m_catalog->enqueueWork(m_queueKey, m_plan.toEmbed); !queued) {
        finishWith(IndexJobStatus::Failed, QString::fromStdString(queued.error().message));
        return;
    }
    releaseDeadLocalWorkers(*m_catalog, m_queueKey, m_summary.worker);
    m_renewTimer = new QTimer(this);
    m_renewTimer->setInterval(int(std::max<qint64>(m_options.leaseMs / 3, 100)));
    connect(m_renewTimer, &QTimer::timeout, this, &IndexJob::renewLeases);
    m_renewTimer->start();
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setInterval(int(std::min<qint64>(1000, m_options.leaseMs / 3)));
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_catalog)
            releaseDeadLocalWorkers(*m_catalog, m_queueKey, m_summary.worker);
        pump();
        maybeFinish();
    });

    // Embeddings of another model would be stored under this model's key: stop instead. (Requests sent
    // before a load run before it, so what arrived until now came from the right model.)
    const auto modelChanged = [this] {
        finishWith(
            IndexJobStatus::Failed, tr("the model was changed while indexing: run the indexing again"));
    };
    connect(m_engine, &Engine::modelLoaded, this, modelChanged);
    connect(m_engine, &Engine::modelUnloaded, this, modelChanged);
    setState(State::Indexing);
    emitProgress();
    pump();
    maybeFinish();
}

bool IndexJob::claimMore()
{
    if (m_queueDrained || !m_catalog || (m_retryTimer && m_retryTimer->isActive()))
        return false;
    Expected<QList<WorkClaim>> claims
        = m_catalog->claimWork(m_queueKey, m_summary.worker, m_options.claimBatch, m_options.leaseMs);
    if (!claims) {
        finishWith(IndexJobStatus::Failed, QString::fromStdString(claims.error().message));
        return false;
    }
    if (!claims->isEmpty()) {
        m_files += *claims;
        m_held += claims->size();
        m_progress.total = std::max(m_progress.total, m_progress.done + m_held);
        return true;
    }
    // Nothing to take now. Files that other workers hold are not done yet: should one of them die,
    // its files come back to the queue when its lease runs out, so look again in a while.
    Expected<WorkCounts> counts = m_catalog->workCounts(m_queueKey);
    if (!counts) {
        finishWith(IndexJobStatus::Failed, QString::fromStdString(counts.error().message));
        return false;
    }
    if (counts->claimed + counts->expired > m_held)
        m_retryTimer->start();
    else
        m_queueDrained = true;
    return false;
}

void IndexJob::renewLeases()
{
    if (!m_catalog || m_held == 0 || (m_state != State::Indexing && m_state != State::Paused))
        return;
    // A failed renewal is not fatal: the store that follows finds out whether the claim still holds.
    (void)m_catalog->renewClaims(m_queueKey, m_summary.worker, m_options.leaseMs);
}

void IndexJob::pump()
{
    while (m_state == State::Indexing && m_pending.size() < m_options.pipelineDepth
        && (m_next < m_files.size() || claimMore())) {
        const qsizetype file = m_next++;
        EngineRequest request = EngineRequest::embedMedia(m_files.at(file).file.path);
        request.returnFrames = true;
        if (m_options.moments.enabled && m_files.at(file).file.kind == MediaKind::Video) {
            request.moments = m_options.moments;
            request.moments.captions = m_options.captions;
        }
        PendingFile &pending = m_pending[file];
        pending.awaiting = 1 + (m_withItc ? 1 : 0) + (m_options.captions ? 1 : 0);
        submitPart(request, file, EmbeddingKind::Clip);
        if (m_withItc) {
            // The second request finds the visual features in the engine's cache.
            request.returnFrames = false;
            request.moments = {};
            request.embedding = EmbeddingKind::Itc;
            submitPart(request, file, EmbeddingKind::Itc);
        }
        if (m_options.captions) {
            // So does the caption, with the bundle's own beam settings.
            EngineRequest caption = EngineRequest::caption(request.media.path);
            caption.priority = RequestPriority::Batch;
            submitPart(caption, file, EmbeddingKind::Clip, true);
        }
    }
}

void IndexJob::submitPart(const EngineRequest &request, qsizetype file, EmbeddingKind kind, bool caption)
{
    const RequestHandle handle = m_engine->submit(request);
    m_inFlight.insert(handle.id(), {file, kind, caption, handle});
    handle.then(this, [this, id = handle.id()](const RequestOutcome &o) { onPartEnded(id, o); });
}

void IndexJob::onPartEnded(RequestId id, const RequestOutcome &outcome)
{
    const auto it = m_inFlight.constFind(id);
    if (it == m_inFlight.constEnd())
        return; // given up on already: the job ended, or the file's other part failed
    const PartRequest part = *it;
    m_inFlight.erase(it);
    if (outcome.isFinished() && outcome.result)
        onPartFinished(part, *outcome.result);
    else if (outcome.isFailed() && outcome.error)
        onPartFailed(part, *outcome.error);
    else if (m_state == State::Indexing || m_state == State::Paused)
        cancel(); // someone else (Esc in the status bar) stopped one of ours: stop the job too
}

void IndexJob::onPartFinished(const PartRequest &part, const EngineResult &result)
{
    PendingFile &pending = m_pending[part.file];
    if (part.caption)
        pending.caption = StoredCaption {result.items.value(0).text, m_captionSettings};
    else if (part.kind == EmbeddingKind::Clip)
        pending.clip = result;
    else
        pending.itc = result.mediaEmbedding;
    if (--pending.awaiting > 0)
        return;
    const PendingFile parts = m_pending.take(part.file);
    prepareAndStore(part.file, parts);
    pump();
}

void IndexJob::prepareAndStore(qsizetype file, const PendingFile &parts)
{
    const FileStamp stamp = m_files.at(file).file;
    m_progress.currentPath = stamp.path;
    ++m_preparing;
    auto *watcher = new QFutureWatcher<IndexedMedia>(this);
    connect(watcher, &QFutureWatcher<IndexedMedia>::finished, this,
        [this, watcher, file, itc = parts.itc, caption = parts.caption] {
            watcher->deleteLater();
            --m_preparing;
            IndexedMedia media = watcher->result();
            media.claim = m_files.at(file);
            media.caption = caption;
            media.modelKey = m_modelKey;
            media.bundleId = m_bundleId;
            if (!itc.isEmpty() && media.entry.error.isEmpty())
                media.embeddings.append({EmbeddingKind::Itc, itc});
            const QString error = media.entry.error;
            store(media, !error.isEmpty(), error);
        });
    watcher->setFuture(QtConcurrent::run(prepareEntry, stamp, parts.clip, m_options));
}

void IndexJob::onPartFailed(const PartRequest &part, const EngineError &error)
{
    const qsizetype file = part.file;
    if (failsEveryFile(error)) {
        finishWith(IndexJobStatus::Failed, error.message);
        return;
    }
    // The file's other request (if any) is of no use now.
    for (auto other = m_inFlight.begin(); other != m_inFlight.end();) {
        if (other->file == file) {
            other->handle.cancel();
            other = m_inFlight.erase(other);
        } else {
            ++other;
        }
    }
    m_pending.remove(file);
    storeFailure(m_files.at(file), error.message.isEmpty() ? tr("could not be indexed") : error.message);
    pump();
}

void IndexJob::storeFailure(const WorkClaim &claim, const QString &message)
{
    const FileStamp &file = claim.file;
    IndexedMedia media;
    media.claim = claim;
    media.entry.path = file.path;
    media.entry.size = file.size;
    media.entry.mtimeMs = file.mtimeMs;
    media.entry.kind = file.kind;
    if (Expected<QByteArray> hash = sampleHash(file.path))
        media.entry.sampleHash = *hash;
    media.entry.error = message;
    media.modelKey = m_modelKey;
    media.bundleId = m_bundleId;
    store(media, true, message);
}

void IndexJob::store(const IndexedMedia &media, bool failure, const QString &message)
{
    if (m_state != State::Indexing && m_state != State::Paused)
        return;
    Expected<qint64> stored = m_catalog->storeIndexed(media);
    // A server that went away (restarted, network down) may come back: wait and try again on a new
    // connection. The store is one transaction, so a failed attempt left nothing behind.
    for (int attempt = 1; !stored && stored.error().code == ErrorCode::Io
         && Catalog::isServerLocation(m_location) && attempt < m_options.storeAttempts && !m_stop->load();
         ++attempt) {
        QThread::msleep(1000UL << std::min(attempt - 1, 4));
        if (Expected<std::unique_ptr<Catalog>> reopened = Catalog::open(m_location)) {
            m_catalog = std::move(*reopened);
            stored = m_catalog->storeIndexed(media);
        }
    }
    --m_held;
    if (!stored && stored.error().code == ErrorCode::LimitExceeded && media.claim) {
        // Our lease ran out and another worker has the file now: it stores it, not us.
        ++m_summary.lost;
        pump();
        maybeFinish();
        return;
    }
    if (!stored) {
        finishWith(IndexJobStatus::Failed, QString::fromStdString(stored.error().message));
        return;
    }
    ++m_progress.done;
    const bool focused = isInFocus(media.entry.path);
    if (failure) {
        ++m_progress.failed;
        ++m_summary.failed;
        if (focused)
            ++m_summary.focus->failedNow;
        Q_EMIT fileFailed(media.entry.path, message);
    } else {
        ++m_summary.indexed;
        if (focused)
            ++m_summary.focus->indexedNow;
        m_progress.embeddings += media.embeddings.size() + (media.moments ? media.moments->size() : 0);
        m_summary.embeddings = m_progress.embeddings;
    }
    emitProgress();
    saveJobRecord(false);
    maybeFinish();
}

void IndexJob::emitProgress()
{
    const double seconds = double(m_clock.elapsed()) / 1000.0;
    m_progress.filesPerSecond = seconds > 0 ? double(m_progress.done) / seconds : 0.0;
    m_progress.embeddingsPerSecond = seconds > 0 ? double(m_progress.embeddings) / seconds : 0.0;
    Q_EMIT progressed(m_progress);
}

void IndexJob::saveJobRecord(bool force)
{
    if (!m_catalog || m_record.id == 0 || (!force && m_sinceRecordSaved.elapsed() < kRecordIntervalMs))
        return;
    m_record.done = m_progress.done;
    m_record.failed = m_progress.failed;
    m_record.updatedMs = QDateTime::currentMSecsSinceEpoch();
    (void)m_catalog->updateJob(m_record); // progress bookkeeping only: the files are what matters
    m_sinceRecordSaved.restart();
}

void IndexJob::maybeFinish()
{
    if ((m_state != State::Indexing && m_state != State::Paused) || m_next < m_files.size() || !m_queueDrained
        || !m_pending.isEmpty() || m_preparing > 0)
        return;
    if (m_renewTimer)
        m_renewTimer->stop();
    setState(State::Finishing);
    // Bring the persisted search graphs up to date now, so the first search does not pay
    // for it; and count the focus folders' files, off the GUI thread too.
    struct Finishing {
        QString error;
        std::optional<qint64> focusIndexed;
    };
    auto *watcher = new QFutureWatcher<Finishing>(this);
    connect(watcher, &QFutureWatcher<Finishing>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_state != State::Finishing)
            return;
        const Finishing done = watcher->result();
        if (m_summary.focus && done.focusIndexed)
            m_summary.focus->indexed = *done.focusIndexed;
        finishWith(done.error.isEmpty() ? IndexJobStatus::Finished : IndexJobStatus::Failed, done.error);
    });
    watcher->setFuture(QtConcurrent::run([location = m_location, key = m_modelKey,
                                             options = m_options.vectorIndex, focus = m_options.focus,
                                             stop = m_stop]() -> Finishing {
        Expected<std::unique_ptr<Catalog>> catalog = Catalog::open(location);
        if (!catalog)
            return {QString::fromStdString(catalog.error().message), std::nullopt};
        for (EmbeddingKind kind : {EmbeddingKind::Clip, EmbeddingKind::Itc}) {
            Expected<std::optional<EmbeddingSpace>> space = (*catalog)->space(key, kind);
            if (!space)
                return {QString::fromStdString(space.error().message), std::nullopt};
            if (*space && (*space)->count > options.annThreshold) {
                auto index = VectorIndex::open(**catalog, **space, options, [stop] { return stop->load(); });
                if (!index && index.error().code != ErrorCode::Cancelled)
                    return {QString::fromStdString(index.error().message), std::nullopt};
            }
        }
        return {QString(), embeddedUnder(**catalog, focus, key)};
    }));
}

void IndexJob::pause()
{
    if (m_state != State::Indexing)
        return;
    setState(State::Paused);
    m_record.status = IndexJobStatus::Paused;
    saveJobRecord(true);
}

void IndexJob::resume()
{
    if (m_state != State::Paused)
        return;
    m_record.status = IndexJobStatus::Running;
    saveJobRecord(true);
    setState(State::Indexing);
    pump();
    maybeFinish();
}

void IndexJob::cancel()
{
    switch (m_state) {
    case State::Scanning:
        m_stop->store(true); // the scan ends soon and reports Cancelled
        return;
    case State::Indexing:
    case State::Paused:
    case State::Finishing:
        m_stop->store(true);
        finishWith(IndexJobStatus::Cancelled);
        return;
    default:
        return;
    }
}

bool IndexJob::isInFocus(const QString &path) const
{
    if (!m_summary.focus)
        return false;
    for (const QString &root : m_options.focus)
        if (path == root || path.startsWith(root + QLatin1Char('/')))
            return true;
    return false;
}

void IndexJob::countFocus()
{
    // A run that ends here (cancelled) counts on this thread; a finished one
    // has counted in maybeFinish()'s background work.
    if (!m_summary.focus || !m_catalog || m_modelKey.isEmpty() || m_state == State::Finishing)
        return;
    if (const std::optional<qint64> indexed = embeddedUnder(*m_catalog, m_options.focus, m_modelKey))
        m_summary.focus->indexed = *indexed;
}

void IndexJob::finishWith(IndexJobStatus status, const QString &error)
{
    if (m_state == State::Finished || m_state == State::Cancelled || m_state == State::Failed)
        return;
    if (status != IndexJobStatus::Failed)
        countFocus();
    disconnect(m_engine, nullptr, this, nullptr);
    cancelRequests();
    if (m_renewTimer)
        m_renewTimer->stop();
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_catalog && !m_modelKey.isEmpty()) {
        // What we hold and did not store goes back to the queue now, not when the lease runs out.
        if (m_held > 0)
            (void)m_catalog->releaseClaims(m_queueKey, m_summary.worker);
        if (Expected<WorkCounts> counts = m_catalog->workCounts(m_queueKey))
            m_summary.queue = *counts;
        if (m_options.moments.enabled)
            if (Expected<std::optional<EmbeddingSpace>> space
                = m_catalog->space(m_modelKey, EmbeddingKind::Clip);
                space && *space)
                if (Expected<MomentStats> stats = m_catalog->momentStats((*space)->id))
                    m_summary.moments = *stats;
    }
    m_summary.status = status;
    m_summary.error = error;
    m_summary.seconds = double(m_clock.elapsed()) / 1000.0;
    m_record.status = status;
    m_record.message = error;
    saveJobRecord(true);
    setState(status == IndexJobStatus::Finished   ? State::Finished
            : status == IndexJobStatus::Cancelled ? State::Cancelled
                                                  : State::Failed);
    Q_EMIT finished(m_summary);
}

} // namespace mplug2::app
