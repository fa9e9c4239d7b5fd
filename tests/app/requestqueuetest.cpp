// RequestQueue: FIFO, interactive before batch, loads as barriers, cancel flags.
#include "app/engine/requestqueue.h"

#include <QTest>
#include <QThread>

using namespace mplug2::app;

class RequestQueueTest : public QObject {
    Q_OBJECT

    static QueuedJob task(RequestId id, RequestPriority priority)
    {
        QueuedJob j;
        j.id = id;
        j.request.priority = priority;
        return j;
    }
    static QueuedJob load(RequestId id)
    {
        QueuedJob j;
        j.id = id;
        j.kind = QueuedJob::Kind::LoadModel;
        return j;
    }
    static QList<RequestId> drain(RequestQueue &q)
    {
        QList<RequestId> order;
        while (q.queuedCount() > 0) {
            order.append(q.waitNext()->id);
            q.finishRunning();
        }
        return order;
    }

private Q_SLOTS:
    void fifoWithinAPriority()
    {
        RequestQueue q;
        for (RequestId id : {1, 2, 3})
            q.push(task(id, RequestPriority::Batch));
        QCOMPARE(drain(q), (QList<RequestId> {1, 2, 3}));
    }

    void interactiveOvertakesBatchButNotALoad()
    {
        RequestQueue q;
        q.push(task(1, RequestPriority::Batch));
        q.push(task(2, RequestPriority::Batch));
        q.push(task(3, RequestPriority::Interactive));
        q.push(load(4));
        q.push(task(5, RequestPriority::Batch));
        q.push(task(6, RequestPriority::Interactive));
        QCOMPARE(drain(q), (QList<RequestId> {3, 1, 2, 4, 6, 5}));
    }

    void cancelQueuedAndRunning()
    {
        RequestQueue q;
        q.push(task(1, RequestPriority::Interactive));
        q.push(task(2, RequestPriority::Interactive));
        std::optional<QueuedJob> running = q.waitNext();
        QCOMPARE(running->id, RequestId(1));
        QVERIFY(!q.cancelRunning(2)); // queued, not running
        QVERIFY(q.removeQueued(2));
        QVERIFY(!q.removeQueued(2));
        QVERIFY(!running->cancelFlag->load());
        QVERIFY(q.cancelRunning(1));
        QVERIFY(running->cancelFlag->load());
        QVERIFY(!q.isIdle());
        q.finishRunning();
        QVERIFY(q.isIdle());
        QVERIFY(!q.cancelRunning(1));
    }

    void clearRemovesEverythingAndFlagsTheRunningJob()
    {
        RequestQueue q;
        for (RequestId id : {1, 2, 3})
            q.push(task(id, RequestPriority::Batch));
        std::optional<QueuedJob> running = q.waitNext();
        QCOMPARE(q.clear(), (QList<RequestId> {2, 3}));
        QVERIFY(running->cancelFlag->load());
        QCOMPARE(q.queuedCount(), 0);
    }

    void stopWakesAWaitingWorker()
    {
        RequestQueue q;
        bool gotNothing = false;
        QThread *worker = QThread::create([&] { gotNothing = !q.waitNext().has_value(); });
        worker->start();
        QTest::qWait(50);
        q.stop();
        QVERIFY(worker->wait(5000));
        delete worker;
        QVERIFY(gotNothing);
    }
};

QTEST_GUILESS_MAIN(RequestQueueTest)
#include "requestqueuetest.moc"
