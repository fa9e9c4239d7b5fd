// Crash safety: an indexing process is killed with SIGKILL at random moments
// (scan, embedding, storing, the final graph update); after every kill the
// catalog passes SQLite's integrity check and holds no duplicate or
// half-written rows, and the last run finishes without redoing stored files.
#include "app/retrieval/catalog.h"
#include "app/retrieval/vectorindex.h"
#include "tests/app/retrieval/catalogchecks.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

constexpr int kFiles = 40;
constexpr int kKills = 10;
constexpr int kDelayMs = 25;
constexpr int kAnnThreshold = 8;

} // namespace

class IndexCrashTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_gallery;
    QString m_db;

    QProcess *startHelper()
    {
        auto *p = new QProcess(this);
        p->start(QStringLiteral(MPLUG2_INDEX_HELPER_PATH),
            {m_db, m_gallery, m_dir.path(), QString::number(kDelayMs), QString::number(kAnnThreshold)});
        return p;
    }

    /// Checks the invariants a reader relies on and returns how many files are stored.
    qint64 verifyCatalog()
    {
        const test::CatalogCheck check = test::checkCatalog(m_db);
        [&] { QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n')))); }();
        return check.problems.isEmpty() ? check.files : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gallery = m_dir.filePath(QStringLiteral("gallery"));
        QDir().mkpath(m_gallery);
        const QStringList colours {
            QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"), QStringLiteral("yellow")};
        const QStringList shapes {
            QStringLiteral("circle"), QStringLiteral("square"), QStringLiteral("triangle")};
        for (int i = 0; i < kFiles; ++i) {
            QFile f(m_gallery
                + QStringLiteral("/%1_%2_%3.%4")
                      .arg(colours[i % 4], shapes[i % 3])
                      .arg(i)
                      .arg(i % 2 ? QStringLiteral("mp4") : QStringLiteral("png")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::number(i).repeated(50));
        }
        m_db = m_dir.filePath(QStringLiteral("crash.sqlite"));
    }

    void killedRunsLeaveAConsistentCatalogAndTheNextRunFinishes()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random kill times from seed %u", seed);
        QRandomGenerator rng(seed);
        qint64 stored = 0;
        int killedMidway = 0;
        for (int trial = 0; trial < kKills; ++trial) {
            QProcess *helper = startHelper();
            QVERIFY(helper->waitForStarted());
            // Time the kill from the start of the job (the process start-up is slow and not interesting),
            // spread over the scan, the embedding of all files, and the final graph update.
            QElapsedTimer started;
            started.start();
            while (!helper->readAllStandardError().contains("started") && started.elapsed() < 60000)
                helper->waitForReadyRead(50);
            // Mostly early in what is left, so that most kills interrupt the embedding; some land in the
            // scan (no time at all) and, once everything is stored, in the final graph update.
            const int waitMs
                = int(rng.bounded(quint32(std::max<qint64>(40, (kFiles - stored) * kDelayMs / 3))));
            const bool finishedFirst = helper->waitForFinished(waitMs);
            if (!finishedFirst) {
                helper->kill(); // SIGKILL: no clean-up runs
                QVERIFY(helper->waitForFinished(10000));
                QCOMPARE(helper->exitStatus(), QProcess::CrashExit);
            }
            const qint64 now = verifyCatalog();
            QVERIFY2(now >= stored, "a stored file disappeared");
            if (now > stored && now < kFiles)
                ++killedMidway;
            stored = now;
            helper->deleteLater();
        }
        qInfo("after %d kills: %lld of %d files stored, %d kills landed mid-indexing", kKills, stored, kFiles,
            killedMidway);

        QProcess *last = startHelper();
        QVERIFY(last->waitForFinished(120000));
        QCOMPARE(last->exitCode(), 0);
        const QJsonObject summary = QJsonDocument::fromJson(last->readAllStandardOutput()).object();
        QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("finished"));
        QCOMPARE(summary.value(QStringLiteral("unchanged")).toInteger(), stored);
        QCOMPARE(summary.value(QStringLiteral("indexed")).toInteger(), kFiles - stored);
        QCOMPARE(verifyCatalog(), kFiles);

        // The search graph beside the catalog is whole and current.
        auto catalog = std::move(*Catalog::open(m_db));
        const QList<EmbeddingSpace> spaces = *catalog->spaces();
        QCOMPARE(spaces.size(), 1);
        VectorSearchOptions options;
        options.annThreshold = kAnnThreshold;
        auto index = VectorIndex::open(*catalog, spaces.first(), options);
        QVERIFY(index);
        QVERIFY((*index)->usesAnn());
        QCOMPARE((*index)->size(), kFiles);
        QVERIFY(!*(*index)->refresh(*catalog));
    }
};

QTEST_GUILESS_MAIN(IndexCrashTest)
#include "indexcrashtest.moc"
