#include "ui/viewer/timelinewidget.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace mplug2::ui {

namespace {
constexpr int kMargin = 8;
constexpr int kBarsHeight = 22;
constexpr int kTrackHeight = 6;
} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("Click or drag to seek; marks show the frames the model sees."));
}

void TimelineWidget::setDuration(double seconds)
{
    m_duration = std::max(0.0, seconds);
    update();
}

void TimelineWidget::setPosition(double seconds)
{
    m_position = std::clamp(seconds, 0.0, m_duration);
    update();
}

void TimelineWidget::setSampleTimes(const QList<double> &seconds)
{
    m_samples = seconds;
    if (m_importance.size() != m_samples.size())
        m_importance.clear();
    update();
}

void TimelineWidget::setImportance(const QList<float> &importance)
{
    m_importance = importance.size() == m_samples.size() ? importance : QList<float>();
    update();
}

void TimelineWidget::setCurrentSample(int index)
{
    m_currentSample = index;
    update();
}

void TimelineWidget::setMarkedRange(double startSeconds, double endSeconds)
{
    m_markStart = startSeconds;
    m_markEnd = std::max(startSeconds, endSeconds);
    update();
}

QRect TimelineWidget::trackRect() const
{
    return {kMargin, kMargin + kBarsHeight + 2, std::max(1, width() - 2 * kMargin), kTrackHeight};
}

int TimelineWidget::xForSeconds(double seconds) const
{
    const QRect track = trackRect();
    if (m_duration <= 0)
        return track.left();
    return track.left() + int(std::clamp(seconds / m_duration, 0.0, 1.0) * track.width());
}

double TimelineWidget::secondsForX(int x) const
{
    const QRect track = trackRect();
    return std::clamp(double(x - track.left()) / track.width(), 0.0, 1.0) * m_duration;
}

QSize TimelineWidget::sizeHint() const
{
    return {400, kMargin * 2 + kBarsHeight + kTrackHeight + 14};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QRect track = trackRect();
    const QColor accent = pal.color(QPalette::Highlight);

    painter.setPen(Qt::NoPen);
    painter.setBrush(pal.color(QPalette::Mid));
    painter.drawRoundedRect(track, 3, 3);
    QRect played = track;
    played.setRight(xForSeconds(m_position));
    painter.setBrush(accent);
    painter.drawRoundedRect(played, 3, 3);
    if (hasMarkedRange()) {
        // The moment a search found: a band taller than the track, so it reads over played and unplayed.
        const int left = xForSeconds(m_markStart);
        const QRect band(
            left, track.top() - 4, std::max(3, xForSeconds(m_markEnd) - left), track.height() + 8);
        QColor fill(239, 108, 0);
        painter.setPen(QPen(fill, 1));
        fill.setAlpha(110);
        painter.setBrush(fill);
        painter.drawRect(band);
    }

    const float top
        = m_importance.isEmpty() ? 0.f : *std::max_element(m_importance.begin(), m_importance.end());
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const int x = xForSeconds(m_samples.at(i));
        const bool current = i == m_currentSample;
        painter.setPen(QPen(current ? accent : pal.color(QPalette::WindowText), current ? 2 : 1));
        painter.drawLine(x, track.top() - 3, x, track.bottom() + 4);
        if (top > 0.f) {
            const int h = std::max(1, int(kBarsHeight * m_importance.at(i) / top));
            const QRect bar(x - 3, track.top() - 3 - h, 7, h);
            painter.fillRect(bar, current ? accent : QColor(239, 108, 0));
        }
    }

    const int x = xForSeconds(m_position);
    painter.setPen(QPen(pal.color(QPalette::Base), 2));
    painter.setBrush(accent);
    painter.drawEllipse(QPoint(x, track.center().y() + 1), 7, 7);
    if (hasFocus()) {
        painter.setPen(QPen(accent, 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_duration > 0) {
        const double seconds = secondsForX(event->position().toPoint().x());
        setPosition(seconds);
        Q_EMIT seekRequested(seconds);
    }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_duration > 0) {
        const double seconds = secondsForX(event->position().toPoint().x());
        setPosition(seconds);
        Q_EMIT seekRequested(seconds);
    }
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const double step = event->modifiers() & Qt::ShiftModifier ? 10.0 : 1.0;
    switch (event->key()) {
    case Qt::Key_Home:
        Q_EMIT seekRequested(0.0);
        return;
    case Qt::Key_End:
        Q_EMIT seekRequested(m_duration);
        return;
    case Qt::Key_PageUp:
    case Qt::Key_Up:
        Q_EMIT seekRequested(std::min(m_duration, m_position + step));
        return;
    case Qt::Key_PageDown:
    case Qt::Key_Down:
        Q_EMIT seekRequested(std::max(0.0, m_position - step));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace mplug2::ui
