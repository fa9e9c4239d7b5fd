#include "ui/task/taskoptionswidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>

namespace mplug2::ui {

namespace {
QSpinBox *spinBox(int minimum, int maximum, int value, const QString &special, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setValue(value);
    if (!special.isEmpty())
        box->setSpecialValueText(special);
    return box;
}

/// A combo box as narrow as a short item: the longest one is still shown whole in the list.
void compact(QComboBox *box)
{
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
}

void addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &objectName)
{
    field->setObjectName(objectName);
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    form->addRow(label, field);
}
} // namespace

TaskOptionsWidget::TaskOptionsWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("taskOptions"));
    auto *form = new QFormLayout(this);
    m_form = form;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // The task panel is narrow: a field that does not fit beside its label goes under it, rather
    // than the panel growing a horizontal scrollbar.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    m_frames = spinBox(0, 64, 0, tr("Model default"), this);
    m_frames->setToolTip(tr("How many frames of a video the model sees"));
    addRow(form, tr("&Frames:"), m_frames, QStringLiteral("framesSpin"));
    m_sampling = new QComboBox(this);
    m_sampling->addItem(tr("Segment middles (official)"), int(app::FrameSampling::Middle));
    m_sampling->addItem(tr("Evenly in time"), int(app::FrameSampling::Uniform));
    compact(m_sampling);
    addRow(form, tr("S&ampling:"), m_sampling, QStringLiteral("samplingCombo"));

    m_decoding = new QComboBox(this);
    m_decoding->addItem(tr("Beam search"), int(app::DecodingMethod::Beam));
    m_decoding->addItem(tr("Greedy"), int(app::DecodingMethod::Greedy));
    m_decoding->addItem(tr("Sampling"), int(app::DecodingMethod::Sample));
    compact(m_decoding);
    addRow(form, tr("&Decoding:"), m_decoding, QStringLiteral("decodingCombo"));
    m_beam = spinBox(0, 16, 0, tr("Model default"), this);
    addRow(form, tr("&Beam size:"), m_beam, QStringLiteral("beamSpin"));
    m_minLength = spinBox(-1, 100, -1, tr("Model default"), this);
    addRow(form, tr("Mi&n length:"), m_minLength, QStringLiteral("minLengthSpin"));
    m_maxLength = spinBox(-1, 200, -1, tr("Model default"), this);
    addRow(form, tr("Ma&x length:"), m_maxLength, QStringLiteral("maxLengthSpin"));
    m_results = spinBox(1, 10, 3, {}, this);
    m_results->setToolTip(tr("How many answers to show: the best and its alternatives"));
    addRow(form, tr("A&lternatives:"), m_results, QStringLiteral("resultsSpin"));
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(0.05, 5.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(1.0);
    addRow(form, tr("&Temperature:"), m_temperature, QStringLiteral("temperatureSpin"));
    m_topK = spinBox(0, 1000, 0, tr("Off"), this);
    addRow(form, tr("Top-&k:"), m_topK, QStringLiteral("topKSpin"));
    m_topP = new QDoubleSpinBox(this);
    m_topP->setRange(0.01, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(1.0);
    addRow(form, tr("Top-&p:"), m_topP, QStringLiteral("topPSpin"));
    m_seed = spinBox(0, 1 << 30, 0, {}, this);
    addRow(form, tr("S&eed:"), m_seed, QStringLiteral("seedSpin"));

    m_crossAttention = new QCheckBox(tr("Cross-attention"), this);
    m_crossAttention->setChecked(true);
    m_gradCam = new QCheckBox(tr("Grad-CAM"), this);
    m_latents = new QCheckBox(tr("Latent queries"), this);
    m_occlusion = new QCheckBox(tr("Occlusion"), this);
    m_occlusion->setToolTip(tr("Hide patches of the frames from the decoder and measure how much each "
                               "word's probability drops: what the model uses, not where it looks"));
    auto *attention = new QWidget(this);
    auto *attentionLayout = new QVBoxLayout(attention);
    attentionLayout->setContentsMargins(0, 0, 0, 0);
    for (QCheckBox *box : {m_crossAttention, m_gradCam, m_occlusion, m_latents})
        attentionLayout->addWidget(box);
    m_crossAttention->setObjectName(QStringLiteral("crossAttentionCheck"));
    m_gradCam->setObjectName(QStringLiteral("gradCamCheck"));
    m_latents->setObjectName(QStringLiteral("latentsCheck"));
    m_occlusion->setObjectName(QStringLiteral("occlusionCheck"));
    form->addRow(tr("Attention maps:"), attention);

    m_device = new QComboBox(this);
    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    if (app::DeviceChoice::automatic().kind == app::DeviceKind::Cuda)
        m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    compact(m_device);
    addRow(form, tr("De&vice:"), m_device, QStringLiteral("deviceCombo"));
    m_precision = new QComboBox(this);
    m_precision->addItem(tr("Automatic"), QStringLiteral("auto"));
    for (const char *name : {"fp32", "fp16", "bf16"})
        m_precision->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    // One click to bf16 where the CPU computes it natively (about twice as fast).
    if (app::DeviceChoice::cpuHasNativeBf16())
        m_precision->setItemText(m_precision->findData(QStringLiteral("bf16")), tr("Faster, bf16"));
    compact(m_precision);
    addRow(form, tr("P&recision:"), m_precision, QStringLiteral("precisionCombo"));

    connect(m_decoding, &QComboBox::currentIndexChanged, this, &TaskOptionsWidget::updateEnabled);
    const auto samplingChanged = [this] { Q_EMIT this->samplingChanged(numFrames(), sampling()); };
    connect(m_frames, &QSpinBox::valueChanged, this, samplingChanged);
    connect(m_sampling, &QComboBox::currentIndexChanged, this, samplingChanged);
    const auto deviceChanged = [this] { Q_EMIT this->deviceChanged(deviceChoice()); };
    connect(m_device, &QComboBox::activated, this, deviceChanged);
    connect(m_precision, &QComboBox::activated, this, deviceChanged);
    updateEnabled();
}

void TaskOptionsWidget::updateEnabled()
{
    const auto method = static_cast<app::DecodingMethod>(m_decoding->currentData().toInt());
    const bool sample = method == app::DecodingMethod::Sample;
    m_beam->setEnabled(method == app::DecodingMethod::Beam);
    // What the chosen decoding does not use is hidden, not only greyed: four rows less to scroll.
    m_form->setRowVisible(m_beam, method == app::DecodingMethod::Beam);
    for (QWidget *field : {static_cast<QWidget *>(m_temperature), static_cast<QWidget *>(m_topK),
             static_cast<QWidget *>(m_topP), static_cast<QWidget *>(m_seed)}) {
        field->setEnabled(sample);
        m_form->setRowVisible(field, sample);
    }
}

void TaskOptionsWidget::applyTo(app::EngineRequest &request) const
{
    request.media.numFrames = m_frames->value();
    request.media.sampling = sampling();
    app::GenerationOptions &g = request.generation;
    g.method = static_cast<app::DecodingMethod>(m_decoding->currentData().toInt());
    g.beamSize = m_beam->value();
    g.minLength = m_minLength->value();
    g.maxLength = m_maxLength->value();
    g.numResults = m_results->value();
    g.temperature = m_temperature->value();
    g.topK = m_topK->value();
    g.topP = m_topP->value();
    g.seed = quint64(m_seed->value());
    request.attention.crossAttention = m_crossAttention->isChecked();
    request.attention.gradCam = m_gradCam->isChecked();
    request.attention.latentAttention = m_latents->isChecked();
    request.attention.occlusion = m_occlusion->isChecked();
}

int TaskOptionsWidget::numFrames() const
{
    return m_frames->value();
}

app::FrameSampling TaskOptionsWidget::sampling() const
{
    return static_cast<app::FrameSampling>(m_sampling->currentData().toInt());
}

app::DeviceChoice TaskOptionsWidget::deviceChoice() const
{
    const auto parsed
        = app::DeviceChoice::parse(m_device->currentData().toString(), m_precision->currentData().toString());
    return parsed ? *parsed : app::DeviceChoice::cpu();
}

void TaskOptionsWidget::setDeviceChoice(const app::DeviceChoice &choice)
{
    const QString device
        = choice.kind == app::DeviceKind::Cuda ? QStringLiteral("cuda") : QStringLiteral("cpu");
    m_device->setCurrentIndex(std::max(0, m_device->findData(device)));
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(app::precisionName(choice.precision))));
}

void TaskOptionsWidget::saveSettings(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("options"));
    settings.setValue(QStringLiteral("frames"), m_frames->value());
    settings.setValue(QStringLiteral("sampling"), m_sampling->currentIndex());
    settings.setValue(QStringLiteral("decoding"), m_decoding->currentIndex());
    settings.setValue(QStringLiteral("beam"), m_beam->value());
    settings.setValue(QStringLiteral("minLength"), m_minLength->value());
    settings.setValue(QStringLiteral("maxLength"), m_maxLength->value());
    settings.setValue(QStringLiteral("results"), m_results->value());
    settings.setValue(QStringLiteral("temperature"), m_temperature->value());
    settings.setValue(QStringLiteral("topK"), m_topK->value());
    settings.setValue(QStringLiteral("topP"), m_topP->value());
    settings.setValue(QStringLiteral("seed"), m_seed->value());
    settings.setValue(QStringLiteral("crossAttention"), m_crossAttention->isChecked());
    settings.setValue(QStringLiteral("gradCam"), m_gradCam->isChecked());
    settings.setValue(QStringLiteral("latents"), m_latents->isChecked());
    settings.setValue(QStringLiteral("occlusion"), m_occlusion->isChecked());
    settings.setValue(QStringLiteral("device"), m_device->currentData());
    settings.setValue(QStringLiteral("precision"), m_precision->currentData());
    settings.endGroup();
}

void TaskOptionsWidget::restoreSettings(const QSettings &settings)
{
    const auto value = [&settings](const char *key, const QVariant &fallback) {
        return settings.value(QStringLiteral("options/") + QLatin1String(key), fallback);
    };
    m_frames->setValue(value("frames", 0).toInt());
    m_sampling->setCurrentIndex(value("sampling", 0).toInt());
    m_decoding->setCurrentIndex(value("decoding", 0).toInt());
    m_beam->setValue(value("beam", 0).toInt());
    m_minLength->setValue(value("minLength", -1).toInt());
    m_maxLength->setValue(value("maxLength", -1).toInt());
    m_results->setValue(value("results", 3).toInt());
    m_temperature->setValue(value("temperature", 1.0).toDouble());
    m_topK->setValue(value("topK", 0).toInt());
    m_topP->setValue(value("topP", 1.0).toDouble());
    m_seed->setValue(value("seed", 0).toInt());
    m_crossAttention->setChecked(value("crossAttention", true).toBool());
    m_gradCam->setChecked(value("gradCam", false).toBool());
    m_latents->setChecked(value("latents", false).toBool());
    m_occlusion->setChecked(value("occlusion", false).toBool());
    m_device->setCurrentIndex(std::max(0, m_device->findData(value("device", QStringLiteral("auto")))));
    m_precision->setCurrentIndex(
        std::max(0, m_precision->findData(value("precision", QStringLiteral("auto")))));
    updateEnabled();
}

} // namespace mplug2::ui
