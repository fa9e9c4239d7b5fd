#pragma once
/// The video's timeline: a playhead to click or drag, ticks where the frames
/// the model sees sit, and above them bars for how much each of those frames
/// mattered to the selected answer token (the per-frame importance strip).
/// A marked range (a moment found by a search) is drawn as a band over the track.
/// Below the track, a dense caption's windows form a subtitle track: one
/// segment per window with its caption elided to fit (whole in the tooltip);
/// clicking one seeks to its start, and the one under the playhead is highlighted.
///
///     timeline->setDuration(info.durationSeconds);
///     timeline->setSampleTimes(geometry.frameTimes);
///     timeline->setImportance(grid.frameImportance());
///     timeline->setMarkedRange(12.0, 18.0);       // [start, end) of a moment
///     timeline->setSegments({{0, 10, "a man walks"}, {10, 20, "a dog runs"}});
///     connect(timeline, &TimelineWidget::seekRequested, player, &MediaViewer::seek);
///     connect(timeline, &TimelineWidget::segmentClicked, results, &Results::showWindow);

#include <QList>
#include <QString>
#include <QWidget>

namespace mplug2::ui {

/// One segment of the subtitle track: [start, end) in seconds and its text.
struct TimelineSegment {
    double startSeconds = 0.0;
    double endSeconds = 0.0;
    QString text;
};

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setDuration(double seconds);
    double duration() const { return m_duration; }
    void setPosition(double seconds);
    double position() const { return m_position; }
    void setSampleTimes(const QList<double> &seconds);
    const QList<double> &sampleTimes() const { return m_samples; }
    /// One value per sample time (any scale; drawn relative to the largest); empty hides the bars.
    void setImportance(const QList<float> &importance);
    const QList<float> &importance() const { return m_importance; }
    /// The sample drawn as current (-1: none).
    void setCurrentSample(int index);
    /// Marks [start, end) in seconds; an empty range (end <= start) clears the mark.
    void setMarkedRange(double startSeconds, double endSeconds);
    void clearMarkedRange() { setMarkedRange(0, 0); }
    bool hasMarkedRange() const { return m_markEnd > m_markStart; }
    double markedStart() const { return m_markStart; }
    double markedEnd() const { return m_markEnd; }

    /// The subtitle track (a dense caption's windows, in time order); empty hides it.
    void setSegments(const QList<TimelineSegment> &segments);
    const QList<TimelineSegment> &segments() const { return m_segments; }
    /// The segment under the playhead (the latest to start at or before it), or -1.
    int currentSegment() const;
    /// Where segment `index` is drawn (empty when there is none).
    QRect segmentRect(int index) const;
    /// The segment drawn at `point`, or -1.
    int segmentAt(const QPoint &point) const;

    /// The x coordinate of a time, and back.
    int xForSeconds(double seconds) const;
    double secondsForX(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void seekRequested(double seconds);
    /// A segment of the subtitle track was clicked (seekRequested() to its start comes first).
    void segmentClicked(int index);
    /// Another segment is under the playhead (-1: none).
    void currentSegmentChanged(int index);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QRect trackRect() const;
    QRect laneRect() const;
    int laneHeight() const;
    void paintSegments(QPainter &painter);
    void updateCurrentSegment();

    double m_duration = 0;
    double m_position = 0;
    QList<double> m_samples;
    QList<float> m_importance;
    int m_currentSample = -1;
    double m_markStart = 0;
    double m_markEnd = 0;
    QList<TimelineSegment> m_segments;
    int m_currentSegment = -1;
    bool m_draggingPlayhead = false;
};

} // namespace mplug2::ui
