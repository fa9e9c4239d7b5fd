#include "ui/attention/attentiongridview.h"

#include <QGridLayout>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace mplug2::ui {

namespace {
constexpr int kMinCellWidth = 150;
/// The smallest cell the grid shrinks to so that every frame is on show at
/// once; below it the cells keep their width and the grid scrolls.
constexpr int kMinFittedWidth = 64;
constexpr int kSpacing = 4;
} // namespace

AttentionGridView::AttentionGridView(QWidget *parent)
    : QScrollArea(parent)
    , m_canvas(new QWidget)
    , m_layout(new QGridLayout(m_canvas))
    , m_placeholder(new FrameView)
{
    setAccessibleName(tr("Attention on every sampled frame"));
    setWidgetResizable(false);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(kSpacing);
    m_placeholder->setParent(m_canvas);
    m_layout->addWidget(m_placeholder, 0, 0);
    setWidget(m_canvas);
}

void AttentionGridView::setPlaceholderText(const QString &text)
{
    m_placeholder->setPlaceholderText(text);
}

void AttentionGridView::setFrames(const QList<QImage> &frames, const QStringList &captions)
{
    while (m_cells.size() > frames.size())
        delete m_cells.takeLast();
    while (m_cells.size() < frames.size()) {
        auto *cell = new FrameView(m_canvas);
        const int index = int(m_cells.size());
        cell->setObjectName(QStringLiteral("attentionCell%1").arg(index));
        cell->setAccessibleName(tr("Sampled frame %1").arg(index + 1));
        connect(cell, &FrameView::valueHovered, this, &AttentionGridView::valueHovered);
        connect(cell, &FrameView::clicked, this, [this, index] { Q_EMIT frameClicked(index); });
        m_cells.append(cell);
    }
    for (int i = 0; i < int(frames.size()); ++i) {
        m_cells.at(i)->setImage(frames.at(i));
        m_cells.at(i)->setCaption(captions.value(i));
    }
    m_columns = 0;
    relayout();
}

void AttentionGridView::setOverlays(const QList<FrameOverlay> &overlays, double opacity)
{
    for (int i = 0; i < int(m_cells.size()); ++i) {
        if (i < overlays.size() && !overlays.at(i).isEmpty())
            m_cells.at(i)->setOverlay(overlays.at(i), opacity);
        else
            m_cells.at(i)->clearOverlay();
    }
}

void AttentionGridView::setOpacity(double opacity)
{
    for (FrameView *cell : std::as_const(m_cells))
        cell->setOpacity(opacity);
}

void AttentionGridView::setCurrentFrame(int index)
{
    for (int i = 0; i < int(m_cells.size()); ++i)
        m_cells.at(i)->setHighlighted(i == index);
}

void AttentionGridView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    relayout();
}

void AttentionGridView::relayout()
{
    const int available = std::max(kMinCellWidth, viewport()->width());
    m_placeholder->setVisible(m_cells.isEmpty());
    if (m_cells.isEmpty()) {
        m_canvas->resize(available, viewport()->height());
        return;
    }
    const int n = int(m_cells.size());
    const QImage &first = m_cells.first()->image();
    const double aspect
        = first.isNull() || first.width() == 0 ? 0.75 : double(first.height()) / first.width();
    // The width of the cells when `columns` fill the width, or, with
    // `fitHeight`, no wider than lets every row fit the visible height.
    const auto cellWidthFor = [&](int columns, bool fitHeight) {
        const int rows = (n + columns - 1) / columns;
        int width = (available - kSpacing * (columns - 1)) / columns;
        if (fitHeight) {
            const int rowHeight = (viewport()->height() - kSpacing * (rows - 1)) / rows;
            width = std::min(width, int(rowHeight / aspect));
        }
        return width;
    };
    // Every frame on show when the cells can stay large enough (a short panel,
    // as in a small window); otherwise as wide as the width allows, scrolling.
    int columns = 1;
    for (int c = 2; c <= n; ++c)
        if (cellWidthFor(c, true) > cellWidthFor(columns, true))
            columns = c;
    if (cellWidthFor(columns, true) < kMinFittedWidth) {
        columns = std::clamp(available / kMinCellWidth, 1, n);
        // Prefer a balanced grid (4 x 4 rather than 5 + 5 + 5 + 1).
        columns = (n + (n + columns - 1) / columns - 1) / ((n + columns - 1) / columns);
    }
    const bool fitted = cellWidthFor(columns, true) >= kMinFittedWidth;
    const int rows = (n + columns - 1) / columns;
    const int cellWidth = std::max(1, cellWidthFor(columns, fitted));
    const int cellHeight = std::max(fitted ? 1 : 40, int(std::lround(cellWidth * aspect)));
    if (columns != m_columns) {
        for (FrameView *cell : std::as_const(m_cells))
            m_layout->removeWidget(cell);
        for (int i = 0; i < n; ++i)
            m_layout->addWidget(m_cells.at(i), i / columns, i % columns);
        m_columns = columns;
    }
    for (FrameView *cell : std::as_const(m_cells))
        cell->setFixedSize(cellWidth, cellHeight);
    // As wide as the cells: narrower cells (fitted to the height) stay together.
    m_canvas->resize(std::min(available, columns * cellWidth + (columns - 1) * kSpacing),
        rows * cellHeight + (rows - 1) * kSpacing);
}

} // namespace mplug2::ui
