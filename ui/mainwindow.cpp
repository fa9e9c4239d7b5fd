#include "ui/mainwindow.h"

#include "app/engine/memorycheck.h"
#include "app/media/mediasource.h"
#include "app/retrieval/folderscanjob.h"
#include "ui/aboutdialog.h"
#include "ui/attention/attentionpanel.h"
#include "ui/media/mediapanel.h"
#include "ui/model/getmodelsdialog.h"
#include "ui/model/modelmanagerdialog.h"
#include "ui/results/resultspanel.h"
#include "ui/search/indexingbar.h"
#include "ui/search/indexlocation.h"
#include "ui/search/openindexdialog.h"
#include "ui/search/searchview.h"
#include "ui/status/errorbanner.h"
#include "ui/status/jobstatuswidget.h"
#include "ui/task/taskoptionswidget.h"
#include "ui/task/taskpanel.h"
#include "ui/theme/paletteicon.h"
#include "ui/viewer/mediaviewer.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QResizeEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace mplug2::ui {

namespace {
constexpr int kMaxRecentFiles = 10;
/// ErrorBanner cause of errors about the media shown (or about having none).
const QString kMediaCause = QStringLiteral("media");
/// ErrorBanner cause of "the remembered index cannot be opened".
const QString kIndexCause = QStringLiteral("index");
/// The index the search dock opened last (File ▸ Open Index), opened again at start.
const QString kIndexKey = QStringLiteral("search/currentIndex");
constexpr int kDefaultFrames = 16;
/// The shares of a change in the window's width that go to the left (media) and right (task,
/// results) panels; the viewer gets the rest. QMainWindow alone gives the viewer all of it.
constexpr double kLeftShare = 0.15;
constexpr double kRightShare = 0.25;
/// The share of a change in the window's height that goes to the attention and search panels.
constexpr double kBottomShare = 0.5;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_engine(new app::Engine(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/mplug2-studio.svg")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_viewer = new MediaViewer(this);
    m_banner = new ErrorBanner(this);
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(4, 4, 4, 4);
    centreLayout->addWidget(m_banner);
    centreLayout->addWidget(m_viewer, 1);
    setCentralWidget(centre);

    m_media = new MediaPanel(this);
    m_task = new TaskPanel(this);
    m_results = new ResultsPanel(this);
    m_attention = new AttentionPanel(this);
    m_attention->setEngine(m_engine);
    m_mediaDock = addPanel(m_media, tr("Media"), QStringLiteral("mediaDock"), Qt::LeftDockWidgetArea);
    m_taskDock = addPanel(m_task, tr("Task"), QStringLiteral("taskDock"), Qt::RightDockWidgetArea);
    QDockWidget *resultsDock
        = addPanel(m_results, tr("Results"), QStringLiteral("resultsDock"), Qt::RightDockWidgetArea);
    splitDockWidget(m_taskDock, resultsDock, Qt::Vertical);
    m_attentionDock
        = addPanel(m_attention, tr("Attention"), QStringLiteral("attentionDock"), Qt::BottomDockWidgetArea);
    // The index chosen last; SearchView opens it off the GUI thread, and says if it cannot.
    const QString index = QSettings().value(kIndexKey).toString();
    m_search = new SearchView(m_engine, index.isEmpty() ? SearchView::defaultCatalogLocation() : index, this);
    m_searchDock = addPanel(m_search, tr("Search"), QStringLiteral("searchDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_attentionDock, m_searchDock);
    m_attentionDock->raise();
    resizeDocks({m_taskDock, resultsDock}, {300, 300}, Qt::Vertical);

    m_jobStatus = new JobStatusWidget(m_engine, this);
    m_folderStatus = new QLabel(this);
    m_folderStatus->setObjectName(QStringLiteral("folderStatus"));
    m_folderStatus->hide();
    statusBar()->addPermanentWidget(m_folderStatus);
    m_modelLabel = new QLabel(this);
    m_modelLabel->setObjectName(QStringLiteral("modelLabel"));
    statusBar()->addPermanentWidget(m_jobStatus);
    statusBar()->addPermanentWidget(m_modelLabel);

    createMenus();
    connectEngine();
    connectPanels();
    restoreSettings();
    updateModelLabel();
    updateTitle();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow()
{
    // The engine ends what is left as Cancelled, and those ends reach this window's panels: delete it
    // now, while the window is whole, not later among the children QWidget deletes.
    m_engine->cancelAll();
    delete m_engine;
    m_engine = nullptr;
}

QDockWidget *MainWindow::addPanel(
    QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    // A panel moved or floated changes what the side panels' widths mean: take them again.
    connect(dock, &QDockWidget::dockLocationChanged, this, [this] { m_dockBaseWindowSize = {}; });
    connect(dock, &QDockWidget::topLevelChanged, this, [this] { m_dockBaseWindowSize = {}; });
    return dock;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(
        paletteIcon(QStringLiteral("open-file")), tr("&Open Files…"), this, &MainWindow::chooseFiles);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("actionOpen"));
    QAction *openFolder = file->addAction(
        paletteIcon(QStringLiteral("open-folder")), tr("Open &Folder…"), this, &MainWindow::chooseFolder);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    m_settingsWriter.setMaxThreadCount(1);
    rebuildRecentMenu();
    file->addSeparator();
    QAction *openIndex = file->addAction(tr("Open &Index…"), this, &MainWindow::showOpenIndex);
    openIndex->setObjectName(QStringLiteral("actionOpenIndex"));
    openIndex->setToolTip(tr("Search another index: a file, or one shared on a PostgreSQL server"));
    file->addSeparator();
    QAction *exportResult = file->addAction(paletteIcon(QStringLiteral("export")), tr("&Export Result…"),
        m_results, &ResultsPanel::exportSelection);
    exportResult->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportResult->setObjectName(QStringLiteral("actionExport"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *copy = edit->addAction(
        paletteIcon(QStringLiteral("copy")), tr("&Copy Answer"), m_results, &ResultsPanel::copySelection);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    QMenu *task = menuBar()->addMenu(tr("&Task"));
    QAction *run
        = task->addAction(paletteIcon(QStringLiteral("run")), tr("&Run"), this, [this] { runTask(); });
    run->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    run->setObjectName(QStringLiteral("actionRun"));
    QAction *ask = task->addAction(paletteIcon(QStringLiteral("ask")), tr("&Ask a Question"), this, [this] {
        m_task->setTask(StudioTask::Ask);
        m_task->focusInput();
    });
    ask->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    ask->setObjectName(QStringLiteral("actionAsk"));
    // Esc stops what the user is waiting for: opening a folder first, else the engine's running request.
    QAction *cancel = task->addAction(paletteIcon(QStringLiteral("cancel")), tr("&Cancel"), this, [this] {
        if (!cancelFolderOpening())
            m_jobStatus->cancelCurrent();
    });
    cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    cancel->setObjectName(QStringLiteral("actionCancel"));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *play = m_viewMenu->addAction(
        paletteIcon(QStringLiteral("play")), tr("&Play / Pause"), m_viewer, &MediaViewer::togglePlay);
    play->setShortcut(QKeySequence(Qt::Key_K));
    QAction *next = m_viewMenu->addAction(
        paletteIcon(QStringLiteral("next-frame")), tr("&Next Frame"), m_viewer, &MediaViewer::stepForward);
    next->setShortcut(QKeySequence(Qt::Key_Period));
    next->setObjectName(QStringLiteral("actionNextFrame"));
    QAction *previous = m_viewMenu->addAction(paletteIcon(QStringLiteral("previous-frame")),
        tr("P&revious Frame"), m_viewer, &MediaViewer::stepBackward);
    previous->setShortcut(QKeySequence(Qt::Key_Comma));
    QAction *nextMatch = m_viewMenu->addAction(
        paletteIcon(QStringLiteral("search")), tr("Next &Match"), m_viewer, &MediaViewer::nextMoment);
    nextMatch->setShortcut(QKeySequence(Qt::Key_M));
    nextMatch->setObjectName(QStringLiteral("actionNextMatch"));
    nextMatch->setToolTip(tr("The next moment of the search in this video"));
    nextMatch->setEnabled(false);
    connect(m_viewer, &MediaViewer::momentChanged, nextMatch,
        [this, nextMatch] { nextMatch->setEnabled(m_viewer->moments().size() > 1); });
    QAction *nextMedia = m_viewMenu->addAction(tr("Next &Media"), m_media, &MediaPanel::selectNext);
    nextMedia->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QAction *previousMedia
        = m_viewMenu->addAction(tr("Previous M&edia"), m_media, &MediaPanel::selectPrevious);
    previousMedia->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *model = menuBar()->addMenu(tr("&Model"));
    QAction *manage = model->addAction(
        paletteIcon(QStringLiteral("model")), tr("&Manage Models…"), this, &MainWindow::showModelManager);
    manage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    manage->setObjectName(QStringLiteral("actionModels"));
    QAction *get = model->addAction(
        paletteIcon(QStringLiteral("export")), tr("&Get Models…"), this, &MainWindow::showGetModels);
    get->setObjectName(QStringLiteral("actionGetModels"));
    get->setToolTip(tr("Download the official mPLUG-2 models"));
    model->addAction(
        paletteIcon(QStringLiteral("unload")), tr("&Unload Model"), m_engine, &app::Engine::unloadModel);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About mPLUG-2 Studio"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::connectEngine()
{
    // Whoever loaded it (this window, the model manager, a test): the window shows the engine's model.
    connect(m_engine, &app::Engine::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_engine, &app::Engine::modelUnloaded, this, [this] {
        updateModelLabel();
        statusBar()->showMessage(tr("Model unloaded"), 5000);
    });
}

void MainWindow::connectPanels()
{
    connect(m_media, &MediaPanel::currentChanged, this, &MainWindow::onMediaChanged);
    connect(m_media, &MediaPanel::openFilesRequested, this, &MainWindow::chooseFiles);
    connect(m_media, &MediaPanel::openFolderRequested, this, &MainWindow::chooseFolder);
    connect(m_media, &MediaPanel::filesDropped, this, &MainWindow::openMedia);
    connect(m_task, &TaskPanel::runRequested, this, [this] { runTask(); });
    connect(m_task, &TaskPanel::searchRequested, this, &MainWindow::search);
    connect(m_task->options(), &TaskOptionsWidget::samplingChanged, this, &MainWindow::updateSampling);
    connect(
        m_task->options(), &TaskOptionsWidget::deviceChanged, this, [this](const app::DeviceChoice &device) {
            if (const auto current = m_engine->currentModel(); current && !(current->device == device))
                loadModel(current->bundle, device);
        });
    connect(m_results, &ResultsPanel::resultSelected, this, &MainWindow::showResult);
    connect(m_results, &ResultsPanel::windowSelected, this, &MainWindow::showWindow);
    // A window clicked on the timeline is chosen in the results, which shows its attention.
    connect(m_viewer, &MediaViewer::segmentClicked, this,
        [this](int index) { m_results->selectWindow(m_shownDenseCaption, index); });
    connect(m_viewer, &MediaViewer::sampleImagesChanged, this,
        [this] { m_attention->setFrames(m_viewer->sampleImages()); });
    connect(m_results, &ResultsPanel::seekRequested, m_viewer, &MediaViewer::seek);
    connect(m_results, &ResultsPanel::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(m_attention, &AttentionPanel::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_attention, &AttentionPanel::overlaysChanged, m_viewer, &MediaViewer::setAttention);
    connect(m_attention, &AttentionPanel::frameClicked, m_viewer, &MediaViewer::showSample);
    connect(m_viewer, &MediaViewer::positionChanged, this,
        [this] { m_attention->setCurrentFrame(m_viewer->currentSample()); });
    connect(m_viewer, &MediaViewer::valueHovered, this, [this](const QString &text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text);
    });
    connect(m_viewer, &MediaViewer::mediaFailed, this,
        [this](const QString &message) { showError(message, {}, kMediaCause); });
    connect(m_search, &SearchView::openMediaRequested, this, [this](const QString &path) {
        openMedia({path});
        m_media->setCurrentFile(QFileInfo(path).absoluteFilePath());
    });
    connect(m_search, &SearchView::openMomentRequested, this,
        [this](const QString &path, const QList<app::MediaMoment> &moments, int current) {
            openMedia({path});
            m_media->setCurrentFile(QFileInfo(path).absoluteFilePath());
            // After the media switch, which forgets the moments of the video shown before.
            if (QFileInfo(m_viewer->mediaPath()) == QFileInfo(path))
                m_viewer->setMoments(moments, current);
        });
    connect(m_search, &SearchView::indexUnavailable, this, &MainWindow::fallBackToDefaultIndex);
}

void MainWindow::openMedia(const QStringList &paths)
{
    QStringList files;
    QStringList folders;
    for (const QString &path : paths)
        (QFileInfo(path).isDir() ? folders : files).append(path);
    if (!folders.isEmpty())
        openFolders(folders);
    if (files.isEmpty())
        return;
    const QStringList missing = m_media->addFiles(files);
    QStringList opened;
    for (const QString &file : std::as_const(files)) {
        if (!missing.contains(file))
            opened.append(QFileInfo(file).absoluteFilePath());
    }
    rememberRecent(opened);
    // Show what was just opened, even when something else was on screen.
    if (!opened.isEmpty())
        m_media->setCurrentFile(opened.first());
    if (!missing.isEmpty())
        statusBar()->showMessage(tr("Not found: %1").arg(missing.join(QStringLiteral(", "))));
}

void MainWindow::openFolders(const QStringList &folders)
{
    cancelFolderOpening();
    auto *scan = new app::FolderScanJob(folders, this);
    m_folderScan = scan;
    // True when `scan` was still the folder being opened; a scan replaced by a newer open ends
    // quietly, leaving the status bar to the newer one.
    const auto ended = [this, scan] {
        scan->deleteLater();
        if (m_folderScan != scan)
            return false;
        m_folderScan = nullptr;
        m_folderStatus->hide();
        return true;
    };
    m_folderStatus->setText(tr("Opening %1… (Esc cancels)").arg(QFileInfo(folders.first()).fileName()));
    m_folderStatus->show();
    connect(scan, &app::FolderScanJob::progressed, this, [this](qsizetype found) {
        m_folderStatus->setText(
            tr("Opening the folder: %n media file(s) found… (Esc cancels)", nullptr, int(found)));
    });
    connect(scan, &app::FolderScanJob::finished, this,
        [this, ended, folders](const QList<app::FileStamp> &files) {
            if (!ended())
                return;
            QStringList cleanFolders;
            for (const QString &folder : folders)
                cleanFolders.append(QDir::cleanPath(QFileInfo(folder).absoluteFilePath()));
            // The folder goes into Open Recent, not its files.
            rememberRecent(cleanFolders);
            for (const app::FileStamp &file : files)
                m_filesToAdd.append(file.path);
            statusBar()->showMessage(tr("%n media file(s) found", nullptr, int(files.size())), 5000);
            addFilesInBatches();
        });
    connect(scan, &app::FolderScanJob::cancelled, this, [this, ended] {
        if (ended())
            statusBar()->showMessage(tr("Opening the folder was cancelled"), 5000);
    });
    connect(scan, &app::FolderScanJob::failed, this, [this, ended](const QString &message) {
        if (ended())
            showError(message);
    });
    scan->start();
}

void MainWindow::addFilesInBatches()
{
    // Small slices of list items, each turn of the event loop for at most ~8 ms: a folder of 10^5
    // files never freezes the window, however fast or slow the disk and the machine.
    constexpr qsizetype kSlice = 50;
    constexpr qint64 kTurnMs = 8;
    QElapsedTimer turn;
    turn.start();
    qsizetype taken = 0;
    while (taken < m_filesToAdd.size() && turn.elapsed() < kTurnMs) {
        m_media->addFiles(m_filesToAdd.mid(taken, kSlice));
        taken += kSlice;
    }
    m_filesToAdd.remove(0, std::min(taken, m_filesToAdd.size()));
    if (!m_filesToAdd.isEmpty())
        QTimer::singleShot(0, this, &MainWindow::addFilesInBatches);
}

bool MainWindow::isOpeningFolder() const
{
    return m_folderScan != nullptr || !m_filesToAdd.isEmpty();
}

bool MainWindow::cancelFolderOpening()
{
    if (!isOpeningFolder())
        return false;
    if (m_folderScan)
        m_folderScan->cancel();
    if (!m_filesToAdd.isEmpty()) {
        m_filesToAdd.clear();
        statusBar()->showMessage(tr("Opening the folder was cancelled"), 5000);
    }
    return true;
}

QStringList MainWindow::mediaFiles() const
{
    return m_media->files();
}

void MainWindow::rememberRecent(const QStringList &paths)
{
    for (const QString &path : paths) {
        m_recent.removeAll(path);
        m_recent.prepend(path);
    }
    while (m_recent.size() > kMaxRecentFiles)
        m_recent.removeLast();
    rebuildRecentMenu();
    // Written by one background thread, in order: a QSettings write ends in an fsync, which took
    // 40-60 ms on the GUI thread here while the disk was busy.
    m_settingsWriter.start(
        [recent = m_recent] { QSettings().setValue(QStringLiteral("recentFiles"), recent); });
}

void MainWindow::chooseFiles()
{
    const QString filter = tr("Images and videos (%1)").arg(app::mediaNameFilters().join(QLatin1Char(' ')));
    const QString start = QSettings().value(QStringLiteral("lastFolder")).toString();
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Images or Videos"), start, filter);
    if (!files.isEmpty())
        QSettings().setValue(QStringLiteral("lastFolder"), QFileInfo(files.first()).absolutePath());
    openMedia(files);
}

void MainWindow::chooseFolder()
{
    const QString start = QSettings().value(QStringLiteral("lastFolder")).toString();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder"), start);
    if (dir.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastFolder"), dir);
    openMedia({dir});
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showGetModels()
{
    GetModelsDialog dialog(&m_registry, this);
    connect(&dialog, &GetModelsDialog::installed, this, [this](const QString &id) {
        showModelManager();
        m_modelManager->selectBundle(id);
    });
    dialog.exec();
}

void MainWindow::showOpenIndex()
{
    if (m_search->indexingBar()->isRunning()) {
        statusBar()->showMessage(
            tr("An indexing job is running: cancel it or let it end before opening another index."), 8000);
        return;
    }
    OpenIndexDialog dialog(this);
    dialog.setLocation(m_search->catalogLocation());
    if (dialog.exec() == QDialog::Accepted)
        openIndex(dialog.openedLocation());
}

bool MainWindow::openIndex(const QString &location)
{
    if (!m_search->setCatalogLocation(location))
        return false;
    QSettings().setValue(kIndexKey, location);
    m_banner->dismissIfCausedBy(kIndexCause);
    m_searchDock->show();
    m_searchDock->raise();
    statusBar()->showMessage(tr("Searching the index %1").arg(IndexLocation::displayName(location)), 5000);
    return true;
}

void MainWindow::fallBackToDefaultIndex(const QString &location, const QString &why)
{
    const QString fallback = SearchView::defaultCatalogLocation();
    if (location == fallback)
        return; // nothing to fall back to: the search dock says what is wrong
    if (!m_search->setCatalogLocation(fallback))
        return;
    // Not forgotten: a server that is down now may answer at the next start.
    m_banner->showError(tr("The index %1 cannot be opened: the search uses the default index for now.")
                            .arg(IndexLocation::displayName(location)),
        why, tr("Open Index…"), [this] { showOpenIndex(); });
    m_banner->setCause(kIndexCause);
    statusBar()->showMessage(tr("Cannot open the index %1").arg(IndexLocation::displayName(location)), 8000);
}

void MainWindow::showModelManager()
{
    if (!m_modelManager) {
        m_modelManager = new ModelManagerDialog(m_engine, &m_registry, this);
        connect(m_modelManager, &ModelManagerDialog::loadRequested, this, &MainWindow::loadModel);
        connect(m_modelManager, &ModelManagerDialog::unloadRequested, m_engine, &app::Engine::unloadModel);
    }
    m_modelManager->refresh();
    if (const auto current = m_engine->currentModel())
        m_modelManager->selectBundle(current->bundle.id);
    m_modelManager->show();
    m_modelManager->raise();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_recent))
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openMedia({path}); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

app::RequestHandle MainWindow::loadModel(const app::ModelBundle &bundle, const app::DeviceChoice &device)
{
    m_banner->dismiss();
    m_loadingBundle = bundle;
    m_loadingDevice = device;
    m_loadRequest = m_engine->loadModel(bundle, device);
    m_loadRequest.then(this, [this, id = m_loadRequest.id(), bundle](const app::RequestOutcome &o) {
        if (m_loadRequest.id() == id)
            m_loadRequest = {};
        if (o.isFailed() && o.error)
            onLoadFailed(*o.error, bundle);
        else if (o.isCancelled())
            statusBar()->showMessage(tr("Loading the model was cancelled"), 5000);
        updateModelLabel();
    });
    if (const QString caution = device.caution(); !caution.isEmpty())
        statusBar()->showMessage(caution, 10000);
    m_task->options()->setDeviceChoice(device);
    updateModelLabel();
    return m_loadRequest;
}

bool MainWindow::loadStartupModel()
{
    // One default for the app and the CLI (mplug2 import --default, Manage Models ▸ Make Default).
    const Expected<app::ModelBundle> bundle = m_registry.defaultBundle();
    if (!bundle) {
        m_banner->showError(tr("No model is installed yet."), QString::fromStdString(bundle.error().message),
            tr("Manage Models…"), [this] { showModelManager(); });
        return false;
    }
    const QString name = bundle->name.isEmpty() ? bundle->id : bundle->name;
    const QString chosen = m_registry.defaultId();
    QString why;
    if (chosen.isEmpty())
        why = tr("the built-in model. Choose another default in Model ▸ Manage Models, or with "
                 "mplug2 import --default");
    else if (bundle->id == chosen)
        why = tr("the default model, shared with the mplug2 command line");
    else
        why = tr("the default model \"%1\" is not available").arg(chosen);
    m_startupReason = tr("Loading %1: %2").arg(name, why);
    statusBar()->showMessage(m_startupReason, 10000);
    loadModel(*bundle, m_task->options()->deviceChoice());
    return true;
}

app::RequestHandle MainWindow::runTask()
{
    if (m_task->task() == StudioTask::Search) {
        search(m_task->searchQuery());
        return {};
    }
    if (!m_engine->currentModel() && !m_loadRequest.isValid()) {
        m_banner->showError(
            tr("Load a model first."), {}, tr("Manage Models…"), [this] { showModelManager(); });
        return {};
    }
    const Expected<app::EngineRequest> request = m_task->buildRequest(m_media->currentFile());
    if (!request) {
        // Most of these are about the media (none chosen, unreadable); opening another one makes them moot.
        showError(QString::fromStdString(request.error().message), {},
            m_media->currentFile().isEmpty() ? kMediaCause : QString());
        m_task->focusInput();
        return {};
    }
    m_banner->dismiss();
    const app::RequestHandle handle = m_engine->submit(*request);
    m_results->addPending(handle.id(), *request);
    handle.onProgress(m_results, [this](const app::EngineProgress &p) { m_results->showProgress(p); })
        .then(this, [this, id = handle.id()](const app::RequestOutcome &o) {
            if (o.isFinished() && o.result) {
                m_results->setResult(*o.result);
                statusBar()->showMessage(
                    tr("Done in %1 s").arg(QLocale().toString(o.result->timings.totalMs / 1000.0, 'f', 1)),
                    5000);
            } else if (o.isFailed() && o.error) {
                m_results->setFailed(*o.error);
                showError(o.error->message, o.error->details);
            } else if (o.partial) {
                // A dense caption stopped part-way keeps the windows it finished.
                m_results->setPartial(*o.partial);
                statusBar()->showMessage(tr("Cancelled: %1 of %2 windows kept")
                                             .arg(o.partial->segments.size())
                                             .arg(o.partial->windowCount),
                    5000);
            } else {
                m_results->setCancelled(id);
                statusBar()->showMessage(tr("Cancelled"), 5000);
            }
        });
    if (request->task == app::TaskKind::Answer)
        m_task->rememberQuestion(request->question);
    return handle;
}

void MainWindow::onMediaChanged(const QString &path)
{
    // An error about the media shown before, or about having none, goes with it.
    m_banner->dismissIfCausedBy(kMediaCause);
    m_viewer->setMedia(path);
    updateSampling();
    if (path != m_shownResultMedia) {
        m_attention->clear();
        m_shownResultMedia.clear();
    }
    updateTitle();
}

void MainWindow::showResultMedia(const app::EngineResult &result)
{
    const QString media = QFileInfo(result.media).absoluteFilePath();
    m_shownResultMedia = media;
    if (m_viewer->mediaPath() != media) {
        m_media->setCurrentFile(media);
        if (m_viewer->mediaPath() != media)
            m_viewer->setMedia(media);
    }
    const bool dense = result.task == app::TaskKind::DenseCaption;
    if (!dense || m_shownDenseCaption != result.id
        || m_viewer->captionSegments().size() != result.segments.size())
        m_viewer->setCaptionSegments(dense ? result.segments : QList<app::CaptionSegment>());
    m_shownDenseCaption = dense ? result.id : 0;
}

void MainWindow::showResult(const app::EngineResult &result)
{
    showResultMedia(result);
    // A dense caption as a whole has no frames of its own: the filmstrip keeps the preview.
    m_viewer->setModelFrames(result.frames, result.geometry.frameTimes);
    m_attention->setResult(result);
}

void MainWindow::showWindow(const app::EngineResult &dense, int index)
{
    if (index < 0 || index >= dense.segments.size())
        return;
    showResultMedia(dense);
    const app::CaptionSegment &window = dense.segments.at(index);
    m_viewer->setModelFrames({}, window.geometry.frameTimes, window.startSeconds, window.endSeconds);
    // The window's pictures, when the viewer has them already; else sampleImagesChanged() brings them.
    const QList<QImage> &pictures = m_viewer->sampleImages();
    bool decoded = true;
    for (const QImage &picture : pictures)
        decoded = decoded && !picture.isNull();
    m_attention->setResult(app::windowResult(dense, index), decoded ? pictures : QList<QImage>());
}

void MainWindow::onLoadFailed(const app::EngineError &error, const app::ModelBundle &bundle)
{
    // Refused by the memory check: offer half the weights when that fits.
    if (error.code == ErrorCode::OutOfMemory && !error.suggestCpu
        && m_loadingDevice.effectivePrecision() == app::Precision::Fp32) {
        app::DeviceChoice lower = m_loadingDevice;
        const bool cuda = lower.kind == app::DeviceKind::Cuda;
        lower.precision = cuda ? app::Precision::Fp16 : app::Precision::Bf16;
        const Expected<app::MemoryCheck> check
            = app::checkBundleMemory(bundle, lower, model::availableMemoryBytes(cuda, lower.index));
        if (check && check->fits()) {
            m_banner->showError(error.message, error.details,
                tr("Load in %1").arg(app::precisionName(lower.precision)),
                [this, bundle, lower] { loadModel(bundle, lower); });
            return;
        }
    }
    if (error.suggestCpu) {
        m_banner->showError(error.message, error.details, tr("Load on CPU"),
            [this, bundle] { loadModel(bundle, app::DeviceChoice::cpu()); });
    } else {
        showError(error.message, error.details);
    }
}

void MainWindow::onModelLoaded(const app::ModelInfo &info)
{
    updateModelLabel();
    updateSampling();
    statusBar()->showMessage(tr("Loaded %1 in %2 s")
                                 .arg(info.bundle.name.isEmpty() ? info.bundle.id : info.bundle.name)
                                 .arg(QLocale().toString(info.loadMs / 1000.0, 'f', 1)),
        5000);
}

void MainWindow::updateSampling()
{
    const int chosen = m_task->options()->numFrames();
    const auto model = m_engine->currentModel();
    const int frames = chosen > 0 ? chosen : model ? model->bundle.numFrames : kDefaultFrames;
    m_viewer->setSampling(frames, m_task->options()->sampling());
}

void MainWindow::updateModelLabel()
{
    const auto model = m_engine->currentModel();
    if (m_loadRequest.isValid() && m_loadingBundle) {
        m_modelLabel->setText(
            tr("Loading %1…")
                .arg(m_loadingBundle->name.isEmpty() ? m_loadingBundle->id : m_loadingBundle->name));
    } else if (model) {
        // The precision in use is always on show: fp32 and bf16 give slightly different numbers.
        m_modelLabel->setText(tr("%1 · %2 · %3")
                                  .arg(model->bundle.name.isEmpty() ? model->bundle.id : model->bundle.name,
                                      model->deviceName, app::precisionName(model->device.precision)));
    } else {
        m_modelLabel->setText(tr("No model loaded"));
    }
    m_modelLabel->setToolTip(model ? model->bundle.checkpoint : QString());
}

void MainWindow::updateTitle()
{
    const QString current = m_media->currentFile();
    setWindowTitle(current.isEmpty() ? tr("mPLUG-2 Studio")
                                     : tr("%1 — mPLUG-2 Studio").arg(QFileInfo(current).fileName()));
}

void MainWindow::search(const QString &query)
{
    if (query.isEmpty()) {
        m_task->focusInput();
        return;
    }
    m_searchDock->show();
    m_searchDock->raise();
    m_search->searchText(query);
}

void MainWindow::showError(const QString &message, const QString &details, const QString &cause)
{
    m_banner->showError(message, details);
    m_banner->setCause(cause);
    statusBar()->showMessage(message, 8000);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_task->saveSettings(settings);
    m_attention->saveSettings(settings);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_task->restoreSettings(settings);
    m_attention->restoreSettings(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

bool MainWindow::event(QEvent *event)
{
    // The end of a drag, of a panel's edge among others: the panels' widths are the user's now.
    if (event->type() == QEvent::MouseButtonRelease)
        m_dockBaseWindowSize = {};
    return QMainWindow::event(event);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (!event->oldSize().isValid() || event->size() == event->oldSize())
        return;
    // QMainWindow alone gives all of a change in size to the viewer: maximised, the panels stayed as
    // small as before. They take a share of it, and give it back when the window shrinks, but not
    // below what they need to show their content (the viewer has a minimum of its own).
    QDockWidget *bottom = m_attentionDock->isVisible() ? m_attentionDock : m_searchDock;
    const std::array<std::pair<QDockWidget *, double>, 3> panels {
        {{m_mediaDock, kLeftShare}, {m_taskDock, kRightShare}, {bottom, kBottomShare}}};
    const auto isVertical = [this](QDockWidget *dock) {
        const Qt::DockWidgetArea area = dockWidgetArea(dock);
        return area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea;
    };
    const auto extent = [&isVertical](QDockWidget *dock, const QSize &size) {
        return isVertical(dock) ? size.height() : size.width();
    };
    if (m_dockBaseWindowSize.isEmpty()) {
        // The layout has given the change to the centre so far: these are the sizes at the old size.
        m_dockBaseWindowSize = event->oldSize();
        m_dockBaseExtents.clear();
        for (const auto &panel : panels)
            m_dockBaseExtents.append(extent(panel.first, panel.first->size()));
    }
    QList<QDockWidget *> docks[2];
    QList<int> extents[2];
    for (int i = 0; i < int(panels.size()); ++i) {
        QDockWidget *dock = panels[i].first;
        if (dock->isHidden() || dock->isFloating() || dockWidgetArea(dock) == Qt::NoDockWidgetArea)
            continue;
        const int base = m_dockBaseExtents.value(i);
        const int grown = extent(dock, event->size()) - extent(dock, m_dockBaseWindowSize);
        const int floor
            = std::max(extent(dock, dock->minimumSizeHint()), std::min(base, extent(dock, dock->sizeHint())));
        docks[isVertical(dock)].append(dock);
        extents[isVertical(dock)].append(std::max(floor, base + int(std::lround(grown * panels[i].second))));
    }
    for (const Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical}) {
        const int i = orientation == Qt::Vertical ? 1 : 0;
        if (!docks[i].isEmpty())
            resizeDocks(docks[i], extents[i], orientation);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    openMedia(paths);
    event->acceptProposedAction();
}

} // namespace mplug2::ui
