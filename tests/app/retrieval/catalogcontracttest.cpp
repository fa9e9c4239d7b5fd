// The Catalog contract, run unchanged against every back end: SQLite (a
// temporary file) and PostgreSQL (a throwaway server of the test's own),
// picked by MPLUG2_TEST_CATALOG=sqlite|postgres (CTest runs both). What is
// stored comes back, changes drop stale embeddings, ids grow, filters
// select, jobs persist, odd file names round-trip, and the work queue hands
// each file to one worker at a time and refuses stores under lapsed claims.
#include "app/retrieval/catalog.h"
#include "tests/app/retrieval/catalogtestmedia.h"
#include "tests/support/throwawaypostgres.h"

#include <QDir>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace mplug2;
using namespace mplug2::app;

namespace {

IndexedMedia media(const QString &path, MediaKind kind, const QByteArray &hash, QList<float> vector,
    const QString &model = QStringLiteral("m@1"))
{
    return test::catalogMedia(path, kind, hash, std::move(vector), model);
}

FileStamp stamp(const QString &path, qint64 mtime = 1000)
{
    return {path, 100, mtime, MediaKind::Image};
}

const QString kKey = QStringLiteral("m@1");

} // namespace

class CatalogContractTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ThrowawayPostgres m_pg;
    bool m_postgres = false;
    int m_counter = 0;

    QString freshLocation()
    {
        const int n = m_counter++;
        if (!m_postgres)
            return m_dir.filePath(QStringLiteral("c%1.sqlite").arg(n));
        const QString uri = m_pg.newDatabase(QStringLiteral("c%1").arg(n));
        if (uri.isEmpty())
            qFatal("cannot create a database: %s", qPrintable(m_pg.lastOutput()));
        return uri;
    }

    std::unique_ptr<Catalog> fresh(QString *location = nullptr)
    {
        const QString where = freshLocation();
        if (location)
            *location = where;
        auto c = Catalog::open(where);
        if (!c)
            qFatal("%s", c.error().message.c_str());
        return std::move(*c);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString backend = qEnvironmentVariable("MPLUG2_TEST_CATALOG", QStringLiteral("sqlite"));
        QVERIFY2(backend == QLatin1String("sqlite") || backend == QLatin1String("postgres"),
            "MPLUG2_TEST_CATALOG must be sqlite or postgres");
        m_postgres = backend == QLatin1String("postgres");
        if (m_postgres)
            MPLUG2_REQUIRE_POSTGRES(m_pg);
        qInfo("catalog back end: %s", qPrintable(backend));
    }

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
        const QString path = freshLocation();
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

    void captionsAreKeptUntilTheContentChanges()
    {
        auto c = fresh();
        const QString path = QStringLiteral("/c/a.mp4");
        IndexedMedia m = media(path, MediaKind::Video, "h1", {1, 0});
        m.caption = StoredCaption {
            QStringLiteral("a red circle \u2014 \"moving\""), QStringLiteral("{\"beam_size\":5}")};
        const qint64 id = *c->storeIndexed(m);
        QCOMPARE((*c->entry(path))->caption, m.caption->text);
        QCOMPARE(c->entries({id})->first().caption, m.caption->text);
        QCOMPARE(c->entriesUnder(QStringLiteral("/c"), kKey)->first().caption, m.caption->text);
        m.caption.reset(); // stored again without one (same content): the caption stays
        QVERIFY(c->storeIndexed(m));
        QCOMPARE((*c->entry(path))->caption, QStringLiteral("a red circle \u2014 \"moving\""));
        QVERIFY(c->storeIndexed(media(path, MediaKind::Video, "h2", {0, 1}))); // new content
        QVERIFY((*c->entry(path))->caption.isEmpty());
        QVERIFY(c->remove({id}));
    }

    void momentsAreStoredFoundAndDroppedWithTheirFile()
    {
        auto c = fresh();
        const QString path = QStringLiteral("/mo/a.mp4");
        IndexedMedia m = media(path, MediaKind::Video, "h1", {1, 0});
        m.moments = QList<MediaMoment> {
            {0, 0, 0.0, 2.5, 0, {1, 0}, QByteArray("jpeg-0"), QStringLiteral("a red circle moves left")},
            {0, 0, 2.5, 6.0, 1, {0.6f, 0.8f}, QByteArray("jpeg-1"), {}}};
        const qint64 id = *c->storeIndexed(m);
        const qint64 space = (*c->space(kKey, EmbeddingKind::Clip))->id;
        const QList<MediaMoment> listed = *c->momentsOf(id, space);
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(1).startSeconds, 2.5);
        QCOMPARE(listed.at(1).endSeconds, 6.0);
        QCOMPARE(listed.at(1).shot, 1);
        QCOMPARE(listed.at(1).entryId, id);
        QCOMPARE(listed.at(0).caption, QStringLiteral("a red circle moves left"));
        QVERIFY(listed.at(1).caption.isEmpty());
        QCOMPARE(*c->momentThumbnail(listed.at(1).id), QByteArray("jpeg-1"));
        QCOMPARE(c->moments({listed.at(1).id, 999999, listed.at(0).id})->size(), 2);
        QCOMPARE(c->moments({listed.at(1).id})->first().startSeconds, 2.5);
        QVERIFY(c->entriesUnder(QStringLiteral("/mo"), kKey)->first().hasMoments);
        QVERIFY(!c->entriesUnder(QStringLiteral("/mo"), QStringLiteral("other@2"))->first().hasMoments);
        QList<float> second;
        QVERIFY(c->forEachMomentEmbedding(space, [&](qint64 label, qint64 owner, const float *v, int dim) {
            if (label == listed.at(1).id && owner == label && dim == 2)
                second = {v[0], v[1]};
            return true;
        }));
        QCOMPARE(second, (QList<float> {0.6f, 0.8f}));
        QCOMPARE(c->momentRefs(space)->size(), 2);
        const MomentStats stats = *c->momentStats(space);
        QCOMPARE(stats.moments, 2);
        QCOMPARE(stats.files, 1);
        QCOMPARE(stats.bytes, qint64(2 * 2 * sizeof(float) + 12));
        MediaFilter videos;
        videos.kind = MediaKind::Video;
        QCOMPARE(c->matchingMoments(space, videos)->size(), 2);
        videos.kind = MediaKind::Image;
        QCOMPARE(c->matchingMoments(space, videos)->size(), 0);

        // Stored again without moments (same content): they stay; with new ones: replaced, with new ids.
        m.moments.reset();
        QVERIFY(c->storeIndexed(m));
        QCOMPARE(c->momentsOf(id, space)->size(), 2);
        m.moments = QList<MediaMoment> {{0, 0, 0.0, 6.0, 0, {0, 1}, {}, {}}};
        QVERIFY(c->storeIndexed(m));
        const QList<MediaMoment> replaced = *c->momentsOf(id, space);
        QCOMPARE(replaced.size(), 1);
        QVERIFY(replaced.first().id > listed.at(1).id);
        // A moment whose vector does not match the file's is refused, and nothing changes.
        m.moments = QList<MediaMoment> {{0, 0, 0.0, 1.0, 0, {0, 1, 0}, {}, {}}};
        QVERIFY(!c->storeIndexed(m));
        m.moments = QList<MediaMoment> {{0, 0, 3.0, 1.0, 0, {0, 1}, {}, {}}};
        QVERIFY(!c->storeIndexed(m));
        QCOMPARE(c->momentsOf(id, space)->size(), 1);
        // New content drops them; so does removing the file.
        QVERIFY(c->storeIndexed(media(path, MediaKind::Video, "h2", {0, 1})));
        QCOMPARE(c->momentsOf(id, space)->size(), 0);
        m.entry.sampleHash = "h2";
        m.moments = QList<MediaMoment> {{0, 0, 0.0, 6.0, 0, {0, 1}, {}, {}}};
        QVERIFY(c->storeIndexed(m));
        QVERIFY(c->remove({id}));
        QCOMPARE(c->momentRefs(space)->size(), 0);
    }

    void machinesThatMountARootElsewhereShareItsEntries()
    {
        // Machine A indexed /mnt/a/videos (not a folder here: another machine's mount).
        QString location;
        auto a = fresh(&location);
        const Expected<CatalogRoot> named = a->nameRoot(QStringLiteral("/mnt/a/videos"));
        QVERIFY(named);
        QCOMPARE(named->name, QStringLiteral("videos"));
        QVERIFY(a->storeIndexed(media(QStringLiteral("/mnt/a/videos/x.mp4"), MediaKind::Video, "h", {1, 0})));
        QVERIFY(a->storeIndexed(media(QStringLiteral("/elsewhere/y.png"), MediaKind::Image, "h", {0, 1})));
        QVERIFY(a->enqueueWork(kKey, {stamp(QStringLiteral("/mnt/a/videos/sub/z.png"))}));
        // Opened without a mapping, a root is where it was first indexed from.
        auto plain = *Catalog::open(location);
        QVERIFY(*plain->entry(QStringLiteral("/mnt/a/videos/x.mp4")));
        QCOMPARE(*plain->roots(),
            (QList<CatalogRoot> {{QStringLiteral("videos"), QStringLiteral("/mnt/a/videos")}}));
        // Machine B mounts it at /data/videos.
        Catalog::addLocalRoots(location, {{QStringLiteral("videos"), QStringLiteral("/data/videos")}});
        auto b = *Catalog::open(location);
        Catalog::addLocalRoots(location, {{QStringLiteral("videos"), QStringLiteral("/mnt/a/videos")}});
        auto e = *b->entry(QStringLiteral("/data/videos/x.mp4"));
        QVERIFY(e);
        QCOMPARE(e->path, QStringLiteral("/data/videos/x.mp4"));
        QVERIFY(!*b->entry(QStringLiteral("/mnt/a/videos/x.mp4")));
        QCOMPARE(b->entriesUnder(QStringLiteral("/data/videos"), kKey)->size(), 1);
        QCOMPARE(b->entriesUnder(QStringLiteral("/data"), kKey)->size(), 1); // a folder holding the root
        QCOMPARE(b->entriesUnder(QStringLiteral("/"), kKey)->size(), 2);
        MediaFilter filter;
        filter.folders = {QStringLiteral("/data")};
        QCOMPARE(*b->matching(filter), (QSet<qint64> {e->id}));
        QCOMPARE(b->entries({e->id})->first().path, QStringLiteral("/data/videos/x.mp4"));
        // The queue too: B claims the file A queued, at B's path, and its store is A's entry's sibling.
        const auto claims = b->claimWork(kKey, QStringLiteral("b"), 5, 60000);
        QCOMPARE(claims->size(), 1);
        QCOMPARE(claims->first().file.path, QStringLiteral("/data/videos/sub/z.png"));
        IndexedMedia z = media(claims->first().file.path, MediaKind::Image, "h", {1, 1});
        z.claim = claims->first();
        QVERIFY(b->storeIndexed(z));
        QVERIFY(*a->entry(QStringLiteral("/mnt/a/videos/sub/z.png")));
        QCOMPARE(*a->entryCount(), 3);
        // A folder of this machine with a taken name gets another; one that is not here shares it.
        QTemporaryDir here;
        QVERIFY(QDir().mkpath(here.filePath(QStringLiteral("one/clips"))));
        QVERIFY(QDir().mkpath(here.filePath(QStringLiteral("two/clips"))));
        QCOMPARE(a->nameRoot(here.filePath(QStringLiteral("one/clips")))->name, QStringLiteral("clips"));
        QCOMPARE(a->nameRoot(here.filePath(QStringLiteral("two/clips")))->name, QStringLiteral("clips-2"));
        QCOMPARE(a->nameRoot(QStringLiteral("/mnt/a/videos/sub"))->name, QStringLiteral("videos"));
        QCOMPARE(a->nameRoot(QStringLiteral("/data/videos"))->name, QStringLiteral("videos"));
        QVERIFY(!a->nameRoot(QStringLiteral("/")));
        QVERIFY(!a->nameRoot(QStringLiteral("/x"), QStringLiteral("bad:name")));
    }

    void addNewStoresManyAtOnceOrNothing()
    {
        auto c = fresh();
        QList<IndexedMedia> batch;
        for (int i = 0; i < 1203; ++i) // more than one statement's worth
            batch << media(QStringLiteral("/n/%1.png").arg(i), MediaKind::Image, "h", {float(i), 1, 0});
        QVERIFY(c->addNew(batch));
        QCOMPARE(*c->entryCount(), 1203);
        const auto space = *c->space(kKey, EmbeddingKind::Clip);
        QCOMPARE(space->count, 1203);
        const auto e = *c->entry(QStringLiteral("/n/1202.png"));
        QVERIFY(e);
        QCOMPARE(*c->embedding(e->id, space->id), std::optional<QList<float>>(QList<float> {1202, 1, 0}));
        const qint64 generation = *c->generation();
        // One path already there: nothing of the batch is stored.
        QList<IndexedMedia> clash {media(QStringLiteral("/n/new.png"), MediaKind::Image, "h", {1, 1, 1}),
            media(QStringLiteral("/n/5.png"), MediaKind::Image, "h", {1, 1, 1})};
        QVERIFY(!c->addNew(clash));
        QVERIFY(!*c->entry(QStringLiteral("/n/new.png")));
        QCOMPARE(*c->entryCount(), 1203);
        QCOMPARE(*c->generation(), generation);
        // A wrong size is refused like a store's.
        QVERIFY(!c->addNew({media(QStringLiteral("/n/wide.png"), MediaKind::Image, "h", {1, 1, 1, 1})}));
        QVERIFY(!*c->entry(QStringLiteral("/n/wide.png")));
    }

    void oddFileNamesRoundTripExactly()
    {
        auto c = fresh();
        const QStringList names {QStringLiteral("/m/it's \"quoted\".png"),
            QStringLiteral("/m/two\nlines.png"), QStringLiteral("/m/back\\slash.png"),
            QStringLiteral("/m/emoji \U0001F600 caf\u00e9.png"),
            QStringLiteral("/m/100% sure?; drop table media.png"), QStringLiteral("/m/tab\there.png")};
        for (const QString &name : names)
            QVERIFY2(c->storeIndexed(media(name, MediaKind::Image, "h", {1, 0})), qPrintable(name));
        const auto under = c->entriesUnder(QStringLiteral("/m"), kKey);
        QVERIFY(under);
        QSet<QString> back;
        for (const CatalogEntry &e : *under) {
            back.insert(e.path);
            QVERIFY(e.embedded);
        }
        QCOMPARE(back, QSet<QString>(names.begin(), names.end()));
        for (const QString &name : names) {
            auto e = c->entry(name);
            QVERIFY(e && *e);
            QCOMPARE((*e)->path, name);
        }
        QList<FileStamp> files;
        for (const QString &name : names)
            files << stamp(name);
        QVERIFY(c->enqueueWork(QStringLiteral("other"), files));
        const auto claims = c->claimWork(QStringLiteral("other"), QStringLiteral("w"), 100, 60000);
        QVERIFY(claims);
        QStringList claimed;
        for (const WorkClaim &w : *claims)
            claimed << w.file.path;
        QCOMPARE(claimed, names);
    }

    void theWorkQueueHandsEachFileToOneWorker()
    {
        auto c = fresh();
        QList<FileStamp> files;
        for (int i = 0; i < 5; ++i)
            files << stamp(QStringLiteral("/w/%1.png").arg(i));
        QVERIFY(c->enqueueWork(kKey, files));
        QVERIFY(c->enqueueWork(kKey, files)); // queued again: no duplicates
        const auto a = c->claimWork(kKey, QStringLiteral("a"), 2, 60000);
        const auto b = c->claimWork(kKey, QStringLiteral("b"), 2, 60000);
        const auto rest = c->claimWork(kKey, QStringLiteral("c"), 10, 60000);
        QVERIFY(a && b && rest);
        QCOMPARE(a->size(), 2);
        QCOMPARE(b->size(), 2);
        QCOMPARE(rest->size(), 1);
        // In the order they were queued.
        QCOMPARE(a->at(0).file.path, QStringLiteral("/w/0.png"));
        QCOMPARE(rest->at(0).file.path, QStringLiteral("/w/4.png"));
        QCOMPARE(rest->at(0).file.size, 100);
        QCOMPARE(rest->at(0).file.kind, MediaKind::Image);
        QVERIFY(c->claimWork(kKey, QStringLiteral("d"), 10, 60000)->isEmpty());
        // Another model's queue is its own.
        QVERIFY(c->claimWork(QStringLiteral("other"), QStringLiteral("d"), 10, 60000)->isEmpty());
        WorkCounts counts = *c->workCounts(kKey);
        QCOMPARE(counts.claimed, 5);
        QCOMPARE(counts.pending + counts.done + counts.expired, 0);

        IndexedMedia m = media(a->at(0).file.path, MediaKind::Image, "h", {1, 0});
        m.claim = a->at(0);
        QVERIFY(c->storeIndexed(m));
        QCOMPARE(*c->renewClaims(kKey, QStringLiteral("a"), 60000), 1);
        QVERIFY(c->releaseClaims(kKey, QStringLiteral("b")));
        const auto again = c->claimWork(kKey, QStringLiteral("d"), 10, 60000);
        QCOMPARE(again->size(), 2); // b's two, given back
        counts = *c->workCounts(kKey);
        QCOMPARE(counts.done, 1);
        QCOMPARE(counts.doneBy.value(QStringLiteral("a")), 1);
        QCOMPARE(counts.claimed, 4);

        // The same stamp again: stays done. A new stamp: queued again.
        QVERIFY(c->enqueueWork(kKey, {stamp(QStringLiteral("/w/0.png"))}));
        QCOMPARE(c->workCounts(kKey)->done, 1);
        QVERIFY(c->enqueueWork(kKey, {stamp(QStringLiteral("/w/0.png"), 2000)}));
        QCOMPARE(c->workCounts(kKey)->pending, 1);
    }

    void aStoreUnderALapsedClaimIsRefused()
    {
        auto c = fresh();
        const QString path = QStringLiteral("/w/slow.png");
        QVERIFY(c->enqueueWork(kKey, {stamp(path)}));
        const auto slow = c->claimWork(kKey, QStringLiteral("slow"), 1, 100);
        QCOMPARE(slow->size(), 1);
        QVERIFY(c->claimWork(kKey, QStringLiteral("fast"), 1, 60000)->isEmpty()); // held
        QTest::qWait(250);
        QCOMPARE(c->workCounts(kKey)->expired, 1);
        QCOMPARE(*c->renewClaims(kKey, QStringLiteral("slow"), 60000), 0); // too late to renew
        const auto fast = c->claimWork(kKey, QStringLiteral("fast"), 1, 60000);
        QCOMPARE(fast->size(), 1);
        QVERIFY(fast->at(0).token > slow->at(0).token);

        IndexedMedia late = media(path, MediaKind::Image, "late", {1, 0});
        late.claim = slow->at(0);
        const Expected<qint64> refused = c->storeIndexed(late);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::LimitExceeded);
        QVERIFY(!*c->entry(path)); // nothing of it was written
        IndexedMedia onTime = media(path, MediaKind::Image, "fast", {0, 1});
        onTime.claim = fast->at(0);
        QVERIFY(c->storeIndexed(onTime));
        QCOMPARE((*c->entry(path))->sampleHash, QByteArray("fast"));
        // Stored once: a second store under the same claim is refused too.
        QVERIFY(!c->storeIndexed(onTime));
        const WorkCounts counts = *c->workCounts(kKey);
        QCOMPARE(counts.done, 1);
        QCOMPARE(counts.doneBy.value(QStringLiteral("fast")), 1);
    }

    void aRemovedFileIsQueuedAfreshWhenItComesBack()
    {
        auto c = fresh();
        const QString path = QStringLiteral("/w/back.png");
        QVERIFY(c->enqueueWork(kKey, {stamp(path)}));
        const auto claim = c->claimWork(kKey, QStringLiteral("a"), 1, 60000);
        IndexedMedia m = media(path, MediaKind::Image, "h", {1, 0});
        m.claim = claim->at(0);
        const qint64 id = *c->storeIndexed(m);
        QVERIFY(c->remove({id}));
        QVERIFY(c->enqueueWork(kKey, {stamp(path)})); // same stamp as before
        QCOMPARE(c->claimWork(kKey, QStringLiteral("b"), 1, 60000)->size(), 1);
    }

    void concurrentClaimersNeverShareAFile()
    {
        QString location;
        auto c = fresh(&location);
        constexpr int kFiles = 60;
        QList<FileStamp> files;
        for (int i = 0; i < kFiles; ++i)
            files << stamp(QStringLiteral("/c/%1.png").arg(i, 3, 10, QLatin1Char('0')));
        QVERIFY(c->enqueueWork(kKey, files));
        constexpr int kWorkers = 4;
        QList<QStringList> got(kWorkers);
        std::atomic_int failures {0};
        std::vector<std::thread> threads;
        for (int w = 0; w < kWorkers; ++w)
            threads.emplace_back([&, w] {
                auto mine = Catalog::open(location);
                if (!mine) {
                    ++failures;
                    return;
                }
                for (;;) {
                    auto claims = (*mine)->claimWork(kKey, QStringLiteral("w%1").arg(w), 3, 60000);
                    if (!claims) {
                        ++failures;
                        return;
                    }
                    if (claims->isEmpty())
                        return;
                    for (const WorkClaim &claim : *claims) {
                        IndexedMedia m = media(claim.file.path, MediaKind::Image, "h", {1, float(w)});
                        m.claim = claim;
                        if (!(*mine)->storeIndexed(m)) {
                            ++failures;
                            return;
                        }
                        got[w] << claim.file.path;
                    }
                }
            });
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        QSet<QString> all;
        qsizetype total = 0;
        for (const QStringList &paths : std::as_const(got)) {
            total += paths.size();
            all.unite(QSet<QString>(paths.begin(), paths.end()));
        }
        QCOMPARE(total, kFiles);
        QCOMPARE(all.size(), kFiles);
        QCOMPARE(*c->entryCount(), kFiles);
        QCOMPARE((*c->space(kKey, EmbeddingKind::Clip))->count, kFiles);
        const WorkCounts counts = *c->workCounts(kKey);
        QCOMPARE(counts.done, kFiles);
        qint64 byWorkers = 0;
        for (qint64 n : counts.doneBy)
            byWorkers += n;
        QCOMPARE(byWorkers, kFiles);
    }

    void embeddingIdsGrowInCommitOrderUnderConcurrentWriters()
    {
        // A reader that follows the largest id it has seen must never skip a row: with writers racing,
        // every pass over "id > last" finds only ids above those it already saw.
        QString location;
        auto c = fresh(&location);
        QVERIFY(c->storeIndexed(media(QStringLiteral("/o/seed.png"), MediaKind::Image, "h", {1, 0})));
        const qint64 space = (*c->space(kKey, EmbeddingKind::Clip))->id;
        std::atomic_bool stop {false};
        std::atomic_int failures {0};
        std::vector<std::thread> writers;
        for (int w = 0; w < 3; ++w)
            writers.emplace_back([&, w] {
                auto mine = Catalog::open(location);
                if (!mine) {
                    ++failures;
                    return;
                }
                for (int i = 0; i < 40 && !stop; ++i)
                    if (!(*mine)->storeIndexed(media(
                            QStringLiteral("/o/%1-%2.png").arg(w).arg(i), MediaKind::Image, "h", {1, 1})))
                        ++failures;
            });
        QSet<qint64> seen;
        qint64 last = 0;
        for (int pass = 0; pass < 400; ++pass) {
            const qint64 before = last;
            QVERIFY(c->forEachEmbedding(
                space,
                [&](qint64 id, qint64, const float *, int) {
                    seen.insert(id);
                    last = std::max(last, id);
                    return true;
                },
                before));
            if (seen.size() == 121)
                break;
            QTest::qWait(5);
        }
        stop = true;
        for (std::thread &t : writers)
            t.join();
        QCOMPARE(failures.load(), 0);
        // Whatever was committed after the last pass is found by one more.
        QVERIFY(c->forEachEmbedding(
            space,
            [&](qint64 id, qint64, const float *, int) {
                seen.insert(id);
                return true;
            },
            last));
        QSet<qint64> all;
        const Expected<QList<EmbeddingRef>> refs = c->embeddingRefs(space);
        QVERIFY(refs);
        for (const EmbeddingRef &r : *refs)
            all.insert(r.embeddingId);
        QCOMPARE(seen, all);
    }
};

QTEST_GUILESS_MAIN(CatalogContractTest)
#include "catalogcontracttest.moc"
