// The SRT and WebVTT exporters: files that ffmpeg reads back with the same
// cues (times and text), as players would.
#include "app/export/exporter.h"
#include "tests/app/exportertestdata.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

struct Cue {
    QString start;
    QString end;
    QString text;
};

/// What ffmpeg makes of a subtitle file: it converts it to SRT on stdout.
QList<Cue> readWithFfmpeg(const QString &path, QString *log)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path, QStringLiteral("-f"),
            QStringLiteral("srt"), QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *log = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    *log = QString::fromUtf8(p.readAllStandardError());
    QList<Cue> cues;
    const QStringList blocks = QString::fromUtf8(p.readAllStandardOutput())
                                   .replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
                                   .split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    static const QRegularExpression times(QStringLiteral("^(\\S+) --> (\\S+)$"));
    for (const QString &block : blocks) {
        const QStringList lines = block.split(u'\n');
        if (lines.size() < 3)
            continue;
        const QRegularExpressionMatch m = times.match(lines.at(1));
        if (m.hasMatch())
            cues.append(Cue {m.captured(1), m.captured(2), lines.mid(2).join(u'\n')});
    }
    return cues;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class SubtitleExportersTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &id)
    {
        ExportInput input;
        input.results = {test::denseResult()};
        const QString path = m_dir.filePath(QStringLiteral("out.") + id);
        const Expected<QStringList> files = findExporter(id)->write(input, path);
        return files ? path : QString();
    }

    void checkCues(const QList<Cue> &cues)
    {
        QCOMPARE(cues.size(), 3); // the empty window is left out
        QCOMPARE(cues.at(0).start, QStringLiteral("00:00:00,000"));
        QCOMPARE(cues.at(0).end, QStringLiteral("00:00:10,000"));
        QCOMPARE(cues.at(1).text, QStringLiteral("一只狗 在草地上"));
        QCOMPARE(cues.at(2).start, QStringLiteral("01:00:25,500"));
        QCOMPARE(cues.at(2).end, QStringLiteral("01:00:30,250"));
        QCOMPARE(cues.at(2).text, QStringLiteral("the end"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QFAIL("the ffmpeg command is needed (packaging/install-deps.sh installs it)");
    }

    void srtReadsBackInFfmpeg()
    {
        const QString path = write(QStringLiteral("srt"));
        QVERIFY(!path.isEmpty());
        QVERIFY(readAll(path).startsWith(
            "1\r\n00:00:00,000 --> 00:00:10,000\r\na dog runs --> away & <barks>\r\n"));
        QString log;
        const QList<Cue> cues = readWithFfmpeg(path, &log);
        QVERIFY2(!cues.isEmpty(), qPrintable(log));
        checkCues(cues);
    }

    void webVttReadsBackInFfmpegWithMarkupEscaped()
    {
        const QString path = write(QStringLiteral("vtt"));
        QVERIFY(!path.isEmpty());
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.startsWith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:10.000\n"));
        QVERIFY(bytes.contains("a dog runs --&gt; away &amp; &lt;barks&gt;"));
        QString log;
        const QList<Cue> cues = readWithFfmpeg(path, &log);
        QVERIFY2(!cues.isEmpty(), qPrintable(log));
        checkCues(cues);
        QVERIFY2(cues.at(0).text.contains(QStringLiteral("away &")), qPrintable(cues.at(0).text));
    }

    void subtitlesNeedExactlyOneDenseCaption()
    {
        ExportInput input;
        input.results = {test::captionResult()};
        for (const char *idText : {"srt", "vtt"}) {
            const QString id = QString::fromLatin1(idText);
            const Expected<QStringList> r
                = findExporter(id)->write(input, m_dir.filePath(QStringLiteral("bad.") + id));
            QVERIFY(!r);
            QVERIFY(QString::fromStdString(r.error().message).contains(QStringLiteral("dense caption")));
            QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.") + id)));
        }
        input.results = {test::denseResult()};
        input.results[0].segments[0].endSeconds = -1;
        QVERIFY(
            !findExporter(QStringLiteral("srt"))->write(input, m_dir.filePath(QStringLiteral("bad2.srt"))));
    }
};

QTEST_GUILESS_MAIN(SubtitleExportersTest)
#include "subtitleexporterstest.moc"
