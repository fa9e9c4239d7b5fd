#include "ui/attention/colourscale.h"

#include "app/export/attentioncolourscale.h"

#include <QPainter>

#include <algorithm>

namespace mplug2::ui {

namespace {
constexpr int kLevels = 256;
constexpr int kGap = 6;
constexpr int kPreferredRampWidth = 160;
constexpr int kMinimumRampWidth = 40;
} // namespace

ColourScale::ColourScale(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Colour scale"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setScale(app::HeatmapColormap::Jet, app::AttentionMethod::CrossAttention);
}

void ColourScale::setScale(app::HeatmapColormap colormap, app::AttentionMethod method)
{
    const app::ColourScaleLabels labels = app::colourScaleLabels(method);
    if (colormap == m_colormap && labels.low == m_low && labels.high == m_high && !m_ramp.isNull())
        return;
    m_colormap = colormap;
    m_low = labels.low;
    m_high = labels.high;
    // The overlay's own renderer over a ramp 0 … 1: the scale shows the colours of the maps.
    app::AttentionGrid ramp;
    ramp.frames = 1;
    ramp.height = 1;
    ramp.width = kLevels;
    for (int i = 0; i < kLevels; ++i)
        ramp.values.append(float(i) / float(kLevels - 1));
    m_ramp = app::renderHeatmapFrame(ramp, 0, QSize(kLevels, 1), colormap, 1.f);
    setAccessibleDescription(m_low + QStringLiteral(" … ") + m_high);
    setToolTip(accessibleDescription());
    updateGeometry();
    update();
}

QRect ColourScale::rampRect() const
{
    const QFontMetrics metrics = fontMetrics();
    const int left = metrics.horizontalAdvance(m_low) + kGap;
    const int right = width() - metrics.horizontalAdvance(m_high) - kGap;
    const int height = std::max(6, metrics.height() * 2 / 3);
    return QRect(left, (this->height() - height) / 2, std::max(1, right - left), height);
}

QSize ColourScale::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return QSize(
        metrics.horizontalAdvance(m_low) + metrics.horizontalAdvance(m_high) + 2 * kGap + kPreferredRampWidth,
        metrics.height() + 4);
}

QSize ColourScale::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return QSize(
        metrics.horizontalAdvance(m_low) + metrics.horizontalAdvance(m_high) + 2 * kGap + kMinimumRampWidth,
        metrics.height() + 4);
}

void ColourScale::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect ramp = rampRect();
    painter.drawImage(ramp, m_ramp);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, 0, ramp.left() - kGap, height()), Qt::AlignLeft | Qt::AlignVCenter, m_low);
    painter.drawText(QRect(ramp.right() + 1 + kGap, 0, width() - ramp.right() - 1 - kGap, height()),
        Qt::AlignLeft | Qt::AlignVCenter, m_high);
}

} // namespace mplug2::ui
