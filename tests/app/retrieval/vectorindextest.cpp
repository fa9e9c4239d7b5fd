// VectorIndex and AnnIndex: exact search is exact, the ANN graph finds
// (nearly) the same neighbours, follows the catalog as it changes, is kept
// in a file, and a damaged file is refused and rebuilt.
#include "app/retrieval/vectorindex.h"

#include "app/retrieval/annindex.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mplug2;
using namespace mplug2::app;

namespace {

/// Unit vectors around `clusters` random centres (real embeddings cluster too).
std::vector<float> clustered(int n, int dim, int clusters, quint32 seed)
{
    QRandomGenerator rng(seed);
    std::vector<float> centres(size_t(clusters * dim));
    for (float &x : centres)
        x = float(rng.generateDouble() * 2 - 1);
    std::vector<float> v(size_t(n) * size_t(dim));
    for (int i = 0; i < n; ++i) {
        const int c = int(rng.bounded(clusters));
        double norm = 0;
        for (int d = 0; d < dim; ++d) {
            float &x = v[size_t(i) * dim + d];
            x = centres[size_t(c) * dim + d] + float(rng.generateDouble() - 0.5) * 0.6f;
            norm += double(x) * x;
        }
        for (int d = 0; d < dim; ++d)
            v[size_t(i) * dim + d] /= float(std::sqrt(norm));
    }
    return v;
}

std::vector<qint64> sequence(int n, qint64 start)
{
    std::vector<qint64> s(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        s[size_t(i)] = start + i;
    return s;
}

IndexedMedia item(int i, const float *v, int dim)
{
    IndexedMedia m;
    m.entry.path = QStringLiteral("/gallery/%1.png").arg(i);
    m.entry.kind = i % 2 ? MediaKind::Video : MediaKind::Image;
    m.entry.sampleHash = QByteArray::number(i);
    m.modelKey = QStringLiteral("m@1");
    m.embeddings = {{EmbeddingKind::Clip, QList<float>(v, v + dim)}};
    return m;
}

} // namespace

class VectorIndexTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void exactSearchMatchesBruteForce()
    {
        const int n = 500, dim = 24;
        const std::vector<float> v = clustered(n, dim, 10, 1);
        auto index
            = VectorIndex::fromVectors(dim, v, sequence(n, 1), sequence(n, 1000), VectorSearchOptions {});
        QVERIFY(index);
        QVERIFY(!(*index)->usesAnn());
        const float *query = v.data() + 7 * dim;
        const QList<VectorHit> hits = (*index)->search(query, 5);
        QCOMPARE(hits.size(), 5);
        QCOMPARE(hits.first().entryId, 1007); // itself
        QVERIFY(std::abs(hits.first().similarity - 1.f) < 1e-5f);
        for (int i = 0; i < n; ++i) { // nothing outside the top 5 beats the fifth
            double s = 0;
            for (int d = 0; d < dim; ++d)
                s += double(query[d]) * v[size_t(i) * dim + d];
            bool inTop = false;
            for (const VectorHit &h : hits)
                inTop |= h.entryId == 1000 + i;
            QVERIFY(inTop || s <= hits.last().similarity + 1e-5);
        }
        for (int i = 1; i < hits.size(); ++i)
            QVERIFY(hits[i - 1].similarity >= hits[i].similarity);
        const QSet<qint64> allowed {1003, 1200, 1400};
        const QList<VectorHit> filtered = (*index)->search(query, 10, &allowed);
        QCOMPARE(filtered.size(), 3);
        for (const VectorHit &h : filtered)
            QVERIFY(allowed.contains(h.entryId));
        const QSet<qint64> none;
        QVERIFY((*index)->search(query, 10, &none).isEmpty());
    }

    void annFindsNearlyWhatExactFinds()
    {
        const int n = 3000, dim = 32;
        const std::vector<float> v = clustered(n, dim, 30, 2);
        VectorSearchOptions options;
        options.annThreshold = 1000;
        auto index = VectorIndex::fromVectors(dim, v, sequence(n, 1), sequence(n, 1), options);
        QVERIFY(index);
        QVERIFY((*index)->usesAnn());
        int found = 0, wanted = 0;
        QRandomGenerator rng(3);
        for (int q = 0; q < 50; ++q) {
            const float *query = v.data() + size_t(rng.bounded(n)) * dim;
            const QList<VectorHit> exact = (*index)->searchExact(query, 10);
            const QList<VectorHit> approx = (*index)->search(query, 10);
            QCOMPARE(approx.size(), 10);
            for (const VectorHit &e : exact) {
                ++wanted;
                for (const VectorHit &a : approx)
                    found += a.entryId == e.entryId;
            }
        }
        const double recall = double(found) / wanted;
        QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
        // A selective filter still gets k results, all allowed.
        QSet<qint64> allowed;
        for (qint64 id = 1; id <= n; id += 7)
            allowed.insert(id);
        const QList<VectorHit> filtered = (*index)->search(v.data(), 10, &allowed);
        QCOMPARE(filtered.size(), 10);
        for (const VectorHit &h : filtered)
            QVERIFY(allowed.contains(h.entryId));
    }

    void followsTheCatalogAndKeepsTheGraphInAFile()
    {
        const QString db = m_dir.filePath(QStringLiteral("follow.sqlite"));
        auto catalog = std::move(*Catalog::open(db));
        const int n = 300, dim = 16;
        const std::vector<float> v = clustered(n + 50, dim, 8, 4);
        for (int i = 0; i < n; ++i)
            QVERIFY(catalog->storeIndexed(item(i, v.data() + size_t(i) * dim, dim)));
        const EmbeddingSpace space = **catalog->space(QStringLiteral("m@1"), EmbeddingKind::Clip);
        VectorSearchOptions options;
        options.annThreshold = 100;
        auto index = VectorIndex::open(*catalog, space, options);
        QVERIFY(index);
        QVERIFY((*index)->usesAnn());
        QCOMPARE((*index)->size(), n);
        const QString annFile = VectorIndex::annPath(db, space);
        QVERIFY(QFile::exists(annFile));

        // Remove ten, add fifty, re-embed one: the index follows.
        const qint64 gone = (*catalog->entry(QStringLiteral("/gallery/5.png")))->id;
        QList<qint64> removed;
        for (int i = 0; i < 10; ++i)
            removed << (*catalog->entry(QStringLiteral("/gallery/%1.png").arg(i)))->id;
        QVERIFY(catalog->remove(removed));
        for (int i = n; i < n + 50; ++i)
            QVERIFY(catalog->storeIndexed(item(i, v.data() + size_t(i) * dim, dim)));
        IndexedMedia moved = item(20, v.data() + size_t(n + 1) * dim, dim); // 20 now looks like n+1
        moved.entry.sampleHash = "edited";
        QVERIFY(catalog->storeIndexed(moved));
        QCOMPARE(*(*index)->refresh(*catalog), true);
        QCOMPARE((*index)->size(), n - 10 + 50);
        QVERIFY(!(*index)->vectorOf(gone));
        const qint64 twenty = (*catalog->entry(QStringLiteral("/gallery/20.png")))->id;
        const QList<VectorHit> hits = (*index)->search(v.data() + size_t(n + 1) * dim, 2);
        QSet<qint64> top {hits.value(0).entryId, hits.value(1).entryId};
        QVERIFY(top.contains(twenty));
        QCOMPARE(*(*index)->refresh(*catalog), false);

        // A second process opens the saved graph and agrees.
        auto reopened = VectorIndex::open(*catalog, space, options);
        QVERIFY(reopened);
        QCOMPARE((*reopened)->size(), (*index)->size());
        QCOMPARE((*reopened)->search(v.data() + 100 * dim, 5), (*index)->search(v.data() + 100 * dim, 5));
    }

    void aLoadedGraphKnowsItsDeletedElements()
    {
        // hnswlib 0.6's loading constructor leaves its deleted count unset; a
        // graph read back must count exactly what was deleted before the save,
        // or a refresh throws the whole graph away and rebuilds it (minutes
        // for a large space).
        const int n = 300, dim = 8;
        const std::vector<float> v = clustered(n, dim, 4, 9);
        auto ann = AnnIndex::create(dim, n, AnnIndex::Params {});
        QVERIFY(ann);
        const std::vector<qint64> labels = sequence(n, 1);
        QVERIFY((*ann)->add(v.data(), labels.data(), n, 2));
        for (qint64 label : {3, 50, 51, 299})
            (*ann)->markDeleted(label);
        const QString path = m_dir.filePath(QStringLiteral("deleted.hnsw"));
        QVERIFY((*ann)->save(path));
        for (int trial = 0; trial < 5; ++trial) { // fresh heap memory differs from load to load
            // Dirty the heap the loader will take its memory from.
            std::vector<std::unique_ptr<char[]>> junk;
            for (int i = 0; i < 64; ++i) {
                junk.emplace_back(new char[4096]);
                std::memset(junk.back().get(), 0x5a, 4096);
            }
            junk.clear();
            auto loaded = AnnIndex::load(path, dim);
            QVERIFY(loaded);
            QCOMPARE((*loaded)->deletedCount(), 4);
            QCOMPARE((*loaded)->liveCount(), n - 4);
            QCOMPARE((*loaded)->search(v.data() + 3 * dim, 1, 16).size(), 1);
        }
    }

    void damagedGraphFilesAreRefusedAndRebuilt()
    {
        const int n = 400, dim = 8;
        const std::vector<float> v = clustered(n, dim, 4, 5);
        auto ann = AnnIndex::create(dim, n, AnnIndex::Params {});
        QVERIFY(ann);
        const std::vector<qint64> labels = sequence(n, 1);
        QVERIFY((*ann)->add(v.data(), labels.data(), n, 2));
        const QString path = m_dir.filePath(QStringLiteral("graph.hnsw"));
        QVERIFY((*ann)->save(path));
        QVERIFY(AnnIndex::load(path, dim));
        QVERIFY(!AnnIndex::load(path, dim + 1)); // another model's vectors

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray good = file.readAll();
        file.close();
        QRandomGenerator rng(6);
        int refused = 0;
        for (int trial = 0; trial < 200; ++trial) {
            QByteArray bad = good;
            if (trial % 4 == 0)
                bad.truncate(qsizetype(rng.bounded(int(bad.size()))));
            else
                for (int k = 0; k < 4; ++k)
                    bad[qsizetype(rng.bounded(int(bad.size())))] = char(rng.bounded(256));
            const QString badPath = m_dir.filePath(QStringLiteral("bad.hnsw"));
            QFile out(badPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(bad);
            out.close();
            auto loaded = AnnIndex::load(badPath, dim);
            if (!loaded) {
                ++refused;
                QCOMPARE(loaded.error().code, ErrorCode::Format);
                continue;
            }
            // Accepted only when every link is sound: searching must be safe.
            for (int q = 0; q < 5; ++q)
                (void)(*loaded)->search(v.data() + q * dim, 5, 20);
        }
        QVERIFY(refused > 50);
    }
};

QTEST_GUILESS_MAIN(VectorIndexTest)
#include "vectorindextest.moc"
