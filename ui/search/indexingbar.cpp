#include "ui/search/indexingbar.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QtConcurrent>

namespace mplug2::ui {

IndexingBar::IndexingBar(app::Engine *engine, QString catalogLocation, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_location(std::move(catalogLocation))
    , m_add(new QPushButton(tr("Index a folder…"), this))
    , m_update(new QPushButton(tr("Update index"), this))
    , m_moments(new QCheckBox(tr("Moments"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_add);
    layout->addWidget(m_update);
    layout->addWidget(m_moments);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_pause);
    layout->addWidget(m_cancel);
    layout->addWidget(m_status, 2);
    m_add->setToolTip(tr("Add a folder of pictures and videos to the search index"));
    m_update->setToolTip(tr("Index new and changed files and forget deleted ones"));
    m_moments->setObjectName(QStringLiteral("indexMomentsCheck"));
    m_moments->setToolTip(tr("Also find the shots of every video and index each moment (a shot, long shots "
                             "cut into windows of up to %1 s), so that a search can land on it.\nMoments "
                             "multiply the vectors and the index's size.")
                              .arg(app::MomentOptions {}.maxWindowSeconds));
    m_progress->setAccessibleName(tr("Indexing progress"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long file names must not widen the window: the label takes what width is left.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress->setMinimumWidth(80);
    connect(m_add, &QPushButton::clicked, this, &IndexingBar::chooseFolder);
    connect(m_update, &QPushButton::clicked, this, &IndexingBar::updateIndex);
    connect(m_pause, &QPushButton::clicked, this, &IndexingBar::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
        if (m_waitingFolders) {
            m_waitingFolders.reset();
            m_status->setText(tr("Indexing cancelled."));
            showState();
        }
    });
    connect(
        &m_folderLoad, &QFutureWatcher<IndexLocation::Check>::finished, this, &IndexingBar::foldersLoaded);
    loadFolders();
    showState();
}

IndexingBar::~IndexingBar() = default;

bool IndexingBar::setCatalogLocation(const QString &location)
{
    if (isRunning()) {
        m_status->setText(tr("An indexing job is running: cancel it or let it end before opening another "
                             "index."));
        return false;
    }
    m_location = location;
    m_job.reset();
    m_status->clear();
    m_folders.clear();
    Q_EMIT foldersChanged();
    loadFolders();
    showState();
    return true;
}

void IndexingBar::loadFolders()
{
    // Just looking: the default index file is only created by the first job.
    m_foldersKnown = false;
    m_folderLoad.setFuture(QtConcurrent::run(&IndexLocation::check, m_location, IndexLocation::LeaveMissing));
}

void IndexingBar::foldersLoaded()
{
    const IndexLocation::Check found = m_folderLoad.result();
    m_foldersKnown = true;
    m_folders = found.folders;
    Q_EMIT foldersChanged();
    if (!found.error.isEmpty()) {
        m_waitingFolders.reset();
        m_status->setText(tr("Cannot open the index: %1").arg(found.error));
        showState();
        const QString location = m_location; // a copy: a receiver may well switch to another index
        Q_EMIT indexUnavailable(location, found.error);
        return;
    }
    if (m_waitingFolders) {
        const QStringList folders = *m_waitingFolders;
        m_waitingFolders.reset();
        startJob(folders);
    }
}

bool IndexingBar::isRunning() const
{
    if (m_waitingFolders)
        return true;
    if (!m_job)
        return false;
    const app::IndexJob::State s = m_job->state();
    return s != app::IndexJob::State::Finished && s != app::IndexJob::State::Cancelled
        && s != app::IndexJob::State::Failed;
}

bool IndexingBar::indexFolders(const QStringList &folders)
{
    if (isRunning()) {
        m_status->setText(tr("An indexing job is already running."));
        return false;
    }
    if (!m_engine->currentModel()) {
        m_status->setText(tr("Load a model first: indexing runs the model over every file."));
        return false;
    }
    if (!m_foldersKnown) {
        m_waitingFolders = folders;
        m_status->setText(tr("Reading the index…"));
        showState();
        return true;
    }
    return startJob(folders);
}

bool IndexingBar::startJob(const QStringList &folders)
{
    QStringList roots = m_folders;
    QStringList focus;
    for (const QString &f : folders) {
        const QString clean = QFileInfo(f).absoluteFilePath();
        focus.append(clean);
        if (!roots.contains(clean))
            roots.append(clean);
    }
    if (roots.isEmpty()) {
        m_status->setText(tr("Choose a folder to index."));
        return false;
    }
    app::IndexJobOptions options;
    options.roots = roots;
    options.focus = focus;
    options.moments.enabled = m_moments->isChecked();
    m_jobOptions = options;
    m_job = std::make_unique<app::IndexJob>(m_engine, m_location, options);
    connect(m_job.get(), &app::IndexJob::stateChanged, this, &IndexingBar::showState);
    connect(m_job.get(), &app::IndexJob::progressed, this, [this](const app::IndexProgress &p) {
        m_progress->setRange(0, int(std::max<qint64>(1, p.total)));
        m_progress->setValue(int(p.done));
        m_progress->setFormat(tr("%1 of %2").arg(p.done).arg(p.total));
        m_status->setText(tr("%1 files/s, %2 embeddings/s — %3")
                              .arg(p.filesPerSecond, 0, 'f', 2)
                              .arg(p.embeddingsPerSecond, 0, 'f', 2)
                              .arg(QFileInfo(p.currentPath).fileName()));
    });
    const QString focusName = focus.size() == 1
        ? QDir::toNativeSeparators(QFileInfo(focus.first()).fileName())
        : tr("the %n chosen folder(s)", nullptr, int(focus.size()));
    connect(
        m_job.get(), &app::IndexJob::finished, this, [this, focusName, roots](const app::IndexSummary &s) {
            // A cancelled job keeps its folders too: indexing them again goes on where it stopped.
            if (s.status != app::IndexJobStatus::Failed) {
                m_folders = roots;
                Q_EMIT foldersChanged();
            }
            if (s.status == app::IndexJobStatus::Failed)
                m_status->setText(tr("Indexing failed: %1").arg(s.error));
            else if (s.status == app::IndexJobStatus::Cancelled)
                m_status->setText(
                    tr("Indexing cancelled: %1 indexed so far (kept); index the folder again to "
                       "go on.")
                        .arg(s.indexed));
            else
                m_status->setText(summaryText(s, focusName));
            // The label is cut to the bar's width; the whole summary stays at hand.
            m_status->setToolTip(m_status->text());
            showState();
            Q_EMIT jobFinished(s);
        });
    m_job->start();
    showState();
    return true;
}

QString IndexingBar::summaryText(const app::IndexSummary &s, const QString &focusName)
{
    const qint64 unreadable = s.failed + s.failedBefore;
    if (!s.focus)
        return tr("%1 indexed, %2 unchanged, %3 removed, %4 could not be read")
                   .arg(s.indexed)
                   .arg(s.unchanged + s.restamped)
                   .arg(s.dropped)
                   .arg(unreadable)
            + momentsText(s);
    // The folder asked for on its own; the others were only checked for changes.
    const app::IndexSummary::FolderCounts &f = *s.focus;
    QString text = tr("%1: %2 indexed now, %3 already indexed.")
                       .arg(focusName)
                       .arg(f.indexedNow)
                       .arg(std::max<qint64>(0, f.indexed - f.indexedNow));
    const qint64 othersIndexed = std::max<qint64>(0, s.indexed - f.indexedNow);
    const qint64 othersUnchanged
        = std::max<qint64>(0, s.unchanged + s.restamped - std::max<qint64>(0, f.indexed - f.indexedNow));
    if (othersIndexed > 0 || othersUnchanged > 0 || s.dropped > 0)
        text += QLatin1Char(' ')
            + tr("Other indexed folders: %1 indexed, %2 unchanged, %3 removed.")
                  .arg(othersIndexed)
                  .arg(othersUnchanged)
                  .arg(s.dropped);
    if (unreadable > 0)
        text += QLatin1Char(' ') + tr("%n file(s) could not be read.", nullptr, int(unreadable));
    return text + momentsText(s);
}

QString IndexingBar::momentsText(const app::IndexSummary &s)
{
    if (!s.moments)
        return {};
    return QLatin1Char(' ')
        + tr("Moments: %1 in %n video(s), %2 in the index.", nullptr, int(s.moments->files))
              .arg(s.moments->moments)
              .arg(QLocale().formattedDataSize(s.moments->bytes));
}

void IndexingBar::setMomentsEnabled(bool enabled)
{
    m_moments->setChecked(enabled);
}

bool IndexingBar::momentsEnabled() const
{
    return m_moments->isChecked();
}

bool IndexingBar::updateIndex()
{
    return indexFolders({});
}

void IndexingBar::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Index a folder"));
    if (!folder.isEmpty())
        indexFolders({folder});
}

void IndexingBar::togglePause()
{
    if (!m_job)
        return;
    if (m_job->state() == app::IndexJob::State::Paused)
        m_job->resume();
    else
        m_job->pause();
}

void IndexingBar::showState()
{
    const bool running = isRunning();
    const bool paused = m_job && m_job->state() == app::IndexJob::State::Paused;
    m_add->setEnabled(!running);
    m_update->setEnabled(!running);
    m_moments->setEnabled(!running);
    m_progress->setVisible(running);
    if (m_waitingFolders)
        m_progress->setRange(0, 0); // busy: the job has not started yet
    m_pause->setVisible(running && !m_waitingFolders);
    m_cancel->setVisible(running);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (m_job && m_job->state() == app::IndexJob::State::Scanning)
        m_status->setText(tr("Looking for pictures and videos…"));
    else if (m_job && m_job->state() == app::IndexJob::State::Finishing)
        m_status->setText(tr("Updating the search index…"));
}

} // namespace mplug2::ui
