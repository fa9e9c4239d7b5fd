#pragma once
/// The embedded catalog: one SQLite file (WAL journal, foreign keys on),
/// through Qt Sql. Created by Catalog::open() for a file path.
///
///     auto catalog = SqliteCatalog::open("index.sqlite");
///
/// Writes run as short IMMEDIATE transactions, so a reader in another
/// process (a search while indexing) never sees half a file, and a process
/// killed with SIGKILL leaves the file consistent (the WAL is rolled back or
/// forward on the next open). Waits up to 10 s for another writer.

#include "app/retrieval/catalog.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace mplug2::app {

class SqliteCatalog final : public Catalog {
    Q_DECLARE_TR_FUNCTIONS(SqliteCatalog)

public:
    /// The schema this build reads and writes (stored under meta.schema).
    /// Older files are upgraded in place when opened, one step at a time
    /// (see kMigrations in sqlitecatalog.cpp); newer ones are refused.
    static constexpr const char *kSchema = "mplug2-catalog/2";
    static constexpr int kSchemaVersion = 2;

    static Expected<std::unique_ptr<SqliteCatalog>> open(const QString &path);
    ~SqliteCatalog() override;
    SqliteCatalog(const SqliteCatalog &) = delete;
    SqliteCatalog &operator=(const SqliteCatalog &) = delete;

    QString location() const override { return m_path; }

    Expected<QList<CatalogEntry>> entriesUnder(const QString &root, const QString &modelKey) override;
    Expected<std::optional<CatalogEntry>> entry(const QString &path) override;
    Expected<QList<CatalogEntry>> entries(const QList<qint64> &ids) override;
    Expected<QSet<qint64>> matching(const MediaFilter &filter) override;
    Expected<qint64> entryCount() override;
    Expected<qint64> storeIndexed(const IndexedMedia &media) override;
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

    Expected<std::optional<IndexJobRecord>> lastJob() override;
    Expected<IndexJobRecord> beginJob(const IndexJobRecord &job) override;
    Expected<void> updateJob(const IndexJobRecord &job) override;

private:
    SqliteCatalog(QString path, QString connectionName);
    Expected<void> initialise();
    /// Brings a file of schema version `from` to kSchemaVersion, in one transaction.
    Expected<void> migrate(int from);
    Expected<void> exec(const QString &sql);
    Expected<qint64> ensureSpace(
        const QString &modelKey, const QString &bundleId, EmbeddingKind kind, int dim);
    Expected<void> bumpGeneration();
    /// Runs `work` inside BEGIN IMMEDIATE ... COMMIT, rolling back on error.
    Expected<void> inTransaction(const std::function<Expected<void>()> &work);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace mplug2::app
