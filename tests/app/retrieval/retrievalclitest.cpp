// The `mplug2 index` and `mplug2 search` commands as a user or a script sees
// them: exit codes, messages, and the exact shape of `search --json`. The
// index here is written through the catalog API, so "more like this" runs
// without loading any model.
#include "app/retrieval/catalog.h"
#include "tests/app/clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class RetrievalCliTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    using Run = test::CliRun;
    // In m_dir's own config and data folders: no user bundles.
    Run run(const QStringList &args) const { return test::runCli(args, m_dir.path()); }

    QString media(const QString &name) const { return m_dir.filePath(QStringLiteral("gallery/") + name); }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("index.sqlite"));
        auto catalog = std::move(*Catalog::open(m_db));
        // Four media on a circle in a plane of a 4-d space: neighbours by angle.
        const QList<QPair<QString, QList<float>>> items {
            {QStringLiteral("a.png"), {1.f, 0.f, 0.f, 0.f}},
            {QStringLiteral("b.mp4"), {0.8f, 0.6f, 0.f, 0.f}},
            {QStringLiteral("c.png"), {0.f, 1.f, 0.f, 0.f}},
            {QStringLiteral("d.mp4"), {-1.f, 0.f, 0.f, 0.f}},
        };
        for (const auto &[name, vector] : items) {
            IndexedMedia m;
            m.entry.path = media(name);
            m.entry.kind = name.endsWith(QLatin1String(".mp4")) ? MediaKind::Video : MediaKind::Image;
            m.entry.sampleHash = name.toUtf8();
            m.modelKey = QStringLiteral("words@0123456789ab-r224-f16");
            m.bundleId = QStringLiteral("words");
            m.embeddings = {{EmbeddingKind::Clip, vector}};
            if (name != QLatin1String("d.mp4"))
                m.caption = StoredCaption {
                    QStringLiteral("caption of %1, with \"quotes\", commas").arg(name), QStringLiteral("{}")};
            QVERIFY(catalog->storeIndexed(m));
        }
    }

    void searchJsonIsOneObjectWithQueryAndRankedResults()
    {
        const Run r = run({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("--like"),
            media(QStringLiteral("a.png")), QStringLiteral("--top"), QStringLiteral("2"),
            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(r.out));
        const QJsonObject obj = doc.object();
        QCOMPARE(obj.keys(), (QStringList {QStringLiteral("query"), QStringLiteral("results")}));
        QCOMPARE(obj.value(QStringLiteral("query")).toString(), media(QStringLiteral("a.png")));
        const QJsonArray results = obj.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("media")).toString(),
            media(QStringLiteral("b.mp4")));
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("media")).toString(),
            media(QStringLiteral("c.png")));
        QVERIFY(qAbs(results.at(0).toObject().value(QStringLiteral("score")).toDouble() - 0.8) < 1e-6);
        QVERIFY(results.at(0).toObject().value(QStringLiteral("score")).toDouble()
            >= results.at(1).toObject().value(QStringLiteral("score")).toDouble());
    }

    void searchShowsCaptionsAndExportIndexWritesEveryFile()
    {
        const Run r = run({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("--like"),
            media(QStringLiteral("a.png")), QStringLiteral("--top"), QStringLiteral("3"),
            QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray results
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("caption")).toString(),
            QStringLiteral("caption of b.mp4, with \"quotes\", commas"));

        const Run jsonl = run({QStringLiteral("export-index"), QStringLiteral("--db"), m_db});
        QCOMPARE(jsonl.exitCode, 0);
        const QStringList lines = jsonl.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        const QJsonObject first = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        QCOMPARE(first.value(QStringLiteral("path")).toString(), media(QStringLiteral("a.png")));
        QCOMPARE(first.value(QStringLiteral("caption")).toString(),
            QStringLiteral("caption of a.png, with \"quotes\", commas"));
        QCOMPARE(QJsonDocument::fromJson(lines.last().toUtf8())
                     .object()
                     .value(QStringLiteral("caption"))
                     .toString(),
            QString()); // d.mp4 has none

        const QString csvPath = m_dir.filePath(QStringLiteral("export.csv"));
        const Run csv = run({QStringLiteral("export-index"), QStringLiteral("--db"), m_db,
            QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-o"), csvPath});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.isEmpty());
        QFile f(csvPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = f.readAll().split('\n');
        QCOMPARE(rows.at(0).trimmed(),
            QByteArray("path,caption,kind,size,mtime_ms,duration_s,width,height,indexed_at_ms,error"));
        QVERIFY2(rows.at(1).startsWith((media(QStringLiteral("a.png"))
                     + QStringLiteral(",\"caption of a.png, with \"\"quotes\"\", commas\",image,"))
                                           .toUtf8()),
            rows.at(1).constData());
        QCOMPARE(run({QStringLiteral("export-index"), QStringLiteral("--db"), m_db,
                         QStringLiteral("--format"), QStringLiteral("xml")})
                     .exitCode,
            2);
        QCOMPARE(run({QStringLiteral("export-index"), QStringLiteral("--db"),
                         m_dir.filePath(QStringLiteral("none.sqlite"))})
                     .exitCode,
            1);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.sqlite"))));
    }

    void searchFiltersAndPrintsATable()
    {
        const Run r = run({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("--like"),
            media(QStringLiteral("a.png")), QStringLiteral("--type"), QStringLiteral("video")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).endsWith(media(QStringLiteral("b.mp4"))
                     + QStringLiteral("  \u2014 caption of b.mp4, with \"quotes\", commas")),
            qPrintable(r.out));
        QVERIFY2(lines.at(1).endsWith(media(QStringLiteral("d.mp4"))), qPrintable(r.out));
    }

    void searchMistakesAreUsageErrorsOrOneLineFailures()
    {
        QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--db"), m_db}).exitCode, 2);
        QCOMPARE(
            run({QStringLiteral("search"), QStringLiteral("--text"), QStringLiteral("a cat")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("--text"),
                         QStringLiteral("x"), QStringLiteral("--type"), QStringLiteral("sound")})
                     .exitCode,
            2);
        QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("--text"),
                         QStringLiteral("x"), QStringLiteral("--top"), QStringLiteral("0")})
                     .exitCode,
            2);
        const Run missing = run({QStringLiteral("search"), QStringLiteral("--db"),
            m_dir.filePath(QStringLiteral("no.sqlite")), QStringLiteral("--text"), QStringLiteral("x")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("mplug2 index")), qPrintable(missing.err));
        QVERIFY(
            !QFile::exists(m_dir.filePath(QStringLiteral("no.sqlite")))); // searching never creates an index
        // The index was made by a model that is not installed: a query needing it says so.
        const Run uninstalled = run({QStringLiteral("search"), QStringLiteral("--db"), m_db,
            QStringLiteral("--text"), QStringLiteral("a red circle")});
        QCOMPARE(uninstalled.exitCode, 1);
        QVERIFY2(uninstalled.err.contains(QStringLiteral("--model")), qPrintable(uninstalled.err));
        QCOMPARE(uninstalled.err.count(QLatin1Char('\n')), 1);
    }

    void indexNeedsADbAndAModel()
    {
        const Run help = run({QStringLiteral("index"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--db")));
        QCOMPARE(run({QStringLiteral("index"), m_dir.path()}).exitCode, 2);
        const Run badFrames = run({QStringLiteral("index"), QStringLiteral("--db"), m_db,
            QStringLiteral("--frames"), QStringLiteral("0"), m_dir.path()});
        QCOMPARE(badFrames.exitCode, 2);
        QVERIFY2(badFrames.err.contains(QStringLiteral("--frames")), qPrintable(badFrames.err));
        const Run noModel = run(
            {QStringLiteral("index"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("new.sqlite")),
                QStringLiteral("--model"), m_dir.filePath(QStringLiteral("no-such-bundle")), m_dir.path()});
        QCOMPARE(noModel.exitCode, 1);
        QVERIFY2(noModel.err.contains(QStringLiteral("no-such-bundle")), qPrintable(noModel.err));
    }
};

QTEST_GUILESS_MAIN(RetrievalCliTest)
#include "retrievalclitest.moc"
