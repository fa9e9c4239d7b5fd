#pragma once
// What a consistent catalog looks like from outside, checked with plain SQL
// on its own connection (as a reader in another process would see it):
// SQLite's integrity check, foreign keys, no duplicate paths, every stored
// file with exactly one whole embedding per space it is in and a thumbnail.
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace mplug2::test {

struct CatalogCheck {
    QStringList problems; ///< empty when consistent
    qint64 files = 0; ///< rows in media (failed files included)
    qint64 embedded = 0; ///< files with at least one embedding
};

inline QStringList catalogQueryColumn(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    QStringList values;
    if (!q.exec(sql))
        return {QStringLiteral("query failed: ") + sql};
    while (q.next())
        values << q.value(0).toString();
    return values;
}

inline CatalogCheck checkCatalog(const QString &path)
{
    CatalogCheck check;
    if (!QFile::exists(path))
        return check; // killed before the catalog was created
    const QString name = QStringLiteral("catalog-check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            check.problems << QStringLiteral("cannot open");
        } else {
            const auto expectNone = [&](const QString &what, const QString &sql) {
                const QStringList rows = catalogQueryColumn(db, sql);
                if (!rows.isEmpty())
                    check.problems << what + QStringLiteral(": ") + rows.join(QStringLiteral(", "));
            };
            const QStringList integrity = catalogQueryColumn(db, QStringLiteral("PRAGMA integrity_check"));
            if (integrity != QStringList {QStringLiteral("ok")})
                check.problems << QStringLiteral("integrity_check: ") + integrity.join(QStringLiteral("; "));
            const bool hasSchema
                = catalogQueryColumn(
                      db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'media'"))
                      .value(0)
                != QLatin1String("0");
            if (hasSchema) {
                expectNone(QStringLiteral("foreign keys"), QStringLiteral("PRAGMA foreign_key_check"));
                expectNone(QStringLiteral("duplicate paths"),
                    QStringLiteral("SELECT path FROM media GROUP BY path HAVING count(*) > 1"));
                expectNone(QStringLiteral("stored files without their embedding"),
                    QStringLiteral("SELECT m.path FROM media m WHERE m.error IS NULL AND NOT EXISTS "
                                   "(SELECT 1 FROM embedding e WHERE e.media_id = m.id)"));
                expectNone(QStringLiteral("two embeddings of one file in one space"),
                    QStringLiteral("SELECT media_id FROM embedding GROUP BY media_id, space_id "
                                   "HAVING count(*) > 1"));
                expectNone(QStringLiteral("embeddings of the wrong size"),
                    QStringLiteral("SELECT e.id FROM embedding e JOIN space s ON s.id = e.space_id "
                                   "WHERE length(e.vector) != 4 * s.dim"));
                expectNone(QStringLiteral("stored files without a thumbnail"),
                    QStringLiteral("SELECT m.path FROM media m WHERE m.error IS NULL AND NOT EXISTS "
                                   "(SELECT 1 FROM thumbnail t WHERE t.media_id = m.id)"));
                expectNone(QStringLiteral("files without a content hash"),
                    QStringLiteral("SELECT path FROM media WHERE sample_hash IS NULL OR "
                                   "length(sample_hash) != 16"));
                check.files = catalogQueryColumn(db, QStringLiteral("SELECT count(*) FROM media"))
                                  .value(0)
                                  .toLongLong();
                check.embedded
                    = catalogQueryColumn(db, QStringLiteral("SELECT count(DISTINCT media_id) FROM embedding"))
                          .value(0)
                          .toLongLong();
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return check;
}

} // namespace mplug2::test
