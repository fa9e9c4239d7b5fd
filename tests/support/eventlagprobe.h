#pragma once
/// Measures how long the event loop of the calling thread goes without
/// turning: a 5 ms precise timer ticks, and every gap between two ticks is
/// a stall candidate. On a shared machine a thread can also wait for a CPU
/// while it is ready to run; the kernel counts that time per thread
/// (/proc/thread-self/schedstat, second field), so the probe reports each
/// gap twice: as measured ("wall") and less the time the thread sat in the
/// run queue ("own": time our code spent running or blocked, which is what
/// an event-loop stall is). Without schedstat, own equals wall.
///
///     EventLagProbe probe;
///     probe.start();
///     ... run inference, let the event loop spin (QSignalSpy::wait) ...
///     const EventLagProbe::Stalls s = probe.stop();
///     QVERIFY(s.ownMs <= 50);

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <algorithm>

namespace mplug2::test {

class EventLagProbe {
public:
    struct Stalls {
        double wallMs = 0.0; ///< longest gap between two ticks
        double ownMs = 0.0; ///< longest gap less the run-queue wait inside it
        int ticks = 0;
        bool schedstat = false; ///< whether run-queue wait was known
    };

    EventLagProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }

    void start()
    {
        m_stalls = Stalls {};
        m_lastQueueNs = runQueueNs();
        m_stalls.schedstat = m_lastQueueNs >= 0;
        m_clock.start();
        m_lastNs = 0;
        m_timer.start();
    }

    Stalls stop()
    {
        tick();
        m_timer.stop();
        return m_stalls;
    }

    /// Nanoseconds this thread has waited for a CPU while runnable; -1 when unknown.
    static qint64 runQueueNs()
    {
        QFile file(QStringLiteral("/proc/thread-self/schedstat"));
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        const QList<QByteArray> fields = file.readAll().simplified().split(' ');
        bool ok = false;
        const qint64 waited = fields.value(1).toLongLong(&ok);
        return ok ? waited : -1;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 queue = m_stalls.schedstat ? runQueueNs() : -1;
        const qint64 gap = now - m_lastNs;
        const qint64 waited = queue >= 0 ? std::clamp<qint64>(queue - m_lastQueueNs, 0, gap) : 0;
        m_stalls.wallMs = std::max(m_stalls.wallMs, gap / 1e6);
        m_stalls.ownMs = std::max(m_stalls.ownMs, (gap - waited) / 1e6);
        ++m_stalls.ticks;
        m_lastNs = now;
        if (queue >= 0)
            m_lastQueueNs = queue;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastQueueNs = 0;
    Stalls m_stalls;
};

} // namespace mplug2::test
