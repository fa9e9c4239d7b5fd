// CliSession: a CLI command's model load and requests end, whatever ends them.
// A cancel (queued or running) returns control within 200 ms with a failing
// exit code; the other requests still run. Over the scripted backend.
#include "app/cli/clisession.h"

#include "tests/app/scriptedbackend.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace mplug2;
using namespace mplug2::app;
using namespace mplug2::app::testing;

namespace {

std::unique_ptr<Engine> scriptedEngine()
{
    return std::make_unique<Engine>([] { return std::make_unique<ScriptedBackend>(); });
}

/// Cancels, as Esc in a GUI would, the `target`-th request the engine is
/// given: as soon as it is queued, or 30 ms after it starts. Records when.
class OutsideCanceller : public QObject {
public:
    OutsideCanceller(Engine &engine, bool whileRunning)
    {
        connect(&engine, &Engine::requestSubmitted, this, [this, whileRunning](const RequestHandle &h) {
            if (++m_seen != target)
                return;
            if (!whileRunning) {
                cancelNow(h);
                return;
            }
            h.onStarted(this, [this, h] {
                // Let it run a little first.
                QTimer::singleShot(30, this, [this, h] { cancelNow(h); });
            });
        });
    }
    int target = 1; ///< which request (1 = the first one given)
    QElapsedTimer cancelledAt;

private:
    void cancelNow(const RequestHandle &h)
    {
        cancelledAt.start();
        QVERIFY(h.cancel());
    }
    int m_seen = 0;
};

} // namespace

class CliSessionTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aCancelledLoadReturnsFalsePromptly_data()
    {
        QTest::addColumn<bool>("whileRunning");
        QTest::newRow("queued") << false;
        QTest::newRow("running") << true;
    }
    void aCancelledLoadReturnsFalsePromptly()
    {
        QFETCH(bool, whileRunning);
        CliSession session(QStringLiteral("mplug2 test"), scriptedEngine());
        OutsideCanceller canceller(session.engine(), whileRunning);
        QVERIFY(!session.loadModel(bundleNamed(QStringLiteral("slow")), DeviceChoice::cpu()));
        QVERIFY(canceller.cancelledAt.isValid());
        QVERIFY2(canceller.cancelledAt.elapsed() < 200,
            qPrintable(QString::number(canceller.cancelledAt.elapsed())));
        QVERIFY(!session.engine().currentModel());
    }

    void aCancelledRequestFailsTheRunButTheOthersFinish_data()
    {
        QTest::addColumn<bool>("whileRunning");
        QTest::newRow("queued") << false;
        QTest::newRow("running") << true;
    }
    void aCancelledRequestFailsTheRunButTheOthersFinish()
    {
        QFETCH(bool, whileRunning);
        CliSession session(QStringLiteral("mplug2 test"), scriptedEngine());
        QVERIFY(session.loadModel(bundleNamed(QStringLiteral("m")), DeviceChoice::cpu()));
        OutsideCanceller canceller(session.engine(), whileRunning);
        canceller.target = whileRunning ? 1 : 2; // the running first one, or the second while it waits
        QStringList done;
        QElapsedTimer clock;
        clock.start();
        // The cancelled one is endless: the run returns only because the cancel ended it.
        const int code = session.run({work(QStringLiteral("first.mp4"), whileRunning ? 100000 : 30),
                                         work(QStringLiteral("second.mp4"), whileRunning ? 2 : 100000),
                                         work(QStringLiteral("third.mp4"), 2)},
            [&](const EngineResult &r) { done.append(r.media); });
        QCOMPARE(code, 1);
        if (whileRunning)
            QCOMPARE(done, (QStringList {QStringLiteral("second.mp4"), QStringLiteral("third.mp4")}));
        else
            QCOMPARE(done, (QStringList {QStringLiteral("first.mp4"), QStringLiteral("third.mp4")}));
        QVERIFY(canceller.cancelledAt.isValid());
        QVERIFY(clock.elapsed() < 5000); // never waited for the endless requests
        // The session works on.
        QCOMPARE(session.run({work(QStringLiteral("again.mp4"), 1)}, [&](const EngineResult &) {}), 0);
    }
};

QTEST_GUILESS_MAIN(CliSessionTest)
#include "clisessiontest.moc"
