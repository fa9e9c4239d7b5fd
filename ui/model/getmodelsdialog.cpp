#include "ui/model/getmodelsdialog.h"

#include "ui/theme/paletteicon.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QtConcurrent>

namespace mplug2::ui {

namespace {

/// A metric's name for display: "accuracy" is a word to translate, CIDEr a name.
QString metricLabel(const QString &metric)
{
    if (metric == QLatin1String("accuracy"))
        return GetModelsDialog::tr("accuracy");
    return metric;
}
constexpr int kCatalogueIdRole = Qt::UserRole + 1;
const QString kLicenceKey = QStringLiteral("models/licenceAccepted");

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString duration(double seconds)
{
    if (seconds < 90)
        return GetModelsDialog::tr("%n s", nullptr, int(seconds + 0.5));
    if (seconds < 5400)
        return GetModelsDialog::tr("%n min", nullptr, int(seconds / 60 + 0.5));
    return GetModelsDialog::tr("%n h", nullptr, int(seconds / 3600 + 0.5));
}

struct InstallResult {
    QString id;
    QString error;
};
} // namespace

GetModelsDialog::GetModelsDialog(app::BundleRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
{
    setObjectName(QStringLiteral("getModels"));
    setWindowTitle(tr("Get Models"));
    setAccessibleName(tr("Get Models"));
    resize(760, 420);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("catalogueList"));
    m_list->setAccessibleName(tr("Official models"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Model"), tr("Task"), tr("Published score"), tr("State")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);

    m_mirror = new QLineEdit(app::ModelCatalogue::mirror(), this);
    m_mirror->setObjectName(QStringLiteral("mirrorEdit"));
    m_mirror->setPlaceholderText(tr("the official server"));
    m_mirror->setToolTip(tr("A URL prefix or a local folder that holds the official files, for sites "
                            "without internet access"));
    m_fp16 = new QCheckBox(tr("Also keep an &fp16 copy (half the size; the model then loads from it)"), this);
    m_fp16->setObjectName(QStringLiteral("fp16Check"));
    m_licence = new QLabel(this);
    m_licence->setWordWrap(true);
    m_licence->setOpenExternalLinks(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("downloadStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_downloadButton = new QPushButton(paletteIcon(QStringLiteral("model")), tr("&Download"), this);
    m_downloadButton->setObjectName(QStringLiteral("downloadButton"));
    m_cancelButton = new QPushButton(paletteIcon(QStringLiteral("cancel")), tr("&Cancel Download"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelDownloadButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_downloadButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Mirror:"), m_mirror);
    form->addRow(QString(), m_fp16);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_licence);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &GetModelsDialog::updateButtons);
    connect(m_downloadButton, &QPushButton::clicked, this, &GetModelsDialog::startDownload);
    connect(m_cancelButton, &QPushButton::clicked, this, &GetModelsDialog::cancelDownload);

    m_worker.setObjectName(QStringLiteral("model download"));
    m_worker.start();
    const Expected<app::ModelCatalogue> bundled = app::ModelCatalogue::bundled();
    if (bundled)
        m_catalogue = *bundled;
    else
        m_catalogueError = QString::fromStdString(bundled.error().message);
    refresh();
}

GetModelsDialog::~GetModelsDialog()
{
    stopWorker();
}

void GetModelsDialog::stopWorker()
{
    if (m_download) {
        // Deleted on its own thread: the reply is aborted and the partial file kept for a resume.
        app::ModelDownload *download = m_download;
        m_download = nullptr;
        QMetaObject::invokeMethod(
            download, [download] { delete download; }, Qt::BlockingQueuedConnection);
    }
    m_worker.quit();
    m_worker.wait();
}

void GetModelsDialog::setCatalogue(const app::ModelCatalogue &catalogue)
{
    m_catalogue = catalogue;
    m_catalogueError.clear();
    refresh();
}

void GetModelsDialog::setStore(const app::ModelStore &store)
{
    m_store = store;
    refresh();
}

void GetModelsDialog::refresh()
{
    const QString previous = selectedId();
    m_list->clear();
    for (const app::CatalogueModel &m : m_catalogue.models) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, kCatalogueIdRole, m.id);
        item->setText(0, m.name);
        item->setToolTip(0, m.downloadUrl(m_mirror->text().trimmed()).toDisplayString());
        item->setText(1, m.dataset.isEmpty() ? m.task : QStringLiteral("%1 (%2)").arg(m.task, m.dataset));
        item->setText(2,
            m.score ? QStringLiteral("%1 %2").arg(metricLabel(m.metric), QLocale().toString(*m.score, 'f', 1))
                    : tr("—"));
        const qint64 partial = app::ModelDownload::partialBytes(m_store.jobFor(m).target);
        if (m_registry->find(m.id))
            item->setText(3, tr("Installed"));
        else if (partial > 0)
            item->setText(3, tr("%1 downloaded; Download resumes").arg(dataSize(partial)));
        else
            item->setText(3, m.size > 0 ? tr("Available, %1").arg(dataSize(m.size)) : tr("Available"));
    }
    for (int c = 1; c < m_list->columnCount(); ++c)
        m_list->resizeColumnToContents(c);
    if (!previous.isEmpty())
        selectModel(previous);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_licence->setText(m_catalogue.models.isEmpty()
            ? tr("No model catalogue: %1").arg(m_catalogueError)
            : tr("The official checkpoints of the mPLUG-2 authors (<a href=\"%1\">list</a>), under the "
                 "<a href=\"%2\">%3</a> licence. Each is the Large model: several GB.")
                  .arg(m_catalogue.source.toHtmlEscaped(), m_catalogue.licenseUrl.toHtmlEscaped(),
                      m_catalogue.license.toHtmlEscaped()));
    updateButtons();
}

void GetModelsDialog::selectModel(const QString &id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, kCatalogueIdRole).toString() == id)
            m_list->setCurrentItem(m_list->topLevelItem(i));
}

QString GetModelsDialog::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kCatalogueIdRole).toString() : QString();
}

QString GetModelsDialog::statusText() const
{
    return m_status->text();
}

void GetModelsDialog::updateButtons()
{
    const bool busy = m_download || m_busyInstalling;
    const QString id = selectedId();
    const bool installed = !id.isEmpty() && m_registry->find(id).has_value();
    m_downloadButton->setEnabled(!busy && !id.isEmpty() && !installed);
    const bool partial = !id.isEmpty() && m_catalogue.find(id)
        && app::ModelDownload::partialBytes(m_store.jobFor(*m_catalogue.find(id)).target) > 0;
    m_downloadButton->setText(partial ? tr("&Resume Download") : tr("&Download"));
    m_cancelButton->setEnabled(m_download != nullptr);
    m_list->setEnabled(!busy);
    m_mirror->setEnabled(!busy);
    m_fp16->setEnabled(!busy);
}

bool GetModelsDialog::licenceAccepted()
{
    QSettings settings;
    if (settings.value(kLicenceKey).toBool())
        return true;
    const QString text = tr("The mPLUG-2 checkpoints are published by their authors under the %1 licence "
                            "(%2). Downloading one means accepting it.")
                             .arg(m_catalogue.license, m_catalogue.licenseUrl);
    const bool accepted = m_askLicence ? m_askLicence(text)
                                       : QMessageBox::question(this, tr("Licence"), text,
                                             QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Ok)
            == QMessageBox::Ok;
    if (accepted)
        settings.setValue(kLicenceKey, true);
    return accepted;
}

void GetModelsDialog::startDownload()
{
    const app::CatalogueModel *model = m_catalogue.find(selectedId());
    if (!model || m_download || m_busyInstalling)
        return;
    if (!licenceAccepted())
        return;
    if (const std::optional<QString> conflict = m_store.conflict(model->id, false, *m_registry)) {
        m_status->setText(*conflict);
        return;
    }
    app::DownloadJob job = m_store.jobFor(*model, m_mirror->text().trimmed());
    if (m_fp16->isChecked())
        job.extraFraction = 0.5; // the fp16 copy beside the download
    m_installing = {};
    m_installing.id = model->id;
    m_installing.name = model->name;
    m_installing.kind = model->kind;
    m_installing.source = model->url;
    m_installing.fp16 = m_fp16->isChecked();

    m_download = new app::ModelDownload(job);
    m_download->moveToThread(&m_worker);
    connect(m_download, &app::ModelDownload::progress, this, &GetModelsDialog::showProgress);
    connect(m_download, &app::ModelDownload::notice, this,
        [this](const QString &text) { m_status->setText(text); });
    connect(m_download, &app::ModelDownload::finished, this, &GetModelsDialog::downloadFinished);
    const qint64 partial = app::ModelDownload::partialBytes(job.target);
    m_status->setText(partial > 0
            ? tr("Resuming after %1…").arg(dataSize(partial))
            : tr("Connecting to %1…").arg(job.url.isLocalFile() ? job.url.toLocalFile() : job.url.host()));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    QMetaObject::invokeMethod(m_download, &app::ModelDownload::start, Qt::QueuedConnection);
    updateButtons();
}

void GetModelsDialog::cancelDownload()
{
    if (m_download)
        QMetaObject::invokeMethod(m_download, &app::ModelDownload::cancel, Qt::QueuedConnection);
}

void GetModelsDialog::showProgress(const app::DownloadProgress &p)
{
    if (!m_download)
        return;
    QString text
        = p.total > 0 ? tr("%1 of %2").arg(dataSize(p.received), dataSize(p.total)) : dataSize(p.received);
    if (p.bytesPerSecond > 0)
        text += tr(", %1/s").arg(dataSize(qint64(p.bytesPerSecond)));
    if (p.secondsLeft >= 0)
        text += tr(", %1 left").arg(duration(p.secondsLeft));
    m_status->setText(text);
    if (p.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000 * p.received / p.total));
    } else {
        m_progress->setRange(0, 0); // busy: the size is not known yet
    }
}

void GetModelsDialog::downloadFinished()
{
    app::ModelDownload *download = m_download;
    if (!download)
        return;
    m_download = nullptr;
    const Expected<app::DownloadOutcome> result = download->result();
    download->deleteLater();
    m_progress->setRange(0, 1000);
    if (!result) {
        const QString message = QString::fromStdString(result.error().message);
        m_status->setText(message.left(1).toUpper() + message.mid(1)); // "Cancelled at 3.5 MB of 23 MB; ..."
        refresh();
        Q_EMIT stopped(m_status->text());
        return;
    }
    m_progress->setValue(1000);
    m_status->setText(tr("Checking and importing %1…").arg(QFileInfo(result->path).fileName()));
    m_busyInstalling = true;
    updateButtons();
    // Reading the checkpoint (and writing an fp16 copy) takes a while for the Large model: off the GUI
    // thread.
    const app::ModelStore store = m_store;
    const app::InstallOptions options = m_installing;
    const app::DownloadOutcome outcome = *result;
    auto *watcher = new QFutureWatcher<InstallResult>(this);
    connect(watcher, &QFutureWatcher<InstallResult>::finished, this, [this, watcher] {
        const InstallResult r = watcher->result();
        watcher->deleteLater();
        installFinished(r.id, r.error);
    });
    watcher->setFuture(QtConcurrent::run([store, options, outcome] {
        app::BundleRegistry registry; // the shared file, as the dialog's registry reads it
        const Expected<app::ModelBundle> bundle = store.install(outcome, options, registry);
        return bundle ? InstallResult {bundle->id, {}}
                      : InstallResult {{}, QString::fromStdString(bundle.error().message)};
    }));
}

void GetModelsDialog::installFinished(const QString &id, const QString &error)
{
    m_busyInstalling = false;
    if (!error.isEmpty()) {
        m_status->setText(error);
        refresh();
        Q_EMIT stopped(error);
        return;
    }
    m_status->setText(tr("%1 is installed: choose it in Model ▸ Manage Models.").arg(id));
    refresh();
    Q_EMIT installed(id);
}

} // namespace mplug2::ui
