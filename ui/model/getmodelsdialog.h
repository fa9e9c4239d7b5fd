#pragma once
/// Model ▸ Get Models: the official mPLUG-2 checkpoints (the catalogue,
/// app/zoo), each with its task, dataset and published score, and whether it
/// is installed or partly downloaded. Download fetches the chosen one on a
/// worker thread with bytes, rate and time left; Cancel stops it within
/// milliseconds and keeps what came, so that Download (or the next start of
/// the app) resumes. A finished download is checked and imported as Manage
/// Models ▸ Import does (optionally as an fp16 copy), and appears there.
/// The licence is shown before the first download; a mirror (URL prefix or
/// folder) serves sites without internet access.
///
///     GetModelsDialog dialog(&registry, this);
///     connect(&dialog, &GetModelsDialog::installed, manager, &ModelManagerDialog::selectBundle);
///     dialog.exec();

#include "app/bundle/bundleregistry.h"
#include "app/zoo/modelcatalogue.h"
#include "app/zoo/modeldownload.h"
#include "app/zoo/modelstore.h"

#include <QDialog>
#include <QThread>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace mplug2::ui {

class GetModelsDialog : public QDialog {
    Q_OBJECT
public:
    explicit GetModelsDialog(app::BundleRegistry *registry, QWidget *parent = nullptr);
    ~GetModelsDialog() override;

    /// Another catalogue or store than the bundled one and the user's (tests).
    void setCatalogue(const app::ModelCatalogue &catalogue);
    void setStore(const app::ModelStore &store);
    /// Asked once before the first download, with the licence text; true to
    /// go on. A message box unless replaced (tests answer it).
    using LicenceQuestion = std::function<bool(const QString &text)>;
    void setLicenceQuestion(LicenceQuestion question) { m_askLicence = std::move(question); }

    void selectModel(const QString &id);
    QString selectedId() const;
    /// Downloads (or resumes) the selected model.
    void startDownload();
    void cancelDownload();
    bool isDownloading() const { return m_download != nullptr; }
    /// The line under the progress bar: what is happening, or what went wrong.
    QString statusText() const;

Q_SIGNALS:
    /// The model was downloaded, checked and registered under `id`.
    void installed(const QString &id);
    /// A download or its import ended without a model (cancelled included).
    void stopped(const QString &message);

private:
    void refresh();
    void updateButtons();
    void showProgress(const app::DownloadProgress &progress);
    void downloadFinished();
    void installFinished(const QString &id, const QString &error);
    bool licenceAccepted();
    void stopWorker();

    app::BundleRegistry *m_registry = nullptr;
    app::ModelCatalogue m_catalogue;
    QString m_catalogueError;
    app::ModelStore m_store;
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_mirror = nullptr;
    QCheckBox *m_fp16 = nullptr;
    QLabel *m_licence = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_downloadButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QThread m_worker;
    app::ModelDownload *m_download = nullptr; ///< lives on m_worker while it runs
    app::InstallOptions m_installing;
    bool m_busyInstalling = false;
    LicenceQuestion m_askLicence;
};

} // namespace mplug2::ui
