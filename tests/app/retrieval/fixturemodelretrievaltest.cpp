// Retrieval end to end with a real mPLUG-2 checkpoint (the tiny-a fixture)
// through the `mplug2` CLI: index generated shapes, re-run incrementally,
// search by text with re-ranking, and kill the real indexer mid-run.
// Needs ../shared (fixtures, CLIP BPE) and an engine that runs mPLUG-2
// models; a build whose engine cannot yet run them skips with the engine's
// own words.
#include "tests/app/retrieval/catalogchecks.h"
#include "tests/app/retrieval/shapegallery.h"
#include "tests/support/qtestshared.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;

class FixtureModelRetrievalTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_shared;
    QString m_gallery;

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QStringList modelArgs() const
    {
        const QString fixtures = m_shared + QStringLiteral("/fixtures/tiny-a/");
        return {QStringLiteral("--checkpoint"), fixtures + QStringLiteral("caption.pth"),
            QStringLiteral("--bert-config"), fixtures + QStringLiteral("config_bert.json"),
            QStringLiteral("--model-config"), fixtures + QStringLiteral("config.json"),
            QStringLiteral("--clip-bpe"), m_shared + QStringLiteral("/data/bpe_simple_vocab_16e6.txt.gz"),
            QStringLiteral("--device"), QStringLiteral("cpu")};
    }

    QProcess *start(const QStringList &args)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(MPLUG2_CLI_PATH), args);
        return p;
    }

    Run run(const QStringList &args)
    {
        QProcess *p = start(args);
        Run r;
        if (p->waitForFinished(300000))
            r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        else
            p->kill();
        r.out = QString::fromUtf8(p->readAllStandardOutput());
        r.err = QString::fromUtf8(p->readAllStandardError());
        p->deleteLater();
        return r;
    }

    QStringList indexArgs(const QString &db) const
    {
        return QStringList {QStringLiteral("index"), QStringLiteral("--db"), db, QStringLiteral("--json")}
        + modelArgs() + QStringList {m_gallery};
    }

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("the ffmpeg command is not installed (packaging/install-deps.sh installs it)");
        m_gallery = m_dir.filePath(QStringLiteral("gallery"));
        QDir().mkpath(m_gallery);
        const QStringList colours {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")};
        const QStringList shapes {
            QStringLiteral("circle"), QStringLiteral("square"), QStringLiteral("triangle")};
        for (int i = 0; i < 9; ++i)
            QVERIFY(!test::makeShapeMedia(m_gallery, {colours[i % 3], shapes[i / 3], i % 2 == 1}).isEmpty());
    }

    void indexesIncrementallyAndSearchesByText()
    {
        const QString db = m_dir.filePath(QStringLiteral("index.sqlite"));
        const Run first = run(indexArgs(db));
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject summary = QJsonDocument::fromJson(first.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("indexed")).toInt(), 9);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);
        const test::CatalogCheck check = test::checkCatalog(db);
        QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
        QCOMPARE(check.embedded, 9);

        const Run again = run(indexArgs(db));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const QJsonObject second = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(second.value(QStringLiteral("indexed")).toInt(), 0);
        QCOMPARE(second.value(QStringLiteral("unchanged")).toInt(), 9);

        const Run search
            = run(QStringList {QStringLiteral("search"), QStringLiteral("--db"), db, QStringLiteral("--text"),
                      QStringLiteral("a red circle"), QStringLiteral("--top"), QStringLiteral("4"),
                      QStringLiteral("--rerank"), QStringLiteral("2"), QStringLiteral("--json")}
                + modelArgs());
        QVERIFY2(search.exitCode == 0, qPrintable(search.err));
        const QJsonObject result = QJsonDocument::fromJson(search.out.toUtf8()).object();
        QCOMPARE(result.value(QStringLiteral("query")).toString(), QStringLiteral("a red circle"));
        const QJsonArray hits = result.value(QStringLiteral("results")).toArray();
        QCOMPARE(hits.size(), 4);
        for (int i = 0; i < hits.size(); ++i) {
            const QJsonObject hit = hits.at(i).toObject();
            QVERIFY(hit.value(QStringLiteral("media")).toString().startsWith(m_gallery));
            QCOMPARE(hit.contains(QStringLiteral("rerank_score")), i < 2); // the re-scored come first
            if (i == 1)
                QVERIFY(hits.at(0).toObject().value(QStringLiteral("score")).toDouble()
                    >= hit.value(QStringLiteral("score")).toDouble());
        }
    }

    void killingTheRealIndexerLeavesAConsistentIndex()
    {
        const QString db = m_dir.filePath(QStringLiteral("killed.sqlite"));
        QRandomGenerator rng(QRandomGenerator::global()->generate());
        qint64 stored = 0;
        for (int kill = 0; kill < 3; ++kill) {
            QProcess *indexer = start(indexArgs(db));
            QVERIFY(indexer->waitForStarted());
            if (!indexer->waitForFinished(1500 + int(rng.bounded(4000)))) {
                indexer->kill();
                QVERIFY(indexer->waitForFinished(10000));
            }
            indexer->deleteLater();
            const test::CatalogCheck check = test::checkCatalog(db);
            QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
            QVERIFY(check.files >= stored);
            stored = check.files;
        }
        const Run finish = run(indexArgs(db));
        QVERIFY2(finish.exitCode == 0, qPrintable(finish.err));
        const QJsonObject summary = QJsonDocument::fromJson(finish.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("unchanged")).toInt(), stored);
        QCOMPARE(summary.value(QStringLiteral("indexed")).toInt(), 9 - stored);
    }
};

QTEST_GUILESS_MAIN(FixtureModelRetrievalTest)
#include "fixturemodelretrievaltest.moc"
