#pragma once
/// What the SQL catalogs share: every query of the Catalog contract, written
/// once in the SQL that SQLite and PostgreSQL both read. The two back ends
/// (SqliteCatalog, PostgresCatalog) add how to connect, the schema and its
/// migrations, and the few expressions that differ.
///
/// Ids that follow commit order: a store takes the catalog's generation row
/// (UPDATE, which locks it until commit) before it writes any embedding, so
/// stores that write embeddings are serialised from that point on and an
/// embedding committed later always has a larger id. A reader that remembers
/// the largest id it has seen (forEachEmbedding's `afterId`) therefore never
/// misses a row that another writer was still committing.

#include "app/retrieval/catalog.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace mplug2::app {

class SqlCatalog : public Catalog {
    Q_DECLARE_TR_FUNCTIONS(SqlCatalog)

public:
    /// The schema this build reads and writes (stored under meta.schema).
    /// Both back ends share the numbering: a step that changes the tables
    /// comes to both in the same version.
    static constexpr const char *kSchema = "mplug2-catalog/6";
    static constexpr int kSchemaVersion = 6;

    /// The version in a stored schema name ("mplug2-catalog/N"); 0 for a name of another form.
    static int schemaVersion(const QString &schema);

    ~SqlCatalog() override;
    SqlCatalog(const SqlCatalog &) = delete;
    SqlCatalog &operator=(const SqlCatalog &) = delete;

    QString location() const override { return m_location; }

    Expected<QList<CatalogEntry>> entriesUnder(const QString &root, const QString &modelKey) override;
    Expected<std::optional<CatalogEntry>> entry(const QString &path) override;
    Expected<QList<CatalogEntry>> entries(const QList<qint64> &ids) override;
    Expected<QSet<qint64>> matching(const MediaFilter &filter) override;
    Expected<qint64> entryCount() override;
    Expected<qint64> storeIndexed(const IndexedMedia &media) override;
    Expected<void> addNew(const QList<IndexedMedia> &media) override;
    Expected<void> updateStamp(qint64 id, qint64 size, qint64 mtimeMs) override;
    Expected<void> remove(const QList<qint64> &ids) override;
    Expected<QList<QByteArray>> thumbnails(qint64 id) override;

    Expected<QList<EmbeddingSpace>> spaces() override;
    Expected<std::optional<EmbeddingSpace>> space(const QString &modelKey, EmbeddingKind kind) override;
    Expected<void> forEachEmbedding(
        qint64 spaceId, const EmbeddingVisitor &visit, qint64 afterId = 0) override;
    Expected<QList<EmbeddingRef>> embeddingRefs(qint64 spaceId) override;
    Expected<std::optional<QList<float>>> embedding(qint64 entryId, qint64 spaceId) override;
    Expected<qint64> generation() override;

    Expected<void> forEachMomentEmbedding(
        qint64 spaceId, const EmbeddingVisitor &visit, qint64 afterId = 0) override;
    Expected<QList<EmbeddingRef>> momentRefs(qint64 spaceId) override;
    Expected<QList<MediaMoment>> moments(const QList<qint64> &ids) override;
    Expected<QList<MediaMoment>> momentsOf(qint64 entryId, qint64 spaceId) override;
    Expected<QByteArray> momentThumbnail(qint64 momentId) override;
    Expected<MomentStats> momentStats(qint64 spaceId) override;
    Expected<QSet<qint64>> matchingMoments(qint64 spaceId, const MediaFilter &filter) override;

    Expected<std::optional<IndexJobRecord>> lastJob() override;
    Expected<IndexJobRecord> beginJob(const IndexJobRecord &job) override;
    Expected<void> updateJob(const IndexJobRecord &job) override;

    Expected<void> enqueueWork(const QString &modelKey, const QList<FileStamp> &files) override;
    Expected<QList<WorkClaim>> claimWork(
        const QString &modelKey, const QString &worker, int count, qint64 leaseMs) override;
    Expected<qint64> renewClaims(const QString &modelKey, const QString &worker, qint64 leaseMs) override;
    Expected<void> releaseClaims(const QString &modelKey, const QString &worker) override;
    Expected<QStringList> claimHolders(const QString &modelKey) override;
    Expected<WorkCounts> workCounts(const QString &modelKey) override;

    Expected<QList<CatalogRoot>> roots() override;
    Expected<CatalogRoot> nameRoot(const QString &folder, const QString &preferred = {}) override;

protected:
    /// `location` is what location() returns (a file path, or a URI without
    /// its password); `connectionName` is the Qt Sql connection this object owns.
    SqlCatalog(QString location, QString connectionName);

    /// The statement that opens a write transaction.
    virtual QString beginStatement() const = 0;
    /// An SQL expression for "now" in ms since the epoch, on the clock that
    /// every process sharing the catalog agrees on.
    virtual QString nowMsExpression() const = 0;
    /// Claims `count` queued files; the back ends differ in how two
    /// claimers keep out of each other's way. Runs inside a transaction.
    virtual Expected<QList<WorkClaim>> claimQueued(
        const QString &modelKey, const QString &worker, int count, qint64 leaseMs)
        = 0;

    /// A unique name for a new Qt Sql connection.
    static QString newConnectionName();
    Expected<void> exec(const QString &sql);
    /// Runs `work` inside one transaction, rolling back on error.
    Expected<void> inTransaction(const std::function<Expected<void>()> &work);
    Expected<void> bumpGeneration();
    /// Why a statement failed, naming the catalog.
    Error failure(const QSqlError &error) const;
    /// Reads the roots (once the schema is ready) and maps them: to the
    /// process's local roots (Catalog::setLocalRoots), else where each was
    /// first indexed from.
    Expected<void> loadRoots();

    /// An absolute path as stored: "<root>:/rest" inside a mapped root, else itself.
    QString toStored(const QString &absolute) const;
    /// A stored path as this machine sees it ("<root>:/rest" stays so when the root is not mapped).
    QString fromStored(const QString &stored) const;
    /// fromStored(), reading the roots again once when it meets a root another
    /// object named after this one was opened.
    QString resolve(const QString &stored);

    QString m_location;
    QString m_connectionName;
    QSqlDatabase m_db;

private:
    Expected<qint64> ensureSpace(
        const QString &modelKey, const QString &bundleId, EmbeddingKind kind, int dim);
    /// forEachEmbedding() over the files' embeddings, or over the moments
    /// (each moment its own owner), in pages by id.
    Expected<void> visitVectors(bool moments, qint64 spaceId, const EmbeddingVisitor &visit, qint64 afterId);
    /// Replaces the moments of file `id` in `spaceId` (inside a store's transaction).
    Expected<void> storeMoments(qint64 id, qint64 spaceId, const QList<MediaMoment> &moments);
    /// The WHERE clauses (on media m) and values of a filter.
    QStringList filterClauses(const MediaFilter &filter, QVariantList &values) const;
    /// Marks a claimed file stored, if its claim still holds (see IndexedMedia::claim).
    Expected<void> completeClaim(const QString &modelKey, const WorkClaim &claim);
    void mapRoot(const CatalogRoot &root);
    /// What a store refuses before it writes: a relative path, an empty or non-finite embedding.
    static Expected<void> checkStorable(const IndexedMedia &media);
    /// Stored paths under a folder: [low, high) ranges and the folder itself.
    struct StoredRange {
        QString self;
        QString low;
        QString high;
    };
    QList<StoredRange> storedRangesUnder(const QString &folder) const;

    QList<CatalogRoot> m_mounts; ///< root -> folder on this machine, longest folder first
};

} // namespace mplug2::app
