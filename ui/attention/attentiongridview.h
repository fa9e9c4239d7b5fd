#pragma once
/// Every frame the model saw, side by side in a grid, each with its
/// attention overlay; hovering a cell reports the value under the cursor.
/// The number of columns follows the width.
///
///     grid->setFrames(result.frames, {"0.5 s", "1.5 s", ...});
///     grid->setOverlays(overlays, 0.5);            // one FrameOverlay per frame
///     connect(grid, &AttentionGridView::valueHovered, label, &QLabel::setText);

#include "ui/viewer/frameview.h"

#include <QList>
#include <QScrollArea>
#include <QStringList>

class QGridLayout;

namespace mplug2::ui {

class AttentionGridView : public QScrollArea {
    Q_OBJECT
public:
    explicit AttentionGridView(QWidget *parent = nullptr);

    void setFrames(const QList<QImage> &frames, const QStringList &captions);
    void setOverlays(const QList<FrameOverlay> &overlays, double opacity);
    void setOpacity(double opacity);
    void setCurrentFrame(int index);
    int cellCount() const { return int(m_cells.size()); }
    FrameView *cell(int index) const { return m_cells.value(index); }
    /// Shown instead of the grid when there is nothing to show.
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    void valueHovered(const QString &text);
    void frameClicked(int index);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();

    QWidget *m_canvas = nullptr;
    QGridLayout *m_layout = nullptr;
    QList<FrameView *> m_cells;
    FrameView *m_placeholder = nullptr;
    int m_columns = 0;
};

} // namespace mplug2::ui
