// svgtopng: renders the application's SVG icon to the PNG sizes that the
// hicolor theme, menus and AppStream want, at build time. Qt's SVG module is
// already a dependency, so no extra rendering tool is needed.
//
//     svgtopng icon.svg OUTPUT_DIR 16 32 48   ->  OUTPUT_DIR/16x16.png ...
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char **argv)
{
    // QPainter needs a QGuiApplication; the offscreen platform needs no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 4) {
        err << "usage: svgtopng ICON.svg OUTPUT_DIR SIZE...\n";
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err << "svgtopng: cannot read SVG " << args.at(1) << '\n';
        return 1;
    }
    for (const QString &arg : args.mid(3)) {
        bool ok = false;
        const int size = arg.toInt(&ok);
        if (!ok || size < 1 || size > 1024) {
            err << "svgtopng: bad size '" << arg << "'\n";
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString path = QStringLiteral("%1/%2x%2.png").arg(args.at(2)).arg(size);
        if (!image.save(path, "PNG")) {
            err << "svgtopng: cannot write " << path << '\n';
            return 1;
        }
    }
    return 0;
}
