#include "ui/mainwindow.h"

#include "ui/aboutdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

namespace mplug2::ui {

namespace {
constexpr int kMaxRecentFiles = 10;

QStringList mediaNameFilters()
{
    return {QStringLiteral("*.mp4"), QStringLiteral("*.mov"), QStringLiteral("*.mkv"), QStringLiteral("*.webm"),
            QStringLiteral("*.avi"), QStringLiteral("*.gif"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"),
            QStringLiteral("*.png"), QStringLiteral("*.webp"), QStringLiteral("*.bmp"), QStringLiteral("*.tif"),
            QStringLiteral("*.tiff")};
}
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("mPLUG-2 Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/mplug2-studio.svg")));
    setAcceptDrops(true);

    m_mediaList = new QListWidget(this);
    m_mediaList->setObjectName(QStringLiteral("mediaList"));
    m_mediaList->setAccessibleName(tr("Media files"));
    m_mediaList->setMinimumWidth(200);

    m_viewer = new QLabel(tr("Open images or videos (File ▸ Open) or drop them here."), this);
    m_viewer->setObjectName(QStringLiteral("viewer"));
    m_viewer->setAccessibleName(tr("Viewer"));
    m_viewer->setAlignment(Qt::AlignCenter);
    m_viewer->setWordWrap(true);
    m_viewer->setMinimumSize(320, 240);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_mediaList);
    splitter->addWidget(m_viewer);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    connect(m_mediaList, &QListWidget::currentTextChanged, this, [this](const QString &path) {
        if (!path.isEmpty())
            m_viewer->setText(QFileInfo(path).fileName());
    });

    createMenus();
    statusBar()->showMessage(tr("Ready"));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 700);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Files…"), this, &MainWindow::chooseFiles);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("actionOpen"));
    QAction *openFolder = file->addAction(tr("Open &Folder…"), this, &MainWindow::chooseFolder);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About mPLUG-2 Studio"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::openMedia(const QStringList &paths)
{
    QStringList missing;
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile()) {
            missing << path;
            continue;
        }
        const QString absolute = info.absoluteFilePath();
        if (m_mediaList->findItems(absolute, Qt::MatchExactly).isEmpty())
            m_mediaList->addItem(absolute);
        recent.removeAll(absolute);
        recent.prepend(absolute);
    }
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    rebuildRecentMenu();
    if (!missing.isEmpty())
        statusBar()->showMessage(tr("Not found: %1").arg(missing.join(QStringLiteral(", "))));
    if (m_mediaList->currentRow() < 0 && m_mediaList->count() > 0)
        m_mediaList->setCurrentRow(0);
}

QStringList MainWindow::mediaFiles() const
{
    QStringList files;
    for (int i = 0; i < m_mediaList->count(); ++i)
        files << m_mediaList->item(i)->text();
    return files;
}

void MainWindow::chooseFiles()
{
    const QString filter = tr("Images and videos (%1)").arg(mediaNameFilters().join(QLatin1Char(' ')));
    openMedia(QFileDialog::getOpenFileNames(this, tr("Open Images or Videos"), QString(), filter));
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder"));
    if (dir.isEmpty())
        return;
    QStringList files;
    QDirIterator it(dir, mediaNameFilters(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    openMedia(files);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
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
