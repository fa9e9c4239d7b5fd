#pragma once
/// The retrieval catalog: which media files were indexed, what they are,
/// their thumbnails and embeddings per model, and the indexing job's state.
/// This is the only storage interface the rest of the app sees; SQL lives in
/// its implementations: SqliteCatalog (a file, the embedded default) and
/// PostgresCatalog (a shared server, for many machines).
///
///     auto catalog = Catalog::open("/home/me/.local/share/mplug2/index.sqlite");
///     if (!catalog) { qWarning() << catalog.error().message.c_str(); return; }
///     auto entries = (*catalog)->entriesUnder("/home/me/Videos", modelKey);
///
/// Every write is atomic: a process killed at any moment leaves the catalog
/// as it was before or after each call, never in between.
/// Threading: one Catalog object per thread (open one per thread that needs
/// it); several objects, also in several processes, may use one catalog.

#include "app/retrieval/catalogtypes.h"
#include "base/expected.h"

#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace mplug2::app {

class Catalog {
public:
    virtual ~Catalog() = default;

    /// Opens (creating when missing) the catalog at `location`: a file path
    /// for the embedded SQLite catalog, or a `postgresql://user@host:port/db`
    /// URI (see PostgresCatalog) for a shared one.
    static Expected<std::unique_ptr<Catalog>> open(const QString &location);
    /// Whether `location` names a PostgreSQL catalog rather than a file.
    static bool isServerLocation(const QString &location);

    // ---- roots: one archive, mounted at different paths on different machines ----
    /// Where this machine (this process) has the roots of the catalog at
    /// `location`: root name -> local folder. Every object of that catalog
    /// opened afterwards stores the files under such a folder relative to its
    /// root and maps stored entries back through it; a root not named here is
    /// found at the path it was first indexed from. A root given again
    /// (by name or by folder) replaces the earlier one. Names are letters,
    /// digits, '.', '_', '-' and spaces.
    static void addLocalRoots(const QString &location, const QList<CatalogRoot> &roots);
    static QList<CatalogRoot> localRoots(const QString &location);
    /// Checks a root name; empty when fine, else why not.
    static QString rootNameProblem(const QString &name);

    /// The roots this catalog knows, with the folder each was first indexed from.
    virtual Expected<QList<CatalogRoot>> roots() = 0;
    /// The name `folder` (absolute) is indexed under: the root it lies in, if
    /// it is inside a mapped root; else `preferred` (default: the folder's
    /// name) when that root is free or is not a folder on this machine
    /// (another machine's mount of the same archive), else `preferred-2`,
    /// `-3`, ... . Records the root and maps it to `folder` in this object.
    /// Returns the root and where it is on this machine.
    virtual Expected<CatalogRoot> nameRoot(const QString &folder, const QString &preferred = {}) = 0;

    /// Where it lives, as given to open().
    virtual QString location() const = 0;
    /// Where search graphs built over its embeddings are kept, as a file
    /// name prefix: beside the file for SQLite, in the user's cache for a
    /// server (a folder only the user can read).
    virtual QString vectorCacheBase() const;

    // ---- files -------------------------------------------------------------
    /// Every entry inside `root` (recursively); `embedded` says whether the
    /// entry has the CLIP-space embedding of `modelKey`.
    virtual Expected<QList<CatalogEntry>> entriesUnder(const QString &root, const QString &modelKey) = 0;
    /// The entry of one file, if catalogued.
    virtual Expected<std::optional<CatalogEntry>> entry(const QString &path) = 0;
    /// Entries by id, in the order asked (unknown ids are left out).
    virtual Expected<QList<CatalogEntry>> entries(const QList<qint64> &ids) = 0;
    /// The ids of the entries that pass `filter` (failed files never do).
    virtual Expected<QSet<qint64>> matching(const MediaFilter &filter) = 0;
    /// How many files are catalogued (failed ones included).
    virtual Expected<qint64> entryCount() = 0;

    /// Stores a file, its thumbnails and its embeddings for one model in one
    /// step. When the content changed (another sample hash), embeddings of
    /// every model are dropped first. Returns the entry's id.
    virtual Expected<qint64> storeIndexed(const IndexedMedia &media) = 0;
    /// Adds many files that are not catalogued yet, with their embeddings
    /// (thumbnails are left out), in one transaction of a few statements per
    /// hundred files: for imports and the catalog benchmark. A path already
    /// catalogued fails the whole call, which then changes nothing.
    virtual Expected<void> addNew(const QList<IndexedMedia> &media) = 0;
    /// A file whose content is unchanged got a new size/time stamp (touch, copy back).
    virtual Expected<void> updateStamp(qint64 id, qint64 size, qint64 mtimeMs) = 0;
    /// Forgets files (with their thumbnails and embeddings), in one step.
    virtual Expected<void> remove(const QList<qint64> &ids) = 0;
    /// The JPEG thumbnails of an entry, poster first.
    virtual Expected<QList<QByteArray>> thumbnails(qint64 id) = 0;

    // ---- embeddings ----------------------------------------------------------
    virtual Expected<QList<EmbeddingSpace>> spaces() = 0;
    virtual Expected<std::optional<EmbeddingSpace>> space(const QString &modelKey, EmbeddingKind kind) = 0;
    /// Calls `visit(embeddingId, entryId, vector, dim)` for the embeddings of a
    /// space whose id is above `afterId`, in id order, until it returns false. An embedding gets a new,
    /// larger id whenever it is stored or replaced (ids are never reused), so
    /// an index built over them can tell what is new.
    using EmbeddingVisitor
        = std::function<bool(qint64 embeddingId, qint64 entryId, const float *vector, int dim)>;
    virtual Expected<void> forEachEmbedding(qint64 spaceId, const EmbeddingVisitor &visit, qint64 afterId = 0)
        = 0;
    /// (embedding id, entry id) of every embedding of a space, without the vectors.
    virtual Expected<QList<EmbeddingRef>> embeddingRefs(qint64 spaceId) = 0;
    /// The embedding of one entry in a space, if stored.
    virtual Expected<std::optional<QList<float>>> embedding(qint64 entryId, qint64 spaceId) = 0;
    // ---- moments (issue 22): shots and windows of videos, in a space's CLIP model ----
    /// Like forEachEmbedding over the moments of a space: `visit(momentId,
    /// momentId, vector, dim)` for moments whose id is above `afterId`.
    virtual Expected<void> forEachMomentEmbedding(
        qint64 spaceId, const EmbeddingVisitor &visit, qint64 afterId = 0)
        = 0;
    /// (moment id, moment id) of every moment of a space.
    virtual Expected<QList<EmbeddingRef>> momentRefs(qint64 spaceId) = 0;
    /// Moments by id, in the order asked, without vectors and thumbnails.
    virtual Expected<QList<MediaMoment>> moments(const QList<qint64> &ids) = 0;
    /// The moments of one file in a space, in time order, without vectors and thumbnails.
    virtual Expected<QList<MediaMoment>> momentsOf(qint64 entryId, qint64 spaceId) = 0;
    /// The JPEG picture of a moment (empty when it has none).
    virtual Expected<QByteArray> momentThumbnail(qint64 momentId) = 0;
    virtual Expected<MomentStats> momentStats(qint64 spaceId) = 0;
    /// The moment ids of a space whose files pass `filter`.
    virtual Expected<QSet<qint64>> matchingMoments(qint64 spaceId, const MediaFilter &filter) = 0;

    /// Grows on every change to files or embeddings: a cheap "anything new?" check.
    virtual Expected<qint64> generation() = 0;

    // ---- the indexing job ------------------------------------------------------
    virtual Expected<std::optional<IndexJobRecord>> lastJob() = 0;
    /// Records a new job (its id is assigned) and returns it.
    virtual Expected<IndexJobRecord> beginJob(const IndexJobRecord &job) = 0;
    virtual Expected<void> updateJob(const IndexJobRecord &job) = 0;

    // ---- the work queue: several indexing workers, no coordinator ---------------
    /// Queues files for `modelKey`. A file already queued with the same size
    /// and time stays as it is (pending, held or done); one whose stamp
    /// changed is queued again.
    virtual Expected<void> enqueueWork(const QString &modelKey, const QList<FileStamp> &files) = 0;
    /// Takes up to `count` queued files for `worker`, in the order they were
    /// queued, for `leaseMs`: files nobody holds and files whose lease ran
    /// out. Two workers never get the same file under live leases.
    virtual Expected<QList<WorkClaim>> claimWork(
        const QString &modelKey, const QString &worker, int count, qint64 leaseMs)
        = 0;
    /// Extends every lease `worker` holds to `leaseMs` from now; returns how many it holds.
    virtual Expected<qint64> renewClaims(const QString &modelKey, const QString &worker, qint64 leaseMs) = 0;
    /// Gives back what `worker` holds and has not stored (a cancelled job,
    /// or a worker known to be dead), for others to take now.
    virtual Expected<void> releaseClaims(const QString &modelKey, const QString &worker) = 0;
    /// The workers that hold claims of `modelKey` (live or lapsed).
    virtual Expected<QStringList> claimHolders(const QString &modelKey) = 0;
    virtual Expected<WorkCounts> workCounts(const QString &modelKey) = 0;
};

} // namespace mplug2::app
