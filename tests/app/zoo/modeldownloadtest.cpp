// ModelDownload against a loopback server that misbehaves in every way the
// issue lists: drops, no Range, 404, HTML, a lying Content-Length, redirect
// loops, a slow trickle that is cancelled and resumed. Each ends in a clear
// message, keeps what can be resumed, and never leaves a file at the target
// that failed a check.
#include "app/zoo/modeldownload.h"

#include "tests/app/zoo/testhttpserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

QByteArray makeFile(qint64 bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (qint64 i = 0; i < bytes; ++i)
        data[i] = char(rng.generate() & 0xff);
    data.replace(0, 4, "PK\x03\x04"); // a torch zip's magic
    return data;
}

QString sha(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

class ModelDownloadTest : public QObject {
    Q_OBJECT

    QByteArray m_file = makeFile(3 * 1024 * 1024 + 123);
    std::unique_ptr<test::TestHttpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;

    DownloadJob job(const QByteArray &mode, const QString &name = QStringLiteral("model.pth")) const
    {
        DownloadJob j;
        j.url = QUrl(QString::fromLatin1(m_server->url(mode, name.toLatin1())));
        j.target = m_dir->filePath(QStringLiteral("m/") + name);
        j.retryDelayMs = 10;
        return j;
    }

    static bool run(ModelDownload &d, int timeoutMs = 30000)
    {
        QSignalSpy done(&d, &ModelDownload::finished);
        d.start();
        return done.wait(timeoutMs);
    }

    static QString message(const ModelDownload &d)
    {
        return d.result() ? QString() : QString::fromStdString(d.result().error().message);
    }

private Q_SLOTS:
    void initTestCase() { m_server = std::make_unique<test::TestHttpServer>(m_file); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server->clearLog();
        qunsetenv("MPLUG2_FAKE_FREE_DISK");
    }

    void downloadsTheFile()
    {
        ModelDownload d(job("ok"));
        QList<DownloadProgress> seen;
        connect(&d, &ModelDownload::progress, this, [&](const DownloadProgress &p) { seen.append(p); });
        QVERIFY(run(d));
        QVERIFY2(d.result(), qPrintable(message(d)));
        QCOMPARE(d.result()->size, m_file.size());
        QCOMPARE(d.result()->sha256, sha(m_file));
        QCOMPARE(d.result()->resumedFrom, -1);
        QFile f(d.job().target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), m_file);
        QVERIFY(!QFileInfo::exists(ModelDownload::partialPath(d.job().target)));
        QVERIFY(!QFileInfo::exists(ModelDownload::partialStatePath(d.job().target)));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last().received, m_file.size());
        QCOMPARE(seen.last().total, m_file.size());
    }

    void resumesAfterADroppedConnection()
    {
        ModelDownload d(job("drop"));
        QVERIFY(run(d));
        QVERIFY2(d.result(), qPrintable(message(d)));
        QCOMPARE(d.result()->sha256, sha(m_file));
        const QList<test::HttpLogEntry> log = m_server->log();
        QCOMPARE(log.size(), 2);
        const qint64 stopped = log[0].bodyBytes;
        QVERIFY(stopped > 0 && stopped < m_file.size());
        QCOMPARE(log[1].range, "bytes=" + QByteArray::number(stopped) + '-');
        QCOMPARE(log[1].ifRange, QByteArray("\"v1-") + QByteArray::number(m_file.size()) + '"');
        QCOMPARE(log[1].status, 206);
        QCOMPARE(log[1].bodyBytes, m_file.size() - stopped);
        QCOMPARE(d.result()->resumedFrom, stopped);
        QVERIFY(d.result()->notices.join(u'\n').contains(QStringLiteral("resuming")));
    }

    void keepsThePartialFileForTheNextStart()
    {
        DownloadJob j = job("drop");
        j.retries = 0;
        {
            ModelDownload first(j);
            QVERIFY(run(first));
            QVERIFY(!first.result());
            QCOMPARE(first.result().error().code, ErrorCode::Io);
            QVERIFY2(message(first).contains(QStringLiteral("starting again resumes")),
                qPrintable(message(first)));
        }
        const qint64 kept = ModelDownload::partialBytes(j.target);
        QCOMPARE(kept, m_file.size() * 4 / 10);
        QVERIFY(!QFileInfo::exists(j.target));
        ModelDownload second(j); // as after a restart of the program
        QVERIFY(run(second));
        QVERIFY2(second.result(), qPrintable(message(second)));
        QCOMPARE(second.result()->resumedFrom, kept);
        QCOMPARE(second.result()->sha256, sha(m_file));
        QCOMPARE(m_server->log().last().range, "bytes=" + QByteArray::number(kept) + '-');
    }

    void startsOverWhenTheServerIgnoresRange()
    {
        DownloadJob j = job("norange");
        // A partial file of this URL, as a cancelled download leaves it.
        QVERIFY(QDir().mkpath(QFileInfo(j.target).absolutePath()));
        QFile part(ModelDownload::partialPath(j.target));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(m_file.left(1000));
        part.close();
        QFile state(ModelDownload::partialStatePath(j.target));
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.write("{\"url\": \"" + j.url.toString().toUtf8() + "\", \"etag\": \"\", \"total\": -1}");
        state.close();
        ModelDownload d(j);
        QVERIFY(run(d));
        QVERIFY2(d.result(), qPrintable(message(d)));
        QCOMPARE(d.result()->sha256, sha(m_file));
        QCOMPARE(m_server->log().first().range, QByteArray("bytes=1000-"));
        QVERIFY2(d.result()->notices.join(u'\n').contains(QStringLiteral("does not resume")),
            qPrintable(d.result()->notices.join(u'\n')));
    }

    void refusesWhatIsNotTheFile_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("404") << QByteArray("missing") << int(ErrorCode::NotFound) << QStringLiteral("404");
        QTest::newRow("html type") << QByteArray("html") << int(ErrorCode::Format)
                                   << QStringLiteral("web page");
        QTest::newRow("html body") << QByteArray("htmlplain") << int(ErrorCode::Format)
                                   << QStringLiteral("not a checkpoint");
        QTest::newRow("redirect loop")
            << QByteArray("loop") << int(ErrorCode::Io) << QStringLiteral("redirect");
    }
    void refusesWhatIsNotTheFile()
    {
        QFETCH(QByteArray, mode);
        QFETCH(int, code);
        QFETCH(QString, says);
        ModelDownload d(job(mode));
        QVERIFY(run(d));
        QVERIFY(!d.result());
        QCOMPARE(int(d.result().error().code), code);
        QVERIFY2(message(d).contains(says, Qt::CaseInsensitive), qPrintable(message(d)));
        QVERIFY(!QFileInfo::exists(d.job().target));
        QCOMPARE(ModelDownload::partialBytes(d.job().target), 0);
    }

    void aFileFinishedBeforeIsCheckedNotFetched()
    {
        DownloadJob j = job("ok");
        QVERIFY(QDir().mkpath(QFileInfo(j.target).absolutePath()));
        QFile done(j.target);
        QVERIFY(done.open(QIODevice::WriteOnly));
        done.write(m_file);
        done.close();
        ModelDownload d(j);
        QVERIFY(run(d));
        QVERIFY2(d.result(), qPrintable(message(d)));
        QCOMPARE(d.result()->sha256, sha(m_file));
        QVERIFY(m_server->log().isEmpty());
        QVERIFY(d.result()->notices.join(u'\n').contains(QStringLiteral("already downloaded")));

        // One that fails the check is deleted, not kept where something could load it.
        j.expectedSha256 = QString(64, u'1');
        ModelDownload wrong(j);
        QVERIFY(run(wrong));
        QVERIFY(!wrong.result());
        QVERIFY(!QFileInfo::exists(j.target));
    }

    void followsARedirect()
    {
        ModelDownload d(job("redirect"));
        QVERIFY(run(d));
        QVERIFY2(d.result(), qPrintable(message(d)));
        QCOMPARE(d.result()->sha256, sha(m_file));
    }

    void aLyingContentLengthEndsClearlyAndKeepsThePart()
    {
        ModelDownload d(job("lie"));
        QVERIFY(run(d));
        QVERIFY(!d.result());
        QVERIFY2(message(d).contains(QStringLiteral("size is wrong")), qPrintable(message(d)));
        QVERIFY(!QFileInfo::exists(d.job().target));
        QCOMPARE(ModelDownload::partialBytes(d.job().target), m_file.size());
    }

    void checksSizeAndChecksum()
    {
        DownloadJob j = job("ok");
        j.expectedSha256 = QString(64, u'0');
        ModelDownload d(j);
        QVERIFY(run(d));
        QVERIFY(!d.result());
        QVERIFY2(message(d).contains(QStringLiteral("sha256")), qPrintable(message(d)));
        QVERIFY(!QFileInfo::exists(j.target));
        QCOMPARE(ModelDownload::partialBytes(j.target), 0);

        j.expectedSha256.clear();
        j.expectedSize = m_file.size() - 1;
        ModelDownload wrongSize(j);
        QVERIFY(run(wrongSize));
        QVERIFY(!wrongSize.result());
        QVERIFY2(
            message(wrongSize).contains(QString::number(m_file.size() - 1)), qPrintable(message(wrongSize)));
        QVERIFY(!QFileInfo::exists(j.target));

        j.expectedSize = m_file.size();
        j.expectedSha256 = sha(m_file);
        ModelDownload right(j);
        QVERIFY(run(right));
        QVERIFY2(right.result(), qPrintable(message(right)));
    }

    void checksFreeSpace()
    {
        qputenv("MPLUG2_FAKE_FREE_DISK", "100000");
        DownloadJob j = job("ok");
        ModelDownload d(j);
        QVERIFY(run(d));
        QVERIFY(!d.result());
        QVERIFY2(message(d).contains(QStringLiteral("not enough free space")), qPrintable(message(d)));
        QVERIFY(!QFileInfo::exists(j.target));

        // Room for the file but not for the fp16 copy beside it.
        qputenv("MPLUG2_FAKE_FREE_DISK", QByteArray::number(m_file.size() + m_file.size() / 4));
        ModelDownload alone(j);
        QVERIFY(run(alone));
        QVERIFY2(alone.result(), qPrintable(message(alone)));
        QFile::remove(j.target);
        j.extraFraction = 0.5;
        ModelDownload withCopy(j);
        QVERIFY(run(withCopy));
        QVERIFY(!withCopy.result());
        QVERIFY2(message(withCopy).contains(QStringLiteral("not enough free space")),
            qPrintable(message(withCopy)));
    }

    void cancelsQuicklyAndResumes()
    {
        DownloadJob j = job("trickle");
        ModelDownload d(j);
        QSignalSpy done(&d, &ModelDownload::finished);
        QSignalSpy progress(&d, &ModelDownload::progress);
        d.start();
        const auto rated = [&] {
            return !progress.isEmpty()
                && progress.last().first().value<DownloadProgress>().bytesPerSecond > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rated(), 20000);
        QElapsedTimer clock;
        clock.start();
        d.cancel();
        QVERIFY(done.wait(2000));
        QVERIFY2(clock.elapsed() <= 200, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!d.result());
        QCOMPARE(d.result().error().code, ErrorCode::Cancelled);
        const qint64 kept = ModelDownload::partialBytes(j.target);
        QVERIFY(kept > 0 && kept < m_file.size());
        QVERIFY(!QFileInfo::exists(j.target));
        // Progress told bytes, total, rate and time left along the way.
        const DownloadProgress last = progress.last().first().value<DownloadProgress>();
        QCOMPARE(last.total, m_file.size());
        QVERIFY(last.bytesPerSecond > 0);
        QVERIFY(last.secondsLeft > 0);

        ModelDownload resumed(j);
        QVERIFY(run(resumed));
        QVERIFY2(resumed.result(), qPrintable(message(resumed)));
        QCOMPARE(resumed.result()->resumedFrom, kept);
        QCOMPARE(resumed.result()->sha256, sha(m_file));
    }

    void discardsAPartialFileFromAnotherUrl()
    {
        DownloadJob j = job("ok");
        QVERIFY(QDir().mkpath(QFileInfo(j.target).absolutePath()));
        QFile part(ModelDownload::partialPath(j.target));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(QByteArray(5000, 'x'));
        part.close();
        QFile state(ModelDownload::partialStatePath(j.target));
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.write(
            "{\"url\": \"http://elsewhere.invalid/model.pth\", \"etag\": \"\\\"a\\\"\", \"total\": 9000}");
        state.close();
        ModelDownload d(j);
        QVERIFY(run(d));
        QVERIFY2(d.result(), qPrintable(message(d)));
        QCOMPARE(d.result()->sha256, sha(m_file));
        QCOMPARE(m_server->log().first().range, QByteArray());
        QVERIFY(d.result()->notices.join(u'\n').contains(QStringLiteral("another source")));
    }

    void theFirstBytesTellACheckpoint()
    {
        QVERIFY(ModelDownload::looksLikeCheckpoint(QByteArray("PK\x03\x04", 4) + QByteArray(12, 'x')));
        QVERIFY(ModelDownload::looksLikeCheckpoint(QByteArray("\x80\x02\x8a\x0a", 4) + QByteArray(12, 'x')));
        QByteArray safetensors(8, '\0');
        safetensors[0] = char(120);
        QVERIFY(ModelDownload::looksLikeCheckpoint(safetensors + "{\"a\":1}"));
        QVERIFY(!ModelDownload::looksLikeCheckpoint("<!DOCTYPE html><html>"));
        QVERIFY(!ModelDownload::looksLikeCheckpoint("{\"error\": \"denied\"}"));
        QVERIFY(!ModelDownload::looksLikeCheckpoint(QByteArray(16, '\0')));
    }
};

QTEST_GUILESS_MAIN(ModelDownloadTest)
#include "modeldownloadtest.moc"
