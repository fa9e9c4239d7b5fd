// SqliteCatalog: what is stored comes back, changes drop stale embeddings,
// ids grow, filters select, jobs persist, and bad files are refused.
#include "app/retrieval/sqlitecatalog.h"

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
    IndexedMedia m;
    m.entry.path = path;
    m.entry.size = 100;
    m.entry.mtimeMs = 1000;
    m.entry.sampleHash = hash;
    m.entry.kind = kind;
    m.entry.durationSeconds = kind == MediaKind::Video ? 3.5 : 0.0;
    m.entry.width = 64;
    m.entry.height = 48;
    m.modelKey = model;
    m.bundleId = QStringLiteral("m");
    m.embeddings = {{EmbeddingKind::Clip, std::move(vector)}};
    m.thumbnails = {QByteArray("poster"), QByteArray("preview")};
    return m;
}

} // namespace

class SqliteCatalogTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    std::unique_ptr<Catalog> fresh()
    {
        auto c = Catalog::open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(m_counter++)));
        if (!c)
            qFatal("%s", c.error().message.c_str());
        return std::move(*c);
    }

private Q_SLOTS:
    void storesAndReadsBackAnEntry()
    {
        auto c = fresh();
        Expected<qint64> id
            = c->storeIndexed(media(QStringLiteral("/m/a/x.mp4"), MediaKind::Video, "h1", {1, 0, 0}));
        QVERIFY(id);
        auto e = c->entry(QStringLiteral("/m/a/x.mp4"));
        QVERIFY(e && *e);
        QCOMPARE((*e)->id, *id);
        QCOMPARE((*e)->size, 100);
        QCOMPARE((*e)->sampleHash, QByteArray("h1"));
        QCOMPARE((*e)->kind, MediaKind::Video);
        QCOMPARE((*e)->durationSeconds, 3.5);
        QVERIFY((*e)->error.isEmpty());
        QCOMPARE(*c->thumbnails(*id), (QList<QByteArray> {"poster", "preview"}));
        auto space = c->space(QStringLiteral("m@1"), EmbeddingKind::Clip);
        QVERIFY(space && *space);
        QCOMPARE((*space)->dim, 3);
        QCOMPARE((*space)->count, 1);
        QCOMPARE(*c->embedding(*id, (*space)->id), std::optional<QList<float>>(QList<float> {1, 0, 0}));
        QCOMPARE(*c->entryCount(), 1);
    }

    void entriesUnderAFolderAndWhetherThisModelEmbeddedThem()
    {
        auto c = fresh();
        QVERIFY(c->storeIndexed(media(QStringLiteral("/m/a/x.png"), MediaKind::Image, "h", {1, 0})));
        QVERIFY(c->storeIndexed(media(QStringLiteral("/m/a/sub/y.png"), MediaKind::Image, "h", {0, 1})));
        QVERIFY(c->storeIndexed(media(QStringLiteral("/m/ab/z.png"), MediaKind::Image, "h", {1, 1})));
        QVERIFY(c->storeIndexed(media(QStringLiteral("/m/a0.png"), MediaKind::Image, "h", {1, 1})));
        auto under = c->entriesUnder(QStringLiteral("/m/a/"), QStringLiteral("m@1"));
        QVERIFY(under);
        QStringList paths;
        for (const CatalogEntry &e : *under) {
            paths << e.path;
            QVERIFY(e.embedded);
        }
        paths.sort();
        QCOMPARE(paths, (QStringList {QStringLiteral("/m/a/sub/y.png"), QStringLiteral("/m/a/x.png")}));
        auto other = c->entriesUnder(QStringLiteral("/m/a"), QStringLiteral("other@2"));
        QCOMPARE(other->size(), 2);
        QVERIFY(!other->first().embedded);
        QCOMPARE(c->entriesUnder(QStringLiteral("/m/a0.png"), QStringLiteral("m@1"))->size(), 1);
    }

    void changedContentDropsEveryModelsEmbeddingsAndGetsNewIds()
    {
        auto c = fresh();
        const QString path = QStringLiteral("/m/v.mp4");
        QVERIFY(c->storeIndexed(media(path, MediaKind::Video, "old", {1, 0})));
        QVERIFY(c->storeIndexed(media(path, MediaKind::Video, "old", {0, 1, 0}, QStringLiteral("other@2"))));
        const qint64 otherSpace = (*c->space(QStringLiteral("other@2"), EmbeddingKind::Clip))->id;
        const qint64 space = (*c->space(QStringLiteral("m@1"), EmbeddingKind::Clip))->id;
        const qint64 firstId = c->embeddingRefs(space)->first().embeddingId;
        // Same content re-embedded by m@1: the other model's embedding stays.
        QVERIFY(c->storeIndexed(media(path, MediaKind::Video, "old", {0.6f, 0.8f})));
        QCOMPARE(c->embeddingRefs(otherSpace)->size(), 1);
        const qint64 secondId = c->embeddingRefs(space)->first().embeddingId;
        QVERIFY(secondId > firstId);
        // New content: the other model's embedding is stale and goes.
        QVERIFY(c->storeIndexed(media(path, MediaKind::Video, "new", {0, 1})));
        QCOMPARE(c->embeddingRefs(otherSpace)->size(), 0);
        QCOMPARE(c->embeddingRefs(space)->size(), 1);
        QVERIFY(c->embeddingRefs(space)->first().embeddingId > secondId);
        QCOMPARE(*c->entryCount(), 1);
    }

    void forEachEmbeddingReadsInIdOrderAfterAnId()
    {
        auto c = fresh();
        for (int i = 0; i < 5; ++i)
            QVERIFY(c->storeIndexed(
                media(QStringLiteral("/m/%1.png").arg(i), MediaKind::Image, "h", {float(i), 1})));
        const qint64 space = (*c->space(QStringLiteral("m@1"), EmbeddingKind::Clip))->id;
        const QList<EmbeddingRef> refs = *c->embeddingRefs(space);
        QList<float> firsts;
        QList<int> dims;
        QVERIFY(c->forEachEmbedding(
            space,
            [&](qint64, qint64, const float *v, int dim) {
                dims << dim;
                firsts << v[0];
                return true;
            },
            refs.at(2).embeddingId));
        QCOMPARE(firsts, (QList<float> {3, 4}));
        QCOMPARE(dims, (QList<int> {2, 2}));
        int visited = 0;
        QVERIFY(
            c->forEachEmbedding(space, [&](qint64, qint64, const float *, int) { return ++visited < 2; }));
        QCOMPARE(visited, 2);
    }

    void refusesMismatchedDimensionsAndNonFiniteVectors()
    {
        auto c = fresh();
        QVERIFY(c->storeIndexed(media(QStringLiteral("/m/a.png"), MediaKind::Image, "h", {1, 0})));
        auto wrongDim = c->storeIndexed(media(QStringLiteral("/m/b.png"), MediaKind::Image, "h", {1, 0, 0}));
        QVERIFY(!wrongDim);
        QCOMPARE(wrongDim.error().code, ErrorCode::InvalidArgument);
        // Nothing of the failed store is left behind.
        QVERIFY(!*c->entry(QStringLiteral("/m/b.png")));
        QVERIFY(
            !c->storeIndexed(media(QStringLiteral("/m/c.png"), MediaKind::Image, "h", {float(qQNaN()), 0})));
        QVERIFY(!c->storeIndexed(media(QStringLiteral("relative.png"), MediaKind::Image, "h", {1, 0})));
        QCOMPARE(*c->entryCount(), 1);
    }

    void failuresAreKeptWithoutEmbeddings()
    {
        auto c = fresh();
        IndexedMedia bad = media(QStringLiteral("/m/bad.mp4"), MediaKind::Video, "h", {});
        bad.embeddings.clear();
        bad.thumbnails.clear();
        bad.entry.error = QStringLiteral("not a video");
        QVERIFY(c->storeIndexed(bad));
        auto e = *c->entry(QStringLiteral("/m/bad.mp4"));
        QCOMPARE(e->error, QStringLiteral("not a video"));
        QVERIFY(c->matching(MediaFilter {})->isEmpty());
    }

    void removeCascadesToThumbnailsAndEmbeddings()
    {
        auto c = fresh();
        const qint64 id = *c->storeIndexed(media(QStringLiteral("/m/a.png"), MediaKind::Image, "h", {1, 0}));
        const qint64 g = *c->generation();
        QVERIFY(c->remove({id}));
        QVERIFY(*c->generation() > g);
        QVERIFY(c->thumbnails(id)->isEmpty());
        QCOMPARE((*c->space(QStringLiteral("m@1"), EmbeddingKind::Clip))->count, 0);
        QVERIFY(c->updateStamp(id, 5, 6)); // unknown ids are no error
    }

    void filtersByFolderKindAndDuration()
    {
        auto c = fresh();
        const qint64 image
            = *c->storeIndexed(media(QStringLiteral("/a/i.png"), MediaKind::Image, "h", {1, 0}));
        IndexedMedia longVideo = media(QStringLiteral("/b/long.mp4"), MediaKind::Video, "h", {0, 1});
        longVideo.entry.durationSeconds = 60;
        const qint64 shortVideo
            = *c->storeIndexed(media(QStringLiteral("/b/short.mp4"), MediaKind::Video, "h", {1, 1}));
        const qint64 lv = *c->storeIndexed(longVideo);
        QCOMPARE(c->matching({})->size(), 3);
        MediaFilter f;
        f.folders = {QStringLiteral("/b")};
        QCOMPARE(*c->matching(f), (QSet<qint64> {shortVideo, lv}));
        f.maxDurationSeconds = 10;
        QCOMPARE(*c->matching(f), (QSet<qint64> {shortVideo}));
        MediaFilter kind;
        kind.kind = MediaKind::Image;
        QCOMPARE(*c->matching(kind), (QSet<qint64> {image}));
        MediaFilter minimum;
        minimum.minDurationSeconds = 30;
        QCOMPARE(*c->matching(minimum), (QSet<qint64> {lv}));
        QCOMPARE(c->entries({lv, 999, image})->size(), 2);
        QCOMPARE(c->entries({lv, image})->at(1).id, image);
    }

    void jobsPersistAcrossConnections()
    {
        const QString path = m_dir.filePath(QStringLiteral("jobs.sqlite"));
        {
            auto c = *Catalog::open(path);
            QVERIFY(!*c->lastJob());
            IndexJobRecord job;
            job.roots = {QStringLiteral("/a"), QStringLiteral("/b c")};
            job.modelKey = QStringLiteral("m@1");
            job.total = 10;
            auto begun = c->beginJob(job);
            QVERIFY(begun && begun->id > 0);
            begun->done = 4;
            begun->status = IndexJobStatus::Paused;
            QVERIFY(c->updateJob(*begun));
        }
        auto c = *Catalog::open(path);
        auto last = *c->lastJob();
        QVERIFY(last);
        QCOMPARE(last->roots, (QStringList {QStringLiteral("/a"), QStringLiteral("/b c")}));
        QCOMPARE(last->done, 4);
        QCOMPARE(last->status, IndexJobStatus::Paused);
    }

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
        c->reset();
        // Opened again: already schema 2, nothing changes.
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
