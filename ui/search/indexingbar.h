#pragma once
/// The indexing controls of the search view: add a folder, update the index
/// (the folders indexed before), and, while a job runs, its progress with
/// Pause/Resume and Cancel. The job runs on the engine at Batch priority, so
/// questions asked meanwhile in the rest of the app go first. The folders
/// indexed before are read off the GUI thread (a server can take seconds).
/// The Moments check box (opt-in) also indexes the shots of every video, so
/// that a search can land on a moment; a moments job says how much they hold.
///
///     IndexingBar bar(engine, catalogLocation);
///     bar.indexFolders({"/home/me/Videos"});
///     connect(&bar, &IndexingBar::jobFinished, this, [](const app::IndexSummary &s) { ... });

#include "app/engine/engine.h"
#include "app/retrieval/indexjob.h"
#include "ui/search/indexlocation.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace mplug2::ui {

class IndexingBar : public QWidget {
    Q_OBJECT
public:
    IndexingBar(app::Engine *engine, QString catalogLocation, QWidget *parent = nullptr);
    ~IndexingBar() override;

    /// Indexes `folders` together with the folders of the last job (so that
    /// nothing indexed earlier is forgotten); while those are still being
    /// read, the job starts once they are known. False, with the reason
    /// shown, when no model is loaded or a job already runs.
    bool indexFolders(const QStringList &folders);
    /// Runs the last job's folders again (picks up new, changed and deleted files).
    bool updateIndex();
    /// The folders the last job indexed, as far as known yet (foldersChanged() says when they are).
    QStringList indexedFolders() const { return m_folders; }

    /// Indexes into another catalog from now on and reads its folders. False,
    /// with the reason shown, while a job runs.
    bool setCatalogLocation(const QString &location);
    QString catalogLocation() const { return m_location; }

    /// A job runs, or waits for the folders indexed before to be read.
    bool isRunning() const;
    app::IndexJob *job() const { return m_job.get(); }
    /// The options the last job was started with.
    const app::IndexJobOptions &jobOptions() const { return m_jobOptions; }
    /// Whether the next job also indexes moments (the Moments check box).
    void setMomentsEnabled(bool enabled);
    bool momentsEnabled() const;

    /// What a finished run says: with a focus (the folders asked for), their
    /// counts first and the other indexed folders' apart.
    static QString summaryText(const app::IndexSummary &summary, const QString &focusName);
    /// " Moments: N in M videos, 1.2 MB in the index." after a moments job, else "".
    static QString momentsText(const app::IndexSummary &summary);

Q_SIGNALS:
    void jobFinished(const mplug2::app::IndexSummary &summary);
    /// indexedFolders() changed: read from a catalog just opened, or after a job.
    void foldersChanged();
    /// The catalog at `location` could not be opened (to read its folders).
    void indexUnavailable(const QString &location, const QString &why);

private:
    void loadFolders();
    void foldersLoaded();
    bool startJob(const QStringList &folders);
    void chooseFolder();
    void togglePause();
    void showState();

    app::Engine *m_engine;
    QString m_location;
    std::unique_ptr<app::IndexJob> m_job;
    app::IndexJobOptions m_jobOptions;
    QStringList m_folders;
    QFutureWatcher<IndexLocation::Check> m_folderLoad;
    bool m_foldersKnown = false; ///< m_folders were read from the catalog at m_location (or set by a job)
    std::optional<QStringList> m_waitingFolders; ///< asked to index before the folders were known
    QPushButton *m_add;
    QPushButton *m_update;
    QCheckBox *m_moments;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
};

} // namespace mplug2::ui
