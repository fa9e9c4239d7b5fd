#pragma once
/// The answers: one entry per request (task, media, question), under it the
/// best text first with its score and the alternatives; dense captions list
/// their time windows. Running requests show their partial text (a dense
/// caption: the window it is in); failed and cancelled ones say so, and a
/// dense caption cancelled part-way keeps its finished windows, marked
/// partial. Copy and per-result export (the engine's exporters) work on the
/// selected entry; selecting one shows its attention, a window its own.
///
///     panel->addPending(id, request);
///     handle.then(panel, [panel](const RequestOutcome &o) {
///         if (o.result) panel->setResult(*o.result);
///         else if (o.partial) panel->setPartial(*o.partial);
///     });
///     connect(panel, &ResultsPanel::resultSelected, attention, [](const EngineResult &r) { ... });
///     connect(panel, &ResultsPanel::windowSelected, this, [](const EngineResult &dense, int k) { ... });

#include "app/engine/engineerror.h"
#include "app/engine/engineprogress.h"
#include "app/engine/engineresult.h"
#include "base/expected.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QSettings;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace mplug2::ui {

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPanel(QWidget *parent = nullptr);

    void addPending(app::RequestId id, const app::EngineRequest &request);
    void showProgress(const app::EngineProgress &progress);
    void setResult(const app::EngineResult &result);
    void setFailed(const app::EngineError &error);
    void setCancelled(app::RequestId id);
    /// A dense caption cancelled part-way (RequestOutcome::partial): its
    /// finished windows, under a line saying how many of all ("12 of 35 windows; cancelled").
    void setPartial(const app::EngineResult &partial);
    /// Selects window `index` of dense caption `id` (windowSelected() follows); false when there is none.
    bool selectWindow(app::RequestId id, int index);
    /// The window of the selected entry (-1: the entry is not a window).
    int selectedWindow() const;

    /// A finished request's result.
    std::optional<app::EngineResult> result(app::RequestId id) const;
    /// The result of the selected entry (or of the newest one).
    std::optional<app::EngineResult> currentResult() const;
    /// The texts shown under request `id`, best first.
    QStringList texts(app::RequestId id) const;
    /// Writes result `id` with exporter `exporterId` ("txt", "json", "csv", "srt", ...).
    Expected<QStringList> exportResult(
        app::RequestId id, const QString &exporterId, const QString &path) const;

    QTreeWidget *tree() const { return m_tree; }

public Q_SLOTS:
    /// Copies the selected text (or a request's best text) to the clipboard.
    void copySelection();
    /// Asks where to export the selected result, and in which format.
    void exportSelection();
    void clearAll();

Q_SIGNALS:
    void resultSelected(const mplug2::app::EngineResult &result);
    /// Window `index` of a dense caption was chosen (its attention: app::windowResult()).
    void windowSelected(const mplug2::app::EngineResult &dense, int index);
    /// A dense-caption window was chosen: show the video from its start.
    void seekRequested(double seconds);
    /// A line for the status bar.
    void message(const QString &text);

private:
    QTreeWidgetItem *requestItem(app::RequestId id) const;
    app::RequestId selectedRequest() const;
    void fillItems(QTreeWidgetItem *top, const app::EngineResult &result);
    void updateActions();

    QTreeWidget *m_tree = nullptr;
    QToolButton *m_copy = nullptr;
    QToolButton *m_export = nullptr;
    QToolButton *m_clear = nullptr;
    QHash<app::RequestId, app::EngineResult> m_results;
};

} // namespace mplug2::ui
