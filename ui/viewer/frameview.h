#pragma once
/// One frame, fitted into the widget with its aspect ratio kept, optionally
/// with an attention heatmap laid over it; hovering shows the attention
/// value of the patch under the cursor. The viewer, the video player and
/// every cell of the attention grid are FrameViews.
///
///     auto *view = new FrameView;
///     view->setImage(frame);
///     view->setOverlay({heatImage, grid values of this frame, rows, cols}, 0.5);
///     connect(view, &FrameView::valueHovered, status, &Label::setText);

#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QWidget>

namespace mplug2::ui {

/// The attention drawn over one frame: a coloured picture of the map and
/// the raw values behind it (rows x cols patches, row by row).
struct FrameOverlay {
    QImage heat;
    QList<float> values;
    int rows = 0;
    int cols = 0;

    bool isEmpty() const { return heat.isNull(); }
};

class FrameView : public QWidget {
    Q_OBJECT
public:
    explicit FrameView(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    const QImage &image() const { return m_image; }
    /// Lays `overlay` over the frame at `opacity` (0: frame only, 1: map only).
    void setOverlay(const FrameOverlay &overlay, double opacity);
    void clearOverlay();
    bool hasOverlay() const { return !m_overlay.isEmpty(); }
    void setOpacity(double opacity);
    /// A short line drawn over the bottom edge ("frame 3 · 1.2 s").
    void setCaption(const QString &caption);
    /// Shown when there is no image.
    void setPlaceholderText(const QString &text);
    /// A highlighted border (e.g. the frame the player shows).
    void setHighlighted(bool highlighted);

    /// Where the image is drawn inside the widget.
    QRect imageRect() const;
    /// The attention value at a widget position, if it lies on the overlay.
    bool valueAt(QPoint position, float *value, int *row, int *col) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return !m_image.isNull(); }
    int heightForWidth(int width) const override;

Q_SIGNALS:
    /// The value under the cursor, formatted for people; "" when it left the overlay.
    void valueHovered(const QString &text);
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QImage m_image;
    FrameOverlay m_overlay;
    double m_opacity = 0.5;
    QString m_caption;
    QString m_placeholder;
    bool m_highlighted = false;
};

} // namespace mplug2::ui

Q_DECLARE_METATYPE(mplug2::ui::FrameOverlay)
