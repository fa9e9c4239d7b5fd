// SqlCatalog: embedding spaces, vectors and the change counter.
#include "app/retrieval/sqlcatalog.h"
#include "app/retrieval/sqlcatalogsupport.h"

#include <QSqlQuery>
#include <QVariant>

#include <cstring>

namespace mplug2::app {

using sqlcatalog::notNull;

namespace {

EmbeddingSpace readSpace(const QSqlQuery &q)
{
    EmbeddingSpace s;
    s.id = q.value(0).toLongLong();
    s.modelKey = q.value(1).toString();
    s.bundleId = q.value(2).toString();
    s.kind = parseEmbeddingKind(q.value(3).toString()).value_or(EmbeddingKind::Clip);
    s.dim = q.value(4).toInt();
    s.count = q.value(5).toLongLong();
    return s;
}

const char *kSpaceQuery = "SELECT s.id, s.model_key, s.bundle_id, s.kind, s.dim, "
                          "(SELECT count(*) FROM embedding e WHERE e.space_id = s.id) FROM space s";

} // namespace

Expected<void> SqlCatalog::bumpGeneration()
{
    return exec(QStringLiteral(
        "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = 'generation'"));
}

Expected<qint64> SqlCatalog::generation()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'generation'")) || !q.next())
        return failure(q.lastError());
    return q.value(0).toLongLong();
}

Expected<qint64> SqlCatalog::ensureSpace(
    const QString &modelKey, const QString &bundleId, EmbeddingKind kind, int dim)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, dim FROM space WHERE model_key = ? AND kind = ?"));
    q.addBindValue(modelKey);
    q.addBindValue(embeddingKindName(kind));
    if (!q.exec())
        return failure(q.lastError());
    if (q.next()) {
        if (q.value(1).toInt() != dim)
            return makeError(ErrorCode::InvalidArgument,
                tr("model %1 gave a %2-dimensional embedding; the index holds %3-dimensional ones")
                    .arg(modelKey)
                    .arg(dim)
                    .arg(q.value(1).toInt())
                    .toStdString());
        return q.value(0).toLongLong();
    }
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO space(model_key, bundle_id, kind, dim) VALUES (?, ?, ?, ?) RETURNING id"));
    insert.addBindValue(notNull(modelKey));
    insert.addBindValue(notNull(bundleId));
    insert.addBindValue(embeddingKindName(kind));
    insert.addBindValue(dim);
    if (!insert.exec() || !insert.next())
        return failure(insert.lastError());
    return insert.value(0).toLongLong();
}

Expected<QList<EmbeddingSpace>> SqlCatalog::spaces()
{
    QSqlQuery q(m_db);
    if (!q.exec(QString::fromLatin1(kSpaceQuery) + QStringLiteral(" ORDER BY s.id")))
        return failure(q.lastError());
    QList<EmbeddingSpace> result;
    while (q.next())
        result.append(readSpace(q));
    return result;
}

Expected<std::optional<EmbeddingSpace>> SqlCatalog::space(const QString &modelKey, EmbeddingKind kind)
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(kSpaceQuery) + QStringLiteral(" WHERE s.model_key = ? AND s.kind = ?"));
    q.addBindValue(modelKey);
    q.addBindValue(embeddingKindName(kind));
    if (!q.exec())
        return failure(q.lastError());
    if (!q.next())
        return std::optional<EmbeddingSpace>();
    return std::optional<EmbeddingSpace>(readSpace(q));
}

Expected<void> SqlCatalog::forEachEmbedding(qint64 spaceId, const EmbeddingVisitor &visit, qint64 afterId)
{
    return visitVectors(false, spaceId, visit, afterId);
}

Expected<void> SqlCatalog::visitVectors(
    bool moments, qint64 spaceId, const EmbeddingVisitor &visit, qint64 afterId)
{
    QSqlQuery dimQuery(m_db);
    dimQuery.prepare(QStringLiteral("SELECT dim FROM space WHERE id = ?"));
    dimQuery.addBindValue(spaceId);
    if (!dimQuery.exec())
        return failure(dimQuery.lastError());
    if (!dimQuery.next())
        return makeError(
            ErrorCode::NotFound, tr("the index has no embedding space %1").arg(spaceId).toStdString());
    const int dim = dimQuery.value(0).toInt();
    dimQuery.finish();
    // In pages by id: a client library may hold a whole result in memory
    // (PostgreSQL's does), and a space can hold millions of vectors. A moment
    // is its own owner (a moment index's hits are moments).
    constexpr int kPage = 4096;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, %1, vector FROM %2 WHERE space_id = ? AND id > ? ORDER BY id LIMIT %3")
            .arg(moments ? QStringLiteral("id") : QStringLiteral("media_id"),
                moments ? QStringLiteral("moment") : QStringLiteral("embedding"))
            .arg(kPage));
    QList<float> vector(dim);
    qint64 last = afterId;
    for (;;) {
        q.bindValue(0, spaceId);
        q.bindValue(1, last);
        if (!q.exec())
            return failure(q.lastError());
        int rows = 0;
        while (q.next()) {
            ++rows;
            last = q.value(0).toLongLong();
            const QByteArray blob = q.value(2).toByteArray();
            if (dim <= 0 || blob.size() != qsizetype(dim * sizeof(float)))
                return makeError(ErrorCode::Format,
                    (moments ? tr("the index %1 is damaged: moment %2 has %3 bytes instead of %4")
                             : tr("the index %1 is damaged: embedding %2 has %3 bytes instead of %4"))
                        .arg(m_location)
                        .arg(last)
                        .arg(blob.size())
                        .arg(dim * sizeof(float))
                        .toStdString());
            std::memcpy(vector.data(), blob.constData(), size_t(blob.size()));
            if (!visit(last, q.value(1).toLongLong(), vector.constData(), dim))
                return {};
        }
        if (rows < kPage)
            return {};
    }
}

Expected<QList<EmbeddingRef>> SqlCatalog::embeddingRefs(qint64 spaceId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, media_id FROM embedding WHERE space_id = ? ORDER BY id"));
    q.addBindValue(spaceId);
    if (!q.exec())
        return failure(q.lastError());
    QList<EmbeddingRef> refs;
    while (q.next())
        refs.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return refs;
}

Expected<std::optional<QList<float>>> SqlCatalog::embedding(qint64 entryId, qint64 spaceId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT e.vector, s.dim FROM embedding e JOIN space s ON s.id = e.space_id "
                             "WHERE e.media_id = ? AND e.space_id = ?"));
    q.addBindValue(entryId);
    q.addBindValue(spaceId);
    if (!q.exec())
        return failure(q.lastError());
    if (!q.next())
        return std::optional<QList<float>>();
    const QByteArray blob = q.value(0).toByteArray();
    const int dim = q.value(1).toInt();
    if (dim <= 0 || blob.size() != qsizetype(dim * sizeof(float)))
        return makeError(ErrorCode::Format,
            tr("the index %1 is damaged: an embedding has the wrong size").arg(m_location).toStdString());
    QList<float> vector(dim);
    std::memcpy(vector.data(), blob.constData(), size_t(blob.size()));
    return std::optional<QList<float>>(std::move(vector));
}

} // namespace mplug2::app
