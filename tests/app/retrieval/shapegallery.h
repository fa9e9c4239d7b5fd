#pragma once
// Pictures and clips of one flat coloured shape on black, made by the ffmpeg
// CLI at test time (the synthetic world of the demo model: circle, square,
// triangle; red, green, blue, yellow, white). Nothing binary is committed.
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace mplug2::test {

struct ShapeSpec {
    QString colour; ///< red, green, blue, yellow, white
    QString shape; ///< circle, square, triangle
    bool video = false; ///< 1 s H.264 clip, the shape moving right; else a PNG
    int side = 96;
};

inline QString shapeColourRgb(const QString &colour)
{
    if (colour == QLatin1String("red"))
        return QStringLiteral("255,0,0");
    if (colour == QLatin1String("green"))
        return QStringLiteral("0,255,0");
    if (colour == QLatin1String("blue"))
        return QStringLiteral("0,0,255");
    if (colour == QLatin1String("yellow"))
        return QStringLiteral("255,255,0");
    return QStringLiteral("255,255,255");
}

/// The ffmpeg geq mask (1 inside the shape) centred at (cx + motion, cy), radius r.
inline QString shapeMask(const ShapeSpec &s)
{
    const int r = s.side * 22 / 100;
    const QString cx = s.video ? QStringLiteral("(%1+T*%2)").arg(s.side * 35 / 100).arg(s.side * 30 / 100)
                               : QString::number(s.side / 2);
    const QString cy = QString::number(s.side / 2);
    if (s.shape == QLatin1String("circle"))
        return QStringLiteral("lte(hypot(X-%1,Y-%2),%3)").arg(cx, cy).arg(r);
    if (s.shape == QLatin1String("square"))
        return QStringLiteral("lte(abs(X-%1),%3)*lte(abs(Y-%2),%3)").arg(cx, cy).arg(r);
    return QStringLiteral("gte(Y,%2-%3)*lte(Y,%2+%3)*lte(abs(X-%1),(Y-(%2-%3))/2)").arg(cx, cy).arg(r);
}

/// Writes DIR/<colour>_<shape>[_<suffix>].png|mp4 and returns its path ("" on failure).
inline QString makeShapeMedia(const QString &dir, const ShapeSpec &s, const QString &suffix = {})
{
    const QString name = s.colour + QLatin1Char('_') + s.shape
        + (suffix.isEmpty() ? QString() : QLatin1Char('_') + suffix)
        + (s.video ? QStringLiteral(".mp4") : QStringLiteral(".png"));
    const QString path = QDir(dir).filePath(name);
    const QStringList rgb = shapeColourRgb(s.colour).split(QLatin1Char(','));
    const QString mask = shapeMask(s);
    const QString geq = QStringLiteral("geq=r='%1*%4':g='%2*%4':b='%3*%4'").arg(rgb[0], rgb[1], rgb[2], mask);
    QStringList args {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
        QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
        QStringLiteral("color=black:s=%1x%1:d=1:r=8,format=rgb24").arg(s.side), QStringLiteral("-vf"), geq};
    if (s.video)
        args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p");
    else
        args << QStringLiteral("-frames:v") << QStringLiteral("1");
    args << path;
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"), args);
    if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitStatus() != QProcess::NormalExit
        || ffmpeg.exitCode() != 0)
        return {};
    return path;
}

} // namespace mplug2::test
