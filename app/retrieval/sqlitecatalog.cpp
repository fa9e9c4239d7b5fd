#include "app/retrieval/sqlitecatalog.h"

#include "app/retrieval/modelkey.h"
#include "app/retrieval/sqlcatalogsupport.h"

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

using sqlcatalog::sqlFailure;

namespace {

const char *const kWorkTable
    = "CREATE TABLE IF NOT EXISTS work(model_key TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, "
      "mtime_ms INTEGER NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL, owner TEXT, "
      "token INTEGER NOT NULL, lease_until_ms INTEGER NOT NULL, PRIMARY KEY(model_key, path))";
const char *const kWorkIndex = "CREATE INDEX IF NOT EXISTS work_queue ON work(model_key, state, seq)";
const char *const kRootTable = "CREATE TABLE IF NOT EXISTS root(name TEXT PRIMARY KEY, path TEXT NOT NULL)";
const char *const kCaptionTable
    = "CREATE TABLE IF NOT EXISTS caption(media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE, "
      "model_key TEXT NOT NULL, text TEXT NOT NULL, settings TEXT NOT NULL, PRIMARY KEY(media_id, "
      "model_key))";

// Schema 6: the moments of videos (issue 22). AUTOINCREMENT as for embeddings.
const char *const kMomentTable
    = "CREATE TABLE IF NOT EXISTS moment(id INTEGER PRIMARY KEY AUTOINCREMENT, "
      "media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE, "
      "space_id INTEGER NOT NULL REFERENCES space(id) ON DELETE CASCADE, start_s REAL NOT NULL, "
      "end_s REAL NOT NULL, shot INTEGER NOT NULL, vector BLOB NOT NULL, thumbnail BLOB, caption TEXT)";
const char *const kMomentSpaceIndex = "CREATE INDEX IF NOT EXISTS moment_space ON moment(space_id, id)";
const char *const kMomentMediaIndex = "CREATE INDEX IF NOT EXISTS moment_media ON moment(media_id)";

} // namespace

QString SqliteCatalog::beginStatement() const
{
    return QStringLiteral("BEGIN IMMEDIATE");
}

QString SqliteCatalog::nowMsExpression() const
{
    return QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)");
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
    const QString name = newConnectionName();
    std::unique_ptr<SqliteCatalog> catalog(new SqliteCatalog(info.absoluteFilePath(), name));
    catalog->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    catalog->m_db.setDatabaseName(catalog->m_location);
    catalog->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!catalog->m_db.open())
        return catalog->failure(catalog->m_db.lastError());
    if (Expected<void> ok = catalog->initialise(); !ok)
        return ok.error();
    if (Expected<void> ok = catalog->loadRoots(); !ok)
        return ok.error();
    return catalog;
}

Expected<void> SqliteCatalog::initialise()
{
    // A file that is not SQLite fails on the first statement that reads it.
    QSqlQuery probe(m_db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
        return makeError(ErrorCode::Format,
            tr("%1 is not an mPLUG-2 index (not an SQLite database): %2")
                .arg(QDir::toNativeSeparators(m_location), probe.lastError().text())
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
                    .arg(QDir::toNativeSeparators(m_location))
                    .toStdString());
        const QString schema = q.value(0).toString();
        q.finish();
        const int version = schemaVersion(schema);
        if (version >= 1 && version < kSchemaVersion)
            return migrate(version);
        if (schema != QLatin1String(kSchema))
            return makeError(ErrorCode::Unsupported,
                tr("%1 was written by another version (%2; this one reads %3): index the folders "
                   "again into a new file")
                    .arg(QDir::toNativeSeparators(m_location), schema, QLatin1String(kSchema))
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
        kWorkTable,
        kWorkIndex,
        kCaptionTable,
        kRootTable,
        kMomentTable,
        kMomentSpaceIndex,
        kMomentMediaIndex,
    };
    return inTransaction([this]() -> Expected<void> {
        for (const char *sql : kTables)
            if (Expected<void> ok = exec(QString::fromLatin1(sql)); !ok)
                return ok;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT INTO meta(key, value) VALUES ('schema', ?), ('generation', '0') ON CONFLICT DO NOTHING"));
        q.addBindValue(QString::fromLatin1(kSchema));
        if (!q.exec())
            return failure(q.lastError());
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

/// Schema 3 adds the work queue (see sqlcatalogwork.cpp).
Expected<void> addWorkQueue(QSqlDatabase &db, const QString &path)
{
    for (const char *sql : {kWorkTable, kWorkIndex}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(sql)))
            return sqlFailure(path, q.lastError());
    }
    return {};
}

/// Schema 4 adds the captions made while indexing.
Expected<void> addCaptions(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    if (!q.exec(QString::fromLatin1(kCaptionTable)))
        return sqlFailure(path, q.lastError());
    return {};
}

/// Schema 5 stores files relative to roots (sqlcatalog::moveIntoRoots).
Expected<void> addRoots(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    if (!q.exec(QString::fromLatin1(kRootTable)))
        return sqlFailure(path, q.lastError());
    return sqlcatalog::moveIntoRoots(db, path);
}

/// Schema 6 adds the moments of videos.
Expected<void> addMoments(QSqlDatabase &db, const QString &path)
{
    for (const char *sql : {kMomentTable, kMomentSpaceIndex, kMomentMediaIndex}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(sql)))
            return sqlFailure(path, q.lastError());
    }
    return {};
}

/// kMigrations[n - 1] takes a file from schema version n to n + 1.
using Migration = Expected<void> (*)(QSqlDatabase &db, const QString &path);
const Migration kMigrations[] = {renameSpacesByContent, addWorkQueue, addCaptions, addRoots, addMoments};
static_assert(std::size(kMigrations) == SqliteCatalog::kSchemaVersion - 1, "one migration per version step");

} // namespace

Expected<void> SqliteCatalog::migrate(int from)
{
    return inTransaction([&]() -> Expected<void> {
        for (int version = from; version < kSchemaVersion; ++version)
            if (Expected<void> ok = kMigrations[version - 1](m_db, m_location); !ok)
                return ok;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'schema'"));
        q.addBindValue(QString::fromLatin1(kSchema));
        if (!q.exec())
            return failure(q.lastError());
        return bumpGeneration();
    });
}

Expected<QList<WorkClaim>> SqliteCatalog::claimQueued(
    const QString &modelKey, const QString &worker, int count, qint64 leaseMs)
{
    // The transaction is IMMEDIATE: one claimer at a time, so a plain select-then-update is safe.
    QSqlQuery pick(m_db);
    pick.setForwardOnly(true);
    pick.prepare(QStringLiteral("SELECT path FROM work WHERE model_key = ? AND (state = 'pending' OR "
                                "(state = 'claimed' AND lease_until_ms < %1)) ORDER BY seq LIMIT ?")
                     .arg(nowMsExpression()));
    pick.addBindValue(modelKey);
    pick.addBindValue(count);
    if (!pick.exec())
        return failure(pick.lastError());
    QStringList paths;
    while (pick.next())
        paths << pick.value(0).toString();
    pick.finish();
    QList<WorkClaim> claims;
    QSqlQuery take(m_db);
    take.prepare(QStringLiteral("UPDATE work SET state = 'claimed', owner = ?, token = token + 1, "
                                "lease_until_ms = %1 + ? WHERE model_key = ? AND path = ? "
                                "RETURNING size, mtime_ms, kind, token")
                     .arg(nowMsExpression()));
    for (const QString &path : std::as_const(paths)) {
        take.bindValue(0, worker);
        take.bindValue(1, leaseMs);
        take.bindValue(2, modelKey);
        take.bindValue(3, path);
        if (!take.exec() || !take.next())
            return failure(take.lastError());
        WorkClaim claim;
        claim.file.path = resolve(path);
        claim.file.size = take.value(0).toLongLong();
        claim.file.mtimeMs = take.value(1).toLongLong();
        claim.file.kind = parseMediaKind(take.value(2).toString());
        claim.worker = worker;
        claim.token = take.value(3).toLongLong();
        take.finish();
        claims.append(std::move(claim));
    }
    return claims;
}

} // namespace mplug2::app
