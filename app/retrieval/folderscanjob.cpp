#include "app/retrieval/folderscanjob.h"

#include <QTimerEvent>
#include <QtConcurrent/QtConcurrentRun>

namespace mplug2::app {

FolderScanJob::FolderScanJob(QStringList roots, QObject *parent)
    : QObject(parent)
    , m_roots(std::move(roots))
{
    qRegisterMetaType<QList<FileStamp>>();
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        if (m_timer) {
            killTimer(m_timer);
            m_timer = 0;
        }
        const Outcome outcome = m_watcher.result();
        if (outcome.files) {
            Q_EMIT progressed(outcome.files->size());
            Q_EMIT finished(*outcome.files);
        } else if (outcome.files.error().code == ErrorCode::Cancelled) {
            Q_EMIT cancelled();
        } else {
            Q_EMIT failed(QString::fromStdString(outcome.files.error().message));
        }
    });
}

FolderScanJob::~FolderScanJob()
{
    m_stop->store(true);
    m_watcher.waitForFinished();
}

void FolderScanJob::start()
{
    if (m_watcher.isRunning())
        return;
    m_stop->store(false);
    m_found->store(0);
    m_timer = startTimer(50);
    m_watcher.setFuture(QtConcurrent::run([roots = m_roots, stop = m_stop, found = m_found] {
        Outcome outcome;
        outcome.files = FolderScanner().scan(
            roots, [stop] { return stop->load(); }, [found](qsizetype n) { found->store(n); });
        return outcome;
    }));
}

void FolderScanJob::cancel()
{
    m_stop->store(true);
}

void FolderScanJob::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timer)
        Q_EMIT progressed(m_found->load());
}

} // namespace mplug2::app
