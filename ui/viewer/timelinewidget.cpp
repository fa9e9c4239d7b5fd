#include "ui/viewer/timelinewidget.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace mplug2::ui {

namespace {
constexpr int kMargin = 8;
constexpr int kBarsHeight = 22;
constexpr int kTrackHeight = 6;
/// Below the track: room for the playhead's knob, then the subtitle track.
constexpr int kLaneGap = 10;

QString clock(double seconds)
{
    const int t = int(std::floor(std::max(0.0, seconds)));
    return QStringLiteral("%1:%2").arg(t / 60).arg(t % 60, 2, 10, QLatin1Char('0'));
}
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
    updateCurrentSegment();
    update();
}

void TimelineWidget::setSegments(const QList<TimelineSegment> &segments)
{
    const bool laneChanged = segments.isEmpty() != m_segments.isEmpty();
    m_segments = segments;
    if (laneChanged)
        updateGeometry();
    updateCurrentSegment();
    update();
}

int TimelineWidget::currentSegment() const
{
    return m_currentSegment;
}

void TimelineWidget::updateCurrentSegment()
{
    int current = -1;
    for (int i = 0; i < int(m_segments.size()); ++i) {
        const TimelineSegment &s = m_segments.at(i);
        // The last window runs to the end of the video: its end is the playhead's last position too.
        const bool last = i + 1 == int(m_segments.size());
        if (s.startSeconds <= m_position
            && (m_position < s.endSeconds || (last && m_position <= s.endSeconds)))
            current = i;
    }
    if (current == m_currentSegment)
        return;
    m_currentSegment = current;
    update();
    Q_EMIT currentSegmentChanged(current);
}

int TimelineWidget::laneHeight() const
{
    return m_segments.isEmpty() ? 0 : fontMetrics().height() + 6;
}

QRect TimelineWidget::laneRect() const
{
    const QRect track = trackRect();
    return {track.left(), track.bottom() + kLaneGap, track.width(), laneHeight()};
}

QRect TimelineWidget::segmentRect(int index) const
{
    if (index < 0 || index >= m_segments.size() || m_duration <= 0)
        return {};
    const TimelineSegment &s = m_segments.at(index);
    // Overlapping windows (a stride shorter than the window) are drawn up to the next one's start.
    double end = s.endSeconds;
    if (index + 1 < m_segments.size())
        end = std::min(end, std::max(s.startSeconds, m_segments.at(index + 1).startSeconds));
    const QRect lane = laneRect();
    const int left = xForSeconds(s.startSeconds);
    const int right = std::max(left + 2, xForSeconds(end));
    return {left, lane.top(), right - left, lane.height()};
}

int TimelineWidget::segmentAt(const QPoint &point) const
{
    for (int i = 0; i < int(m_segments.size()); ++i)
        if (segmentRect(i).contains(point))
            return i;
    return -1;
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
    // The track, then the subtitle track in the room the knob leaves below it, and a small margin.
    const int lane = m_segments.isEmpty() ? 0 : laneHeight() + kLaneGap - 16;
    return {400, kMargin * 2 + kBarsHeight + kTrackHeight + 14 + lane};
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

    paintSegments(painter);

    const int x = xForSeconds(m_position);
    painter.setPen(QPen(pal.color(QPalette::Base), 2));
    painter.setBrush(accent);
    painter.drawEllipse(QPoint(x, track.center().y() + 1), 7, 7);
    // A focus frame only when the keyboard moved the focus here (Tab), as Qt's
    // own controls do: not when the window opens with the focus on the
    // timeline, or after a click on it.
    if (hasFocus() && window()->testAttribute(Qt::WA_KeyboardFocusChange)) {
        painter.setPen(QPen(accent, 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineWidget::paintSegments(QPainter &painter)
{
    if (m_segments.isEmpty() || m_duration <= 0)
        return;
    const QPalette pal = palette();
    const QFontMetrics metrics = fontMetrics();
    for (int i = 0; i < int(m_segments.size()); ++i) {
        const QRect r = segmentRect(i).adjusted(0, 0, -1, -1);
        const bool current = i == m_currentSegment;
        painter.setPen(QPen(current ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), 1));
        painter.setBrush(current ? pal.color(QPalette::Highlight) : pal.color(QPalette::AlternateBase));
        painter.drawRoundedRect(r, 3, 3);
        const QRect text = r.adjusted(4, 0, -3, 0);
        if (text.width() < metrics.averageCharWidth())
            continue;
        painter.setPen(current ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
        painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(m_segments.at(i).text, Qt::ElideRight, text.width()));
    }
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = segmentAt(help->pos());
        if (index >= 0) {
            const TimelineSegment &s = m_segments.at(index);
            QToolTip::showText(help->globalPos(),
                QStringLiteral("%1–%2  %3").arg(clock(s.startSeconds), clock(s.endSeconds), s.text), this,
                segmentRect(index));
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    m_draggingPlayhead = false;
    if (event->button() != Qt::LeftButton || m_duration <= 0)
        return;
    if (const int index = segmentAt(event->position().toPoint()); index >= 0) {
        const double start = m_segments.at(index).startSeconds;
        setPosition(start);
        Q_EMIT seekRequested(start);
        Q_EMIT segmentClicked(index);
        return;
    }
    m_draggingPlayhead = true;
    const double seconds = secondsForX(event->position().toPoint().x());
    setPosition(seconds);
    Q_EMIT seekRequested(seconds);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_draggingPlayhead && (event->buttons() & Qt::LeftButton) && m_duration > 0) {
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
