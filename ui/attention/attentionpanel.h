#pragma once
/// The attention panel, the heart of "where did the model look": the
/// answer's tokens as chips; clicking one lays that token's cross-attention
/// over every sampled frame (and over the player's frame); selectors for the
/// method (cross-attention, Grad-CAM or occlusion), the decoder layer (or the
/// mean) and the head (or mean / max); colormap and opacity; the universal
/// layer's latent queries; a colour scale; hover values; export through the engine's
/// exporters; on request, the shown map's faithfulness (deletion and
/// insertion AUC, computed by the engine) beside it.
///
///     panel->setEngine(engine);                 // for the faithfulness score
///     panel->setResult(result);                 // result.attention from a request with attention on
///     panel->selectToken(2);                    // or the user clicks a chip
///     panel->scoreFaithfulness();               // or the user clicks "Faithfulness"
///     connect(panel, &AttentionPanel::overlaysChanged, viewer, &MediaViewer::setAttention);

#include "app/engine/engine.h"
#include "app/engine/engineresult.h"
#include "app/export/exporter.h"
#include "app/media/heatmapimage.h"
#include "ui/viewer/frameview.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSettings;
class QSlider;
class QToolButton;

namespace mplug2::ui {

class AttentionGridView;
class ColourScale;
class LatentOverview;
class TokenChipBar;

class AttentionPanel : public QWidget {
    Q_OBJECT
public:
    explicit AttentionPanel(QWidget *parent = nullptr);
    ~AttentionPanel() override;

    /// The engine that grades maps (the result's model must still be loaded);
    /// without one the faithfulness button stays disabled.
    void setEngine(app::Engine *engine);

    /// Shows the attention of `result`; its frames when it carries them, else `frames`.
    void setResult(const app::EngineResult &result, const QList<QImage> &frames = {});
    /// Pictures for the sampled frames when they arrive after the result.
    void setFrames(const QList<QImage> &frames);
    void clear();
    bool hasAttention() const { return m_result.attention.has_value(); }
    /// The result shown (one window of a dense caption: app::windowResult()).
    const app::EngineResult &result() const { return m_result; }

    /// -1: the mean over all tokens.
    void selectToken(int token);
    int selectedToken() const { return m_token; }
    /// Shows latent query `latent` of the universal layer (-1: their mean).
    void showLatent(int latent);
    /// Marks the sampled frame the player shows.
    void setCurrentFrame(int index);

    /// The map drawn now and its overlays, one per sampled frame.
    const app::AttentionGrid &grid() const { return m_grid; }
    const QList<FrameOverlay> &overlays() const { return m_overlays; }
    /// Asks the engine for the deletion / insertion score of the map shown now;
    /// faithfulnessChanged() follows when it arrives (or fails).
    void scoreFaithfulness();
    /// The score of the map shown now, once computed (a new map clears it).
    const std::optional<app::FaithfulnessResult> &faithfulness() const { return m_faithfulness; }
    /// The drawing choices, as the exporters take them.
    app::AttentionExportOptions exportOptions() const;
    /// Writes the current result's attention with exporter `id` ("attention-png",
    /// "contact-sheet", "gif", "mp4") to `path`; returns the files written.
    Expected<QStringList> exportTo(const QString &id, const QString &path) const;

    TokenChipBar *tokenChips() const { return m_chips; }
    AttentionGridView *gridView() const { return m_gridView; }
    ColourScale *colourScale() const { return m_colourScale; }

    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

Q_SIGNALS:
    /// For the viewer: overlays (empty when "on the player" is off), the
    /// per-frame importance strip and the opacity.
    void overlaysChanged(
        const QList<mplug2::ui::FrameOverlay> &overlays, const QList<float> &importance, double opacity);
    void frameClicked(int index);
    /// A line for the status bar (export done, or why it failed).
    void message(const QString &text);
    /// The faithfulness score was computed, failed or cleared.
    void faithfulnessChanged();

private:
    QWidget *createControls();
    void fillSelectors();
    void recompute();
    void redraw();
    void chooseExport(const QString &exporterId);
    bool latentMode() const;
    void showSelector();
    void clearFaithfulness();
    void updateFaithfulnessControls();

    TokenChipBar *m_chips = nullptr;
    LatentOverview *m_latentOverview = nullptr;
    QComboBox *m_source = nullptr;
    QComboBox *m_method = nullptr;
    QComboBox *m_layer = nullptr;
    QComboBox *m_head = nullptr;
    QComboBox *m_colormap = nullptr;
    QSlider *m_opacity = nullptr;
    QCheckBox *m_onPlayer = nullptr;
    QToolButton *m_exportButton = nullptr;
    AttentionGridView *m_gridView = nullptr;
    ColourScale *m_colourScale = nullptr;
    QLabel *m_hoverLabel = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_faithfulnessButton = nullptr;
    QLabel *m_faithfulnessLabel = nullptr;

    app::Engine *m_engine = nullptr;
    app::RequestHandle m_scoring;
    std::optional<app::FaithfulnessResult> m_faithfulness;

    app::EngineResult m_result;
    QList<QImage> m_frames;
    int m_token = -1;
    int m_latent = -1;
    app::AttentionGrid m_grid;
    QList<FrameOverlay> m_overlays;
};

} // namespace mplug2::ui
