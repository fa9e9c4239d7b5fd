// Threads that follow the cores other processes leave free (runtimeinfo.h):
// a process spinning beside us takes a thread away, the count never drops
// below 1 nor rises past the configured one, and off it changes nothing.
#include "model/runtime/runtimeinfo.h"

#include <QProcess>
#include <QTest>

#include <ATen/Parallel.h>

using namespace mplug2::model;

class FreeCoresTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("OMP_NUM_THREADS");
        if (usableCpuCount() < 2)
            QSKIP("one CPU: there is no thread to give up");
        QVERIFY(otherRunnableTasks() >= 0); // /proc/loadavg is readable
    }

    void aBusyCoreTakesAThreadAway()
    {
        const int most = configureThreads(0);
        QCOMPARE(most, usableCpuCount());
        setFollowFreeCores(true);
        QProcess spinner;
        spinner.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
        QVERIFY(spinner.waitForStarted());
        QTest::qWait(200);
        const int threads = followFreeCores();
        spinner.kill();
        spinner.waitForFinished();
        QVERIFY2(threads >= 1 && threads <= most - 1, qPrintable(QString::number(threads)));
        QCOMPARE(at::get_num_threads(), threads);
        // However busy the machine, never more than configured.
        QVERIFY(followFreeCores() <= most);
    }

    void offItChangesNothing()
    {
        configureThreads(0);
        setFollowFreeCores(false);
        const int before = at::get_num_threads();
        QProcess spinner;
        spinner.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
        QVERIFY(spinner.waitForStarted());
        QTest::qWait(200);
        QCOMPARE(followFreeCores(), before);
        spinner.kill();
        spinner.waitForFinished();
        QCOMPARE(at::get_num_threads(), before);
    }

    void ompNumThreadsKeepsItOff()
    {
        qputenv("OMP_NUM_THREADS", "1");
        QCOMPARE(configureThreads(0), 1);
        setFollowFreeCores(true);
        QCOMPARE(followFreeCores(), 1);
        qunsetenv("OMP_NUM_THREADS");
        configureThreads(0);
    }
};

QTEST_GUILESS_MAIN(FreeCoresTest)
#include "freecorestest.moc"
