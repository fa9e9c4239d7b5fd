#include "ui/viewer/frameview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace mplug2::ui {

FrameView::FrameView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void FrameView::setImage(const QImage &image)
{
    m_image = image;
    updateGeometry();
    update();
}

void FrameView::setOverlay(const FrameOverlay &overlay, double opacity)
{
    m_overlay = overlay;
    m_opacity = opacity;
    update();
}

void FrameView::clearOverlay()
{
    m_overlay = {};
    update();
}

void FrameView::setOpacity(double opacity)
{
    m_opacity = opacity;
    update();
}

void FrameView::setCaption(const QString &caption)
{
    m_caption = caption;
    update();
}

void FrameView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void FrameView::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QRect FrameView::imageRect() const
{
    if (m_image.isNull())
        return {};
    const QSize fitted = m_image.size().scaled(rect().size() - QSize(4, 4), Qt::KeepAspectRatio);
    QRect target(QPoint(0, 0), fitted);
    target.moveCenter(rect().center());
    return target;
}

bool FrameView::valueAt(QPoint position, float *value, int *row, int *col) const
{
    const QRect target = imageRect();
    if (m_overlay.isEmpty() || m_overlay.rows <= 0 || m_overlay.cols <= 0 || !target.contains(position))
        return false;
    const int c
        = std::min(m_overlay.cols - 1, (position.x() - target.left()) * m_overlay.cols / target.width());
    const int r
        = std::min(m_overlay.rows - 1, (position.y() - target.top()) * m_overlay.rows / target.height());
    const qsizetype i = qsizetype(r) * m_overlay.cols + c;
    if (i >= m_overlay.values.size())
        return false;
    *value = m_overlay.values.at(i);
    *row = r;
    *col = c;
    return true;
}

QSize FrameView::sizeHint() const
{
    return m_image.isNull() ? QSize(320, 240) : m_image.size().scaled(QSize(480, 360), Qt::KeepAspectRatio);
}

QSize FrameView::minimumSizeHint() const
{
    return {64, 48};
}

int FrameView::heightForWidth(int width) const
{
    if (m_image.isNull() || m_image.width() <= 0)
        return QWidget::heightForWidth(width);
    return width * m_image.height() / m_image.width();
}

void FrameView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRect target = imageRect();
    painter.drawImage(target, m_image);
    if (!m_overlay.isEmpty()) {
        painter.setOpacity(m_opacity);
        painter.drawImage(target, m_overlay.heat);
        painter.setOpacity(1.0);
    }
    if (!m_caption.isEmpty()) {
        const QFontMetrics metrics(font());
        QRect band(
            target.left(), target.bottom() - metrics.height() - 3, target.width(), metrics.height() + 4);
        painter.fillRect(band, QColor(0, 0, 0, 150));
        painter.setPen(Qt::white);
        painter.drawText(band.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(m_caption, Qt::ElideRight, band.width() - 8));
    }
    if (m_highlighted) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
        painter.drawRect(target.adjusted(1, 1, -2, -2));
    }
}

void FrameView::mouseMoveEvent(QMouseEvent *event)
{
    float value = 0;
    int row = 0;
    int col = 0;
    if (!valueAt(event->position().toPoint(), &value, &row, &col)) {
        QToolTip::hideText();
        Q_EMIT valueHovered({});
        return;
    }
    const QString text = tr("Attention %1 at patch row %2, column %3")
                             .arg(QString::number(double(value), 'g', 4))
                             .arg(row + 1)
                             .arg(col + 1);
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
    Q_EMIT valueHovered(text);
}

void FrameView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT clicked();
    QWidget::mousePressEvent(event);
}

void FrameView::leaveEvent(QEvent *event)
{
    Q_EMIT valueHovered({});
    QWidget::leaveEvent(event);
}

} // namespace mplug2::ui
