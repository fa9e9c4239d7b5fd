#include "ui/viewer/filmstripwidget.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace mplug2::ui {

namespace {
constexpr int kGap = 3;
constexpr int kBarHeight = 4;
constexpr int kHeight = 72;
} // namespace

FilmstripWidget::FilmstripWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Frames the model sees"));
    setToolTip(tr("The frames the model sees. Click one to show it."));
}

void FilmstripWidget::setFrames(const QList<QImage> &frames, const QList<double> &seconds)
{
    m_frames = frames;
    m_seconds = seconds;
    if (m_heat.size() != m_frames.size())
        m_heat.clear();
    if (m_importance.size() != m_frames.size())
        m_importance.clear();
    update();
}

void FilmstripWidget::setOverlays(const QList<QImage> &heat, double opacity)
{
    m_heat = heat.size() == m_frames.size() ? heat : QList<QImage>();
    m_opacity = opacity;
    update();
}

void FilmstripWidget::setImportance(const QList<float> &importance)
{
    m_importance = importance.size() == m_frames.size() ? importance : QList<float>();
    update();
}

void FilmstripWidget::setCurrentFrame(int index)
{
    m_current = index;
    update();
}

QRect FilmstripWidget::cellRect(int index) const
{
    const int n = std::max(1, int(m_frames.size()));
    const int cellWidth = std::max(8, (width() - kGap * (n + 1)) / n);
    return {kGap + index * (cellWidth + kGap), kGap, cellWidth, height() - 2 * kGap};
}

QSize FilmstripWidget::sizeHint() const
{
    return {400, kHeight};
}

QSize FilmstripWidget::minimumSizeHint() const
{
    return {100, kHeight};
}

void FilmstripWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    const float top
        = m_importance.isEmpty() ? 0.f : *std::max_element(m_importance.begin(), m_importance.end());
    for (int i = 0; i < int(m_frames.size()); ++i) {
        const QRect cell = cellRect(i);
        QRect picture = cell.adjusted(0, 0, 0, -kBarHeight - 2);
        const QSize fitted = m_frames.at(i).size().scaled(picture.size(), Qt::KeepAspectRatio);
        QRect target(QPoint(0, 0), fitted);
        target.moveCenter(picture.center());
        painter.drawImage(target, m_frames.at(i));
        if (i < m_heat.size() && !m_heat.at(i).isNull()) {
            painter.setOpacity(m_opacity);
            painter.drawImage(target, m_heat.at(i));
            painter.setOpacity(1.0);
        }
        if (top > 0.f) {
            const int w = std::max(1, int(cell.width() * m_importance.at(i) / top));
            painter.fillRect(
                QRect(cell.left(), cell.bottom() - kBarHeight + 1, w, kBarHeight), QColor(239, 108, 0));
        }
        if (i == m_current) {
            painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(target.adjusted(0, 0, -1, -1));
        }
    }
}

void FilmstripWidget::mousePressEvent(QMouseEvent *event)
{
    for (int i = 0; i < int(m_frames.size()); ++i) {
        if (cellRect(i).contains(event->position().toPoint())) {
            Q_EMIT frameClicked(i);
            return;
        }
    }
}

} // namespace mplug2::ui
