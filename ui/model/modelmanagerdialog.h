#pragma once
/// Model ▸ Manage Models: the registered model bundles (the built-in demo
/// model first), what each one is (checkpoint, vocabulary, kind, frames,
/// generation defaults, config overrides and, once loaded, the full inferred
/// config), which one loads at start, and loading on a chosen device and
/// precision, unloading, and the memory in use. Not modal: loading runs on
/// the engine while the window stays usable.
///
///     ModelManagerDialog dialog(&engine, &registry, this);
///     connect(&dialog, &ModelManagerDialog::loadRequested, window, &MainWindow::loadModel);
///     dialog.show();

#include "app/bundle/bundleregistry.h"
#include "app/engine/engine.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace mplug2::ui {

class ModelManagerDialog : public QDialog {
    Q_OBJECT
public:
    ModelManagerDialog(app::Engine *engine, app::BundleRegistry *registry, QWidget *parent = nullptr);

    /// Re-reads the registry and the engine's state.
    void refresh();
    /// Selects the bundle with `id` in the list.
    void selectBundle(const QString &id);
    /// The bundle selected in the list.
    std::optional<app::ModelBundle> selectedBundle() const;
    app::DeviceChoice deviceChoice() const;

    /// Removing a downloaded model: delete its files too, keep them, or cancel.
    enum class RemoveChoice { DeleteFiles, KeepFiles, Cancel };
    /// Asked with a message box unless replaced (tests answer it).
    using RemoveQuestion = std::function<RemoveChoice(const app::ModelBundle &bundle)>;
    void setRemoveQuestion(RemoveQuestion question) { m_askRemove = std::move(question); }

Q_SIGNALS:
    void loadRequested(const mplug2::app::ModelBundle &bundle, const mplug2::app::DeviceChoice &device);
    void unloadRequested();

private:
    void showDetails();
    void updateLoadedState();
    void addBundle();
    void importCheckpoint();
    void removeBundle();
    void makeDefault();
    void requestLoad();

    app::Engine *m_engine = nullptr;
    app::BundleRegistry *m_registry = nullptr;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QComboBox *m_device = nullptr;
    QComboBox *m_precision = nullptr;
    QLabel *m_loaded = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_unload = nullptr;
    RemoveQuestion m_askRemove;
    QPushButton *m_remove = nullptr;
    QPushButton *m_default = nullptr;
};

/// Resident memory of this process in bytes (0 where the system does not say).
qint64 processResidentBytes();
/// This process's peak resident set (VmHWM), in bytes; 0 when unknown.
qint64 processPeakResidentBytes();

} // namespace mplug2::ui
