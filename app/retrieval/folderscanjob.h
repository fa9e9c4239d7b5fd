#pragma once
/// Scans folders for media files on a pool thread (FolderScanner's rules:
/// by extension, hidden files and links skipped, sorted), for the GUI's
/// File ▸ Open Folder as for indexing. Reports how many files it has found so
/// far, can be cancelled, and ends exactly once: finished, cancelled or failed.
///
///     auto *scan = new FolderScanJob({"/home/me/Videos"}, this);
///     connect(scan, &FolderScanJob::progressed, bar, [](qsizetype found) { ... });
///     connect(scan, &FolderScanJob::finished, this, [](const QList<FileStamp> &files) { ... });
///     scan->start();
///     scan->cancel();                        // ends in cancelled() within a few ms
///
/// Threading: create, start and cancel it on one thread (the GUI thread); its
/// signals arrive there.

#include "app/retrieval/folderscanner.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace mplug2::app {

class FolderScanJob : public QObject {
    Q_OBJECT
public:
    explicit FolderScanJob(QStringList roots, QObject *parent = nullptr);
    /// Cancels a running scan and waits for it (a scan polls its flag between files).
    ~FolderScanJob() override;

    QStringList roots() const { return m_roots; }
    void start();
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    /// Media files found so far (throttled: at most every 50 ms).
    void progressed(qsizetype found);
    void finished(const QList<mplug2::app::FileStamp> &files);
    void failed(const QString &message);
    void cancelled();

private:
    struct Outcome {
        Expected<QList<FileStamp>> files = QList<FileStamp> {};
    };

    QStringList m_roots;
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<std::atomic<qsizetype>> m_found = std::make_shared<std::atomic<qsizetype>>(0);
    QFutureWatcher<Outcome> m_watcher;
    int m_timer = 0;

protected:
    void timerEvent(QTimerEvent *event) override;
};

} // namespace mplug2::app
