#pragma once
/// The colour scale under the attention maps: the overlay's colormap from
/// low (left) to high (right) between the words for its ends, "low" and
/// "high attention" (or relevance for Grad-CAM, importance for occlusion),
/// the same words as the exported figures'.
///
///     scale->setScale(app::HeatmapColormap::Inferno, app::AttentionMethod::CrossAttention);
///     scale->rampImage();                      // the colours drawn, low to high

#include "app/engine/attentionmaps.h"
#include "app/media/heatmapimage.h"

#include <QImage>
#include <QWidget>

namespace mplug2::ui {

class ColourScale : public QWidget {
    Q_OBJECT
public:
    explicit ColourScale(QWidget *parent = nullptr);

    void setScale(app::HeatmapColormap colormap, app::AttentionMethod method);
    app::HeatmapColormap colormap() const { return m_colormap; }
    QString lowText() const { return m_low; }
    QString highText() const { return m_high; }
    /// The ramp's colours, one column per level (256 x 1), low on the left.
    const QImage &rampImage() const { return m_ramp; }
    /// Where the ramp is drawn, in widget coordinates.
    QRect rampRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    app::HeatmapColormap m_colormap = app::HeatmapColormap::Jet;
    QString m_low;
    QString m_high;
    QImage m_ramp;
};

} // namespace mplug2::ui
