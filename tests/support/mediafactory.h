#pragma once
/// Makes test media with the ffmpeg command-line tool into a folder (a
/// QTemporaryDir of the test), so no binary media is committed, and decodes
/// files with it as the reference our readers must match.
///
///     MediaFactory media(m_dir.path());
///     const QString mp4 = media.make("clip.mp4", {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10",
///                                                 "-t", "1", "-c:v", "libx264"});
///     QVERIFY2(!mp4.isEmpty(), qPrintable(media.lastError()));
///     QByteArray rgb = media.decodeRgb(mp4);   // ffmpeg -i mp4 -f rawvideo -pix_fmt rgb24 -

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace mplug2::test {

class MediaFactory {
public:
    explicit MediaFactory(QString dir)
        : m_dir(std::move(dir))
    { }

    static QString ffmpeg() { return QStandardPaths::findExecutable(QStringLiteral("ffmpeg")); }

    /// True when this ffmpeg has the encoder (e.g. "libx265", "libaom-av1").
    static bool hasEncoder(const QString &name)
    {
        QProcess p;
        p.start(ffmpeg(),
            {QStringLiteral("-hide_banner"), QStringLiteral("-h"), QStringLiteral("encoder=") + name});
        if (!p.waitForFinished(30000))
            return false;
        return !QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("is not recognized"));
    }

    /// Runs `ffmpeg -y -v error <args> <dir>/<name>`; the output path, or
    /// empty (see lastError()).
    QString make(const QString &name, const QStringList &args)
    {
        const QString out = QDir(m_dir).filePath(name);
        QStringList all {QStringLiteral("-y"), QStringLiteral("-v"), QStringLiteral("error")};
        all << args << out;
        return run(all, nullptr) ? out : QString();
    }

    /// Every frame as ffmpeg's CLI converts it to rgb24 (with its default
    /// autorotate), `extra` options placed before the output.
    QByteArray decodeRgb(const QString &path, const QStringList &extra = {})
    {
        QStringList all {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path};
        all << extra << QStringLiteral("-f") << QStringLiteral("rawvideo") << QStringLiteral("-pix_fmt")
            << QStringLiteral("rgb24") << QStringLiteral("-");
        QByteArray out;
        return run(all, &out) ? out : QByteArray();
    }

    QString path(const QString &name) const { return QDir(m_dir).filePath(name); }
    const QString &lastError() const { return m_error; }

private:
    bool run(const QStringList &args, QByteArray *stdoutBytes)
    {
        QProcess p;
        p.start(ffmpeg(), args);
        if (!p.waitForFinished(120000)) {
            p.kill();
            m_error = QStringLiteral("ffmpeg timed out: ") + args.join(QLatin1Char(' '));
            return false;
        }
        if (stdoutBytes)
            *stdoutBytes = p.readAllStandardOutput();
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            m_error = QStringLiteral("ffmpeg failed: ") + args.join(QLatin1Char(' ')) + QLatin1Char('\n')
                + QString::fromUtf8(p.readAllStandardError());
            return false;
        }
        return true;
    }

    QString m_dir;
    QString m_error;
};

} // namespace mplug2::test
