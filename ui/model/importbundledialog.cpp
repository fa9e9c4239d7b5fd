#include "ui/model/importbundledialog.h"

#include "app/bundle/bundledresources.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QToolButton>

namespace mplug2::ui {

namespace {
QString inspectorProgram()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("mplug2"));
}
} // namespace

ImportBundleDialog::ImportBundleDialog(app::BundleRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_inspector(new QProcess(this))
{
    setObjectName(QStringLiteral("importBundleDialog"));
    setWindowTitle(tr("Import Checkpoint"));
    resize(820, 560);

    auto *form = new QFormLayout;
    m_checkpoint = fileRow(tr("&Checkpoint:"), QStringLiteral("checkpointEdit"),
        tr("Checkpoints (*.pth *.pt *.bin *.safetensors)"), form);
    m_vocab = fileRow(tr("&Vocabulary:"), QStringLiteral("vocabEdit"), tr("Vocabularies (*.txt)"), form);
    m_vocab->setText(app::BundledResources::vocabulary());
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->addItem(tr("Captioning"), int(app::ModelKind::Caption));
    m_kind->addItem(tr("Question answering"), int(app::ModelKind::Qa));
    m_kind->addItem(tr("Pre-trained"), int(app::ModelKind::Pretrain));
    form->addRow(tr("&Kind:"), m_kind);
    m_bertConfig
        = fileRow(tr("&BERT config:"), QStringLiteral("bertConfigEdit"), tr("JSON files (*.json)"), form);
    m_bertConfig->setPlaceholderText(tr("optional: config_bert.json (head counts, stride_layer)"));
    m_modelConfig
        = fileRow(tr("&Model config:"), QStringLiteral("modelConfigEdit"), tr("JSON files (*.json)"), form);
    m_modelConfig->setPlaceholderText(tr("optional: the task's config as JSON (frames, resolution, prompt)"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("optional: a name to show"));
    form->addRow(tr("&Name:"), m_name);

    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("inspectReport"));
    m_report->setAccessibleName(tr("Inspect report"));
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_config = new QPlainTextEdit(this);
    m_config->setObjectName(QStringLiteral("configPreview"));
    m_config->setAccessibleName(tr("Configuration"));
    m_config->setReadOnly(true);
    m_config->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *reportBox = new QWidget(this);
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    reportLayout->addWidget(new QLabel(tr("What the file holds (nothing in it is run):"), reportBox));
    reportLayout->addWidget(m_report);
    auto *configBox = new QWidget(this);
    auto *configLayout = new QVBoxLayout(configBox);
    configLayout->setContentsMargins(0, 0, 0, 0);
    configLayout->addWidget(
        new QLabel(tr("The bundle (tensor shapes fill in the rest at load):"), configBox));
    configLayout->addWidget(m_config);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(reportBox);
    splitter->addWidget(configBox);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("importProblem"));
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    importButton->setObjectName(QStringLiteral("importButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const Expected<QString> id = importBundle();
        if (id)
            accept();
        else if (id.error().code != ErrorCode::Cancelled)
            m_problem->setText(QString::fromStdString(id.error().message));
    });
    connect(m_checkpoint, &QLineEdit::editingFinished, this, &ImportBundleDialog::inspect);
    for (QLineEdit *edit : {m_checkpoint, m_vocab, m_bertConfig, m_modelConfig, m_name})
        connect(edit, &QLineEdit::textChanged, this, &ImportBundleDialog::refreshPreview);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportBundleDialog::refreshPreview);
    connect(m_inspector, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        QString text = QString::fromUtf8(m_inspector->readAllStandardOutput());
        const QString errors = QString::fromUtf8(m_inspector->readAllStandardError()).trimmed();
        if (status != QProcess::NormalExit || exitCode != 0)
            text += (text.isEmpty() ? QString() : QStringLiteral("\n"))
                + tr("The checkpoint could not be inspected: %1")
                      .arg(errors.isEmpty() ? tr("the inspector stopped") : errors);
        m_report->setPlainText(text);
        Q_EMIT reportReady();
    });
    connect(m_inspector, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_report->setPlainText(tr("Cannot run %1 to inspect the checkpoint.").arg(inspectorProgram()));
        Q_EMIT reportReady();
    });
    refreshPreview();
}

ImportBundleDialog::~ImportBundleDialog()
{
    if (m_inspector->state() != QProcess::NotRunning) {
        m_inspector->kill();
        m_inspector->waitForFinished(2000);
    }
}

QLineEdit *ImportBundleDialog::fileRow(
    const QString &label, const QString &objectName, const QString &filter, QFormLayout *form)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(objectName);
    edit->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    auto *browse = new QToolButton(row);
    browse->setText(tr("Browse…"));
    browse->setAccessibleName(tr("Browse for %1").arg(edit->accessibleName()));
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    form->addRow(label, row);
    connect(browse, &QToolButton::clicked, this, [this, edit, filter] {
        const QString path = QFileDialog::getOpenFileName(this, edit->accessibleName(), edit->text(), filter);
        if (path.isEmpty())
            return;
        edit->setText(path);
        if (edit == m_checkpoint)
            inspect();
    });
    return edit;
}

void ImportBundleDialog::setCheckpoint(const QString &path)
{
    m_checkpoint->setText(path);
    inspect();
}

void ImportBundleDialog::setVocabulary(const QString &path)
{
    m_vocab->setText(path);
}

void ImportBundleDialog::setKind(app::ModelKind kind)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(kind))));
}

void ImportBundleDialog::setConfigFiles(const QString &bertConfig, const QString &modelConfig)
{
    m_bertConfig->setText(bertConfig);
    m_modelConfig->setText(modelConfig);
}

Expected<app::ModelBundle> ImportBundleDialog::bundle() const
{
    app::CheckpointBundleOptions options;
    options.checkpoint = m_checkpoint->text().trimmed();
    options.vocab = m_vocab->text().trimmed();
    options.kind = static_cast<app::ModelKind>(m_kind->currentData().toInt());
    options.bertConfigFile = m_bertConfig->text().trimmed();
    options.modelConfigFile = m_modelConfig->text().trimmed();
    options.name = m_name->text().trimmed();
    if (options.checkpoint.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Choose a checkpoint file.").toStdString());
    return app::bundleForCheckpoint(options);
}

QString ImportBundleDialog::report() const
{
    return m_report->toPlainText();
}

void ImportBundleDialog::refreshPreview()
{
    const Expected<app::ModelBundle> made = bundle();
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(made.hasValue());
    }
    if (!made) {
        m_config->clear();
        m_problem->setText(QString::fromStdString(made.error().message));
        return;
    }
    m_problem->clear();
    m_config->setPlainText(QString::fromUtf8(QJsonDocument(made->toJson()).toJson(QJsonDocument::Indented)));
}

void ImportBundleDialog::inspect()
{
    const QString path = m_checkpoint->text().trimmed();
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return;
    if (m_inspector->state() != QProcess::NotRunning) {
        m_inspector->kill();
        m_inspector->waitForFinished(2000);
    }
    m_report->setPlainText(tr("Inspecting %1…").arg(QFileInfo(path).fileName()));
    m_inspector->start(inspectorProgram(), {QStringLiteral("inspect"), path});
}

Expected<QString> ImportBundleDialog::importBundle()
{
    Expected<app::ModelBundle> made = bundle();
    if (!made)
        return made.error();
    const QDir models(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/models"));
    const auto manifestOf = [&](const QString &id) {
        return models.filePath(id + QLatin1Char('/') + QString::fromLatin1(app::ModelBundle::kManifestName));
    };
    const auto folderTaken = [&](const QString &id) { return QFileInfo::exists(manifestOf(id)); };

    app::BundleRegistry::OnConflict policy = app::BundleRegistry::OnConflict::Refuse;
    const std::optional<app::ModelBundle> held = m_registry->find(made->id);
    if (held || folderTaken(made->id)) {
        QString installed = made->id;
        if (held)
            installed = held->name.isEmpty() ? held->id : held->name;
        else if (const Expected<app::ModelBundle> there = app::ModelBundle::load(manifestOf(made->id)); there)
            installed = there->name.isEmpty() ? there->id : there->name;
        const QString freeId = m_registry->freeId(made->id, folderTaken);
        const bool replaceable = !(held && held->builtIn);
        ImportConflictChoice choice = ImportConflictChoice::KeepBoth;
        if (m_askConflict) {
            choice = m_askConflict(made->id, installed, freeId);
        } else {
            QMessageBox box(QMessageBox::Question, tr("Import Checkpoint"),
                tr("A model with the id \"%1\" is already installed: %2.").arg(made->id, installed),
                QMessageBox::NoButton, this);
            box.setInformativeText(replaceable
                    ? tr("Replace it, or keep both and give this one the id \"%1\"?").arg(freeId)
                    : tr("It is the built-in model. Keep both and give this one the id \"%1\"?").arg(freeId));
            QPushButton *replace
                = replaceable ? box.addButton(tr("Replace"), QMessageBox::DestructiveRole) : nullptr;
            QPushButton *both = box.addButton(tr("Keep Both"), QMessageBox::AcceptRole);
            box.addButton(QMessageBox::Cancel);
            box.setDefaultButton(both);
            box.exec();
            if (box.clickedButton() == both)
                choice = ImportConflictChoice::KeepBoth;
            else if (replace && box.clickedButton() == replace)
                choice = ImportConflictChoice::Replace;
            else
                choice = ImportConflictChoice::Cancel;
        }
        if (choice == ImportConflictChoice::Replace && !replaceable)
            choice = ImportConflictChoice::KeepBoth;
        switch (choice) {
        case ImportConflictChoice::Cancel:
            return makeError(ErrorCode::Cancelled, tr("The import was cancelled.").toStdString());
        case ImportConflictChoice::KeepBoth:
            made->id = freeId;
            break;
        case ImportConflictChoice::Replace:
            policy = app::BundleRegistry::OnConflict::Replace;
            break;
        }
    }

    const QString manifest = manifestOf(made->id);
    if (!QDir().mkpath(QFileInfo(manifest).absolutePath()))
        return makeError(
            ErrorCode::Io, tr("Cannot create %1").arg(QFileInfo(manifest).absolutePath()).toStdString());
    if (Expected<void> saved = made->save(manifest); !saved)
        return saved.error();
    const Expected<app::ModelBundle> added = m_registry->add(manifest, policy);
    if (!added)
        return added.error();
    m_importedId = added->id;
    return m_importedId;
}

} // namespace mplug2::ui
