// `mplug2 bench media`: runs the real CLI on a small generated video and
// checks what it reports (the figures themselves are for people to read).
#include "tests/support/mediafactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class BenchCommandTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(MPLUG2_CLI_PATH), args);
        Run r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (mplug2::test::MediaFactory::ffmpeg().isEmpty())
            QSKIP("the ffmpeg command-line tool is not installed");
    }

    void mediaBenchReportsEveryRun()
    {
        mplug2::test::MediaFactory media(m_dir.path());
        const QString clip = media.make(QStringLiteral("clip.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-t", "4", "-c:v", "libx264", "-g", "25"});
        QVERIFY2(!clip.isEmpty(), qPrintable(media.lastError()));
        const Run r = run({"bench", "media", clip, "--frames", "8", "--repeat", "2", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value("bench").toString(), QStringLiteral("media"));
        QCOMPARE(report.value("frames").toInt(), 8);
        QCOMPARE(report.value("frame_count").toInt(), 100);
        QCOMPARE(report.value("width").toInt(), 96);
        QCOMPARE(report.value("codec").toString(), QStringLiteral("h264"));
        QCOMPARE(report.value("runs").toArray().size(), 2);
        const QJsonObject median = report.value("median").toObject();
        QVERIFY(median.value("total_ms").toDouble() > 0);
        QVERIFY(median.value("sample_ms").toDouble() <= median.value("total_ms").toDouble());

        const Run text = run({"bench", "media", clip, "--repeat", "1"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("media bench: 16 frames in "), text.out.constData());

        // The baseline (every frame decoded in order) is timed beside it.
        const Run both = run(
            {"bench", "media", clip, "--frames", "4", "--repeat", "1", "--compare-full-decode", "--json"});
        QVERIFY2(both.exitCode == 0, both.err.constData());
        const QJsonObject withBaseline = QJsonDocument::fromJson(both.out).object();
        QVERIFY2(withBaseline.value("full_decode").toObject().value("total_ms").toDouble() > 0,
            both.out.constData());
        QVERIFY(withBaseline.value("full_decode_ratio").toDouble() > 0);
        QVERIFY(!report.contains("full_decode"));
    }

    void mediaBenchErrors()
    {
        QCOMPARE(run({"bench"}).exitCode, 2);
        QCOMPARE(run({"bench", "media"}).exitCode, 2);
        QCOMPARE(run({"bench", "media", "x.mp4", "--frames", "0"}).exitCode, 2);
        const Run missing = run({"bench", "media", m_dir.filePath(QStringLiteral("absent.mp4"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("absent.mp4"), missing.err.constData());
    }
};

QTEST_GUILESS_MAIN(BenchCommandTest)
#include "benchcommandtest.moc"
