#pragma once
/// The frames the model sees, in a row: each with its time, the attention
/// overlay when one is chosen, and a bar for how much it mattered. Clicking
/// a frame asks the player to show it.
///
///     strip->setFrames(images, times);
///     strip->setOverlays(heatImages, 0.5);      // one per frame, or empty
///     strip->setImportance(grid.frameImportance());
///     connect(strip, &FilmstripWidget::frameClicked, player, &MediaViewer::showSample);

#include <QImage>
#include <QList>
#include <QWidget>

namespace mplug2::ui {

class FilmstripWidget : public QWidget {
    Q_OBJECT
public:
    explicit FilmstripWidget(QWidget *parent = nullptr);

    void setFrames(const QList<QImage> &frames, const QList<double> &seconds);
    int frameCount() const { return int(m_frames.size()); }
    const QList<double> &frameTimes() const { return m_seconds; }
    void setOverlays(const QList<QImage> &heat, double opacity);
    void setImportance(const QList<float> &importance);
    void setCurrentFrame(int index);
    int currentFrame() const { return m_current; }
    /// The cell of frame `index` in widget coordinates.
    QRect cellRect(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void frameClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QList<QImage> m_frames;
    QList<double> m_seconds;
    QList<QImage> m_heat;
    QList<float> m_importance;
    double m_opacity = 0.5;
    int m_current = -1;
};

} // namespace mplug2::ui
