#pragma once
/// Long work in the status bar: what the engine is doing (stage, step of
/// total, how many requests wait), a progress bar, and a Cancel button. It
/// hides itself when the engine is idle.
///
///     auto *status = new JobStatusWidget(&engine, statusBar());
///     statusBar()->addPermanentWidget(status);
///     status->cancelCurrent();              // what the Cancel button and Esc do

#include "app/engine/engine.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace mplug2::ui {

class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobStatusWidget(app::Engine *engine, QWidget *parent = nullptr);

    /// The request running now (0: none).
    app::RequestId currentRequest() const { return m_current.id(); }
    QToolButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_bar; }

public Q_SLOTS:
    /// Cancels the running request (or load); false when nothing runs.
    bool cancelCurrent();

private:
    /// Shows `handle` while it runs (every request the engine is given).
    void follow(const app::RequestHandle &handle);
    void onStarted(const app::RequestHandle &handle);
    void onProgress(const app::EngineProgress &progress);
    void onEnded(const app::RequestHandle &handle);
    void updateQueue();

    app::Engine *m_engine = nullptr;
    QLabel *m_stage = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
    app::RequestHandle m_current;
};

} // namespace mplug2::ui
