// Icons take the palette's text colour when drawn, so they follow a light
// or dark desktop, also when the palette changes while the app runs.
#include "ui/theme/paletteicon.h"

#include <QApplication>
#include <QPalette>
#include <QPixmap>
#include <QTest>

using mplug2::ui::paletteIcon;

namespace {
/// The mean colour of the icon's opaque pixels.
QColor inkOf(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    const QImage image
        = icon.pixmap(QSize(32, 32), 1.0, mode).toImage().convertToFormat(QImage::Format_ARGB32);
    qint64 r = 0, g = 0, b = 0, n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() < 250)
                continue;
            r += c.red();
            g += c.green();
            b += c.blue();
            ++n;
        }
    }
    return n == 0 ? QColor() : QColor(int(r / n), int(g / n), int(b / n));
}

QPalette paletteWithText(const QColor &text, const QColor &window)
{
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::Active, QPalette::ButtonText, text);
    palette.setColor(QPalette::Inactive, QPalette::ButtonText, text);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(128, 128, 128));
    return palette;
}
} // namespace

class PaletteIconTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyIconLoads()
    {
        for (const char *name : {"open-file", "open-folder", "play", "pause", "next-frame", "previous-frame",
                 "caption", "dense-caption", "ask", "classify", "search", "cancel", "export", "copy", "model",
                 "unload", "attention", "remove", "image", "video", "run", "warning", "close"}) {
            const QIcon icon = paletteIcon(QLatin1String(name));
            QVERIFY2(!icon.isNull(), name);
            QVERIFY2(inkOf(icon).isValid(), name);
        }
        QVERIFY(paletteIcon(QStringLiteral("no-such-icon")).isNull());
    }

    void followsLightAndDarkPalettes()
    {
        const QPalette original = QApplication::palette();
        QApplication::setPalette(paletteWithText(QColor(240, 240, 240), QColor(30, 30, 30)));
        const QIcon play = paletteIcon(QStringLiteral("play"));
        QVERIFY(inkOf(play).lightness() > 200);
        QCOMPARE(inkOf(play, QIcon::Disabled), QColor(128, 128, 128));
        // The same icon object repaints in the new colours.
        QApplication::setPalette(paletteWithText(QColor(20, 20, 20), QColor(250, 250, 250)));
        QVERIFY(inkOf(play).lightness() < 50);
        QApplication::setPalette(original);
    }

    void staysSharpOnHighDpi()
    {
        const QPixmap pixmap = paletteIcon(QStringLiteral("caption")).pixmap(QSize(16, 16), 2.0);
        QCOMPARE(pixmap.size(), QSize(32, 32));
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
    }
};

QTEST_MAIN(PaletteIconTest)
#include "paletteicontest.moc"
