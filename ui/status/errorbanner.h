#pragma once
/// A readable error above the results: the one-line message, "Details" to
/// see the rest (file names, the library's own words), an optional action
/// (e.g. "Load on CPU" after a GPU ran out of memory) and a close button.
/// Never modal: the window stays usable.
///
///     banner->showError(error.message, error.details);
///     banner->showError(msg, details, tr("Load on CPU"), [this] { reloadOnCpu(); });

#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace mplug2::ui {

class ErrorBanner : public QWidget {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &message, const QString &details = {}, const QString &actionText = {},
        std::function<void()> action = {});
    QString message() const;
    QString details() const;
    bool detailsVisible() const;

    /// What caused the error shown now ("" for no particular cause). An error
    /// goes with its cause: its owner calls dismissIfCausedBy() when the cause
    /// is gone (the media it was about is no longer shown, say).
    void setCause(const QString &cause) { m_cause = cause; }
    QString cause() const { return m_cause; }
    void dismissIfCausedBy(const QString &cause);

public Q_SLOTS:
    void dismiss();
    void toggleDetails();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_icon = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_detailsButton = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    QPlainTextEdit *m_details = nullptr;
    std::function<void()> m_callback;
    QString m_cause;
};

} // namespace mplug2::ui
