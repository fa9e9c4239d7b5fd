#include "ui/attention/latentoverview.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace mplug2::ui {

namespace {
constexpr int kRowHeight = 4;
constexpr int kLabelWidth = 28;
} // namespace

LatentOverview::LatentOverview(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Latent queries by sampled frame"));
    setToolTip(tr("Rows: the universal layer's latent queries; columns: sampled frames. Click a row to show "
                  "that latent."));
}

void LatentOverview::setShares(int latents, int frames, const QList<float> &shares)
{
    const bool consistent = latents > 0 && frames > 0 && shares.size() == qsizetype(latents) * frames;
    m_latents = consistent ? latents : 0;
    m_frames = consistent ? frames : 0;
    m_shares = consistent ? shares : QList<float>();
    m_selected = std::min(m_selected, m_latents - 1);
    updateGeometry();
    update();
}

void LatentOverview::setSelectedLatent(int latent)
{
    m_selected = latent;
    update();
}

QSize LatentOverview::sizeHint() const
{
    return {240, std::max(1, m_latents) * kRowHeight + 4};
}

QSize LatentOverview::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

QRect LatentOverview::matrixRect() const
{
    return {kLabelWidth, 2, std::max(1, width() - kLabelWidth - 2), m_latents * kRowHeight};
}

bool LatentOverview::cellAt(QPoint position, int *latent, int *frame) const
{
    const QRect matrix = matrixRect();
    if (m_latents == 0 || !matrix.contains(position))
        return false;
    *latent = std::min(m_latents - 1, (position.y() - matrix.top()) / kRowHeight);
    *frame = std::min(m_frames - 1, (position.x() - matrix.left()) * m_frames / matrix.width());
    return true;
}

void LatentOverview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    if (m_latents == 0)
        return;
    const QRect matrix = matrixRect();
    const float top = std::max(1e-12f, *std::max_element(m_shares.begin(), m_shares.end()));
    const QColor hot(239, 108, 0);
    const QColor cold = pal.color(QPalette::Base);
    for (int q = 0; q < m_latents; ++q) {
        for (int f = 0; f < m_frames; ++f) {
            const double t = std::clamp(double(m_shares.at(q * m_frames + f) / top), 0.0, 1.0);
            const QColor c = QColor::fromRgbF(float(cold.redF() + (hot.redF() - cold.redF()) * t),
                float(cold.greenF() + (hot.greenF() - cold.greenF()) * t),
                float(cold.blueF() + (hot.blueF() - cold.blueF()) * t));
            const int x0 = matrix.left() + f * matrix.width() / m_frames;
            const int x1 = matrix.left() + (f + 1) * matrix.width() / m_frames;
            painter.fillRect(QRect(x0, matrix.top() + q * kRowHeight, x1 - x0, kRowHeight), c);
        }
    }
    painter.setPen(pal.color(QPalette::WindowText));
    const QFontMetrics metrics(font());
    for (int q = 0; q < m_latents; q += 10)
        painter.drawText(QRect(0, matrix.top() + q * kRowHeight - 2, kLabelWidth - 4, metrics.height()),
            Qt::AlignRight | Qt::AlignTop, QString::number(q + 1));
    if (m_selected >= 0) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(
            QRect(matrix.left(), matrix.top() + m_selected * kRowHeight - 1, matrix.width(), kRowHeight + 1));
    }
}

void LatentOverview::mousePressEvent(QMouseEvent *event)
{
    int latent = 0;
    int frame = 0;
    if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint(), &latent, &frame)) {
        setSelectedLatent(latent);
        Q_EMIT latentSelected(latent);
    }
}

void LatentOverview::mouseMoveEvent(QMouseEvent *event)
{
    int latent = 0;
    int frame = 0;
    if (!cellAt(event->position().toPoint(), &latent, &frame)) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
        tr("Latent %1, sampled frame %2: %3 of its attention")
            .arg(latent + 1)
            .arg(frame + 1)
            .arg(QLocale().toString(100.0 * double(m_shares.at(latent * m_frames + frame)), 'f', 1)
                + QLatin1Char('%')),
        this);
}

} // namespace mplug2::ui
