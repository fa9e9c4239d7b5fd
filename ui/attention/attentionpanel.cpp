#include "ui/attention/attentionpanel.h"

#include "ui/attention/attentiongridview.h"
#include "ui/attention/colourscale.h"
#include "ui/attention/flowlayout.h"
#include "ui/attention/latentoverview.h"
#include "ui/attention/tokenchipbar.h"
#include "ui/theme/paletteicon.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSlider>
#include <QToolButton>

#include <cmath>

namespace mplug2::ui {

namespace {
constexpr int kOverlayWidth = 256;
const QStringList kAttentionExporters = {QStringLiteral("attention-png"), QStringLiteral("contact-sheet"),
    QStringLiteral("gif"), QStringLiteral("mp4")};

QComboBox *labelledCombo(const QString &label, const QString &objectName, QLayout *layout, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *text = new QLabel(label, box);
    auto *combo = new QComboBox(box);
    combo->setObjectName(objectName);
    combo->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    text->setBuddy(combo);
    row->addWidget(text);
    row->addWidget(combo);
    layout->addWidget(box);
    return combo;
}

QString formatSeconds(double seconds)
{
    return QLocale().toString(seconds, 'f', 2);
}
} // namespace

AttentionPanel::AttentionPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("attentionPanel"));
    setAccessibleName(tr("Attention"));

    m_chips = new TokenChipBar(this);
    m_chips->setObjectName(QStringLiteral("tokenChips"));
    m_latentOverview = new LatentOverview(this);
    m_latentOverview->setObjectName(QStringLiteral("latentOverview"));

    m_gridView = new AttentionGridView(this);
    m_gridView->setObjectName(QStringLiteral("attentionGrid"));
    m_gridView->setPlaceholderText(tr("Run a task with attention maps on to see where the model looked."));
    m_colourScale = new ColourScale(this);
    m_colourScale->setObjectName(QStringLiteral("colourScale"));
    m_hoverLabel = new QLabel(this);
    m_hoverLabel->setObjectName(QStringLiteral("hoverLabel"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("attentionSummary"));
    m_summary->setWordWrap(true);
    m_faithfulnessLabel = new QLabel(this);
    m_faithfulnessLabel->setObjectName(QStringLiteral("faithfulnessLabel"));
    m_faithfulnessLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_chips);
    layout->addWidget(m_latentOverview);
    layout->addWidget(createControls());
    layout->addWidget(m_gridView, 1);
    // The value under the pointer beside the scale it reads on, and the
    // grade only once there is one: rows the maps would otherwise lose.
    auto *scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_colourScale, 0, Qt::AlignLeft);
    scaleRow->addWidget(m_hoverLabel, 1);
    layout->addLayout(scaleRow);
    layout->addWidget(m_faithfulnessLabel);
    m_faithfulnessLabel->hide();

    connect(m_chips, &TokenChipBar::tokenSelected, this, &AttentionPanel::selectToken);
    connect(m_latentOverview, &LatentOverview::latentSelected, this, &AttentionPanel::showLatent);
    connect(m_gridView, &AttentionGridView::valueHovered, m_hoverLabel, &QLabel::setText);
    connect(m_gridView, &AttentionGridView::frameClicked, this, &AttentionPanel::frameClicked);
    clear();
}

AttentionPanel::~AttentionPanel()
{
    m_scoring.cancel();
}

void AttentionPanel::setEngine(app::Engine *engine)
{
    m_engine = engine;
    updateFaithfulnessControls();
}

QWidget *AttentionPanel::createControls()
{
    auto *controls = new QWidget(this);
    auto *flow = new FlowLayout(controls, 8);
    m_source = labelledCombo(tr("&Show:"), QStringLiteral("sourceCombo"), flow, controls);
    m_method = labelledCombo(tr("&Method:"), QStringLiteral("methodCombo"), flow, controls);
    m_layer = labelledCombo(tr("&Layer:"), QStringLiteral("layerCombo"), flow, controls);
    m_head = labelledCombo(tr("&Head:"), QStringLiteral("headCombo"), flow, controls);
    m_colormap = labelledCombo(tr("&Colours:"), QStringLiteral("colormapCombo"), flow, controls);
    for (app::HeatmapColormap colormap : app::heatmapColormaps()) {
        const QString name = app::heatmapColormapName(colormap);
        m_colormap->addItem(name.at(0).toUpper() + name.mid(1), int(colormap));
    }

    auto *opacityBox = new QWidget(controls);
    auto *opacityRow = new QHBoxLayout(opacityBox);
    opacityRow->setContentsMargins(0, 0, 0, 0);
    auto *opacityLabel = new QLabel(tr("&Opacity:"), opacityBox);
    m_opacity = new QSlider(Qt::Horizontal, opacityBox);
    m_opacity->setObjectName(QStringLiteral("opacitySlider"));
    m_opacity->setAccessibleName(tr("Opacity"));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(50);
    m_opacity->setFixedWidth(100);
    opacityLabel->setBuddy(m_opacity);
    opacityRow->addWidget(opacityLabel);
    opacityRow->addWidget(m_opacity);
    flow->addWidget(opacityBox);

    m_onPlayer = new QCheckBox(tr("On the &player"), controls);
    m_onPlayer->setObjectName(QStringLiteral("onPlayerCheck"));
    m_onPlayer->setToolTip(tr("Also lay the map over the frame the player shows"));
    m_onPlayer->setChecked(true);
    flow->addWidget(m_onPlayer);

    m_exportButton = new QToolButton(controls);
    m_exportButton->setObjectName(QStringLiteral("attentionExportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setIcon(paletteIcon(QStringLiteral("export")));
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setAccessibleName(tr("Export attention"));
    auto *menu = new QMenu(m_exportButton);
    for (const QString &id : kAttentionExporters) {
        if (const app::Exporter *exporter = app::findExporter(id))
            menu->addAction(
                exporter->description() + QStringLiteral("…"), this, [this, id] { chooseExport(id); });
    }
    m_exportButton->setMenu(menu);
    flow->addWidget(m_exportButton);

    m_faithfulnessButton = new QToolButton(controls);
    m_faithfulnessButton->setObjectName(QStringLiteral("faithfulnessButton"));
    m_faithfulnessButton->setText(tr("&Faithfulness"));
    m_faithfulnessButton->setToolTip(
        tr("Grade the map shown: blur its hottest patches first and follow the word's probability"));
    connect(m_faithfulnessButton, &QToolButton::clicked, this, &AttentionPanel::scoreFaithfulness);
    flow->addWidget(m_faithfulnessButton);

    connect(m_source, &QComboBox::activated, this, [this] {
        fillSelectors();
        recompute();
    });
    for (QComboBox *combo : {m_method, m_layer, m_head})
        connect(combo, &QComboBox::activated, this, &AttentionPanel::recompute);
    connect(m_colormap, &QComboBox::activated, this, &AttentionPanel::redraw);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        m_gridView->setOpacity(value / 100.0);
        Q_EMIT overlaysChanged(m_onPlayer->isChecked() ? m_overlays : QList<FrameOverlay>(),
            m_grid.frameImportance(), value / 100.0);
    });
    connect(m_onPlayer, &QCheckBox::toggled, this, &AttentionPanel::redraw);
    return controls;
}

// Not a QStackedWidget: it is as tall as its tallest page, so the 50 rows of
// the latent overview left a gap under one line of chips. A hidden selector
// takes no room, and neither shows when it has nothing to choose from.
void AttentionPanel::showSelector()
{
    m_chips->setVisible(!latentMode() && !m_chips->tokens().isEmpty());
    m_latentOverview->setVisible(latentMode());
}

bool AttentionPanel::latentMode() const
{
    return m_source->currentData().toInt() == 1;
}

void AttentionPanel::clear()
{
    m_result = {};
    m_frames.clear();
    m_token = -1;
    m_latent = -1;
    m_chips->setTokens({});
    m_summary->setText(tr("No attention yet: run caption, ask or dense captions with attention maps on."));
    m_hoverLabel->clear();
    fillSelectors();
    recompute();
}

void AttentionPanel::setResult(const app::EngineResult &result, const QList<QImage> &frames)
{
    m_result = result;
    m_frames = result.frames.isEmpty() ? frames : result.frames;
    m_token = -1;
    m_latent = -1;
    if (!result.attention) {
        clear();
        bool windowsHaveMaps = false;
        for (const app::CaptionSegment &segment : result.segments)
            windowsHaveMaps = windowsHaveMaps || segment.attention.has_value();
        if (windowsHaveMaps)
            m_summary->setText(
                tr("Each window has its own attention: choose one in Results or on the timeline."));
        return;
    }
    const app::AttentionMaps &maps = *result.attention;
    m_chips->setTokens(maps.tokens);
    m_summary->setText(tr("“%1”: %n token(s), %2 frames of %3 × %4 patches", nullptr, maps.tokenCount())
                           .arg(result.items.value(0).text)
                           .arg(maps.geometry.frames)
                           .arg(maps.geometry.gridHeight)
                           .arg(maps.geometry.gridWidth));
    fillSelectors();
    recompute();
}

void AttentionPanel::setFrames(const QList<QImage> &frames)
{
    if (!m_result.frames.isEmpty())
        return;
    m_frames = frames;
    redraw();
}

void AttentionPanel::fillSelectors()
{
    const app::AttentionMaps *maps = m_result.attention ? &*m_result.attention : nullptr;
    const int source = m_source->currentIndex() < 0 ? 0 : m_source->currentData().toInt();
    m_source->clear();
    m_source->addItem(tr("Answer tokens"), 0);
    if (maps && maps->hasLatentAttention())
        m_source->addItem(tr("Latent queries (universal layer)"), 1);
    m_source->setCurrentIndex(std::max(0, m_source->findData(source)));
    showSelector();

    const auto refill = [](QComboBox *combo, const QList<QPair<QString, int>> &entries) {
        const QVariant previous = combo->currentData();
        combo->clear();
        for (const auto &[text, value] : entries)
            combo->addItem(text, value);
        const int index = previous.isValid() ? combo->findData(previous) : -1;
        combo->setCurrentIndex(std::max(0, index));
    };
    // The defaults (cross-attention, mean of layers, mean of heads: the first
    // entries) are what `mplug2 eval-explanations` measured on the demo
    // model: no other map points at the named shape or passes the deletion
    // test better by a margin outside its 95% interval (README.md, "How
    // faithful are the maps?"); occlusion equals them but costs a pass per mask.
    QList<QPair<QString, int>> methods;
    if (!maps || maps->hasCrossAttention())
        methods.append({tr("Cross-attention"), int(app::AttentionMethod::CrossAttention)});
    if (maps && maps->hasGradCam())
        methods.append({tr("Grad-CAM"), int(app::AttentionMethod::GradCam)});
    if (maps && maps->hasOcclusion())
        methods.append({tr("Occlusion"), int(app::AttentionMethod::Occlusion)});
    refill(m_method, methods);

    QList<QPair<QString, int>> layers = {{tr("Mean of layers"), app::kMeanOfLayers}};
    for (int l = 0; maps && !latentMode() && l < maps->layers; ++l)
        layers.append({tr("Layer %1").arg(l + 1), l});
    refill(m_layer, layers);

    QList<QPair<QString, int>> heads
        = {{tr("Mean of heads"), app::kMeanOfHeads}, {tr("Max of heads"), app::kMaxOfHeads}};
    const int headCount = !maps ? 0 : latentMode() ? maps->latentHeads : maps->heads;
    for (int h = 0; h < headCount; ++h)
        heads.append({tr("Head %1").arg(h + 1), h});
    refill(m_head, heads);

    const bool enabled = maps != nullptr;
    for (QWidget *w : {static_cast<QWidget *>(m_source), static_cast<QWidget *>(m_head),
             static_cast<QWidget *>(m_colormap), static_cast<QWidget *>(m_opacity)})
        w->setEnabled(enabled);
    m_method->setEnabled(enabled && !latentMode());
    const bool occlusion = m_method->currentData().toInt() == int(app::AttentionMethod::Occlusion);
    m_layer->setEnabled(enabled && !latentMode() && !occlusion);
    m_head->setEnabled(enabled && (latentMode() || !occlusion));
    m_exportButton->setEnabled(enabled && !latentMode() && !m_exportButton->menu()->isEmpty());

    if (maps && maps->hasLatentAttention()) {
        QList<float> shares;
        const int head = latentMode() ? m_head->currentData().toInt() : app::kMeanOfHeads;
        for (int q = 0; q < maps->latents; ++q)
            shares.append(maps->latentGrid(q, head).frameImportance());
        m_latentOverview->setShares(maps->latents, maps->geometry.frames, shares);
    } else {
        m_latentOverview->setShares(0, 0, {});
    }
}

void AttentionPanel::selectToken(int token)
{
    m_token = token;
    if (m_chips->selectedToken() != token && m_chips->chip(token))
        m_chips->chip(token)->setChecked(true);
    recompute();
}

void AttentionPanel::showLatent(int latent)
{
    m_latent = latent;
    m_latentOverview->setSelectedLatent(latent);
    recompute();
}

void AttentionPanel::setCurrentFrame(int index)
{
    m_gridView->setCurrentFrame(index);
}

void AttentionPanel::recompute()
{
    clearFaithfulness();
    if (!latentMode()) {
        // Occlusion has neither layers nor heads.
        const bool occlusion = m_method->currentData().toInt() == int(app::AttentionMethod::Occlusion);
        m_layer->setEnabled(m_result.attention.has_value() && !occlusion);
        m_head->setEnabled(m_result.attention.has_value() && !occlusion);
    }
    m_grid = {};
    if (m_result.attention) {
        const app::AttentionMaps &maps = *m_result.attention;
        const int head = m_head->currentData().toInt();
        if (latentMode()) {
            m_grid = maps.latentGrid(m_latent, head);
        } else {
            const auto method = static_cast<app::AttentionMethod>(m_method->currentData().toInt());
            const int layer = m_layer->currentData().toInt();
            m_grid
                = m_token < 0 ? maps.meanGrid(method, layer, head) : maps.grid(method, m_token, layer, head);
        }
    }
    redraw();
    updateFaithfulnessControls();
}

void AttentionPanel::redraw()
{
    m_overlays.clear();
    QStringList captions;
    const QList<float> importance = m_grid.frameImportance();
    const QList<double> times = m_result.geometry.frameTimes;
    const float top = m_grid.isEmpty() ? 0.f : m_grid.maxValue();
    const auto colormap = static_cast<app::HeatmapColormap>(m_colormap->currentData().toInt());
    const qsizetype cells = qsizetype(m_grid.height) * m_grid.width;
    for (int f = 0; f < m_grid.frames; ++f) {
        const QImage frame = m_frames.value(f);
        const double aspect
            = frame.isNull() || frame.width() == 0 ? 1.0 : double(frame.height()) / frame.width();
        FrameOverlay overlay;
        overlay.heat = app::renderHeatmapFrame(m_grid, f,
            QSize(kOverlayWidth, std::max(1, int(std::lround(kOverlayWidth * aspect)))), colormap, top);
        overlay.values = m_grid.values.mid(f * cells, cells);
        overlay.rows = m_grid.height;
        overlay.cols = m_grid.width;
        m_overlays.append(overlay);
        QString caption = tr("Frame %1").arg(f + 1);
        if (f < times.size() && m_result.geometry.frames > 1)
            caption += QStringLiteral(" · ") + tr("%1 s").arg(formatSeconds(times.at(f)));
        if (f < importance.size())
            caption += QStringLiteral(" · ") + QLocale().toString(100.0 * double(importance.at(f)), 'f', 0)
                + QLatin1Char('%');
        captions.append(caption);
    }
    QList<QImage> frames = m_frames.mid(0, m_grid.frames);
    while (frames.size() < m_grid.frames) {
        QImage blank(kOverlayWidth, kOverlayWidth, QImage::Format_RGB888);
        blank.fill(Qt::black);
        frames.append(blank);
    }
    const double opacity = m_opacity->value() / 100.0;
    m_colourScale->setScale(colormap,
        latentMode() ? app::AttentionMethod::CrossAttention
                     : static_cast<app::AttentionMethod>(m_method->currentData().toInt()));
    m_colourScale->setVisible(!m_grid.isEmpty());
    m_gridView->setFrames(frames, captions);
    m_gridView->setOverlays(m_overlays, opacity);
    Q_EMIT overlaysChanged(m_onPlayer->isChecked() ? m_overlays : QList<FrameOverlay>(), importance, opacity);
}

void AttentionPanel::clearFaithfulness()
{
    m_scoring.cancel();
    m_scoring = {};
    const bool had = m_faithfulness.has_value() || !m_faithfulnessLabel->text().isEmpty();
    m_faithfulness.reset();
    m_faithfulnessLabel->clear();
    updateFaithfulnessControls();
    if (had)
        Q_EMIT faithfulnessChanged();
}

void AttentionPanel::updateFaithfulnessControls()
{
    m_faithfulnessLabel->setVisible(!m_faithfulnessLabel->text().isEmpty());
    m_faithfulnessButton->setEnabled(m_engine && m_result.attention && !latentMode() && !m_grid.isEmpty()
        && !m_result.items.isEmpty() && !m_scoring.isValid());
}

void AttentionPanel::scoreFaithfulness()
{
    if (!m_engine || !m_result.attention || latentMode() || m_grid.isEmpty() || m_result.items.isEmpty())
        return;
    clearFaithfulness();
    const app::EngineRequest request = app::EngineRequest::faithfulnessOf(
        m_result.mediaInput, m_result.question, m_result.items.constFirst().tokenIds, m_token, m_grid.values);
    m_faithfulnessLabel->setText(tr("Grading the map…"));
    m_scoring = m_engine->submit(request);
    updateFaithfulnessControls();
    m_scoring.then(this, [this, handle = m_scoring](const app::RequestOutcome &outcome) {
        if (!(handle == m_scoring))
            return;
        m_scoring = {};
        if (outcome.isFinished() && outcome.result && outcome.result->faithfulness) {
            m_faithfulness = outcome.result->faithfulness;
            const QLocale locale;
            m_faithfulnessLabel->setText(
                tr("Faithfulness: deletion AUC %1 (lower is better), insertion AUC %2 (higher is better)")
                    .arg(locale.toString(m_faithfulness->deletionAuc, 'f', 2),
                        locale.toString(m_faithfulness->insertionAuc, 'f', 2))
                + QLatin1Char('\n')
                + tr("The word's probability as the map's hottest patches are blurred away first, or "
                     "restored first into a blurred clip: a faithful map makes it fall fast and rise fast."));
        } else if (outcome.isFailed() && outcome.error) {
            m_faithfulnessLabel->setText(tr("Could not grade the map: %1").arg(outcome.error->message));
        } else {
            m_faithfulnessLabel->clear();
        }
        updateFaithfulnessControls();
        Q_EMIT faithfulnessChanged();
    });
}

app::AttentionExportOptions AttentionPanel::exportOptions() const
{
    app::AttentionExportOptions options;
    options.method = static_cast<app::AttentionMethod>(m_method->currentData().toInt());
    options.token = m_token;
    options.layer = m_layer->currentData().toInt();
    options.head = m_head->currentData().toInt();
    options.opacity = m_opacity->value() / 100.0;
    options.colormap
        = app::heatmapColormapName(static_cast<app::HeatmapColormap>(m_colormap->currentData().toInt()));
    return options;
}

Expected<QStringList> AttentionPanel::exportTo(const QString &id, const QString &path) const
{
    const app::Exporter *exporter = app::findExporter(id);
    if (!exporter)
        return makeError(ErrorCode::Unsupported, tr("no exporter “%1” in this build").arg(id).toStdString());
    if (!m_result.attention)
        return makeError(ErrorCode::InvalidArgument, tr("there is no attention to export yet").toStdString());
    app::ExportInput input;
    input.results = {m_result};
    input.attention = exportOptions();
    input.title = QFileInfo(m_result.media).fileName();
    return exporter->write(input, path);
}

void AttentionPanel::chooseExport(const QString &exporterId)
{
    const app::Exporter *exporter = app::findExporter(exporterId);
    if (!exporter)
        return;
    const QString base = QFileInfo(m_result.media).completeBaseName() + QStringLiteral("-attention");
    QString path;
    if (exporter->suffix().isEmpty()) {
        path = QFileDialog::getExistingDirectory(this, exporter->description());
    } else {
        path = QFileDialog::getSaveFileName(this, exporter->description(),
            base + QLatin1Char('.') + exporter->suffix(),
            QStringLiteral("%1 (*.%2)").arg(exporter->description(), exporter->suffix()));
    }
    if (path.isEmpty())
        return;
    const Expected<QStringList> written = exportTo(exporterId, path);
    Q_EMIT message(written ? tr("Exported %n file(s) to %1", nullptr, int(written->size())).arg(path)
                           : tr("Export failed: %1").arg(QString::fromStdString(written.error().message)));
}

void AttentionPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(QStringLiteral("attention/colormap"), m_colormap->currentData());
    settings.setValue(QStringLiteral("attention/opacity"), m_opacity->value());
    settings.setValue(QStringLiteral("attention/onPlayer"), m_onPlayer->isChecked());
}

void AttentionPanel::restoreSettings(const QSettings &settings)
{
    m_colormap->setCurrentIndex(
        std::max(0, m_colormap->findData(settings.value(QStringLiteral("attention/colormap")))));
    m_opacity->setValue(settings.value(QStringLiteral("attention/opacity"), 50).toInt());
    m_onPlayer->setChecked(settings.value(QStringLiteral("attention/onPlayer"), true).toBool());
}

} // namespace mplug2::ui
