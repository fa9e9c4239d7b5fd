// SqlCatalog: the work queue that lets several indexing workers share one
// catalog without a coordinator. A file is queued once per model; a worker
// claims a few at a time under a lease, renews it while it works, and its
// store marks the file done, but only while its claim still holds (fencing):
// a worker that stalled past its lease finds the file taken over and its
// store refused, so every file is stored once.
#include "app/retrieval/sqlcatalog.h"
#include "app/retrieval/sqlcatalogsupport.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace mplug2::app {

Expected<void> SqlCatalog::enqueueWork(const QString &modelKey, const QList<FileStamp> &files)
{
    if (files.isEmpty())
        return {};
    return inTransaction([&]() -> Expected<void> {
        QSqlQuery top(m_db);
        if (!top.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM work")) || !top.next())
            return failure(top.lastError());
        const qint64 base = top.value(0).toLongLong() + 1;
        top.finish();
        // Several rows per statement: one round trip per batch, not per file, to a server.
        constexpr qsizetype kBatch = 256;
        QSet<QString> seen;
        QList<const FileStamp *> unique;
        for (const FileStamp &f : files)
            if (!seen.contains(f.path)) {
                seen.insert(f.path);
                unique.append(&f);
            }
        for (qsizetype start = 0; start < unique.size(); start += kBatch) {
            const qsizetype n = std::min(kBatch, unique.size() - start);
            QStringList rows(n, QStringLiteral("(?, ?, ?, ?, ?, ?, 'pending', 0, 0)"));
            QSqlQuery q(m_db);
            q.prepare(
                QStringLiteral("INSERT INTO work(model_key, path, size, mtime_ms, kind, seq, state, token, "
                               "lease_until_ms) VALUES %1 "
                               "ON CONFLICT(model_key, path) DO UPDATE SET size = excluded.size, "
                               "mtime_ms = excluded.mtime_ms, kind = excluded.kind, seq = excluded.seq, "
                               "state = 'pending', lease_until_ms = 0 "
                               "WHERE work.size <> excluded.size OR work.mtime_ms <> excluded.mtime_ms")
                    .arg(rows.join(QLatin1Char(','))));
            for (qsizetype i = 0; i < n; ++i) {
                const FileStamp &f = *unique.at(start + i);
                q.addBindValue(modelKey);
                q.addBindValue(toStored(f.path));
                q.addBindValue(f.size);
                q.addBindValue(f.mtimeMs);
                q.addBindValue(mediaKindName(f.kind));
                q.addBindValue(base + start + i);
            }
            if (!q.exec())
                return failure(q.lastError());
        }
        return {};
    });
}

Expected<QList<WorkClaim>> SqlCatalog::claimWork(
    const QString &modelKey, const QString &worker, int count, qint64 leaseMs)
{
    if (count <= 0 || worker.isEmpty() || leaseMs <= 0)
        return makeError(ErrorCode::InvalidArgument, "claimWork: a worker, a count and a lease are needed");
    QList<WorkClaim> claims;
    Expected<void> ok = inTransaction([&]() -> Expected<void> {
        Expected<QList<WorkClaim>> got = claimQueued(modelKey, worker, count, leaseMs);
        if (!got)
            return got.error();
        claims = std::move(*got);
        for (WorkClaim &c : claims)
            c.queue = modelKey;
        return {};
    });
    if (!ok)
        return ok.error();
    return claims;
}

Expected<void> SqlCatalog::completeClaim(const QString &modelKey, const WorkClaim &claim)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE work SET state = 'done', lease_until_ms = %1 WHERE model_key = ? AND "
                       "path = ? AND owner = ? AND token = ? AND state = 'claimed' AND lease_until_ms >= %1")
            .arg(nowMsExpression()));
    q.addBindValue(claim.queue.isEmpty() ? modelKey : claim.queue);
    q.addBindValue(toStored(claim.file.path));
    q.addBindValue(claim.worker);
    q.addBindValue(claim.token);
    if (!q.exec())
        return failure(q.lastError());
    if (q.numRowsAffected() != 1)
        return makeError(ErrorCode::LimitExceeded,
            tr("the claim on %1 lapsed before it was stored: another worker has taken it over")
                .arg(claim.file.path)
                .toStdString());
    return {};
}

Expected<qint64> SqlCatalog::renewClaims(const QString &modelKey, const QString &worker, qint64 leaseMs)
{
    qint64 held = 0;
    Expected<void> ok = inTransaction([&]() -> Expected<void> {
        // Only live leases: one that ran out may already belong to another worker.
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("UPDATE work SET lease_until_ms = %1 + ? WHERE model_key = ? AND owner = ? AND "
                           "state = 'claimed' AND lease_until_ms >= %1")
                .arg(nowMsExpression()));
        q.addBindValue(leaseMs);
        q.addBindValue(modelKey);
        q.addBindValue(worker);
        if (!q.exec())
            return failure(q.lastError());
        held = q.numRowsAffected();
        return {};
    });
    if (!ok)
        return ok.error();
    return held;
}

Expected<void> SqlCatalog::releaseClaims(const QString &modelKey, const QString &worker)
{
    return inTransaction([&]() -> Expected<void> {
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("UPDATE work SET state = 'pending', lease_until_ms = 0 WHERE model_key = ? AND "
                           "owner = ? AND state = 'claimed'"));
        q.addBindValue(modelKey);
        q.addBindValue(worker);
        if (!q.exec())
            return failure(q.lastError());
        return {};
    });
}

Expected<QStringList> SqlCatalog::claimHolders(const QString &modelKey)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT owner FROM work WHERE model_key = ? AND state = 'claimed'"));
    q.addBindValue(modelKey);
    if (!q.exec())
        return failure(q.lastError());
    QStringList holders;
    while (q.next())
        holders << q.value(0).toString();
    return holders;
}

Expected<WorkCounts> SqlCatalog::workCounts(const QString &modelKey)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT state, CASE WHEN lease_until_ms < %1 THEN 1 ELSE 0 END, "
                             "CASE WHEN state = 'done' THEN owner ELSE '' END, count(*) FROM work "
                             "WHERE model_key = ? GROUP BY 1, 2, 3")
                  .arg(nowMsExpression()));
    q.addBindValue(modelKey);
    if (!q.exec())
        return failure(q.lastError());
    WorkCounts counts;
    while (q.next()) {
        const QString state = q.value(0).toString();
        const bool lapsed = q.value(1).toInt() != 0;
        const qint64 n = q.value(3).toLongLong();
        if (state == QLatin1String("done")) {
            counts.done += n;
            counts.doneBy[q.value(2).toString()] += n;
        } else if (state == QLatin1String("claimed")) {
            (lapsed ? counts.expired : counts.claimed) += n;
        } else {
            counts.pending += n;
        }
    }
    return counts;
}

} // namespace mplug2::app
