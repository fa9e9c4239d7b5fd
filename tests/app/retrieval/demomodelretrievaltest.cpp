// With the bundled demo model (trained with a contrastive loss on the
// synthetic shapes world), text -> media retrieval finds the right media:
// "a red circle" ranks the red circle first, and recall@1 over every
// colour x shape query is at least 80 % (the demo model's own target).
// Skips, saying why, while this tree has no bundled demo model.
#include "app/bundle/bundledresources.h"
#include "app/bundle/bundleregistry.h"
#include "app/retrieval/mediasearch.h"
#include "tests/app/retrieval/retrievaltestsupport.h"
#include "tests/app/retrieval/shapegallery.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class DemoModelRetrievalTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    QString m_db;

    std::optional<SearchResults> search(const QString &text)
    {
        MediaSearch searcher(m_engine.get(), m_db);
        std::optional<SearchResults> results;
        QEventLoop loop;
        connect(&searcher, &MediaSearch::finished, &loop, [&](const SearchResults &r) {
            results = r;
            loop.quit();
        });
        connect(&searcher, &MediaSearch::failed, &loop, [&](const QString &why) {
            qWarning("%s", qPrintable(why));
            loop.quit();
        });
        SearchQuery q = SearchQuery::textToMedia(text);
        q.top = 3;
        searcher.search(q);
        if (searcher.isBusy())
            loop.exec();
        return results;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString manifest = BundledResources::defaultModelManifest();
        if (manifest.isEmpty())
            QSKIP("the bundled demo model (issue 10) is not in this tree yet: "
                  "resources/models/demo/manifest.json");
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("the ffmpeg command is not installed (packaging/install-deps.sh installs it)");
        Expected<ModelBundle> bundle = ModelBundle::load(manifest);
        QVERIFY2(bundle, bundle ? "" : bundle.error().message.c_str());
        m_engine = std::make_unique<Engine>();
        const RequestHandle load = m_engine->loadModel(*bundle, DeviceChoice::cpu());
        QTRY_VERIFY_WITH_TIMEOUT(load.isOver(), 120000);
        QVERIFY2(load.outcome()->isFinished(),
            qPrintable(load.outcome()->error ? load.outcome()->error->message : QStringLiteral("cancelled")));

        const QString gallery = m_dir.filePath(QStringLiteral("gallery"));
        QDir().mkpath(gallery);
        int i = 0;
        for (const char *colour : {"red", "green", "blue", "yellow", "white"})
            for (const char *shape : {"circle", "square", "triangle"})
                QVERIFY(!test::makeShapeMedia(
                    gallery, {QLatin1String(colour), QLatin1String(shape), ++i % 2 == 0})
                             .isEmpty());
        m_db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        IndexJobOptions options;
        options.captions = true;
        const IndexSummary s = test::runIndexJob(*m_engine, m_db, {gallery}, options, 600000);
        QCOMPARE(s.status, IndexJobStatus::Finished);
        QCOMPARE(s.indexed, 15);
    }

    void aRedCircleRanksTheRedCircleFirst()
    {
        const std::optional<SearchResults> r = search(QStringLiteral("a red circle"));
        QVERIFY(r && !r->hits.isEmpty());
        QVERIFY2(QFileInfo(r->hits.first().entry.path).completeBaseName().startsWith(QLatin1String("red_")),
            qPrintable(r->hits.first().entry.path));
        QVERIFY2(QFileInfo(r->hits.first().entry.path).completeBaseName() == QLatin1String("red_circle"),
            qPrintable(r->hits.first().entry.path));
    }

    void captionsAreStoredAsTheModelWritesThem()
    {
        auto catalog = std::move(*Catalog::open(m_db));
        const QList<CatalogEntry> all
            = *catalog->entriesUnder(m_dir.filePath(QStringLiteral("gallery")), QString());
        QCOMPARE(all.size(), 15);
        for (const CatalogEntry &e : all)
            QVERIFY2(!e.caption.isEmpty(), qPrintable(e.path));
        // The stored caption is the caption task's own answer for the file.
        for (const CatalogEntry &e : all.mid(0, 3)) {
            const RequestHandle h = m_engine->submit(EngineRequest::caption(e.path));
            QTRY_VERIFY_WITH_TIMEOUT(h.isOver(), 60000);
            QVERIFY(h.outcome()->isFinished() && h.outcome()->result);
            QCOMPARE(e.caption, h.outcome()->result->items.value(0).text);
        }
        const std::optional<SearchResults> r = search(QStringLiteral("a red circle"));
        QVERIFY(r && !r->hits.isEmpty());
        QVERIFY(!r->hits.first().entry.caption.isEmpty());
    }

    void recallAtOneOverEveryColourAndShape()
    {
        int hits = 0, queries = 0;
        QStringList misses;
        for (const char *colour : {"red", "green", "blue", "yellow", "white"})
            for (const char *shape : {"circle", "square", "triangle"}) {
                const QString want = QStringLiteral("%1_%2").arg(QLatin1String(colour), QLatin1String(shape));
                const std::optional<SearchResults> r
                    = search(QStringLiteral("a %1 %2").arg(QLatin1String(colour), QLatin1String(shape)));
                QVERIFY(r && !r->hits.isEmpty());
                ++queries;
                const QString got = QFileInfo(r->hits.first().entry.path).completeBaseName();
                if (got == want)
                    ++hits;
                else
                    misses << want + QStringLiteral(" -> ") + got;
            }
        qInfo("recall@1 %d/%d; misses: %s", hits, queries, qPrintable(misses.join(QStringLiteral(", "))));
        // Issue 10 asks for R@1 >= 80%.
        QVERIFY2(hits * 10 >= queries * 8, qPrintable(misses.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(DemoModelRetrievalTest)
#include "demomodelretrievaltest.moc"
