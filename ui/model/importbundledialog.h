#pragma once
/// Model ▸ Manage Models ▸ Import Checkpoint: makes a model bundle from an
/// official mPLUG-2 .pth (or .safetensors). The user picks the checkpoint,
/// the vocabulary (the bundled BERT one by default), the kind, and the
/// official config files when they have them; before anything is saved the
/// dialog shows the inspect report (`mplug2 inspect`, run in its own process
/// so a hostile file cannot harm the app) and the configuration the bundle
/// will use. Import writes the manifest under the user's data folder and
/// registers it; the checkpoint stays where it is.
///
/// An import never overwrites: when the id is taken (a registered model, or
/// a bundle folder of that id), the dialog asks whether to replace it, keep
/// both (the new one gets a free id such as `caption-2`), or cancel.
///
///     ImportBundleDialog dialog(&registry, this);
///     if (dialog.exec() == QDialog::Accepted) manager->selectBundle(dialog.importedId());

#include "app/bundle/bundleregistry.h"
#include "app/bundle/checkpointbundle.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProcess;

namespace mplug2::ui {

enum class ImportConflictChoice { Replace, KeepBoth, Cancel };

class ImportBundleDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportBundleDialog(app::BundleRegistry *registry, QWidget *parent = nullptr);
    ~ImportBundleDialog() override;

    void setCheckpoint(const QString &path);
    void setVocabulary(const QString &path);
    void setKind(app::ModelKind kind);
    void setConfigFiles(const QString &bertConfig, const QString &modelConfig);
    /// The bundle the current choices make, or why they do not make one.
    Expected<app::ModelBundle> bundle() const;
    /// The inspect report shown so far.
    QString report() const;
    /// Writes the bundle's manifest and registers it; the id, or an error
    /// (ErrorCode::Cancelled when the user cancelled at the conflict question).
    Expected<QString> importBundle();

    /// What to do when the id is taken: `installed` names the model there,
    /// `freeId` is the id "keep both" would give. Asked with a message box
    /// unless replaced (tests answer it).
    using ConflictQuestion = std::function<ImportConflictChoice(
        const QString &id, const QString &installed, const QString &freeId)>;
    void setConflictQuestion(ConflictQuestion question) { m_askConflict = std::move(question); }
    QString importedId() const { return m_importedId; }

Q_SIGNALS:
    /// The inspect report is complete (successful or not).
    void reportReady();

private:
    QLineEdit *fileRow(
        const QString &label, const QString &objectName, const QString &filter, QFormLayout *form);
    void refreshPreview();
    void inspect();

    app::BundleRegistry *m_registry = nullptr;
    QLineEdit *m_checkpoint = nullptr;
    QLineEdit *m_vocab = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_bertConfig = nullptr;
    QLineEdit *m_modelConfig = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPlainTextEdit *m_config = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QProcess *m_inspector = nullptr;
    QString m_importedId;
    ConflictQuestion m_askConflict;
};

} // namespace mplug2::ui
