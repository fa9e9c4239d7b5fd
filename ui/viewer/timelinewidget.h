#pragma once
/// The video's timeline: a playhead to click or drag, ticks where the frames
/// the model sees sit, and above them bars for how much each of those frames
/// mattered to the selected answer token (the per-frame importance strip).
/// A marked range (a moment found by a search) is drawn as a band over the track.
///
///     timeline->setDuration(info.durationSeconds);
///     timeline->setSampleTimes(geometry.frameTimes);
///     timeline->setImportance(grid.frameImportance());
///     timeline->setMarkedRange(12.0, 18.0);       // [start, end) of a moment
///     connect(timeline, &TimelineWidget::seekRequested, player, &MediaViewer::seek);

#include <QList>
#include <QWidget>

namespace mplug2::ui {

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

    /// The x coordinate of a time, and back.
    int xForSeconds(double seconds) const;
    double secondsForX(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void seekRequested(double seconds);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QRect trackRect() const;

    double m_duration = 0;
    double m_position = 0;
    QList<double> m_samples;
    QList<float> m_importance;
    int m_currentSample = -1;
    double m_markStart = 0;
    double m_markEnd = 0;
};

} // namespace mplug2::ui
