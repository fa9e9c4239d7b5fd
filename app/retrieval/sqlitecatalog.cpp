#include "app/retrieval/sqlitecatalog.h"

#include "app/retrieval/modelkey.h"
#include "app/retrieval/sqlitecatalogsupport.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <cstring>
#include <iterator>

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "embedding blobs are stored as little-endian float32");

namespace mplug2::app {

using sqlitecatalog::notNull;
using sqlitecatalog::sqlFailure;

namespace {

/// The half-open key range [root + "/", root + "0") holds exactly the paths
/// below `root` ('0' follows '/' in byte order), so a prefix search uses the
/// path index instead of scanning.
struct PathRange {
    QString self;
    QString low;
    QString high;
};

PathRange rangeUnder(const QString &root)
{
    QString clean = QDir::cleanPath(root);
    const QString base = clean.endsWith(QLatin1Char('/')) ? clean : clean + QLatin1Char('/');
    QString high = base;
    high.back() = QChar(QLatin1Char('/').unicode() + 1);
    return {clean, base, high};
}

QByteArray packVector(const QList<float> &v)
{
    QByteArray blob(qsizetype(v.size() * sizeof(float)), Qt::Uninitialized);
    std::memcpy(blob.data(), v.constData(), size_t(blob.size()));
    return blob;
}

const char *kEntryColumns = "m.id, m.path, m.size, m.mtime_ms, m.sample_hash, m.kind, m.duration, m.width, "
                            "m.height, m.indexed_at_ms, "
                            "m.error";

CatalogEntry readEntry(const QSqlQuery &q)
{
    CatalogEntry e;
    e.id = q.value(0).toLongLong();
    e.path = q.value(1).toString();
    e.size = q.value(2).toLongLong();
    e.mtimeMs = q.value(3).toLongLong();
    e.sampleHash = q.value(4).toByteArray();
    e.kind = parseMediaKind(q.value(5).toString());
    e.durationSeconds = q.value(6).toDouble();
    e.width = q.value(7).toInt();
    e.height = q.value(8).toInt();
    e.indexedAtMs = q.value(9).toLongLong();
    e.error = q.value(10).toString();
    return e;
}

bool allFinite(const QList<float> &v)
{
    for (float x : v)
        if (!std::isfinite(x))
            return false;
    return true;
}

} // namespace

Expected<std::unique_ptr<Catalog>> Catalog::open(const QString &location)
{
    auto sqlite = SqliteCatalog::open(location);
    if (!sqlite)
        return sqlite.error();
    return std::unique_ptr<Catalog>(std::move(*sqlite));
}

SqliteCatalog::SqliteCatalog(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{ }

SqliteCatalog::~SqliteCatalog()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<std::unique_ptr<SqliteCatalog>> SqliteCatalog::open(const QString &path)
{
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("no index file given").toStdString());
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return makeError(ErrorCode::Unsupported,
            tr("the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)").toStdString());
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return makeError(ErrorCode::InvalidArgument,
            tr("%1 is not a file").arg(QDir::toNativeSeparators(path)).toStdString());
    static QAtomicInteger<quint64> counter;
    const QString name = QStringLiteral("mplug2-catalog-%1").arg(counter.fetchAndAddRelaxed(1));
    std::unique_ptr<SqliteCatalog> catalog(new SqliteCatalog(info.absoluteFilePath(), name));
    catalog->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    catalog->m_db.setDatabaseName(catalog->m_path);
    catalog->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!catalog->m_db.open())
        return sqlFailure(catalog->m_path, catalog->m_db.lastError());
    if (Expected<void> ok = catalog->initialise(); !ok)
        return ok.error();
    return catalog;
}

Expected<void> SqliteCatalog::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return sqlFailure(m_path, q.lastError());
    return {};
}

Expected<void> SqliteCatalog::initialise()
{
    // A file that is not SQLite fails on the first statement that reads it.
    QSqlQuery probe(m_db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return makeError(ErrorCode::Format,
            tr("%1 is not an mPLUG-2 index (not an SQLite database): %2")
                .arg(QDir::toNativeSeparators(m_path), probe.lastError().text())
                .toStdString());
    probe.next();
    const bool fresh = probe.value(0).toLongLong() == 0;
    probe.finish();
    for (const char *pragma :
        {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"})
        if (Expected<void> ok = exec(QString::fromLatin1(pragma)); !ok)
            return ok;
    if (!fresh) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")) || !q.next())
            return makeError(ErrorCode::Format,
                tr("%1 is an SQLite database but not an mPLUG-2 index")
                    .arg(QDir::toNativeSeparators(m_path))
                    .toStdString());
        const QString schema = q.value(0).toString();
        q.finish();
        const QString prefix = QStringLiteral("mplug2-catalog/");
        bool numbered = false;
        const int version = schema.startsWith(prefix) ? schema.mid(prefix.size()).toInt(&numbered) : 0;
        if (numbered && version >= 1 && version < kSchemaVersion)
            return migrate(version);
        if (schema != QLatin1String(kSchema))
            return makeError(ErrorCode::Unsupported,
                tr("%1 was written by another version (%2; this one reads %3): index the folders "
                   "again into a new file")
                    .arg(QDir::toNativeSeparators(m_path), schema, QLatin1String(kSchema))
                    .toStdString());
        return {};
    }
    static const char *const kTables[] = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS media(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, "
        "size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL, sample_hash BLOB, kind TEXT NOT NULL, "
        "duration REAL NOT NULL DEFAULT 0, width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT "
        "0, "
        "indexed_at_ms INTEGER NOT NULL, error TEXT)",
        "CREATE TABLE IF NOT EXISTS thumbnail(media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE "
        "CASCADE, "
        "position INTEGER NOT NULL, jpeg BLOB NOT NULL, PRIMARY KEY(media_id, position))",
        "CREATE TABLE IF NOT EXISTS space(id INTEGER PRIMARY KEY, model_key TEXT NOT NULL, bundle_id TEXT "
        "NOT NULL, "
        "kind TEXT NOT NULL, dim INTEGER NOT NULL, UNIQUE(model_key, kind))",
        // AUTOINCREMENT: an id is never reused, so a vector index keyed by it
        // can tell a replaced embedding from the old one.
        "CREATE TABLE IF NOT EXISTS embedding(id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE, "
        "space_id INTEGER NOT NULL REFERENCES space(id) ON DELETE CASCADE, vector BLOB NOT NULL, "
        "UNIQUE(media_id, space_id))",
        "CREATE INDEX IF NOT EXISTS embedding_space ON embedding(space_id)",
        "CREATE TABLE IF NOT EXISTS job(id INTEGER PRIMARY KEY, roots TEXT NOT NULL, model_key TEXT NOT "
        "NULL, "
        "bundle_id TEXT NOT NULL, status TEXT NOT NULL, total INTEGER NOT NULL, done INTEGER NOT NULL, "
        "failed INTEGER NOT NULL, started_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, message TEXT)",
    };
    return inTransaction([this]() -> Expected<void> {
        for (const char *sql : kTables)
            if (Expected<void> ok = exec(QString::fromLatin1(sql)); !ok)
                return ok;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?), ('generation', '0')"));
        q.addBindValue(QString::fromLatin1(kSchema));
        if (!q.exec())
            return sqlFailure(m_path, q.lastError());
        return {};
    });
}

namespace {

/// Schema 1 named embedding spaces `<bundle id>@<hash>-r<res>-f<frames>`;
/// schema 2 names them by content and precision (modelkey.h), so a bundle
/// imported again under another id keeps its index. Spaces that differ only
/// in the old bundle id are the same space now: their embeddings are merged.
Expected<void> renameSpacesByContent(QSqlDatabase &db, const QString &path)
{
    QSqlQuery spaces(db);
    if (!spaces.exec(QStringLiteral("SELECT id, model_key, kind FROM space ORDER BY id")))
        return sqlFailure(path, spaces.lastError());
    struct Space {
        qint64 id;
        QString key;
        QString kind;
    };
    QList<Space> all;
    while (spaces.next())
        all.append({spaces.value(0).toLongLong(), spaces.value(1).toString(), spaces.value(2).toString()});
    spaces.finish();
    for (const Space &space : std::as_const(all)) {
        const std::optional<QString> key = upgradedModelKey(space.key);
        if (!key)
            continue;
        QSqlQuery existing(db);
        existing.prepare(QStringLiteral("SELECT id FROM space WHERE model_key = ? AND kind = ?"));
        existing.addBindValue(*key);
        existing.addBindValue(space.kind);
        if (!existing.exec())
            return sqlFailure(path, existing.lastError());
        QSqlQuery q(db);
        if (existing.next()) {
            const qint64 into = existing.value(0).toLongLong();
            existing.finish();
            q.prepare(QStringLiteral("UPDATE OR IGNORE embedding SET space_id = ? WHERE space_id = ?"));
            q.addBindValue(into);
            q.addBindValue(space.id);
            if (!q.exec())
                return sqlFailure(path, q.lastError());
            q.prepare(QStringLiteral("DELETE FROM space WHERE id = ?"));
            q.addBindValue(space.id);
        } else {
            q.prepare(QStringLiteral("UPDATE space SET model_key = ? WHERE id = ?"));
            q.addBindValue(*key);
            q.addBindValue(space.id);
        }
        if (!q.exec())
            return sqlFailure(path, q.lastError());
    }
    QSqlQuery jobs(db);
    if (!jobs.exec(QStringLiteral("SELECT DISTINCT model_key FROM job")))
        return sqlFailure(path, jobs.lastError());
    QStringList jobKeys;
    while (jobs.next())
        jobKeys << jobs.value(0).toString();
    jobs.finish();
    for (const QString &old : std::as_const(jobKeys)) {
        const std::optional<QString> key = upgradedModelKey(old);
        if (!key)
            continue;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE job SET model_key = ? WHERE model_key = ?"));
        q.addBindValue(*key);
        q.addBindValue(old);
        if (!q.exec())
            return sqlFailure(path, q.lastError());
    }
    return {};
}

/// kMigrations[n - 1] takes a file from schema version n to n + 1.
using Migration = Expected<void> (*)(QSqlDatabase &db, const QString &path);
const Migration kMigrations[] = {renameSpacesByContent};
static_assert(std::size(kMigrations) == SqliteCatalog::kSchemaVersion - 1, "one migration per version step");

} // namespace

Expected<void> SqliteCatalog::migrate(int from)
{
    return inTransaction([&]() -> Expected<void> {
        for (int version = from; version < kSchemaVersion; ++version)
            if (Expected<void> ok = kMigrations[version - 1](m_db, m_path); !ok)
                return ok;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'schema'"));
        q.addBindValue(QString::fromLatin1(kSchema));
        if (!q.exec())
            return sqlFailure(m_path, q.lastError());
        return bumpGeneration();
    });
}

Expected<void> SqliteCatalog::inTransaction(const std::function<Expected<void>()> &work)
{
    if (Expected<void> ok = exec(QStringLiteral("BEGIN IMMEDIATE")); !ok)
        return ok;
    Expected<void> result = work();
    if (!result) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    if (Expected<void> ok = exec(QStringLiteral("COMMIT")); !ok) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return ok;
    }
    return {};
}

Expected<QList<CatalogEntry>> SqliteCatalog::entriesUnder(const QString &root, const QString &modelKey)
{
    const PathRange range = rangeUnder(root);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, EXISTS(SELECT 1 FROM embedding e JOIN space s ON s.id = e.space_id "
                             "WHERE e.media_id = m.id AND s.model_key = ? AND s.kind = 'clip') "
                             "FROM media m WHERE m.path = ? OR (m.path >= ? AND m.path < ?)")
                  .arg(QLatin1String(kEntryColumns)));
    q.addBindValue(modelKey);
    q.addBindValue(range.self);
    q.addBindValue(range.low);
    q.addBindValue(range.high);
    if (!q.exec())
        return sqlFailure(m_path, q.lastError());
    QList<CatalogEntry> result;
    while (q.next()) {
        CatalogEntry e = readEntry(q);
        e.embedded = q.value(11).toBool();
        result.append(std::move(e));
    }
    return result;
}

Expected<std::optional<CatalogEntry>> SqliteCatalog::entry(const QString &path)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM media m WHERE m.path = ?").arg(QLatin1String(kEntryColumns)));
    q.addBindValue(QDir::cleanPath(path));
    if (!q.exec())
        return sqlFailure(m_path, q.lastError());
    if (!q.next())
        return std::optional<CatalogEntry>();
    return std::optional<CatalogEntry>(readEntry(q));
}

Expected<QList<CatalogEntry>> SqliteCatalog::entries(const QList<qint64> &ids)
{
    QHash<qint64, CatalogEntry> found;
    constexpr qsizetype kChunk = 500; // below SQLite's bound-parameter limit
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const QList<qint64> chunk = ids.mid(start, kChunk);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1 FROM media m WHERE m.id IN (%2)")
                      .arg(QLatin1String(kEntryColumns), marks.join(QLatin1Char(','))));
        for (qint64 id : chunk)
            q.addBindValue(id);
        if (!q.exec())
            return sqlFailure(m_path, q.lastError());
        while (q.next()) {
            CatalogEntry e = readEntry(q);
            found.insert(e.id, std::move(e));
        }
    }
    QList<CatalogEntry> result;
    for (qint64 id : ids)
        if (auto it = found.constFind(id); it != found.constEnd())
            result.append(*it);
    return result;
}

Expected<QSet<qint64>> SqliteCatalog::matching(const MediaFilter &filter)
{
    QStringList where {QStringLiteral("m.error IS NULL")};
    QVariantList values;
    if (!filter.folders.isEmpty()) {
        QStringList any;
        for (const QString &folder : filter.folders) {
            const PathRange range = rangeUnder(folder);
            any << QStringLiteral("(m.path >= ? AND m.path < ?)");
            values << range.low << range.high;
        }
        where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (filter.kind) {
        where << QStringLiteral("m.kind = ?");
        values << mediaKindName(*filter.kind);
    }
    if (filter.minDurationSeconds >= 0) {
        where << QStringLiteral("m.duration >= ?");
        values << filter.minDurationSeconds;
    }
    if (filter.maxDurationSeconds >= 0) {
        where << QStringLiteral("m.duration <= ?");
        values << filter.maxDurationSeconds;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.id FROM media m WHERE ") + where.join(QStringLiteral(" AND ")));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return sqlFailure(m_path, q.lastError());
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

Expected<qint64> SqliteCatalog::entryCount()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM media")) || !q.next())
        return sqlFailure(m_path, q.lastError());
    return q.value(0).toLongLong();
}

Expected<qint64> SqliteCatalog::storeIndexed(const IndexedMedia &media)
{
    const CatalogEntry &e = media.entry;
    if (e.path.isEmpty() || !QDir::isAbsolutePath(e.path))
        return makeError(ErrorCode::InvalidArgument, tr("catalog paths must be absolute").toStdString());
    for (const MediaEmbedding &m : media.embeddings)
        if (m.vector.isEmpty() || !allFinite(m.vector))
            return makeError(ErrorCode::InvalidArgument,
                tr("refusing to store an empty or non-finite embedding of %1").arg(e.path).toStdString());
    qint64 id = 0;
    Expected<void> ok = inTransaction([&]() -> Expected<void> {
        QSqlQuery find(m_db);
        find.prepare(QStringLiteral("SELECT id, sample_hash FROM media WHERE path = ?"));
        find.addBindValue(QDir::cleanPath(e.path));
        if (!find.exec())
            return sqlFailure(m_path, find.lastError());
        const bool exists = find.next();
        id = exists ? find.value(0).toLongLong() : 0;
        const bool contentChanged = exists && find.value(1).toByteArray() != e.sampleHash;
        find.finish();

        QSqlQuery write(m_db);
        if (exists)
            write.prepare(
                QStringLiteral("UPDATE media SET size = ?, mtime_ms = ?, sample_hash = ?, kind = ?, "
                               "duration = ?, width = ?, height = ?, indexed_at_ms = ?, error = ? "
                               "WHERE id = ?"));
        else
            write.prepare(
                QStringLiteral("INSERT INTO media(size, mtime_ms, sample_hash, kind, duration, width, "
                               "height, indexed_at_ms, error, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        write.addBindValue(e.size);
        write.addBindValue(e.mtimeMs);
        write.addBindValue(e.sampleHash);
        write.addBindValue(mediaKindName(e.kind));
        write.addBindValue(e.durationSeconds);
        write.addBindValue(e.width);
        write.addBindValue(e.height);
        write.addBindValue(e.indexedAtMs ? e.indexedAtMs : QDateTime::currentMSecsSinceEpoch());
        write.addBindValue(e.error.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(e.error));
        if (exists)
            write.addBindValue(id);
        else
            write.addBindValue(QDir::cleanPath(e.path));
        if (!write.exec())
            return sqlFailure(m_path, write.lastError());
        if (!exists)
            id = write.lastInsertId().toLongLong();

        if (contentChanged) {
            QSqlQuery drop(m_db);
            drop.prepare(QStringLiteral("DELETE FROM embedding WHERE media_id = ?"));
            drop.addBindValue(id);
            if (!drop.exec())
                return sqlFailure(m_path, drop.lastError());
        }
        for (const MediaEmbedding &m : media.embeddings) {
            Expected<qint64> space
                = ensureSpace(media.modelKey, media.bundleId, m.kind, int(m.vector.size()));
            if (!space)
                return space.error();
            // Delete + insert (not REPLACE in place): the new row gets a new id.
            QSqlQuery replace(m_db);
            replace.prepare(QStringLiteral("DELETE FROM embedding WHERE media_id = ? AND space_id = ?"));
            replace.addBindValue(id);
            replace.addBindValue(*space);
            if (!replace.exec())
                return sqlFailure(m_path, replace.lastError());
            QSqlQuery insert(m_db);
            insert.prepare(
                QStringLiteral("INSERT INTO embedding(media_id, space_id, vector) VALUES (?, ?, ?)"));
            insert.addBindValue(id);
            insert.addBindValue(*space);
            insert.addBindValue(packVector(m.vector));
            if (!insert.exec())
                return sqlFailure(m_path, insert.lastError());
        }
        if (!media.thumbnails.isEmpty() || !e.error.isEmpty()) {
            QSqlQuery clear(m_db);
            clear.prepare(QStringLiteral("DELETE FROM thumbnail WHERE media_id = ?"));
            clear.addBindValue(id);
            if (!clear.exec())
                return sqlFailure(m_path, clear.lastError());
        }
        for (qsizetype i = 0; i < media.thumbnails.size(); ++i) {
            QSqlQuery thumb(m_db);
            thumb.prepare(QStringLiteral("INSERT INTO thumbnail(media_id, position, jpeg) VALUES (?, ?, ?)"));
            thumb.addBindValue(id);
            thumb.addBindValue(int(i));
            thumb.addBindValue(media.thumbnails.at(i));
            if (!thumb.exec())
                return sqlFailure(m_path, thumb.lastError());
        }
        return bumpGeneration();
    });
    if (!ok)
        return ok.error();
    return id;
}

Expected<void> SqliteCatalog::updateStamp(qint64 id, qint64 size, qint64 mtimeMs)
{
    return inTransaction([&]() -> Expected<void> {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE media SET size = ?, mtime_ms = ? WHERE id = ?"));
        q.addBindValue(size);
        q.addBindValue(mtimeMs);
        q.addBindValue(id);
        if (!q.exec())
            return sqlFailure(m_path, q.lastError());
        return bumpGeneration();
    });
}

Expected<void> SqliteCatalog::remove(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    return inTransaction([&]() -> Expected<void> {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM media WHERE id = ?"));
        for (qint64 id : ids) {
            q.bindValue(0, id);
            if (!q.exec())
                return sqlFailure(m_path, q.lastError());
        }
        return bumpGeneration();
    });
}

Expected<QList<QByteArray>> SqliteCatalog::thumbnails(qint64 id)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT jpeg FROM thumbnail WHERE media_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlFailure(m_path, q.lastError());
    QList<QByteArray> result;
    while (q.next())
        result.append(q.value(0).toByteArray());
    return result;
}

Expected<std::optional<IndexJobRecord>> SqliteCatalog::lastJob()
{
    QSqlQuery q(m_db);
    if (!q.exec(
            QStringLiteral("SELECT id, roots, model_key, bundle_id, status, total, done, failed, started_ms, "
                           "updated_ms, message FROM job ORDER BY id DESC LIMIT 1")))
        return sqlFailure(m_path, q.lastError());
    if (!q.next())
        return std::optional<IndexJobRecord>();
    IndexJobRecord job;
    job.id = q.value(0).toLongLong();
    for (const QJsonValue &root : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
        job.roots.append(root.toString());
    job.modelKey = q.value(2).toString();
    job.bundleId = q.value(3).toString();
    job.status = parseIndexJobStatus(q.value(4).toString()).value_or(IndexJobStatus::Failed);
    job.total = q.value(5).toLongLong();
    job.done = q.value(6).toLongLong();
    job.failed = q.value(7).toLongLong();
    job.startedMs = q.value(8).toLongLong();
    job.updatedMs = q.value(9).toLongLong();
    job.message = q.value(10).toString();
    return std::optional<IndexJobRecord>(job);
}

Expected<IndexJobRecord> SqliteCatalog::beginJob(const IndexJobRecord &job)
{
    IndexJobRecord stored = job;
    Expected<void> ok = inTransaction([&]() -> Expected<void> {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT INTO job(roots, model_key, bundle_id, status, total, done, failed, started_ms, "
            "updated_ms, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(job.roots)).toJson(QJsonDocument::Compact)));
        q.addBindValue(notNull(job.modelKey));
        q.addBindValue(notNull(job.bundleId));
        q.addBindValue(indexJobStatusName(job.status));
        q.addBindValue(job.total);
        q.addBindValue(job.done);
        q.addBindValue(job.failed);
        q.addBindValue(job.startedMs);
        q.addBindValue(job.updatedMs);
        q.addBindValue(notNull(job.message));
        if (!q.exec())
            return sqlFailure(m_path, q.lastError());
        stored.id = q.lastInsertId().toLongLong();
        return {};
    });
    if (!ok)
        return ok.error();
    return stored;
}

Expected<void> SqliteCatalog::updateJob(const IndexJobRecord &job)
{
    return inTransaction([&]() -> Expected<void> {
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("UPDATE job SET status = ?, total = ?, done = ?, failed = ?, updated_ms = ?, "
                           "message = ? WHERE id = ?"));
        q.addBindValue(indexJobStatusName(job.status));
        q.addBindValue(job.total);
        q.addBindValue(job.done);
        q.addBindValue(job.failed);
        q.addBindValue(job.updatedMs);
        q.addBindValue(notNull(job.message));
        q.addBindValue(job.id);
        if (!q.exec())
            return sqlFailure(m_path, q.lastError());
        return {};
    });
}

} // namespace mplug2::app
