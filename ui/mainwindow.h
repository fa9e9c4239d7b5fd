#pragma once
/// The main window: media list (left), viewer (centre), task and results
/// (right), attention (below the viewer), progress with Cancel and the
/// loaded model in the status bar. It owns the Engine and routes requests
/// and their results between the panels; nothing here blocks on the model
/// or on decoding. Window state, recent files, options and the search index
/// (File ▸ Open Index) persist in QSettings.
///
///     mplug2::ui::MainWindow w;
///     w.openMedia({"clip.mp4"});
///     w.loadStartupModel();                       // the default model (shared with the CLI)
///     w.show();

#include "app/bundle/bundleregistry.h"
#include "app/engine/engine.h"

#include <QMainWindow>
#include <QStringList>
#include <QThreadPool>

#include <optional>

namespace mplug2::app {
class FolderScanJob;
}

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace mplug2::ui {

class AttentionPanel;
class ErrorBanner;
class JobStatusWidget;
class MediaPanel;
class MediaViewer;
class ModelManagerDialog;
class ResultsPanel;
class SearchView;
class TaskPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds existing files to the media list (missing ones are reported in
    /// the status bar) and remembers them as recent files. Folders are scanned
    /// off the GUI thread (progress in the status bar, Esc cancels), their
    /// media files added a batch at a time, and the folder remembered as recent.
    void openMedia(const QStringList &paths);
    /// Whether a folder is still being scanned or its files added.
    bool isOpeningFolder() const;
    /// Stops opening a folder (files already listed stay); false when none was opening.
    bool cancelFolderOpening();
    QStringList mediaFiles() const;

    /// Loads `bundle` on `device` (the current one is freed first).
    app::RequestHandle loadModel(const app::ModelBundle &bundle, const app::DeviceChoice &device);
    /// Loads the registry's default model, the one the CLI uses too, and says
    /// in the status bar which model it loads and why (startupReason()).
    /// Returns false, and says why in the window, when there is none.
    bool loadStartupModel();
    QString startupReason() const { return m_startupReason; }
    /// Runs the task chosen in the task panel on the current media file; an
    /// empty handle when it could not start (the reason is shown).
    app::RequestHandle runTask();

    app::Engine *engine() const { return m_engine; }
    /// The model load this window asked for last, while it is not over.
    app::RequestHandle loadRequest() const { return m_loadRequest; }
    MediaPanel *mediaPanel() const { return m_media; }
    MediaViewer *viewer() const { return m_viewer; }
    TaskPanel *taskPanel() const { return m_task; }
    ResultsPanel *resultsPanel() const { return m_results; }
    /// The search view (a dock tabbed with the attention panel).
    SearchView *searchView() const { return m_search; }
    /// Searches and indexes the index at `location` (a file or a
    /// `postgresql://` URI) from now on and at the next start; false, with
    /// the reason shown, while an indexing job runs.
    bool openIndex(const QString &location);
    AttentionPanel *attentionPanel() const { return m_attention; }
    JobStatusWidget *jobStatus() const { return m_jobStatus; }
    ErrorBanner *errorBanner() const { return m_banner; }

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QDockWidget *addPanel(
        QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    void createMenus();
    void connectEngine();
    void connectPanels();
    void chooseFiles();
    void chooseFolder();
    void openFolders(const QStringList &folders);
    void addFilesInBatches();
    void showAbout();
    void showModelManager();
    void showGetModels();
    void showOpenIndex();
    void fallBackToDefaultIndex(const QString &location, const QString &why);
    void rebuildRecentMenu();
    void rememberRecent(const QStringList &paths);
    void onMediaChanged(const QString &path);
    void showResult(const app::EngineResult &result);
    /// Window `index` of a dense caption: its frames in the filmstrip, its attention in the panel.
    void showWindow(const app::EngineResult &dense, int index);
    /// Shows the result's media in the viewer, and a dense caption's windows on the timeline.
    void showResultMedia(const app::EngineResult &result);
    void onLoadFailed(const app::EngineError &error, const app::ModelBundle &bundle);
    void onModelLoaded(const app::ModelInfo &info);
    void updateSampling();
    void updateModelLabel();
    void updateTitle();
    void saveSettings() const;
    void restoreSettings();
    void search(const QString &query);
    void showError(const QString &message, const QString &details = {}, const QString &cause = {});

    app::Engine *m_engine = nullptr;
    app::BundleRegistry m_registry;
    MediaPanel *m_media = nullptr;
    MediaViewer *m_viewer = nullptr;
    TaskPanel *m_task = nullptr;
    ResultsPanel *m_results = nullptr;
    SearchView *m_search = nullptr;
    QDockWidget *m_searchDock = nullptr;
    QDockWidget *m_mediaDock = nullptr;
    QDockWidget *m_taskDock = nullptr;
    QDockWidget *m_attentionDock = nullptr;
    /// The panels' widths (heights for the bottom one) when the window was m_dockBaseWindowSize
    /// (empty: take them at the next resize): a window size gives the same layout, however often
    /// the window was resized.
    QSize m_dockBaseWindowSize;
    QList<int> m_dockBaseExtents;
    AttentionPanel *m_attention = nullptr;
    ErrorBanner *m_banner = nullptr;
    JobStatusWidget *m_jobStatus = nullptr;
    QLabel *m_modelLabel = nullptr;
    QLabel *m_folderStatus = nullptr;
    app::FolderScanJob *m_folderScan = nullptr;
    QStringList m_filesToAdd; ///< found in a folder, not listed yet
    QStringList m_recent; ///< Open Recent, newest first (persisted by m_settingsWriter)
    QThreadPool m_settingsWriter;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    ModelManagerDialog *m_modelManager = nullptr;
    app::RequestHandle m_loadRequest; ///< valid while a load from this window is not over
    std::optional<app::ModelBundle> m_loadingBundle;
    app::DeviceChoice m_loadingDevice;
    QString m_shownResultMedia;
    app::RequestId m_shownDenseCaption = 0; ///< the dense caption whose windows the timeline shows
    QString m_startupReason;
};

} // namespace mplug2::ui
