// SqliteCatalog on its own: the file's journal, upgrades from older schemas,
// and files that are not catalogs. What every catalog must do is in
// catalogcontracttest.cpp, which runs against this back end too.
#include "app/retrieval/sqlitecatalog.h"

#include "tests/app/retrieval/catalogtestmedia.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

IndexedMedia media(const QString &path, MediaKind kind, const QByteArray &hash, QList<float> vector,
    const QString &model = QStringLiteral("m@1"))
{
    return test::catalogMedia(path, kind, hash, std::move(vector), model);
}

} // namespace

class SqliteCatalogTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void usesWriteAheadLoggingAndStaysIntact()
    {
        const QString path = m_dir.filePath(QStringLiteral("wal.sqlite"));
        auto c = *Catalog::open(path);
        QVERIFY(c->storeIndexed(media(QStringLiteral("/m/a.png"), MediaKind::Image, "h", {1, 0})));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    }

    void upgradesSchemaOneKeysToContentKeysAndMergesTheirSpaces()
    {
        const QString path = m_dir.filePath(QStringLiteral("schema1.sqlite"));
        const QString alpha = QStringLiteral("alpha@0123456789ab-r224-f16");
        const QString beta = QStringLiteral("beta.v2@0123456789ab-r224-f16");
        const QString other = QStringLiteral("gamma@ba9876543210-r336-f8");
        {
            auto c = *Catalog::open(path);
            QVERIFY(
                c->storeIndexed(media(QStringLiteral("/m/a.png"), MediaKind::Image, "a", {1, 0, 0}, alpha)));
            QVERIFY(
                c->storeIndexed(media(QStringLiteral("/m/b.png"), MediaKind::Image, "b", {0, 1, 0}, alpha)));
            QVERIFY(
                c->storeIndexed(media(QStringLiteral("/m/b.png"), MediaKind::Image, "b", {0, 1, 1}, beta)));
            QVERIFY(
                c->storeIndexed(media(QStringLiteral("/m/c.png"), MediaKind::Image, "c", {0, 0, 1}, beta)));
            QVERIFY(
                c->storeIndexed(media(QStringLiteral("/m/c.png"), MediaKind::Image, "c", {1, 1, 1}, other)));
            IndexJobRecord job;
            job.roots = {QStringLiteral("/m")};
            job.modelKey = beta;
            QVERIFY(c->beginJob(job));
        }
        {
            // What a build of schema 1 left behind.
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(
                QStringLiteral("UPDATE meta SET value = 'mplug2-catalog/1' WHERE key = 'schema'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));

        auto c = Catalog::open(path);
        QVERIFY2(c, c ? "" : c.error().message.c_str());
        QVERIFY(!*(*c)->space(alpha, EmbeddingKind::Clip));
        QVERIFY(!*(*c)->space(beta, EmbeddingKind::Clip));
        auto merged = *(*c)->space(QStringLiteral("0123456789ab-r224-f16-fp32"), EmbeddingKind::Clip);
        QVERIFY(merged);
        // a and b from alpha, c from beta; b's second embedding collided and went.
        QCOMPARE(merged->count, 3);
        auto kept = *(*c)->space(QStringLiteral("ba9876543210-r336-f8-fp32"), EmbeddingKind::Clip);
        QVERIFY(kept);
        QCOMPARE(kept->count, 1);
        QCOMPARE((*(*c)->spaces()).size(), 2);
        QCOMPARE((*(*c)->lastJob())->modelKey, QStringLiteral("0123456789ab-r224-f16-fp32"));
        const auto under
            = (*c)->entriesUnder(QStringLiteral("/m"), QStringLiteral("0123456789ab-r224-f16-fp32"));
        QCOMPARE(under->size(), 3);
        // Schema 5 stores them relative to the folder the job indexed, which is a root now.
        QCOMPARE(*(*c)->roots(), (QList<CatalogRoot> {{QStringLiteral("m"), QStringLiteral("/m")}}));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("SELECT path FROM media ORDER BY path")));
            QStringList stored;
            while (q.next())
                stored << q.value(0).toString();
            QCOMPARE(stored,
                (QStringList {
                    QStringLiteral("m:/a.png"), QStringLiteral("m:/b.png"), QStringLiteral("m:/c.png")}));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        QVERIFY(*(*c)->entry(QStringLiteral("/m/a.png")));
        // Schema 3's work queue is there.
        QVERIFY(
            (*c)->enqueueWork(QStringLiteral("k"), {{QStringLiteral("/m/a.png"), 1, 2, MediaKind::Image}}));
        QCOMPARE((*c)->claimWork(QStringLiteral("k"), QStringLiteral("w"), 5, 60000)->size(), 1);
        c->reset();
        // Opened again: already the current schema, nothing changes.
        auto again = *Catalog::open(path);
        QCOMPARE(
            (*again->space(QStringLiteral("0123456789ab-r224-f16-fp32"), EmbeddingKind::Clip))->count, 3);
    }

    void refusesACatalogOfANewerSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
        (void)*Catalog::open(path);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(
                QStringLiteral("UPDATE meta SET value = 'mplug2-catalog/9' WHERE key = 'schema'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        auto c = Catalog::open(path);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Unsupported);
        QVERIFY(QString::fromStdString(c.error().message).contains(QStringLiteral("mplug2-catalog/9")));
    }

    void refusesFilesThatAreNotCatalogs()
    {
        const QString junk = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        auto c = Catalog::open(junk);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Format);

        const QString foreign = m_dir.filePath(QStringLiteral("foreign.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t(x)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        auto other = Catalog::open(foreign);
        QVERIFY(!other);
        QCOMPARE(other.error().code, ErrorCode::Format);
        QVERIFY(!Catalog::open(m_dir.path()));
        QVERIFY(!Catalog::open(QString()));
    }
};

QTEST_GUILESS_MAIN(SqliteCatalogTest)
#include "sqlitecatalogtest.moc"
