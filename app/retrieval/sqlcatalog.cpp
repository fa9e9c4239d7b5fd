#include "app/retrieval/sqlcatalog.h"

#include "app/retrieval/sqlcatalogsupport.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPair>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <cstring>
#include <iterator>

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "embedding blobs are stored as little-endian float32");

namespace mplug2::app {

using sqlcatalog::notNull;

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

// The caption is the one stored by the first model key in order: one per file in practice.
const char *kEntryColumns
    = "m.id, m.path, m.size, m.mtime_ms, m.sample_hash, m.kind, m.duration, m.width, "
      "m.height, m.indexed_at_ms, m.error, "
      "(SELECT c.text FROM caption c WHERE c.media_id = m.id ORDER BY c.model_key LIMIT 1)";

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
    e.caption = q.value(11).toString();
    return e;
}

} // namespace

using sqlcatalog::allFinite;
using sqlcatalog::packVector;

SqlCatalog::SqlCatalog(QString location, QString connectionName)
    : m_location(std::move(location))
    , m_connectionName(std::move(connectionName))
{ }

SqlCatalog::~SqlCatalog()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

int SqlCatalog::schemaVersion(const QString &schema)
{
    const QLatin1String prefix("mplug2-catalog/");
    bool numbered = false;
    const int version = schema.startsWith(prefix) ? schema.mid(prefix.size()).toInt(&numbered) : 0;
    return numbered && version > 0 ? version : 0;
}

QString SqlCatalog::newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("mplug2-catalog-%1").arg(counter.fetchAndAddRelaxed(1));
}

Error SqlCatalog::failure(const QSqlError &error) const
{
    return sqlcatalog::sqlFailure(m_location, error);
}

Expected<void> SqlCatalog::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return failure(q.lastError());
    return {};
}

Expected<void> SqlCatalog::inTransaction(const std::function<Expected<void>()> &work)
{
    if (Expected<void> ok = exec(beginStatement()); !ok)
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

QList<SqlCatalog::StoredRange> SqlCatalog::storedRangesUnder(const QString &folder) const
{
    // The folder itself, as stored; and every root that lies inside it, whose files are stored by name.
    const QString clean = QDir::cleanPath(folder);
    const PathRange own = rangeUnder(toStored(clean));
    QList<StoredRange> ranges {{own.self, own.low, own.high}};
    const QString inside = clean == QLatin1String("/") ? clean : clean + QLatin1Char('/');
    for (const CatalogRoot &m : m_mounts)
        if (m.path.startsWith(inside) && toStored(clean) != m.name + QLatin1Char(':')) {
            const PathRange root = rangeUnder(m.name + QLatin1Char(':'));
            ranges.append({root.self, root.low, root.high});
        }
    return ranges;
}

Expected<QList<CatalogEntry>> SqlCatalog::entriesUnder(const QString &root, const QString &modelKey)
{
    const QList<StoredRange> ranges = storedRangesUnder(root);
    QStringList any;
    for (qsizetype i = 0; i < ranges.size(); ++i)
        any << QStringLiteral("m.path = ? OR (m.path >= ? AND m.path < ?)");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, EXISTS(SELECT 1 FROM embedding e JOIN space s ON s.id = e.space_id "
                             "WHERE e.media_id = m.id AND s.model_key = ? AND s.kind = 'clip'), "
                             "EXISTS(SELECT 1 FROM moment mo JOIN space s ON s.id = mo.space_id "
                             "WHERE mo.media_id = m.id AND s.model_key = ? AND s.kind = 'clip') "
                             "FROM media m WHERE %2")
                  .arg(QLatin1String(kEntryColumns), any.join(QStringLiteral(" OR "))));
    q.addBindValue(modelKey);
    q.addBindValue(modelKey);
    for (const StoredRange &range : ranges) {
        q.addBindValue(range.self);
        q.addBindValue(range.low);
        q.addBindValue(range.high);
    }
    if (!q.exec())
        return failure(q.lastError());
    QList<CatalogEntry> result;
    while (q.next()) {
        CatalogEntry e = readEntry(q);
        e.path = resolve(e.path);
        e.embedded = q.value(12).toBool();
        e.hasMoments = q.value(13).toBool();
        result.append(std::move(e));
    }
    return result;
}

Expected<std::optional<CatalogEntry>> SqlCatalog::entry(const QString &path)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM media m WHERE m.path = ?").arg(QLatin1String(kEntryColumns)));
    q.addBindValue(toStored(path));
    if (!q.exec())
        return failure(q.lastError());
    if (!q.next())
        return std::optional<CatalogEntry>();
    CatalogEntry e = readEntry(q);
    e.path = resolve(e.path);
    return std::optional<CatalogEntry>(std::move(e));
}

Expected<QList<CatalogEntry>> SqlCatalog::entries(const QList<qint64> &ids)
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
            return failure(q.lastError());
        while (q.next()) {
            CatalogEntry e = readEntry(q);
            e.path = resolve(e.path);
            found.insert(e.id, std::move(e));
        }
    }
    QList<CatalogEntry> result;
    for (qint64 id : ids)
        if (auto it = found.constFind(id); it != found.constEnd())
            result.append(*it);
    return result;
}

QStringList SqlCatalog::filterClauses(const MediaFilter &filter, QVariantList &values) const
{
    QStringList where {QStringLiteral("m.error IS NULL")};
    if (!filter.folders.isEmpty()) {
        QStringList any;
        for (const QString &folder : filter.folders)
            for (const StoredRange &range : storedRangesUnder(folder)) {
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
    return where;
}

Expected<QSet<qint64>> SqlCatalog::matching(const MediaFilter &filter)
{
    QVariantList values;
    const QStringList where = filterClauses(filter, values);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.id FROM media m WHERE ") + where.join(QStringLiteral(" AND ")));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return failure(q.lastError());
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

Expected<qint64> SqlCatalog::entryCount()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM media")) || !q.next())
        return failure(q.lastError());
    return q.value(0).toLongLong();
}

Expected<void> SqlCatalog::checkStorable(const IndexedMedia &media)
{
    if (media.entry.path.isEmpty() || !QDir::isAbsolutePath(media.entry.path))
        return makeError(ErrorCode::InvalidArgument, tr("catalog paths must be absolute").toStdString());
    for (const MediaEmbedding &m : media.embeddings)
        if (m.vector.isEmpty() || !allFinite(m.vector))
            return makeError(ErrorCode::InvalidArgument,
                tr("refusing to store an empty or non-finite embedding of %1")
                    .arg(media.entry.path)
                    .toStdString());
    if (media.moments) {
        qsizetype clipDim = -1;
        for (const MediaEmbedding &m : media.embeddings)
            if (m.kind == EmbeddingKind::Clip)
                clipDim = m.vector.size();
        for (const MediaMoment &m : *media.moments)
            if (m.vector.size() != clipDim || !allFinite(m.vector) || !std::isfinite(m.startSeconds)
                || !std::isfinite(m.endSeconds) || m.endSeconds < m.startSeconds)
                return makeError(ErrorCode::InvalidArgument,
                    tr("refusing to store a moment of %1 without a CLIP embedding of the file's size, or "
                       "with "
                       "a broken time range")
                        .arg(media.entry.path)
                        .toStdString());
    }
    return {};
}

Expected<qint64> SqlCatalog::storeIndexed(const IndexedMedia &media)
{
    const CatalogEntry &e = media.entry;
    if (Expected<void> storable = checkStorable(media); !storable)
        return storable.error();
    qint64 id = 0;
    Expected<void> ok = inTransaction([&]() -> Expected<void> {
        if (media.claim)
            if (Expected<void> held = completeClaim(media.modelKey, *media.claim); !held)
                return held;
        QSqlQuery find(m_db);
        find.prepare(QStringLiteral("SELECT id, sample_hash FROM media WHERE path = ?"));
        find.addBindValue(toStored(e.path));
        if (!find.exec())
            return failure(find.lastError());
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
            write.prepare(QStringLiteral(
                "INSERT INTO media(size, mtime_ms, sample_hash, kind, duration, width, "
                "height, indexed_at_ms, error, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
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
            write.addBindValue(toStored(e.path));
        if (!write.exec())
            return failure(write.lastError());
        if (!exists) {
            if (!write.next())
                return failure(write.lastError());
            id = write.value(0).toLongLong();
        }
        write.finish();

        if (!media.thumbnails.isEmpty() || !e.error.isEmpty()) {
            QSqlQuery clear(m_db);
            clear.prepare(QStringLiteral("DELETE FROM thumbnail WHERE media_id = ?"));
            clear.addBindValue(id);
            if (!clear.exec())
                return failure(clear.lastError());
        }
        for (qsizetype i = 0; i < media.thumbnails.size(); ++i) {
            QSqlQuery thumb(m_db);
            thumb.prepare(QStringLiteral("INSERT INTO thumbnail(media_id, position, jpeg) VALUES (?, ?, ?)"));
            thumb.addBindValue(id);
            thumb.addBindValue(int(i));
            thumb.addBindValue(media.thumbnails.at(i));
            if (!thumb.exec())
                return failure(thumb.lastError());
        }
        // From here to the commit stores are serialised (see the header), so the embeddings get ids in
        // commit order; the thumbnails, the bulk of the bytes, are written before.
        if (Expected<void> bumped = bumpGeneration(); !bumped)
            return bumped;
        if (contentChanged || !e.error.isEmpty()) {
            // What any model said about the old content is stale.
            for (const char *sql : {"DELETE FROM embedding WHERE media_id = ?",
                     "DELETE FROM caption WHERE media_id = ?", "DELETE FROM moment WHERE media_id = ?"}) {
                QSqlQuery drop(m_db);
                drop.prepare(QString::fromLatin1(sql));
                drop.addBindValue(id);
                if (!drop.exec())
                    return failure(drop.lastError());
            }
        }
        if (media.caption && e.error.isEmpty()) {
            QSqlQuery caption(m_db);
            caption.prepare(
                QStringLiteral("INSERT INTO caption(media_id, model_key, text, settings) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT(media_id, model_key) DO UPDATE SET text = excluded.text, "
                               "settings = excluded.settings"));
            caption.addBindValue(id);
            caption.addBindValue(media.modelKey);
            caption.addBindValue(sqlcatalog::notNull(media.caption->text));
            caption.addBindValue(sqlcatalog::notNull(media.caption->settings));
            if (!caption.exec())
                return failure(caption.lastError());
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
                return failure(replace.lastError());
            QSqlQuery insert(m_db);
            insert.prepare(
                QStringLiteral("INSERT INTO embedding(media_id, space_id, vector) VALUES (?, ?, ?)"));
            insert.addBindValue(id);
            insert.addBindValue(*space);
            insert.addBindValue(packVector(m.vector));
            if (!insert.exec())
                return failure(insert.lastError());
            if (m.kind == EmbeddingKind::Clip && media.moments && e.error.isEmpty())
                if (Expected<void> stored = storeMoments(id, *space, *media.moments); !stored)
                    return stored;
        }
        return {};
    });
    if (!ok)
        return ok.error();
    return id;
}

Expected<void> SqlCatalog::addNew(const QList<IndexedMedia> &media)
{
    for (const IndexedMedia &m : media)
        if (Expected<void> storable = checkStorable(m); !storable)
            return storable.error();
    if (media.isEmpty())
        return {};
    return inTransaction([&]() -> Expected<void> {
        // Rows per statement: below SQLite's bound-parameter limit, few round trips to a server.
        constexpr qsizetype kRows = 500;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (Expected<void> bumped = bumpGeneration(); !bumped)
            return bumped;
        QHash<QPair<QString, int>, qint64> spaces; // (model key, kind and size) -> space id
        for (qsizetype start = 0; start < media.size(); start += kRows) {
            const qsizetype n = std::min(kRows, media.size() - start);
            QSqlQuery files(m_db);
            files.prepare(
                QStringLiteral("INSERT INTO media(path, size, mtime_ms, sample_hash, kind, duration, "
                               "width, height, indexed_at_ms, error) VALUES %1 RETURNING id")
                    .arg(QStringList(n, QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"))
                             .join(QLatin1Char(','))));
            for (qsizetype i = start; i < start + n; ++i) {
                const CatalogEntry &e = media.at(i).entry;
                files.addBindValue(toStored(e.path));
                files.addBindValue(e.size);
                files.addBindValue(e.mtimeMs);
                files.addBindValue(e.sampleHash);
                files.addBindValue(mediaKindName(e.kind));
                files.addBindValue(e.durationSeconds);
                files.addBindValue(e.width);
                files.addBindValue(e.height);
                files.addBindValue(e.indexedAtMs ? e.indexedAtMs : now);
            }
            if (!files.exec())
                return failure(files.lastError());
            // RETURNING gives the rows in the order of VALUES in both SQLite and PostgreSQL.
            QList<qint64> ids;
            while (files.next())
                ids << files.value(0).toLongLong();
            if (ids.size() != n)
                return makeError(ErrorCode::Internal, "addNew: the ids of the new rows did not come back");
            QStringList rows;
            QVariantList values;
            for (qsizetype i = start; i < start + n; ++i) {
                const IndexedMedia &m = media.at(i);
                for (const MediaEmbedding &e : m.embeddings) {
                    const QPair<QString, int> key {m.modelKey, int(e.kind) * 100000 + int(e.vector.size())};
                    if (!spaces.contains(key)) {
                        // Checks the size against the space's, once per size met.
                        Expected<qint64> space
                            = ensureSpace(m.modelKey, m.bundleId, e.kind, int(e.vector.size()));
                        if (!space)
                            return space.error();
                        spaces.insert(key, *space);
                    }
                    rows << QStringLiteral("(?, ?, ?)");
                    values << ids.at(i - start) << spaces.value(key) << packVector(e.vector);
                }
            }
            if (rows.isEmpty())
                continue;
            QSqlQuery vectors(m_db);
            vectors.prepare(QStringLiteral("INSERT INTO embedding(media_id, space_id, vector) VALUES %1")
                                .arg(rows.join(QLatin1Char(','))));
            for (const QVariant &v : std::as_const(values))
                vectors.addBindValue(v);
            if (!vectors.exec())
                return failure(vectors.lastError());
        }
        return {};
    });
}

Expected<void> SqlCatalog::updateStamp(qint64 id, qint64 size, qint64 mtimeMs)
{
    return inTransaction([&]() -> Expected<void> {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE media SET size = ?, mtime_ms = ? WHERE id = ?"));
        q.addBindValue(size);
        q.addBindValue(mtimeMs);
        q.addBindValue(id);
        if (!q.exec())
            return failure(q.lastError());
        return bumpGeneration();
    });
}

Expected<void> SqlCatalog::remove(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    return inTransaction([&]() -> Expected<void> {
        // The file's queue entries go too: if it comes back with the same stamp, it is queued afresh.
        QSqlQuery work(m_db);
        work.prepare(QStringLiteral("DELETE FROM work WHERE path = (SELECT path FROM media WHERE id = ?)"));
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM media WHERE id = ?"));
        for (qint64 id : ids) {
            work.bindValue(0, id);
            if (!work.exec())
                return failure(work.lastError());
            q.bindValue(0, id);
            if (!q.exec())
                return failure(q.lastError());
        }
        return bumpGeneration();
    });
}

Expected<QList<QByteArray>> SqlCatalog::thumbnails(qint64 id)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT jpeg FROM thumbnail WHERE media_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (!q.exec())
        return failure(q.lastError());
    QList<QByteArray> result;
    while (q.next())
        result.append(q.value(0).toByteArray());
    return result;
}

Expected<std::optional<IndexJobRecord>> SqlCatalog::lastJob()
{
    QSqlQuery q(m_db);
    if (!q.exec(
            QStringLiteral("SELECT id, roots, model_key, bundle_id, status, total, done, failed, started_ms, "
                           "updated_ms, message FROM job ORDER BY id DESC LIMIT 1")))
        return failure(q.lastError());
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

Expected<IndexJobRecord> SqlCatalog::beginJob(const IndexJobRecord &job)
{
    IndexJobRecord stored = job;
    Expected<void> ok = inTransaction([&]() -> Expected<void> {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT INTO job(roots, model_key, bundle_id, status, total, done, failed, started_ms, "
            "updated_ms, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
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
            return failure(q.lastError());
        if (!q.next())
            return failure(q.lastError());
        stored.id = q.value(0).toLongLong();
        return {};
    });
    if (!ok)
        return ok.error();
    return stored;
}

Expected<void> SqlCatalog::updateJob(const IndexJobRecord &job)
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
            return failure(q.lastError());
        return {};
    });
}

} // namespace mplug2::app
