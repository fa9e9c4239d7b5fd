#include "ui/status/jobstatuswidget.h"

#include "ui/theme/paletteicon.h"

#include <QBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace mplug2::ui {

JobStatusWidget::JobStatusWidget(app::Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_stage(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("jobStatus"));
    setAccessibleName(tr("Progress"));
    m_stage->setObjectName(QStringLiteral("jobStage"));
    m_bar->setObjectName(QStringLiteral("jobProgress"));
    m_bar->setAccessibleName(tr("Progress"));
    m_bar->setFixedWidth(160);
    m_bar->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setIcon(paletteIcon(QStringLiteral("cancel")));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel (Esc)"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stage);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QToolButton::clicked, this, &JobStatusWidget::cancelCurrent);
    connect(engine, &app::Engine::requestSubmitted, this, &JobStatusWidget::follow);
    connect(engine, &app::Engine::busyChanged, this, &JobStatusWidget::setVisible);
    setVisible(engine->isBusy());
}

void JobStatusWidget::follow(const app::RequestHandle &handle)
{
    updateQueue();
    handle.onStarted(this, [this, handle] { onStarted(handle); })
        .onProgress(this,
            [this, id = handle.id()](const app::EngineProgress &p) {
                if (id == m_current.id())
                    onProgress(p);
            })
        .then(this, [this, handle](const app::RequestOutcome &) { onEnded(handle); });
}

bool JobStatusWidget::cancelCurrent()
{
    const bool cancelled = m_current.cancel();
    if (cancelled)
        m_stage->setText(tr("Cancelling…"));
    return cancelled;
}

void JobStatusWidget::onStarted(const app::RequestHandle &handle)
{
    m_current = handle;
    m_bar->setRange(0, 0);
    m_stage->setText(tr("Starting…"));
    m_cancel->setEnabled(true);
    updateQueue();
}

void JobStatusWidget::onProgress(const app::EngineProgress &progress)
{
    // A dense caption counts its windows ("Window 3/35 · Generating text"), not one window's tokens.
    if (progress.windows > 0) {
        m_bar->setRange(0, progress.windows);
        m_bar->setValue(progress.windowsDone());
    } else if (progress.total > 0) {
        m_bar->setRange(0, progress.total);
        m_bar->setValue(progress.step);
    } else {
        m_bar->setRange(0, 0);
    }
    m_stage->setText(app::progressText(progress));
    updateQueue();
}

void JobStatusWidget::onEnded(const app::RequestHandle &handle)
{
    if (handle == m_current) {
        m_current = {};
        m_cancel->setEnabled(false);
        m_bar->setRange(0, 1);
        m_bar->setValue(1);
    }
    updateQueue();
}

void JobStatusWidget::updateQueue()
{
    const int queued = m_engine->queuedCount();
    m_bar->setToolTip(queued > 0 ? tr("%n more request(s) waiting", nullptr, queued) : QString());
}

} // namespace mplug2::ui
