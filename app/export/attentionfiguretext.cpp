#include "app/export/attentionfiguretext.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mplug2::app {

FigureText::FigureText(int pixelSize)
    : m_pixelSize(std::max(1, pixelSize))
{
    if (!available())
        return;
    QFont font;
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(m_pixelSize);
    m_font = font;
}

bool FigureText::available()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

// Without fonts the sizes are those of a typical sans-serif face, so that a
// figure has the same layout wherever it is made.
int FigureText::lineHeight() const
{
    return m_font ? QFontMetrics(*m_font).height() : int(std::ceil(m_pixelSize * 1.2));
}

int FigureText::width(const QString &text) const
{
    return m_font ? QFontMetrics(*m_font).horizontalAdvance(text)
                  : int(std::ceil(m_pixelSize * 0.55 * double(text.size())));
}

QString FigureText::elided(const QString &text, int width) const
{
    if (m_font)
        return QFontMetrics(*m_font).elidedText(text, Qt::ElideRight, std::max(0, width));
    const int fits = int(width / (m_pixelSize * 0.55));
    return text.size() <= fits ? text : text.left(std::max(0, fits - 1)) + QChar(0x2026);
}

void FigureText::draw(media::RgbImage &image, const QRect &box, Qt::Alignment alignment, const QString &text,
    std::array<uint8_t, 3> colour) const
{
    if (!m_font || image.empty() || text.isEmpty())
        return;
    // Paints straight into the picture's pixels.
    QImage view(
        image.pixels.data(), image.width, image.height, qsizetype(image.rowBytes()), QImage::Format_RGB888);
    QPainter painter(&view);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setFont(*m_font);
    painter.setPen(QColor(colour[0], colour[1], colour[2]));
    painter.drawText(box, int(alignment | Qt::AlignVCenter), elided(text, box.width()));
}

} // namespace mplug2::app
