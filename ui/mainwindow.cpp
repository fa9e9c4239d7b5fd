#include "ui/mainwindow.h"

#include "app/media/mediasource.h"
#include "ui/aboutdialog.h"
#include "ui/attention/attentionpanel.h"
#include "ui/media/mediapanel.h"
#include "ui/model/modelmanagerdialog.h"
#include "ui/results/resultspanel.h"
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
#include <QDirIterator>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>

namespace mplug2::ui {

namespace {
constexpr int kMaxRecentFiles = 10;
constexpr int kDefaultFrames = 16;
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
    addPanel(m_media, tr("Media"), QStringLiteral("mediaDock"), Qt::LeftDockWidgetArea);
    QDockWidget *taskDock = addPanel(m_task, tr("Task"), QStringLiteral("taskDock"), Qt::RightDockWidgetArea);
    QDockWidget *resultsDock
        = addPanel(m_results, tr("Results"), QStringLiteral("resultsDock"), Qt::RightDockWidgetArea);
    splitDockWidget(taskDock, resultsDock, Qt::Vertical);
    QDockWidget *attentionDock
        = addPanel(m_attention, tr("Attention"), QStringLiteral("attentionDock"), Qt::BottomDockWidgetArea);
    m_search = new SearchView(m_engine, SearchView::defaultCatalogLocation(), this);
    m_searchDock = addPanel(m_search, tr("Search"), QStringLiteral("searchDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(attentionDock, m_searchDock);
    attentionDock->raise();
    resizeDocks({taskDock, resultsDock}, {300, 300}, Qt::Vertical);

    m_jobStatus = new JobStatusWidget(m_engine, this);
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
    m_engine->cancelAll();
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
    rebuildRecentMenu();
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
    QAction *cancel = task->addAction(
        paletteIcon(QStringLiteral("cancel")), tr("&Cancel"), m_jobStatus, &JobStatusWidget::cancelCurrent);
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
    model->addAction(
        paletteIcon(QStringLiteral("unload")), tr("&Unload Model"), m_engine, &app::Engine::unloadModel);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About mPLUG-2 Studio"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::connectEngine()
{
    connect(m_engine, &app::Engine::requestProgress, m_results, &ResultsPanel::showProgress);
    connect(m_engine, &app::Engine::requestFinished, this, [this](const app::EngineResult &result) {
        if (m_requests.remove(result.id)) {
            m_results->setResult(result);
            statusBar()->showMessage(
                tr("Done in %1 s").arg(QLocale().toString(result.timings.totalMs / 1000.0, 'f', 1)), 5000);
        }
    });
    connect(m_engine, &app::Engine::requestFailed, this, &MainWindow::onFailed);
    connect(m_engine, &app::Engine::requestCancelled, this, [this](app::RequestId id) {
        if (m_requests.remove(id))
            m_results->setCancelled(id);
        if (id == m_loadRequest)
            m_loadRequest = 0;
        statusBar()->showMessage(tr("Cancelled"), 5000);
        updateModelLabel();
    });
    connect(m_engine, &app::Engine::modelLoaded, this,
        [this](app::RequestId, const app::ModelInfo &info) { onModelLoaded(info); });
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
    connect(
        m_viewer, &MediaViewer::mediaFailed, this, [this](const QString &message) { showError(message); });
    connect(m_search, &SearchView::openMediaRequested, this, [this](const QString &path) {
        openMedia({path});
        m_media->setCurrentFile(QFileInfo(path).absoluteFilePath());
    });
}

void MainWindow::openMedia(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (QFileInfo(path).isDir()) {
            QStringList found;
            QDirIterator it(path, app::mediaNameFilters(), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                found.append(it.next());
            found.sort();
            files.append(found);
        } else {
            files.append(path);
        }
    }
    const QStringList missing = m_media->addFiles(files);
    QStringList opened;
    for (const QString &file : std::as_const(files)) {
        if (!missing.contains(file))
            opened.append(QFileInfo(file).absoluteFilePath());
    }
    rememberRecent(opened);
    if (!missing.isEmpty())
        statusBar()->showMessage(tr("Not found: %1").arg(missing.join(QStringLiteral(", "))));
}

QStringList MainWindow::mediaFiles() const
{
    return m_media->files();
}

void MainWindow::rememberRecent(const QStringList &paths)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : paths) {
        recent.removeAll(path);
        recent.prepend(path);
    }
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    rebuildRecentMenu();
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
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openMedia({path}); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

app::RequestId MainWindow::loadModel(const app::ModelBundle &bundle, const app::DeviceChoice &device)
{
    m_banner->dismiss();
    m_loadingBundle = bundle;
    m_loadingDevice = device;
    m_loadRequest = m_engine->loadModel(bundle, device);
    m_task->options()->setDeviceChoice(device);
    updateModelLabel();
    return m_loadRequest;
}

bool MainWindow::loadStartupModel()
{
    const QString lastId = QSettings().value(QStringLiteral("model/current")).toString();
    Expected<app::ModelBundle> bundle
        = lastId.isEmpty() ? m_registry.defaultBundle() : m_registry.resolve(lastId);
    if (!bundle && !lastId.isEmpty())
        bundle = m_registry.defaultBundle();
    if (!bundle) {
        m_banner->showError(tr("No model is installed yet."), QString::fromStdString(bundle.error().message),
            tr("Manage Models…"), [this] { showModelManager(); });
        return false;
    }
    loadModel(*bundle, m_task->options()->deviceChoice());
    return true;
}

app::RequestId MainWindow::runTask()
{
    if (m_task->task() == StudioTask::Search) {
        search(m_task->searchQuery());
        return 0;
    }
    if (!m_engine->currentModel() && m_loadRequest == 0) {
        m_banner->showError(
            tr("Load a model first."), {}, tr("Manage Models…"), [this] { showModelManager(); });
        return 0;
    }
    const Expected<app::EngineRequest> request = m_task->buildRequest(m_media->currentFile());
    if (!request) {
        showError(QString::fromStdString(request.error().message));
        m_task->focusInput();
        return 0;
    }
    m_banner->dismiss();
    const app::RequestId id = m_engine->submit(*request);
    m_requests.insert(id);
    m_results->addPending(id, *request);
    if (request->task == app::TaskKind::Answer)
        m_task->rememberQuestion(request->question);
    return id;
}

void MainWindow::onMediaChanged(const QString &path)
{
    m_viewer->setMedia(path);
    updateSampling();
    if (path != m_shownResultMedia) {
        m_attention->clear();
        m_shownResultMedia.clear();
    }
    updateTitle();
}

void MainWindow::showResult(const app::EngineResult &result)
{
    const QString media = QFileInfo(result.media).absoluteFilePath();
    m_shownResultMedia = media;
    if (m_viewer->mediaPath() != media) {
        m_media->setCurrentFile(media);
        if (m_viewer->mediaPath() != media)
            m_viewer->setMedia(media);
    }
    m_viewer->setModelFrames(result.frames, result.geometry.frameTimes);
    m_attention->setResult(result);
}

void MainWindow::onFailed(const app::EngineError &error)
{
    const bool ours = m_requests.remove(error.id);
    if (ours)
        m_results->setFailed(error);
    if (!ours && error.id != m_loadRequest)
        return;
    if (error.id == m_loadRequest) {
        m_loadRequest = 0;
        updateModelLabel();
    }
    if (error.suggestCpu && m_loadingBundle) {
        const app::ModelBundle bundle = *m_loadingBundle;
        m_banner->showError(error.message, error.details, tr("Load on CPU"),
            [this, bundle] { loadModel(bundle, app::DeviceChoice::cpu()); });
    } else {
        showError(error.message, error.details);
    }
}

void MainWindow::onModelLoaded(const app::ModelInfo &info)
{
    m_loadRequest = 0;
    QSettings().setValue(QStringLiteral("model/current"), info.bundle.id);
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
    if (m_loadRequest != 0 && m_loadingBundle) {
        m_modelLabel->setText(
            tr("Loading %1…")
                .arg(m_loadingBundle->name.isEmpty() ? m_loadingBundle->id : m_loadingBundle->name));
    } else if (model) {
        m_modelLabel->setText(tr("%1 · %2").arg(
            model->bundle.name.isEmpty() ? model->bundle.id : model->bundle.name, model->deviceName));
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

void MainWindow::showError(const QString &message, const QString &details)
{
    m_banner->showError(message, details);
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
