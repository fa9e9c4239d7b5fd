// Parsing of `mplug2 bench` and its sub-benchmarks (media, retrieval,
// catalog, moments), without a process: split from cliparamstest.
#include "app/cli/benchcommand.h"
#include "app/cli/catalogbench.h"
#include "app/cli/momentsbench.h"
#include "app/cli/retrievalbench.h"
#include "tests/app/cliparamstesting.h"

#include <QTest>

using namespace mplug2;
using namespace mplug2::app;
using namespace mplug2::app::testing;

class BenchParamsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void benchMediaReadsEveryOption()
    {
        const auto parsed = parseBenchMediaParams(commandArgs("bench",
            words({"media", "/v/clip.mp4", "--generate", "--keyframe-interval=0.5", "--folder", "/cache/b",
                "--frames=8", "--repeat", "2", "--threads=4", "--compare-full-decode", "--json"})));
        QVERIFY(std::holds_alternative<BenchMediaParams>(parsed));
        BenchMediaParams expected;
        expected.file = QStringLiteral("/v/clip.mp4");
        expected.generate = true;
        expected.keyframeInterval = 0.5;
        expected.folder = QStringLiteral("/cache/b");
        expected.frames = 8;
        expected.repeat = 2;
        expected.threads = 4;
        expected.compareFullDecode = expected.json = true;
        QCOMPARE(std::get<BenchMediaParams>(parsed), expected);
    }

    void benchMediaDefaults()
    {
        const auto parsed = parseBenchMediaParams(commandArgs("bench", words({"media", "clip.mp4"})));
        QVERIFY(std::holds_alternative<BenchMediaParams>(parsed));
        const BenchMediaParams &p = std::get<BenchMediaParams>(parsed);
        QCOMPARE(p.file, QStringLiteral("clip.mp4"));
        QCOMPARE(p.frames, 16);
        QCOMPARE(p.repeat, 3);
        QCOMPARE(p.threads, 0); // one per CPU
        QCOMPARE(p.keyframeInterval, 2.0);
        QCOMPARE(p.folder, std::nullopt); // the cache folder
        QVERIFY(!p.generate && !p.compareFullDecode && !p.json);
        BenchMediaParams expected;
        expected.file = QStringLiteral("clip.mp4");
        QCOMPARE(p, expected);

        // The mode may come after the options; --generate needs no file.
        const auto generated
            = parseBenchMediaParams(commandArgs("bench", words({"--generate", "--repeat=1", "media"})));
        QVERIFY(std::holds_alternative<BenchMediaParams>(generated));
        QVERIFY(std::get<BenchMediaParams>(generated).generate);
        QCOMPARE(std::get<BenchMediaParams>(generated).repeat, 1);
        QCOMPARE(std::get<BenchMediaParams>(generated).file, QString());
    }

    void benchMediaStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 bench [options] mode [file]";
        QTest::newRow("help of media") << words({"media", "--help"}) << 0 << "--compare-full-decode";
        QTest::newRow("no mode") << words({"--json"}) << 2
                                 << "say what to measure: 'mplug2 bench media FILE' or 'mplug2 bench media "
                                    "--generate'";
        QTest::newRow("unknown mode")
            << words({"speed", "clip.mp4"}) << 2
            << "unknown benchmark \"speed\": use media, retrieval, catalog or moments";
        QTest::newRow("mode after options")
            << words({"--json", "catalog"}) << 2
            << "name the benchmark before its options: 'mplug2 bench catalog ...'";
        QTest::newRow("no file") << words({"media"}) << 2 << "name a video file or use --generate";
        QTest::newRow("no frames") << words({"media", "a.mp4", "--frames=0"}) << 2
                                   << "--frames, --repeat and --threads take positive numbers";
        QTest::newRow("frames text") << words({"media", "a.mp4", "--frames=all"}) << 2
                                     << "--frames, --repeat";
        QTest::newRow("no repeat") << words({"media", "a.mp4", "--repeat=0"}) << 2 << "--frames, --repeat";
        QTest::newRow("negative threads")
            << words({"media", "a.mp4", "--threads=-1"}) << 2 << "--frames, --repeat";
        QTest::newRow("interval text")
            << words({"media", "--generate", "--keyframe-interval=often"}) << 2 << "--frames, --repeat";
        QTest::newRow("numbers before the file")
            << words({"media", "--frames=0"}) << 2 << "--frames, --repeat";
        QTest::newRow("unknown option") << words({"media", "a.mp4", "--frobnicate"}) << 2 << "frobnicate";
        QTest::newRow("missing value") << words({"media", "a.mp4", "--frames"}) << 2 << "frames";
    }
    void benchMediaStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseBenchMediaParams(commandArgs("bench", args)), exitCode, says);
    }

    void benchMessagesLeaveTheCommandToThePrinter()
    {
        // printStop prefixes the command ("mplug2 bench media: ..."): the stop holds the message alone.
        QCOMPARE(std::get<CliStop>(parseBenchMediaParams(commandArgs("bench", words({"media"})))),
            (CliStop {2, QStringLiteral("name a video file or use --generate")}));
        QCOMPARE(
            std::get<CliStop>(parseRetrievalBenchParams(commandArgs("bench retrieval", words({"--k=0"})))),
            (CliStop {2, QStringLiteral("--dim, --queries, --k, --ef and --m take positive numbers")}));
        QCOMPARE(std::get<CliStop>(parseCatalogBenchParams(commandArgs("bench catalog", {}))),
            (CliStop {2, QStringLiteral("--db FILE|URI is required")}));
        QCOMPARE(
            std::get<CliStop>(parseMomentsBenchParams(commandArgs("bench moments", words({"--minutes=0"})))),
            (CliStop {2, QStringLiteral("--minutes takes 1 to 600")}));
    }

    void retrievalBenchReadsEveryOption()
    {
        const auto parsed = parseRetrievalBenchParams(commandArgs("bench retrieval",
            words({"--sizes", "2000, 5000,", "--dim=64", "--queries=20", "--k", "5", "--ef=50", "--m=8",
                "--seed=7", "--index-folder", "/photos", "--model=tiny", "--frames=4", "--device=cpu",
                "--json"})));
        QVERIFY(std::holds_alternative<RetrievalBenchParams>(parsed));
        const RetrievalBenchParams &p = std::get<RetrievalBenchParams>(parsed);
        QCOMPARE(p.sizes, (QList<qint64> {2000, 5000}));
        QCOMPARE(p.dim, 64);
        QCOMPARE(p.queries, 20);
        QCOMPARE(p.k, 5);
        QCOMPARE(p.ef, 50);
        QCOMPARE(p.m, 8);
        QCOMPARE(p.seed, quint32(7));
        QCOMPARE(p.indexFolder, std::optional<QString>(QStringLiteral("/photos")));
        QCOMPARE(p.model.model, std::optional<QString>(QStringLiteral("tiny")));
        QCOMPARE(p.model.frames, std::optional<int>(4));
        QCOMPARE(p.model.device, QStringLiteral("cpu"));
        QVERIFY(p.json);
    }

    void retrievalBenchDefaults()
    {
        const auto parsed = parseRetrievalBenchParams(commandArgs("bench retrieval", {}));
        QVERIFY(std::holds_alternative<RetrievalBenchParams>(parsed));
        const RetrievalBenchParams &p = std::get<RetrievalBenchParams>(parsed);
        QCOMPARE(p.sizes, (QList<qint64> {10000, 100000}));
        QCOMPARE(p.dim, 768);
        QCOMPARE(p.queries, 200);
        QCOMPARE(p.k, 10);
        QCOMPARE(p.ef, 400);
        QCOMPARE(p.m, 16);
        QCOMPARE(p.seed, quint32(1));
        QCOMPARE(p.indexFolder, std::nullopt);
        QVERIFY(!p.json);
        QCOMPARE(p, RetrievalBenchParams {});

        // The model options are for --index-folder: without it they are not read, bad numbers included.
        const auto unused = parseRetrievalBenchParams(
            commandArgs("bench retrieval", words({"--model=tiny", "--frames=0", "--sizes="})));
        QVERIFY(std::holds_alternative<RetrievalBenchParams>(unused));
        QCOMPARE(std::get<RetrievalBenchParams>(unused).model, ModelParams {});
        QCOMPARE(std::get<RetrievalBenchParams>(unused).sizes, QList<qint64> {}); // no search rows
    }

    void retrievalBenchStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 bench retrieval [options]";
        QTest::newRow("no dim") << words({"--dim=0"}) << 2
                                << "--dim, --queries, --k, --ef and --m take positive numbers";
        QTest::newRow("queries text") << words({"--queries=many"}) << 2 << "--dim, --queries, --k";
        QTest::newRow("negative k") << words({"--k=-3"}) << 2 << "--dim, --queries, --k";
        QTest::newRow("no ef") << words({"--ef=0"}) << 2 << "--dim, --queries, --k";
        QTest::newRow("degree 1") << words({"--m=1"}) << 2 << "--dim, --queries, --k";
        QTest::newRow("size not above k") << words({"--sizes=20000,10", "--k=10"}) << 2 << "bad size 10";
        QTest::newRow("size text") << words({"--sizes=lots"}) << 2 << "bad size lots";
        QTest::newRow("bad frames to index") << words({"--index-folder=/p", "--frames=0"}) << 2
                                             << "--frames must be a whole number from 1 to 64 (got \"0\")";
        QTest::newRow("generation option") << words({"--index-folder=/p", "--beam=2"}) << 2 << "beam";
        QTest::newRow("unknown option") << words({"--frobnicate"}) << 2 << "frobnicate";
        QTest::newRow("missing value") << words({"--sizes"}) << 2 << "sizes";
    }
    void retrievalBenchStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseRetrievalBenchParams(commandArgs("bench retrieval", args)), exitCode, says);
    }

    void catalogBenchReadsEveryOption()
    {
        const auto parsed = parseCatalogBenchParams(commandArgs("bench catalog",
            words({"--db", "postgresql://me@host/scratch", "--files=100", "--workers", " 1, 8,",
                "--vectors=0,5000,x", "--dim=32", "--queries=9", "--reuse-run", "ab12cd34", "--json"})));
        QVERIFY(std::holds_alternative<CatalogBenchParams>(parsed));
        CatalogBenchParams expected;
        expected.db = QStringLiteral("postgresql://me@host/scratch");
        expected.files = 100;
        expected.workers = {1, 8};
        expected.vectors = {5000}; // 0 (and what is not a number) skips
        expected.dim = 32;
        expected.queries = 9;
        expected.reuseRun = QStringLiteral("ab12cd34");
        expected.json = true;
        QCOMPARE(std::get<CatalogBenchParams>(parsed), expected);
    }

    void catalogBenchDefaults()
    {
        const auto parsed = parseCatalogBenchParams(commandArgs("bench catalog", words({"--db=s.sqlite"})));
        QVERIFY(std::holds_alternative<CatalogBenchParams>(parsed));
        const CatalogBenchParams &p = std::get<CatalogBenchParams>(parsed);
        QCOMPARE(p.db, QStringLiteral("s.sqlite"));
        QCOMPARE(p.files, qint64(2000));
        QCOMPARE(p.workers, (QList<int> {1, 2, 4}));
        QCOMPARE(p.vectors, QList<qint64> {100000});
        QCOMPARE(p.dim, 768);
        QCOMPARE(p.queries, 500);
        QCOMPARE(p.reuseRun, std::nullopt); // a new run, on an empty index
        QVERIFY(!p.json);

        const auto noIndex
            = parseCatalogBenchParams(commandArgs("bench catalog", words({"--db=s.sqlite", "--vectors=0"})));
        QVERIFY(std::get<CatalogBenchParams>(noIndex).vectors.isEmpty());
    }

    void catalogBenchStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 bench catalog [options]";
        QTest::newRow("no db") << words({"--files=10"}) << 2 << "--db FILE|URI is required";
        QTest::newRow("no db before bad numbers") << words({"--files=0"}) << 2 << "--db FILE|URI is required";
        QTest::newRow("no files") << words({"--db=s", "--files=0"}) << 2
                                  << "--files, --dim, --queries and --workers take positive numbers";
        QTest::newRow("dim text") << words({"--db=s", "--dim=wide"}) << 2 << "--files, --dim, --queries";
        QTest::newRow("negative queries") << words({"--db=s", "--queries=-1"}) << 2 << "--files, --dim";
        QTest::newRow("no workers") << words({"--db=s", "--workers=1,0"}) << 2 << "--files, --dim";
        QTest::newRow("too many workers") << words({"--db=s", "--workers=65"}) << 2 << "--files, --dim";
        QTest::newRow("workers text") << words({"--db=s", "--workers=two"}) << 2 << "--files, --dim";
        QTest::newRow("unknown option") << words({"--db=s", "--frobnicate"}) << 2 << "frobnicate";
        QTest::newRow("model option") << words({"--db=s", "--model=tiny"}) << 2 << "model";
        QTest::newRow("missing value") << words({"--db"}) << 2 << "db";
    }
    void catalogBenchStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseCatalogBenchParams(commandArgs("bench catalog", args)), exitCode, says);
    }

    void momentsBenchReadsEveryOption()
    {
        const auto parsed = parseMomentsBenchParams(commandArgs("bench moments",
            words({"--video", "/v/long.mp4", "--minutes=5", "--json", "--model=tiny", "--frames=8",
                "--device=cpu", "--precision=bf16"})));
        QVERIFY(std::holds_alternative<MomentsBenchParams>(parsed));
        const MomentsBenchParams &p = std::get<MomentsBenchParams>(parsed);
        QCOMPARE(p.video, QStringLiteral("/v/long.mp4"));
        QCOMPARE(p.minutes, 5);
        QVERIFY(p.json);
        QCOMPARE(p.model.model, std::optional<QString>(QStringLiteral("tiny")));
        QCOMPARE(p.model.frames, std::optional<int>(8)); // the frames each moment is embedded from
        QCOMPARE(p.model.device, QStringLiteral("cpu"));
        QCOMPARE(p.model.precision, QStringLiteral("bf16"));
    }

    void momentsBenchDefaults()
    {
        const auto parsed = parseMomentsBenchParams(commandArgs("bench moments", {}));
        QVERIFY(std::holds_alternative<MomentsBenchParams>(parsed));
        const MomentsBenchParams &p = std::get<MomentsBenchParams>(parsed);
        QCOMPARE(p.video, QString()); // the generated video
        QCOMPARE(p.minutes, 60);
        QCOMPARE(p.model.frames, std::nullopt); // the model's own
        QVERIFY(!p.json);
        QCOMPARE(p, MomentsBenchParams {});
    }

    void momentsBenchStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 bench moments [options]";
        QTest::newRow("no minutes") << words({"--minutes=0"}) << 2 << "--minutes takes 1 to 600";
        QTest::newRow("too many minutes") << words({"--minutes=601"}) << 2 << "--minutes takes 1 to 600";
        QTest::newRow("minutes text") << words({"--minutes=an-hour"}) << 2 << "--minutes takes 1 to 600";
        QTest::newRow("no frames") << words({"--frames=0"}) << 2
                                   << "--frames must be a whole number from 1 to 64 (got \"0\")";
        QTest::newRow("too many frames") << words({"--video=a.mp4", "--frames=65"}) << 2
                                         << "--frames must be a whole number from 1 to 64 (got \"65\")";
        QTest::newRow("generation option") << words({"--beam=2"}) << 2 << "beam";
        QTest::newRow("unknown option") << words({"--frobnicate"}) << 2 << "frobnicate";
        QTest::newRow("missing value") << words({"--video"}) << 2 << "video";
    }
    void momentsBenchStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseMomentsBenchParams(commandArgs("bench moments", args)), exitCode, says);
    }
};

QTEST_GUILESS_MAIN(BenchParamsTest)
#include "benchparamstest.moc"
