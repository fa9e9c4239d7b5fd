#include "ui/model/modelmanagerdialog.h"

#include "app/engine/memorycheck.h"
#include "app/zoo/modelstore.h"
#include "ui/model/getmodelsdialog.h"
#include "ui/model/importbundledialog.h"
#include "ui/theme/paletteicon.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>

#include <unistd.h>

namespace mplug2::ui {

namespace {
constexpr int kBundleIdRole = Qt::UserRole + 1;

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}
} // namespace

qint64 processResidentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

qint64 processPeakResidentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

ModelManagerDialog::ModelManagerDialog(app::Engine *engine, app::BundleRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_registry(registry)
{
    setObjectName(QStringLiteral("modelManager"));
    setWindowTitle(tr("Models"));
    setAccessibleName(tr("Models"));
    resize(760, 480);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("bundleList"));
    m_list->setAccessibleName(tr("Model bundles"));
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("bundleDetails"));
    m_details->setAccessibleName(tr("Model details"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(1, 2);

    auto *addButton = new QPushButton(paletteIcon(QStringLiteral("open-folder")), tr("&Add Bundle…"), this);
    addButton->setToolTip(tr("Register a model bundle folder or manifest.json"));
    auto *importButton
        = new QPushButton(paletteIcon(QStringLiteral("open-file")), tr("&Import Checkpoint…"), this);
    importButton->setObjectName(QStringLiteral("importCheckpointButton"));
    importButton->setToolTip(tr("Make a bundle from an official mPLUG-2 checkpoint (.pth)"));
    m_remove = new QPushButton(paletteIcon(QStringLiteral("remove")), tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeBundleButton"));
    m_default = new QPushButton(tr("Load at &Start"), this);
    m_default->setToolTip(tr("Load this model when the app starts"));
    auto *getButton = new QPushButton(paletteIcon(QStringLiteral("export")), tr("&Get Models…"), this);
    getButton->setObjectName(QStringLiteral("getModelsButton"));
    getButton->setToolTip(tr("Download the official mPLUG-2 models"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(getButton);
    listButtons->addWidget(importButton);
    listButtons->addWidget(addButton);
    listButtons->addWidget(m_remove);
    listButtons->addWidget(m_default);
    listButtons->addStretch(1);

    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("managerDeviceCombo"));
    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    if (app::DeviceChoice::automatic().kind == app::DeviceKind::Cuda)
        m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_precision = new QComboBox(this);
    m_precision->setObjectName(QStringLiteral("managerPrecisionCombo"));
    m_precision->addItem(tr("Automatic"), QStringLiteral("auto"));
    for (const char *name : {"fp32", "fp16", "bf16"})
        m_precision->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    m_load = new QPushButton(paletteIcon(QStringLiteral("model")), tr("&Load"), this);
    m_load->setObjectName(QStringLiteral("loadModelButton"));
    m_unload = new QPushButton(paletteIcon(QStringLiteral("unload")), tr("&Unload"), this);
    m_unload->setObjectName(QStringLiteral("unloadModelButton"));
    m_loaded = new QLabel(this);
    m_loaded->setObjectName(QStringLiteral("loadedModelLabel"));
    m_loaded->setWordWrap(true);
    m_loaded->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *runGroup = new QGroupBox(tr("Run"), this);
    auto *runForm = new QFormLayout(runGroup);
    runForm->addRow(tr("&Device:"), m_device);
    runForm->addRow(tr("&Precision:"), m_precision);
    auto *runButtons = new QHBoxLayout;
    runButtons->addWidget(m_load);
    runButtons->addWidget(m_unload);
    runButtons->addStretch(1);
    runForm->addRow(runButtons);
    runForm->addRow(tr("Loaded:"), m_loaded);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(listButtons);
    layout->addWidget(runGroup);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ModelManagerDialog::showDetails);
    connect(m_device, &QComboBox::currentIndexChanged, this, &ModelManagerDialog::showDetails);
    connect(m_precision, &QComboBox::currentIndexChanged, this, &ModelManagerDialog::showDetails);
    connect(addButton, &QPushButton::clicked, this, &ModelManagerDialog::addBundle);
    connect(importButton, &QPushButton::clicked, this, &ModelManagerDialog::importCheckpoint);
    connect(getButton, &QPushButton::clicked, this, [this] {
        GetModelsDialog dialog(m_registry, this);
        connect(&dialog, &GetModelsDialog::installed, this, [this](const QString &id) {
            refresh();
            selectBundle(id);
        });
        dialog.exec();
        refresh();
    });
    connect(m_remove, &QPushButton::clicked, this, &ModelManagerDialog::removeBundle);
    connect(m_default, &QPushButton::clicked, this, &ModelManagerDialog::makeDefault);
    connect(m_load, &QPushButton::clicked, this, &ModelManagerDialog::requestLoad);
    connect(m_unload, &QPushButton::clicked, this, &ModelManagerDialog::unloadRequested);
    connect(engine, &app::Engine::modelLoaded, this, &ModelManagerDialog::updateLoadedState);
    connect(engine, &app::Engine::modelUnloaded, this, &ModelManagerDialog::updateLoadedState);
    connect(engine, &app::Engine::busyChanged, this, &ModelManagerDialog::updateLoadedState);
    auto *memoryTimer = new QTimer(this);
    connect(memoryTimer, &QTimer::timeout, this, &ModelManagerDialog::updateLoadedState);
    memoryTimer->start(2000);
    refresh();
}

void ModelManagerDialog::refresh()
{
    const QString previous
        = m_list->currentItem() ? m_list->currentItem()->data(kBundleIdRole).toString() : QString();
    const QString defaultId = m_registry->defaultId();
    m_list->clear();
    for (const app::BundleRegistry::Entry &entry : m_registry->entries()) {
        auto *item = new QListWidgetItem(m_list);
        if (!entry.bundle) {
            item->setText(tr("%1 (cannot be read)").arg(entry.manifestPath));
            item->setIcon(paletteIcon(QStringLiteral("warning")));
            item->setToolTip(entry.error);
            item->setData(kBundleIdRole, QString());
            continue;
        }
        const app::ModelBundle &bundle = *entry.bundle;
        QString text = bundle.name.isEmpty() ? bundle.id : bundle.name;
        QStringList tags {app::modelKindLabel(bundle.kind)};
        if (bundle.builtIn)
            tags.append(tr("built in"));
        if (bundle.id == defaultId || (defaultId.isEmpty() && bundle.builtIn))
            tags.append(tr("loads at start"));
        item->setText(text + QStringLiteral("\n") + tags.join(QStringLiteral(" · ")));
        item->setIcon(paletteIcon(QStringLiteral("model")));
        item->setToolTip(entry.manifestPath);
        item->setData(kBundleIdRole, bundle.id);
    }
    if (!previous.isEmpty())
        selectBundle(previous);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateLoadedState();
}

void ModelManagerDialog::selectBundle(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kBundleIdRole).toString() == id)
            m_list->setCurrentRow(i);
    }
}

std::optional<app::ModelBundle> ModelManagerDialog::selectedBundle() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || item->data(kBundleIdRole).toString().isEmpty())
        return std::nullopt;
    const auto bundle = m_registry->resolve(item->data(kBundleIdRole).toString());
    return bundle ? std::optional<app::ModelBundle>(*bundle) : std::nullopt;
}

app::DeviceChoice ModelManagerDialog::deviceChoice() const
{
    const auto choice
        = app::DeviceChoice::parse(m_device->currentData().toString(), m_precision->currentData().toString());
    return choice ? *choice : app::DeviceChoice::cpu();
}

void ModelManagerDialog::showDetails()
{
    const QListWidgetItem *item = m_list->currentItem();
    const auto bundle = selectedBundle();
    m_remove->setEnabled(bundle && !bundle->builtIn);
    m_default->setEnabled(bundle.has_value());
    m_load->setEnabled(bundle.has_value());
    if (!bundle) {
        m_details->setPlainText(item ? item->toolTip() : QString());
        return;
    }
    QStringList lines;
    lines << tr("Name: %1").arg(bundle->name) << tr("Id: %1").arg(bundle->id)
          << tr("Kind: %1").arg(app::modelKindLabel(bundle->kind))
          << tr("Checkpoint: %1").arg(bundle->checkpoint)
          << tr("Vocabulary: %1 (%2)").arg(bundle->vocab, bundle->tokenizerKind)
          << tr("CLIP BPE: %1").arg(bundle->clipBpe.isEmpty() ? tr("none") : bundle->clipBpe)
          << tr("Prompt: “%1”").arg(bundle->prompt)
          << tr("Frames: %1 at %2 × %2 px").arg(bundle->numFrames).arg(bundle->imageRes);
    // What it will need where it would load now, against what is free (no tensor data is read).
    const app::DeviceChoice device = deviceChoice();
    const Expected<app::MemoryCheck> memory = app::checkBundleMemory(
        *bundle, device, model::availableMemoryBytes(device.kind == app::DeviceKind::Cuda, device.index));
    if (memory)
        lines << tr(
            "Memory: about %1 on %2 in %3 for %n frame(s) (estimate; %4 free now)", nullptr, memory->frames)
                     .arg(app::formatMemory(memory->need.total()), device.deviceName(),
                         app::precisionName(memory->device.precision),
                         memory->available >= 0 ? app::formatMemory(memory->available) : tr("unknown"));
    else
        lines << tr("Memory: cannot be estimated (%1)").arg(QString::fromStdString(memory.error().message));
    const app::GenerationDefaults g = bundle->generationDefaults();
    lines << tr("Generation: beam %1, length %2 to %3").arg(g.beamSize).arg(g.minLength).arg(g.maxLength);
    if (!bundle->license.isEmpty())
        lines << tr("Licence: %1").arg(bundle->license);
    if (!bundle->description.isEmpty())
        lines << QString() << bundle->description;
    if (!bundle->bertConfig.isEmpty() || !bundle->modelConfig.isEmpty()) {
        QJsonObject overrides;
        overrides.insert(QStringLiteral("bert"), bundle->bertConfig);
        overrides.insert(QStringLiteral("model"), bundle->modelConfig);
        lines << QString() << tr("Config overrides:") << jsonText(overrides);
    }
    const auto current = m_engine->currentModel();
    if (current && current->bundle.id == bundle->id && !current->config.isEmpty())
        lines << QString() << tr("Inferred config (loaded):") << jsonText(current->config);
    else
        lines << QString()
              << tr("The full config is inferred from the checkpoint's tensor shapes when it loads.");
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

void ModelManagerDialog::updateLoadedState()
{
    const auto current = m_engine->currentModel();
    const QString memory
        = tr("process memory %1, peak %2")
              .arg(formatBytes(processResidentBytes()), formatBytes(processPeakResidentBytes()));
    if (!current) {
        m_loaded->setText(tr("nothing loaded · %1").arg(memory));
    } else {
        m_loaded->setText(
            tr("%1 on %2 (%3) · %4 parameters · weights %5 · estimated need %6 · %7")
                .arg(current->bundle.name.isEmpty() ? current->bundle.id : current->bundle.name,
                    current->deviceName, app::precisionName(current->device.precision))
                .arg(QLocale().toString(double(current->parameters) / 1e6, 'f', 1) + QStringLiteral(" M"))
                .arg(formatBytes(current->weightBytes),
                    current->estimatedBytes > 0 ? formatBytes(current->estimatedBytes) : tr("unknown"),
                    memory));
    }
    m_unload->setEnabled(current.has_value() && !m_engine->isBusy());
}

void ModelManagerDialog::addBundle()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Add Model Bundle"), QString(), tr("Bundle manifests (manifest.json *.json)"));
    if (path.isEmpty())
        return;
    const auto added = m_registry->add(path);
    if (!added) {
        m_details->setPlainText(
            tr("Cannot add %1:\n%2").arg(path, QString::fromStdString(added.error().message)));
        return;
    }
    refresh();
    selectBundle(added->id);
}

void ModelManagerDialog::importCheckpoint()
{
    ImportBundleDialog dialog(m_registry, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refresh();
    selectBundle(dialog.importedId());
}

void ModelManagerDialog::removeBundle()
{
    const auto bundle = selectedBundle();
    if (!bundle || bundle->builtIn)
        return;
    // A download's files are ours to delete (Get Models, `mplug2 models download`); a user's own stay.
    if (app::ModelStore::isDownloaded(*bundle)) {
        RemoveChoice choice = RemoveChoice::KeepFiles;
        if (m_askRemove) {
            choice = m_askRemove(*bundle);
        } else {
            QMessageBox box(QMessageBox::Question, tr("Remove Model"),
                tr("Remove %1 from the models?").arg(bundle->name.isEmpty() ? bundle->id : bundle->name),
                QMessageBox::NoButton, this);
            box.setInformativeText(
                tr("It was downloaded to %1. Delete the downloaded files too?")
                    .arg(QDir::toNativeSeparators(QFileInfo(bundle->manifestPath).absolutePath())));
            QPushButton *erase = box.addButton(tr("Delete Files"), QMessageBox::DestructiveRole);
            QPushButton *keep = box.addButton(tr("Keep Files"), QMessageBox::AcceptRole);
            box.addButton(QMessageBox::Cancel);
            box.setDefaultButton(keep);
            box.exec();
            choice = box.clickedButton() == erase ? RemoveChoice::DeleteFiles
                : box.clickedButton() == keep     ? RemoveChoice::KeepFiles
                                                  : RemoveChoice::Cancel;
        }
        if (choice == RemoveChoice::Cancel)
            return;
        if (choice == RemoveChoice::DeleteFiles) {
            const Expected<QStringList> deleted = app::ModelStore().remove(bundle->id, *m_registry);
            refresh();
            if (!deleted)
                m_details->setPlainText(
                    tr("Cannot remove %1:\n%2")
                        .arg(bundle->id, QString::fromStdString(deleted.error().message)));
            return;
        }
    }
    if (m_registry->remove(bundle->id))
        refresh();
}

void ModelManagerDialog::makeDefault()
{
    if (const auto bundle = selectedBundle()) {
        m_registry->setDefaultId(bundle->builtIn ? QString() : bundle->id);
        refresh();
    }
}

void ModelManagerDialog::requestLoad()
{
    if (const auto bundle = selectedBundle())
        Q_EMIT loadRequested(*bundle, deviceChoice());
}

} // namespace mplug2::ui
