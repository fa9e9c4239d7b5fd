// Indexing on a cluster, for real: a throwaway one-host Slurm cluster
// (tests/cluster/slurm-onehost.sh: its own munge key, slurmctld and slurmd
// on loopback ports) runs packaging/slurm/mplug2-index.sbatch as a 3-task
// job array; each task is one `mplug2 index` worker on the bundled model,
// and all three share a throwaway PostgreSQL catalog. Every task must end
// COMPLETED and the catalog must hold every file once.
#include "app/retrieval/catalog.h"
#include "tests/support/throwawaypostgres.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

constexpr int kImages = 12;
constexpr int kTasks = 3;

} // namespace

class SlurmIndexTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ThrowawayPostgres m_pg;

private Q_SLOTS:
    void aJobArrayIndexesAFolderIntoOneSharedCatalog()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        // Slurm runs the tasks as the submitting user, who must be able to read these.
        QFile::setPermissions(
            m_dir.path(), QFile::permissions(m_dir.path()) | QFileDevice::ReadOther | QFileDevice::ExeOther);
        const QString gallery = m_dir.filePath(QStringLiteral("gallery"));
        QVERIFY(QDir().mkpath(gallery));
        const QList<QColor> colours {Qt::red, Qt::green, Qt::blue, Qt::yellow};
        for (int i = 0; i < kImages; ++i) {
            QImage image(96, 96, QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.setBrush(colours[i % 4]);
            painter.setPen(Qt::NoPen);
            if (i % 3 == 0)
                painter.drawEllipse(10 + i, 10, 50, 50);
            else
                painter.drawRect(10, 10 + i, 50, 40);
            painter.end();
            QVERIFY(image.save(gallery + QStringLiteral("/image%1.png").arg(i)));
        }
        const QString uri = m_pg.newDatabase(QStringLiteral("cluster"));
        QVERIFY2(!uri.isEmpty(), qPrintable(m_pg.lastOutput()));

        QProcess slurm;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MPLUG2"), QStringLiteral(MPLUG2_CLI_PATH));
        env.insert(QStringLiteral("MPLUG2_INDEX_DB"), uri);
        env.insert(QStringLiteral("MPLUG2_INDEX_ROOTS"), gallery);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
        slurm.setProcessEnvironment(env); // PGPASSWORD comes along: the server wants it
        slurm.setProcessChannelMode(QProcess::MergedChannels);
        slurm.start(QStringLiteral("bash"),
            {QStringLiteral(MPLUG2_SOURCE_DIR "/tests/cluster/slurm-onehost.sh"), QStringLiteral("--tasks"),
                QString::number(kTasks), QStringLiteral("--timeout"), QStringLiteral("240"),
                QStringLiteral("--"),
                QStringLiteral(MPLUG2_SOURCE_DIR "/packaging/slurm/mplug2-index.sbatch")});
        QVERIFY(slurm.waitForFinished(300000));
        const QString out = QString::fromUtf8(slurm.readAll());
        qInfo().noquote() << out.right(4000);
        if (slurm.exitCode() == 77) {
            if (test::ThrowawayPostgres::required())
                QFAIL("no Slurm cluster could start (see its output above)");
            QSKIP("no Slurm cluster could start here (see its output above)");
        }
        QCOMPARE(slurm.exitCode(), 0);
        QCOMPARE(out.count(QStringLiteral("COMPLETED")) >= kTasks, true);

        auto catalog = Catalog::open(uri);
        QVERIFY2(catalog, catalog ? "" : catalog.error().message.c_str());
        QCOMPARE(*(*catalog)->entryCount(), kImages);
        const QList<EmbeddingSpace> spaces = *(*catalog)->spaces();
        QVERIFY(!spaces.isEmpty());
        for (const EmbeddingSpace &space : spaces)
            QCOMPARE(space.count, kImages);
        const WorkCounts counts = *(*catalog)->workCounts(spaces.first().modelKey);
        QCOMPARE(counts.done, kImages);
        QCOMPARE(counts.pending + counts.claimed + counts.expired, 0);
        qInfo("files per worker: %s", qPrintable(QStringList(counts.doneBy.keys()).join(QLatin1Char(' '))));
    }
};

QTEST_MAIN(SlurmIndexTest)
#include "slurmindextest.moc"
