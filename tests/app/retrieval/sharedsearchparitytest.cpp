// The same files indexed into SQLite and into PostgreSQL answer every query
// alike: with exact search, the top 10 paths are the same and their scores
// at most 1e-6 apart (text queries and "more like this").
#include "app/retrieval/mediasearch.h"
#include "tests/app/retrieval/retrievaltestsupport.h"
#include "tests/support/throwawaypostgres.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;
using namespace mplug2::test;

namespace {

constexpr int kFiles = 300;

std::optional<SearchResults> runSearch(MediaSearch &search, const SearchQuery &query, QString *error)
{
    std::optional<SearchResults> results;
    QEventLoop loop;
    QObject::connect(&search, &MediaSearch::finished, &loop, [&](const SearchResults &r) {
        results = r;
        loop.quit();
    });
    QObject::connect(&search, &MediaSearch::failed, &loop, [&](const QString &why) {
        *error = why;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    search.search(query);
    if (search.isBusy())
        loop.exec();
    return results;
}

} // namespace

class SharedSearchParityTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ThrowawayPostgres m_pg;

private Q_SLOTS:
    void sqliteAndPostgresGiveTheSameTopTen()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        const QString gallery = m_dir.filePath(QStringLiteral("gallery"));
        const QStringList colours {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"),
            QStringLiteral("yellow"), QStringLiteral("white")};
        const QStringList shapes {
            QStringLiteral("circle"), QStringLiteral("square"), QStringLiteral("triangle")};
        QRandomGenerator rng(7);
        for (int i = 0; i < kFiles; ++i) {
            const QString folder = gallery + QStringLiteral("/f%1").arg(i % 5);
            QDir().mkpath(folder);
            QFile f(folder
                + QStringLiteral("/%1_%2_%3.%4")
                      .arg(colours[int(rng.bounded(5))], shapes[int(rng.bounded(3))])
                      .arg(i)
                      .arg(i % 3 ? QStringLiteral("png") : QStringLiteral("mp4")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::number(rng.generate()).repeated(1 + i % 4));
        }
        const QString sqlite = m_dir.filePath(QStringLiteral("index.sqlite"));
        const QString server = m_pg.newDatabase(QStringLiteral("parity"));
        QVERIFY2(!server.isEmpty(), qPrintable(m_pg.lastOutput()));
        auto engine = loadedWordEngine(m_dir.path());
        for (const QString &db : {sqlite, server}) {
            const IndexSummary s = runIndexJob(*engine, db, {gallery});
            QCOMPARE(s.status, IndexJobStatus::Finished);
            QCOMPARE(s.indexed, kFiles);
        }

        VectorSearchOptions exact;
        exact.annThreshold = 1'000'000;
        MediaSearch fromFile(engine.get(), sqlite, exact);
        MediaSearch fromServer(engine.get(), server, exact);
        QList<SearchQuery> queries;
        for (const char *text : {"a red circle", "blue square", "a yellow triangle in the dark", "green"}) {
            SearchQuery q = SearchQuery::textToMedia(QString::fromLatin1(text));
            q.top = 10;
            queries << q;
        }
        SearchQuery like;
        like.mode = SearchMode::MediaToMedia;
        like.mediaPath
            = QDir(gallery + QStringLiteral("/f2")).entryInfoList(QDir::Files).first().absoluteFilePath();
        like.top = 10;
        queries << like;
        for (const SearchQuery &q : std::as_const(queries)) {
            QString error;
            const std::optional<SearchResults> a = runSearch(fromFile, q, &error);
            QVERIFY2(a, qPrintable(error));
            const std::optional<SearchResults> b = runSearch(fromServer, q, &error);
            QVERIFY2(b, qPrintable(error));
            QCOMPARE(a->hits.size(), 10);
            QCOMPARE(b->hits.size(), a->hits.size());
            QCOMPARE(b->searchedCount, a->searchedCount);
            for (qsizetype i = 0; i < a->hits.size(); ++i) {
                QCOMPARE(b->hits[i].entry.path, a->hits[i].entry.path);
                QVERIFY2(std::abs(b->hits[i].score - a->hits[i].score) <= 1e-6,
                    qPrintable(
                        QStringLiteral("%1: %2 vs %3").arg(i).arg(a->hits[i].score).arg(b->hits[i].score)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(SharedSearchParityTest)
#include "sharedsearchparitytest.moc"
