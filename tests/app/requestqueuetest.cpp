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

    void followingListsWhatRunsNextWhileItQualifies()
    {
        // Media paths stand for ids: the requests come back as copies.
        const auto embed = [](RequestId id, RequestPriority priority) {
            QueuedJob j = task(id, priority);
            j.request.task = TaskKind::EmbedMedia;
            j.request.media.path = QString::number(id);
            return j;
        };
        const auto isEmbed = [](const EngineRequest &r) { return r.task == TaskKind::EmbedMedia; };
        const auto paths = [](const QList<EngineRequest> &requests) {
            QStringList out;
            for (const EngineRequest &r : requests)
                out << r.media.path;
            return out;
        };
        RequestQueue q;
        for (RequestId id : {1, 2, 3})
            q.push(embed(id, RequestPriority::Batch));
        q.push(load(4));
        q.push(embed(5, RequestPriority::Batch));
        QCOMPARE(q.waitNext()->id, RequestId(1));
        // Up to the load (a barrier), at most `max`, and the jobs stay queued.
        QCOMPARE(paths(q.following(10, isEmbed)), (QStringList {"2", "3"}));
        QCOMPARE(paths(q.following(1, isEmbed)), (QStringList {"2"}));
        QCOMPARE(q.queuedCount(), 4);
        // Interactive requests do not overtake the load...
        QueuedJob caption = task(6, RequestPriority::Interactive);
        caption.request.task = TaskKind::Caption;
        q.push(caption);
        QCOMPARE(paths(q.following(10, isEmbed)), (QStringList {"2", "3"}));
        // ...but without it they run first: a caption there ends the list,
        QVERIFY(q.removeQueued(4));
        QVERIFY(q.following(10, isEmbed).isEmpty());
        // and an interactive embedding comes before the queued batch ones.
        QVERIFY(q.removeQueued(6));
        q.push(embed(7, RequestPriority::Interactive));
        QCOMPARE(paths(q.following(10, isEmbed)), (QStringList {"7", "2", "3", "5"}));
        q.finishRunning();
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
