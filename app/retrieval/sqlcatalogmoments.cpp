// SqlCatalog: the moments of videos (issue 22), beside the files' embeddings.
#include "app/retrieval/sqlcatalog.h"
#include "app/retrieval/sqlcatalogsupport.h"

#include <QSqlQuery>
#include <QVariant>

namespace mplug2::app {

namespace {

const char *kMomentColumns = "mo.id, mo.media_id, mo.start_s, mo.end_s, mo.shot, mo.caption";

MediaMoment readMoment(const QSqlQuery &q)
{
    MediaMoment m;
    m.id = q.value(0).toLongLong();
    m.entryId = q.value(1).toLongLong();
    m.startSeconds = q.value(2).toDouble();
    m.endSeconds = q.value(3).toDouble();
    m.shot = q.value(4).toInt();
    m.caption = q.value(5).toString();
    return m;
}

} // namespace

Expected<void> SqlCatalog::storeMoments(qint64 id, qint64 spaceId, const QList<MediaMoment> &moments)
{
    // Delete + insert: new rows get new ids, so a moment index sees them as new.
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM moment WHERE media_id = ? AND space_id = ?"));
    clear.addBindValue(id);
    clear.addBindValue(spaceId);
    if (!clear.exec())
        return failure(clear.lastError());
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO moment(media_id, space_id, start_s, end_s, shot, vector, thumbnail, caption) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const MediaMoment &m : moments) {
        insert.bindValue(0, id);
        insert.bindValue(1, spaceId);
        insert.bindValue(2, m.startSeconds);
        insert.bindValue(3, m.endSeconds);
        insert.bindValue(4, m.shot);
        insert.bindValue(5, sqlcatalog::packVector(m.vector));
        insert.bindValue(6, m.thumbnail.isNull() ? QByteArray("") : m.thumbnail);
        insert.bindValue(
            7, m.caption.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(m.caption));
        if (!insert.exec())
            return failure(insert.lastError());
    }
    return {};
}

Expected<void> SqlCatalog::forEachMomentEmbedding(
    qint64 spaceId, const EmbeddingVisitor &visit, qint64 afterId)
{
    return visitVectors(true, spaceId, visit, afterId);
}

Expected<QList<EmbeddingRef>> SqlCatalog::momentRefs(qint64 spaceId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM moment WHERE space_id = ? ORDER BY id"));
    q.addBindValue(spaceId);
    if (!q.exec())
        return failure(q.lastError());
    QList<EmbeddingRef> refs;
    while (q.next())
        refs.append({q.value(0).toLongLong(), q.value(0).toLongLong()});
    return refs;
}

Expected<QList<MediaMoment>> SqlCatalog::moments(const QList<qint64> &ids)
{
    QHash<qint64, MediaMoment> found;
    constexpr qsizetype kChunk = 500; // below SQLite's bound-parameter limit
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const QList<qint64> chunk = ids.mid(start, kChunk);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1 FROM moment mo WHERE mo.id IN (%2)")
                      .arg(QLatin1String(kMomentColumns), marks.join(QLatin1Char(','))));
        for (qint64 id : chunk)
            q.addBindValue(id);
        if (!q.exec())
            return failure(q.lastError());
        while (q.next()) {
            MediaMoment m = readMoment(q);
            found.insert(m.id, m);
        }
    }
    QList<MediaMoment> result;
    for (qint64 id : ids)
        if (auto it = found.constFind(id); it != found.constEnd())
            result.append(*it);
    return result;
}

Expected<QList<MediaMoment>> SqlCatalog::momentsOf(qint64 entryId, qint64 spaceId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM moment mo WHERE mo.media_id = ? AND mo.space_id = ? ORDER BY "
                             "mo.start_s, mo.id")
                  .arg(QLatin1String(kMomentColumns)));
    q.addBindValue(entryId);
    q.addBindValue(spaceId);
    if (!q.exec())
        return failure(q.lastError());
    QList<MediaMoment> result;
    while (q.next())
        result.append(readMoment(q));
    return result;
}

Expected<QByteArray> SqlCatalog::momentThumbnail(qint64 momentId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT thumbnail FROM moment WHERE id = ?"));
    q.addBindValue(momentId);
    if (!q.exec())
        return failure(q.lastError());
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

Expected<MomentStats> SqlCatalog::momentStats(qint64 spaceId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*), count(DISTINCT media_id), "
                             "COALESCE(sum(length(vector) + COALESCE(length(thumbnail), 0)), 0) "
                             "FROM moment WHERE space_id = ?"));
    q.addBindValue(spaceId);
    if (!q.exec() || !q.next())
        return failure(q.lastError());
    return MomentStats {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

Expected<QSet<qint64>> SqlCatalog::matchingMoments(qint64 spaceId, const MediaFilter &filter)
{
    QVariantList values {spaceId};
    const QStringList where = filterClauses(filter, values);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT mo.id FROM moment mo JOIN media m ON m.id = mo.media_id WHERE mo.space_id = ? "
                       "AND ")
        + where.join(QStringLiteral(" AND ")));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return failure(q.lastError());
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

} // namespace mplug2::app
