// MediaSearch over an indexed gallery: text -> media ranks by meaning,
// filters restrict, re-ranking reorders by the model's score (ITM when the
// model has it), "more like this" works without a model, media -> text
// ranks sentences, and mistakes are clear failures.
#include "app/retrieval/mediasearch.h"

#include "app/retrieval/searchresultsexport.h"
#include "tests/app/retrieval/retrievaltestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;
using namespace mplug2::test;

class MediaSearchTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_gallery;
    QString m_db;

    struct Outcome {
        std::optional<SearchResults> results;
        QString error;
    };

    static Outcome run(MediaSearch &search, const SearchQuery &query)
    {
        Outcome outcome;
        QEventLoop loop;
        const auto a = connect(&search, &MediaSearch::finished, &loop, [&](const SearchResults &r) {
            outcome.results = r;
            loop.quit();
        });
        const auto b = connect(&search, &MediaSearch::failed, &loop, [&](const QString &why) {
            outcome.error = why;
            loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        search.search(query);
        if (search.isBusy())
            loop.exec();
        disconnect(a);
        disconnect(b);
        return outcome;
    }

    static QStringList names(const SearchResults &r)
    {
        QStringList list;
        for (const SearchHit &h : r.hits)
            list << QFileInfo(h.entry.path).completeBaseName();
        return list;
    }

    void write(const QString &relative)
    {
        const QString path = m_gallery + QLatin1Char('/') + relative;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(relative.toUtf8());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gallery = m_dir.filePath(QStringLiteral("gallery"));
        for (const char *name : {"red_circle.png", "red_square.png", "blue_circle.mp4", "blue_square.mp4",
                 "green_triangle.png", "clips/yellow_circle.mp4", "clips/red_triangle.mp4"})
            write(QString::fromLatin1(name));
        m_db = m_dir.filePath(QStringLiteral("search.sqlite"));
        auto engine = loadedWordEngine(m_dir.path());
        QCOMPARE(runIndexJob(*engine, m_db, {m_gallery}).indexed, 7);
    }

    void textFindsTheMatchingMediaFirst()
    {
        auto engine = loadedWordEngine(m_dir.path());
        MediaSearch search(engine.get(), m_db);
        SearchQuery q = SearchQuery::textToMedia(QStringLiteral("a red circle"));
        q.top = 3;
        const Outcome o = run(search, q);
        QVERIFY2(o.results, qPrintable(o.error));
        QCOMPARE(o.results->hits.size(), 3);
        QCOMPARE(names(*o.results).first(), QStringLiteral("red_circle"));
        QVERIFY(o.results->hits[0].similarity > o.results->hits[1].similarity);
        QCOMPARE(o.results->searchedCount, 7);
        QVERIFY(o.results->rerankMethod.isEmpty());
        QCOMPARE(o.results->hits[0].score, o.results->hits[0].similarity);
    }

    void filtersRestrictByFolderTypeAndDuration()
    {
        auto engine = loadedWordEngine(m_dir.path());
        MediaSearch search(engine.get(), m_db);
        SearchQuery q = SearchQuery::textToMedia(QStringLiteral("red"));
        q.filter.kind = MediaKind::Video;
        Outcome o = run(search, q);
        QVERIFY2(o.results, qPrintable(o.error));
        QCOMPARE(names(*o.results).first(), QStringLiteral("red_triangle"));
        for (const SearchHit &h : o.results->hits)
            QCOMPARE(h.entry.kind, MediaKind::Video);
        q.filter = {};
        q.filter.folders = {m_gallery + QStringLiteral("/clips")};
        o = run(search, q);
        QCOMPARE(names(*o.results),
            (QStringList {QStringLiteral("red_triangle"), QStringLiteral("yellow_circle")}));
        q.filter = {};
        q.filter.minDurationSeconds = 1000;
        o = run(search, q);
        QVERIFY(o.results && o.results->hits.isEmpty());
    }

    void rerankingReordersTheBestCandidates()
    {
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->rerankBonus.insert(QStringLiteral("red_square"), 5.0); // the "model" prefers it
        auto engine = loadedWordEngine(m_dir.path(), config);
        MediaSearch search(engine.get(), m_db);
        SearchQuery q = SearchQuery::textToMedia(QStringLiteral("red circle"));
        q.top = 6;
        q.rerank = 5; // red_circle and the four files with one of the words
        const Outcome o = run(search, q);
        QVERIFY2(o.results, qPrintable(o.error));
        QCOMPARE(o.results->rerankMethod, QStringLiteral("decoder-likelihood"));
        QCOMPARE(names(*o.results).first(), QStringLiteral("red_square"));
        QCOMPARE(names(*o.results).at(1), QStringLiteral("red_circle"));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(o.results->hits[i].rerankScore);
            QCOMPARE(o.results->hits[i].score, *o.results->hits[i].rerankScore);
            if (i > 0)
                QVERIFY(o.results->hits[i - 1].score >= o.results->hits[i].score);
        }
        QVERIFY(!o.results->hits[5].rerankScore);
        QCOMPARE(engine->stats().decoderSteps, 5);
    }

    // The app's default: when the candidates are few, all of them are re-scored by the
    // model, and the results say so; with more candidates, or when not asked, the cosine
    // order stands.
    void fewCandidatesAreAllReScoredWhenAsked()
    {
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->rerankBonus.insert(QStringLiteral("red_square"), 5.0);
        auto engine = loadedWordEngine(m_dir.path(), config);
        MediaSearch search(engine.get(), m_db);
        SearchQuery q = SearchQuery::textToMedia(QStringLiteral("red circle"));
        q.top = 3;
        q.rerankIfAtMost = SearchQuery::kAutoRerankLimit; // 7 files indexed
        const Outcome o = run(search, q);
        QVERIFY2(o.results, qPrintable(o.error));
        QVERIFY(o.results->autoReranked);
        QCOMPARE(o.results->query.rerank, 7);
        QCOMPARE(o.results->rerankMethod, QStringLiteral("decoder-likelihood"));
        QCOMPARE(engine->stats().decoderSteps, 7);
        QCOMPARE(names(*o.results).first(), QStringLiteral("red_square"));
        QCOMPARE(o.results->hits.size(), 3);

        // Only the candidates the filter leaves count.
        SearchQuery clips = q;
        clips.filter.folders = {m_gallery + QStringLiteral("/clips")};
        const Outcome c = run(search, clips);
        QVERIFY2(c.results, qPrintable(c.error));
        QVERIFY(c.results->autoReranked);
        QCOMPARE(c.results->query.rerank, 2);

        // More candidates than the limit: cosine only.
        SearchQuery many = q;
        many.rerankIfAtMost = 6;
        const Outcome m = run(search, many);
        QVERIFY2(m.results, qPrintable(m.error));
        QVERIFY(!m.results->autoReranked);
        QVERIFY(m.results->rerankMethod.isEmpty());
        QCOMPARE(names(*m.results).first(), QStringLiteral("red_circle"));

        // Not asked (the CLI's default): cosine only.
        const Outcome plain = run(search, SearchQuery::textToMedia(QStringLiteral("red circle")));
        QVERIFY2(plain.results, qPrintable(plain.error));
        QVERIFY(!plain.results->autoReranked && plain.results->rerankMethod.isEmpty());
    }

    void itmHeadScoresWhenPresent()
    {
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->itmHead = true;
        auto engine = loadedWordEngine(m_dir.path(), config);
        MediaSearch search(engine.get(), m_db);
        SearchQuery q = SearchQuery::textToMedia(QStringLiteral("blue square"));
        q.rerank = 2;
        const Outcome o = run(search, q);
        QVERIFY2(o.results, qPrintable(o.error));
        QCOMPARE(o.results->rerankMethod, QStringLiteral("itm"));
        QVERIFY(*o.results->hits[0].rerankScore > 50); // the fake's Matching scorer ran
    }

    void moreLikeThisUsesTheStoredEmbeddingWithoutAModel()
    {
        auto loaded = loadedWordEngine(m_dir.path());
        MediaSearch withModel(loaded.get(), m_db);
        const Outcome keyed = run(withModel, SearchQuery::textToMedia(QStringLiteral("red")));
        QVERIFY(keyed.results);
        auto engine = makeWordEngine(std::make_shared<WordEmbeddingConfig>()); // nothing loaded
        MediaSearch search(engine.get(), m_db);
        search.setModelKey(keyed.results->modelKey);
        SearchQuery q = SearchQuery::mediaToMedia(m_gallery + QStringLiteral("/blue_circle.mp4"));
        q.top = 2;
        const Outcome o = run(search, q);
        QVERIFY2(o.results, qPrintable(o.error));
        const QStringList found = names(*o.results);
        QVERIFY(!found.contains(QStringLiteral("blue_circle"))); // not itself
        const QSet<QString> top(found.begin(), found.end());
        QVERIFY(top.contains(QStringLiteral("blue_square")) || top.contains(QStringLiteral("red_circle")));
        QCOMPARE(engine->stats().visualEncoderRuns, 0);
        // A file outside the index needs the model.
        const Outcome outside
            = run(search, SearchQuery::mediaToMedia(m_dir.filePath(QStringLiteral("elsewhere.png"))));
        QVERIFY(!outside.results);
        QVERIFY2(outside.error.contains(QStringLiteral("load it")), qPrintable(outside.error));
    }

    void mediaToTextRanksTheSentences()
    {
        auto engine = loadedWordEngine(m_dir.path());
        MediaSearch search(engine.get(), QString());
        SearchQuery q = SearchQuery::mediaToText(m_gallery + QStringLiteral("/green_triangle.png"),
            {QStringLiteral("a blue square"), QStringLiteral("a green triangle"),
                QStringLiteral("a red circle")});
        q.rerank = 2;
        const Outcome o = run(search, q);
        QVERIFY2(o.results, qPrintable(o.error));
        QCOMPARE(o.results->hits.size(), 3);
        QCOMPARE(o.results->hits.first().text, QStringLiteral("a green triangle"));
        QVERIFY(o.results->hits.first().rerankScore);
        const QJsonObject json = searchResultsToJson(*o.results);
        QCOMPARE(
            json.value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("text")),
            QStringLiteral("a green triangle"));
    }

    void exportsCsvAndJson()
    {
        auto engine = loadedWordEngine(m_dir.path());
        MediaSearch search(engine.get(), m_db);
        const Outcome o = run(search, SearchQuery::textToMedia(QStringLiteral("yellow, \"quoted\"")));
        QVERIFY(o.results);
        const QString csvPath = m_dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(exportSearchResults(*o.results, csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.first().trimmed(),
            QByteArray("rank,media,score,similarity,rerank_score,kind,duration_s,caption,start,end"));
        QVERIFY(lines.at(1).startsWith("1," + m_gallery.toUtf8() + "/clips/yellow_circle.mp4,"));
        const QString jsonPath = m_dir.filePath(QStringLiteral("out.json"));
        QVERIFY(exportSearchResults(*o.results, jsonPath));
        QFile jf(jsonPath);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonObject obj = QJsonDocument::fromJson(jf.readAll()).object();
        QCOMPARE(obj.value(QStringLiteral("query")).toString(), QStringLiteral("yellow, \"quoted\""));
        QCOMPARE(obj.value(QStringLiteral("results")).toArray().size(), 7);
        QVERIFY(!exportSearchResults(*o.results, m_dir.filePath(QStringLiteral("no/such/dir/x.csv"))));

        // Moments carry their times in every format (issue 22).
        SearchResults moments = *o.results;
        moments.query.moments = true;
        moments.hits.resize(1);
        moments.hits[0].moment = MediaMoment {7, moments.hits[0].entry.id, 3.5, 11.25, 2, {}, {}, {}};
        const QByteArray csvMoments = searchResultsToCsv(moments);
        QVERIFY2(csvMoments.split('\n').at(1).trimmed().endsWith(",3.500,11.250"), csvMoments.constData());
        const QList<QByteArray> jsonl = searchResultsToJsonLines(moments).split('\n');
        QCOMPARE(jsonl.size(), 2); // one line and the final newline
        const QJsonObject line = QJsonDocument::fromJson(jsonl.first()).object();
        QCOMPARE(line.value(QStringLiteral("start")).toDouble(), 3.5);
        QCOMPARE(line.value(QStringLiteral("end")).toDouble(), 11.25);
        QCOMPARE(line.value(QStringLiteral("shot")).toInt(), 2);
        QCOMPARE(line.value(QStringLiteral("rank")).toInt(), 1);
        const QString html = QString::fromUtf8(searchResultsToHtml(moments));
        QVERIFY2(html.contains(QStringLiteral("<td>0:03.5</td><td>0:11.2</td>")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("&quot;quoted&quot;"))); // the query, escaped
        const QString htmlPath = m_dir.filePath(QStringLiteral("out.html"));
        QVERIFY(exportSearchResults(moments, htmlPath));
        QFile hf(htmlPath);
        QVERIFY(hf.open(QIODevice::ReadOnly));
        QCOMPARE(hf.readAll(), searchResultsToHtml(moments));
    }

    void mistakesAreClearFailures()
    {
        auto engine = loadedWordEngine(m_dir.path());
        MediaSearch search(engine.get(), m_db);
        QVERIFY(!run(search, SearchQuery::textToMedia(QStringLiteral("  "))).error.isEmpty());
        auto empty = loadedWordEngine(m_dir.path());
        MediaSearch nothingIndexed(empty.get(), m_dir.filePath(QStringLiteral("empty.sqlite")));
        const Outcome o = run(nothingIndexed, SearchQuery::textToMedia(QStringLiteral("red")));
        QVERIFY2(
            o.error.startsWith(QStringLiteral("Nothing is indexed with words yet: index a folder first")),
            qPrintable(o.error));
        QVERIFY2(!o.error.contains(u'@'), qPrintable(o.error)); // no internal model key

        // The same weights in another precision: a space of their own, and the error says why.
        auto bf16
            = loadedWordEngine(m_dir.path(), nullptr, DeviceChoice {DeviceKind::Cuda, 0, Precision::Bf16});
        MediaSearch otherPrecision(bf16.get(), m_db);
        const Outcome p = run(otherPrecision, SearchQuery::textToMedia(QStringLiteral("red")));
        QVERIFY(!p.results);
        QVERIFY2(p.error.contains(QStringLiteral("in fp32 and now runs in bf16")), qPrintable(p.error));
        // A newer search replaces a running one; only the last one reports.
        QSignalSpy finished(&search, &MediaSearch::finished);
        search.search(SearchQuery::textToMedia(QStringLiteral("red")));
        search.search(SearchQuery::textToMedia(QStringLiteral("blue")));
        QVERIFY(finished.wait(10000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<SearchResults>().query.text, QStringLiteral("blue"));
    }

    void aRequestCancelledFromOutsideEndsTheSearch_data()
    {
        QTest::addColumn<bool>("whileRunning");
        QTest::newRow("queued") << false;
        QTest::newRow("running") << true;
    }
    void aRequestCancelledFromOutsideEndsTheSearch()
    {
        // Esc in the status bar cancels the search's engine request, not the search: the search
        // still has to end, in a state its view can show.
        QFETCH(bool, whileRunning);
        SlowWordEngine slow(m_dir.path(), !whileRunning, m_gallery + QStringLiteral("/red_circle.png"));
        MediaSearch search(slow.engine.get(), m_db);
        QSignalSpy cancelled(&search, &MediaSearch::cancelled);
        QSignalSpy finished(&search, &MediaSearch::finished);
        QSignalSpy failed(&search, &MediaSearch::failed);
        search.search(SearchQuery::textToMedia(QStringLiteral("red")));
        QVERIFY(search.isBusy());
        QElapsedTimer clock;
        slow.cancelTheConsumersRequest(clock);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!search.isBusy());
        QVERIFY(finished.isEmpty());
        QVERIFY(failed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(MediaSearchTest)
#include "mediasearchtest.moc"
