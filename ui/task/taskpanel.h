#pragma once
/// What to ask of the model: the task (caption, dense caption, ask,
/// classify, search), its inputs (a question with history, where Enter asks;
/// labels; dense captions' windows, fixed or one per shot; a search query)
/// and the options. Emits
/// runRequested() when the user starts it; buildRequest() turns the panel
/// into an EngineRequest for one media file.
///
///     connect(panel, &TaskPanel::runRequested, window, &MainWindow::runTask);
///     Expected<EngineRequest> r = panel->buildRequest("clip.mp4");
///     if (!r) showError(r.error().message);

#include "app/engine/enginerequest.h"
#include "base/expected.h"

#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QStackedWidget;
class QToolButton;

namespace mplug2::ui {

class TaskOptionsWidget;

enum class StudioTask { Caption, DenseCaption, Ask, Classify, Search };

class TaskPanel : public QWidget {
    Q_OBJECT
public:
    explicit TaskPanel(QWidget *parent = nullptr);

    StudioTask task() const;
    void setTask(StudioTask task);
    /// The request for `mediaPath`, or an error saying what is missing (e.g. the question).
    Expected<app::EngineRequest> buildRequest(const QString &mediaPath) const;
    /// How dense captions cut the video: fixed windows (the default) or by shot.
    void setCaptionWindows(app::CaptionWindows windows);
    app::CaptionWindows captionWindows() const;
    QString question() const;
    void setQuestion(const QString &question);
    /// Remembers the question just asked at the top of the history.
    void rememberQuestion(const QString &question);
    QStringList questionHistory() const;
    QString searchQuery() const;
    /// Whether the run button accepts clicks (false while a request runs).
    void setRunEnabled(bool enabled);
    /// Focuses the input of the current task (question box for Ask).
    void focusInput();

    TaskOptionsWidget *options() const { return m_options; }
    QPushButton *runButton() const { return m_run; }

    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

Q_SIGNALS:
    void runRequested();
    void searchRequested(const QString &query);
    void taskChanged(mplug2::ui::StudioTask task);

private:
    void windowModeChanged();
    QWidget *createTaskButtons();
    QWidget *createInputs();
    void updateRunButton();
    void run();

    QButtonGroup *m_tasks = nullptr;
    QStackedWidget *m_inputs = nullptr;
    QComboBox *m_question = nullptr;
    QLineEdit *m_candidates = nullptr;
    QLineEdit *m_labels = nullptr;
    QLineEdit *m_labelTemplate = nullptr;
    QComboBox *m_classifyMethod = nullptr;
    QComboBox *m_windowMode = nullptr;
    QDoubleSpinBox *m_window = nullptr;
    /// The window length of each mode: fixed windows, and the longest moment by shot.
    double m_fixedWindowSeconds = 10.0;
    double m_shotWindowSeconds = app::MomentOptions {}.maxWindowSeconds;
    QLineEdit *m_searchQuery = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_run = nullptr;
    QToolButton *m_optionsToggle = nullptr;
    TaskOptionsWidget *m_options = nullptr;
};

} // namespace mplug2::ui
