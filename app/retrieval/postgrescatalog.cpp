#include "app/retrieval/postgrescatalog.h"

#include "app/retrieval/sqlcatalogsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <algorithm>
#include <iterator>

namespace mplug2::app {

namespace {

/// Taken by whoever creates or upgrades the tables, so that workers started
/// together on an empty database do not race.
constexpr qint64 kSchemaLock = 0x6d706c7567320001; // "mplug2" + 1

const char *const kCaptionTable
    = "CREATE TABLE IF NOT EXISTS caption(media_id BIGINT NOT NULL REFERENCES media(id) ON DELETE CASCADE, "
      "model_key TEXT NOT NULL, text TEXT NOT NULL, settings TEXT NOT NULL, PRIMARY KEY(media_id, "
      "model_key))";

const char *const kRootTable = "CREATE TABLE IF NOT EXISTS root(name TEXT PRIMARY KEY, path TEXT NOT NULL)";

const char *const kMomentTables[] = {
    "CREATE TABLE IF NOT EXISTS moment(id BIGSERIAL PRIMARY KEY, "
    "media_id BIGINT NOT NULL REFERENCES media(id) ON DELETE CASCADE, "
    "space_id BIGINT NOT NULL REFERENCES space(id) ON DELETE CASCADE, start_s DOUBLE PRECISION NOT NULL, "
    "end_s DOUBLE PRECISION NOT NULL, shot INTEGER NOT NULL, vector BYTEA NOT NULL, thumbnail BYTEA, caption "
    "TEXT)",
    "CREATE INDEX IF NOT EXISTS moment_space ON moment(space_id, id)",
    "CREATE INDEX IF NOT EXISTS moment_media ON moment(media_id)",
};

const char *const kTables[] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    // COLLATE "C": paths compare byte by byte, as the folder ranges in SqlCatalog expect.
    "CREATE TABLE IF NOT EXISTS media(id BIGSERIAL PRIMARY KEY, path TEXT COLLATE \"C\" NOT NULL UNIQUE, "
    "size BIGINT NOT NULL, mtime_ms BIGINT NOT NULL, sample_hash BYTEA, kind TEXT NOT NULL, "
    "duration DOUBLE PRECISION NOT NULL DEFAULT 0, width INTEGER NOT NULL DEFAULT 0, "
    "height INTEGER NOT NULL DEFAULT 0, indexed_at_ms BIGINT NOT NULL, error TEXT)",
    "CREATE TABLE IF NOT EXISTS thumbnail(media_id BIGINT NOT NULL REFERENCES media(id) ON DELETE CASCADE, "
    "position INTEGER NOT NULL, jpeg BYTEA NOT NULL, PRIMARY KEY(media_id, position))",
    "CREATE TABLE IF NOT EXISTS space(id BIGSERIAL PRIMARY KEY, model_key TEXT NOT NULL, "
    "bundle_id TEXT NOT NULL, kind TEXT NOT NULL, dim INTEGER NOT NULL, UNIQUE(model_key, kind))",
    "CREATE TABLE IF NOT EXISTS embedding(id BIGSERIAL PRIMARY KEY, "
    "media_id BIGINT NOT NULL REFERENCES media(id) ON DELETE CASCADE, "
    "space_id BIGINT NOT NULL REFERENCES space(id) ON DELETE CASCADE, vector BYTEA NOT NULL, "
    "UNIQUE(media_id, space_id))",
    "CREATE INDEX IF NOT EXISTS embedding_space ON embedding(space_id, id)",
    "CREATE TABLE IF NOT EXISTS job(id BIGSERIAL PRIMARY KEY, roots TEXT NOT NULL, model_key TEXT NOT NULL, "
    "bundle_id TEXT NOT NULL, status TEXT NOT NULL, total BIGINT NOT NULL, done BIGINT NOT NULL, "
    "failed BIGINT NOT NULL, started_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL, message TEXT)",
    "CREATE TABLE IF NOT EXISTS work(model_key TEXT NOT NULL, path TEXT COLLATE \"C\" NOT NULL, "
    "size BIGINT NOT NULL, mtime_ms BIGINT NOT NULL, kind TEXT NOT NULL, seq BIGINT NOT NULL, "
    "state TEXT NOT NULL, owner TEXT, token BIGINT NOT NULL, lease_until_ms BIGINT NOT NULL, "
    "PRIMARY KEY(model_key, path))",
    "CREATE INDEX IF NOT EXISTS work_queue ON work(model_key, state, seq)",
    kCaptionTable,
    kRootTable,
    kMomentTables[0],
    kMomentTables[1],
    kMomentTables[2],
};

/// The first schema a PostgreSQL catalog was made with; the steps from
/// there follow SQLite's numbering (see SqlCatalog::kSchemaVersion).
constexpr int kFirstVersion = 3;
using Migration = Expected<void> (*)(QSqlDatabase &db, const QString &location);

Expected<void> runDdl(QSqlDatabase &db, const QString &location, const char *sql)
{
    QSqlQuery q(db);
    if (!q.exec(QString::fromLatin1(sql)))
        return sqlcatalog::sqlFailure(location, q.lastError());
    return {};
}

/// kMigrations[n - kFirstVersion] takes a catalog from schema n to n + 1.
const Migration kMigrations[] = {
    [](QSqlDatabase &db, const QString &location) { return runDdl(db, location, kCaptionTable); },
    [](QSqlDatabase &db, const QString &location) -> Expected<void> {
        if (Expected<void> ok = runDdl(db, location, kRootTable); !ok)
            return ok;
        return sqlcatalog::moveIntoRoots(db, location);
    },
    [](QSqlDatabase &db, const QString &location) -> Expected<void> {
        for (const char *sql : kMomentTables)
            if (Expected<void> ok = runDdl(db, location, sql); !ok)
                return ok;
        return {};
    },
};
static_assert(std::size(kMigrations) == SqlCatalog::kSchemaVersion - kFirstVersion, "one step per version");

/// libpq's conninfo quoting: 'value' with \ and ' escaped.
QString conninfoValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

bool PostgresCatalog::isUri(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Expected<PostgresAddress> PostgresCatalog::parseUri(const QString &uri)
{
    if (!isUri(uri))
        return makeError(
            ErrorCode::InvalidArgument, tr("%1 is not a postgresql:// address").arg(uri).toStdString());
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid())
        return makeError(ErrorCode::InvalidArgument,
            tr("%1 is not a valid address: %2").arg(uri, url.errorString()).toStdString());
    // QUrl drops an empty password ("user:@host"); the raw authority still shows it was there.
    const QString userInfo = url.userInfo(QUrl::FullyEncoded);
    if (!url.password().isEmpty() || userInfo.contains(QLatin1Char(':')))
        return makeError(ErrorCode::InvalidArgument,
            tr("the address holds a password, which would show in the process list, the shell's "
               "history and the list of recent indexes: remove it and put it in ~/.pgpass or "
               "PGPASSWORD")
                .toStdString());
    PostgresAddress address;
    address.user = url.userName(QUrl::FullyDecoded);
    address.host = url.host(QUrl::FullyDecoded);
    address.port = url.port(-1);
    address.database = url.path(QUrl::FullyDecoded);
    if (address.database.startsWith(QLatin1Char('/')))
        address.database.remove(0, 1);
    if (address.database.contains(QLatin1Char('/')))
        return makeError(ErrorCode::InvalidArgument,
            tr("%1: the database name cannot contain '/'").arg(uri).toStdString());
    static const QRegularExpression keyword(QStringLiteral("^[a-z_]+$"));
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (!keyword.match(key).hasMatch())
            return makeError(ErrorCode::InvalidArgument,
                tr("%1: '%2' is not a connection parameter").arg(uri, key).toStdString());
        if (key == QLatin1String("password"))
            return makeError(ErrorCode::InvalidArgument,
                tr("the address holds a password, which would show in the process list, the shell's "
                   "history and the list of recent indexes: remove it and put it in ~/.pgpass or "
                   "PGPASSWORD")
                    .toStdString());
        // Qt joins the options with ';' before handing them to libpq as spaces.
        if (value.contains(QLatin1Char(';')) || value.contains(QChar(0)))
            return makeError(ErrorCode::InvalidArgument,
                tr("%1: the value of '%2' cannot contain ';'").arg(uri, key).toStdString());
        address.parameters.append({key, value});
    }
    // Encoded, so that the address can be parsed again (a user name with a space, a database with '#').
    address.display = url.toString(QUrl::RemovePassword | QUrl::FullyEncoded);
    return address;
}

Expected<std::unique_ptr<PostgresCatalog>> PostgresCatalog::open(const QString &uri)
{
    Expected<PostgresAddress> address = parseUri(uri);
    if (!address)
        return address.error();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return makeError(ErrorCode::Unsupported,
            tr("the Qt PostgreSQL driver is not installed (Debian: libqt6sql6-psql)").toStdString());
    const QString name = newConnectionName();
    std::unique_ptr<PostgresCatalog> catalog(new PostgresCatalog(address->display, name));
    QSqlDatabase &db = catalog->m_db;
    db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setUserName(address->user);
    db.setHostName(address->host);
    db.setPort(address->port);
    db.setDatabaseName(address->database);
    QStringList options;
    bool timeout = false;
    for (const auto &[key, value] : std::as_const(address->parameters)) {
        options << key + QLatin1Char('=') + conninfoValue(value);
        timeout = timeout || key == QLatin1String("connect_timeout");
    }
    // A server that does not answer would otherwise hold the caller for libpq's default (forever).
    if (!timeout)
        options << QStringLiteral("connect_timeout=10");
    options << QStringLiteral("application_name='mplug2'");
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        const QString why = db.lastError().text().trimmed();
        // Trying again does not help with a wrong password or a database that is not there.
        const bool lasting = why.contains(QLatin1String("authentication failed"))
            || why.contains(QLatin1String("no password supplied"))
            || why.contains(QLatin1String("does not exist"));
        return makeError(lasting ? ErrorCode::InvalidArgument : ErrorCode::Io,
            tr("cannot connect to the index %1: %2").arg(address->display, why).toStdString());
    }
    if (Expected<void> ok = catalog->initialise(); !ok)
        return ok.error();
    if (Expected<void> ok = catalog->loadRoots(); !ok)
        return ok.error();
    return catalog;
}

QString PostgresCatalog::beginStatement() const
{
    return QStringLiteral("BEGIN");
}

QString PostgresCatalog::nowMsExpression() const
{
    // The server's clock: every worker, on every machine, reads the same one.
    return QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");
}

Expected<void> PostgresCatalog::initialise()
{
    Expected<void> ok = inTransaction([this]() -> Expected<void> {
        QSqlQuery lock(m_db);
        lock.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
        lock.addBindValue(kSchemaLock);
        if (!lock.exec())
            return failure(lock.lastError());
        lock.finish();
        QSqlQuery probe(m_db);
        if (!probe.exec(QStringLiteral("SELECT to_regclass('meta') IS NOT NULL")) || !probe.next())
            return failure(probe.lastError());
        const bool hasMeta = probe.value(0).toBool();
        probe.finish();
        if (hasMeta) {
            QSqlQuery q(m_db);
            if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")))
                return failure(q.lastError());
            if (!q.next())
                return makeError(ErrorCode::Format,
                    tr("the database of %1 has a table 'meta' but is not an mPLUG-2 index")
                        .arg(m_location)
                        .toStdString());
            const QString schema = q.value(0).toString();
            q.finish();
            const int version = schemaVersion(schema);
            if (version >= kFirstVersion && version < kSchemaVersion) {
                // Upgraded in place, inside this transaction and under the lock: all or nothing, once.
                for (int step = version; step < kSchemaVersion; ++step)
                    if (Expected<void> done = kMigrations[step - kFirstVersion](m_db, m_location); !done)
                        return done;
                QSqlQuery mark(m_db);
                mark.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'schema'"));
                mark.addBindValue(QString::fromLatin1(kSchema));
                if (!mark.exec())
                    return failure(mark.lastError());
            } else if (schema != QLatin1String(kSchema))
                return makeError(ErrorCode::Unsupported,
                    tr("%1 was written by another version (%2; this one reads %3): use a version that "
                       "reads it, or index into a new database")
                        .arg(m_location, schema, QLatin1String(kSchema))
                        .toStdString());
        } else {
            for (const char *sql : kTables)
                if (Expected<void> created = exec(QString::fromLatin1(sql)); !created)
                    return created;
            QSqlQuery q(m_db);
            q.prepare(
                QStringLiteral("INSERT INTO meta(key, value) VALUES ('schema', ?), ('generation', '0'), "
                               "('uuid', CAST(gen_random_uuid() AS TEXT)) ON CONFLICT DO NOTHING"));
            q.addBindValue(QString::fromLatin1(kSchema));
            if (!q.exec())
                return failure(q.lastError());
        }
        QSqlQuery uuid(m_db);
        if (!uuid.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'uuid'")) || !uuid.next())
            return failure(uuid.lastError());
        m_uuid = uuid.value(0).toString();
        return {};
    });
    return ok;
}

QString PostgresCatalog::vectorCacheBase() const
{
    QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (cache.isEmpty())
        cache = QDir::tempPath();
    const QString folder = cache + QStringLiteral("/mplug2/indexes");
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    // The uuid is the catalog's own: two databases of the same name on two servers never share a file.
    QString uuid = m_uuid;
    uuid.remove(QRegularExpression(QStringLiteral("[^0-9a-fA-F-]")));
    return folder + QLatin1Char('/') + (uuid.isEmpty() ? QStringLiteral("unknown") : uuid);
}

Expected<QList<WorkClaim>> PostgresCatalog::claimQueued(
    const QString &modelKey, const QString &worker, int count, qint64 leaseMs)
{
    // SKIP LOCKED: claimers running at the same moment take different rows instead of waiting for each other.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("UPDATE work w SET state = 'claimed', owner = ?, token = w.token + 1, "
                       "lease_until_ms = %1 + ? FROM (SELECT path FROM work WHERE model_key = ? AND "
                       "(state = 'pending' OR (state = 'claimed' AND lease_until_ms < %1)) ORDER BY seq "
                       "LIMIT ? FOR UPDATE SKIP LOCKED) c WHERE w.model_key = ? AND w.path = c.path "
                       "RETURNING w.path, w.size, w.mtime_ms, w.kind, w.token, w.seq")
            .arg(nowMsExpression()));
    q.addBindValue(worker);
    q.addBindValue(leaseMs);
    q.addBindValue(modelKey);
    q.addBindValue(count);
    q.addBindValue(modelKey);
    if (!q.exec())
        return failure(q.lastError());
    QList<QPair<qint64, WorkClaim>> claims;
    while (q.next()) {
        WorkClaim claim;
        claim.file.path = resolve(q.value(0).toString());
        claim.file.size = q.value(1).toLongLong();
        claim.file.mtimeMs = q.value(2).toLongLong();
        claim.file.kind = parseMediaKind(q.value(3).toString());
        claim.worker = worker;
        claim.token = q.value(4).toLongLong();
        claims.append({q.value(5).toLongLong(), std::move(claim)});
    }
    std::sort(claims.begin(), claims.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<WorkClaim> ordered;
    for (auto &c : claims)
        ordered.append(std::move(c.second));
    return ordered;
}

} // namespace mplug2::app
