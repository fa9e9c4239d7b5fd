#pragma once
/// Text in the exported attention figures: the contact sheet's token and
/// frame labels, the colour scale's "low" and "high attention".
///
/// Qt draws text only under a QGuiApplication, for its font database: the app
/// has one, and the CLI starts one on the offscreen platform for the commands
/// that draw (app/cli/main.cpp). Under a bare QCoreApplication the figures
/// keep their layout (widths are estimated) and show no text.
///
///     const FigureText text(14);                      // pixel size
///     const int w = text.width(QStringLiteral("all tokens"));
///     text.draw(sheet, QRect(6, 40, w, text.lineHeight()), Qt::AlignLeft, label);

#include "media/core/rgbimage.h"

#include <QFont>
#include <QRect>
#include <QString>

#include <array>
#include <optional>

namespace mplug2::app {

/// The figures' background, and their text on it.
inline constexpr std::array<uint8_t, 3> kFigureBackground = {24, 24, 24};
inline constexpr std::array<uint8_t, 3> kFigureTextColour = {230, 230, 230};

class FigureText {
public:
    explicit FigureText(int pixelSize);

    /// Whether text can be drawn in this process (a QGuiApplication runs).
    static bool available();

    int pixelSize() const { return m_pixelSize; }
    /// The height of one line of text.
    int lineHeight() const;
    int width(const QString &text) const;
    /// `text`, shortened with "…" to fit `width` pixels.
    QString elided(const QString &text, int width) const;
    /// Draws `text` (elided to the box's width) into `image` inside `box`.
    void draw(media::RgbImage &image, const QRect &box, Qt::Alignment alignment, const QString &text,
        std::array<uint8_t, 3> colour = kFigureTextColour) const;

private:
    int m_pixelSize;
    std::optional<QFont> m_font; ///< none without a QGuiApplication
};

} // namespace mplug2::app
