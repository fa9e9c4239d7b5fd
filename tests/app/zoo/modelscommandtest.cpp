// `mplug2 models` as a user runs it, against a loopback server: a download
// that is dropped at 40% finishes by resuming (the server's log shows the
// Range request from the byte where it stopped), the bundle is listed and
// `--model ID` uses it; a catalogue model comes from a mirror folder and
// its size and sha256 are checked from then on; `models remove` deletes only
// what a download wrote.
#include "tests/app/clirunner.h"
#include "tests/app/zoo/testhttpserver.h"
#include "tests/support/qtestshared.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString sha(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QJsonObject installedEntry(const QJsonObject &list, const QString &id)
{
    for (const QJsonValue &v : list.value(QStringLiteral("installed")).toArray())
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

} // namespace

class ModelsCommandTest : public QObject {
    Q_OBJECT

    QString m_shared;
    QByteArray m_checkpoint;
    std::unique_ptr<test::TestHttpServer> m_server;
    QTemporaryDir m_dir;

    test::CliRun run(const QStringList &args) const { return test::runCli(args, m_dir.path()); }
    QString models() const { return m_dir.filePath(QStringLiteral("models")); }
    QString catalogue() const { return QStringLiteral(MPLUG2_SOURCE_DIR "/resources/models/catalogue.json"); }
    QJsonObject list() const
    {
        const test::CliRun r = run({QStringLiteral("models"), QStringLiteral("list"),
            QStringLiteral("--json"), QStringLiteral("--catalogue"), catalogue()});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        m_checkpoint = readAll(m_shared + QStringLiteral("/fixtures/tiny-a/caption.pth"));
        QVERIFY(!m_checkpoint.isEmpty());
        m_server = std::make_unique<test::TestHttpServer>(m_checkpoint);
        // The child processes inherit these: the sandbox's models, a local bundled vocabulary.
        qputenv("MPLUG2_MODELS_DIR", models().toUtf8());
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("data/vocab"))));
        QVERIFY(QFile::copy(m_shared + QStringLiteral("/data/bert-base-uncased-vocab.txt"),
            m_dir.filePath(QStringLiteral("data/vocab/bert-base-uncased-vocab.txt"))));
        qunsetenv("http_proxy");
        qunsetenv("MPLUG2_MODEL_MIRROR");
    }

    void downloadResumesImportsAndRuns()
    {
        const QString url = QString::fromLatin1(m_server->url("drop", "caption.pth"));
        const test::CliRun r
            = run({QStringLiteral("models"), QStringLiteral("download"), QStringLiteral("--url"), url,
                QStringLiteral("--id"), QStringLiteral("test"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();

        const QList<test::HttpLogEntry> log = m_server->log();
        QCOMPARE(log.size(), 2);
        const qint64 stopped = log[0].bodyBytes;
        QVERIFY(stopped > 0 && stopped < m_checkpoint.size());
        QCOMPARE(log[1].range, "bytes=" + QByteArray::number(stopped) + '-');
        QCOMPARE(log[1].bodyStart, stopped);
        QCOMPARE(log[1].bodyBytes, m_checkpoint.size() - stopped);
        QCOMPARE(out.value(QStringLiteral("resumed_from")).toInteger(), stopped);

        const QString file = out.value(QStringLiteral("file")).toString();
        QCOMPARE(sha(readAll(file)), sha(m_checkpoint));
        QCOMPARE(out.value(QStringLiteral("sha256")).toString(), sha(m_checkpoint));
        QVERIFY(r.err.contains(QStringLiteral("resuming")));

        const QJsonObject entry = installedEntry(list(), QStringLiteral("test"));
        QCOMPARE(entry.value(QStringLiteral("downloaded")).toBool(), true);
        QCOMPARE(entry.value(QStringLiteral("checkpoint")).toString(), file);
        // The fp32 need on the CPU: more than the weights alone (about the file's size).
        QVERIFY(entry.value(QStringLiteral("memory_estimate_bytes")).toInteger() > m_checkpoint.size());

        const test::CliRun caption = run({QStringLiteral("caption"), QStringLiteral("--model"),
            QStringLiteral("test"), m_shared + QStringLiteral("/fixtures/media/image.png")});
        QVERIFY2(caption.exitCode == 0, qPrintable(caption.err));
        QVERIFY(caption.out.startsWith(m_shared + QStringLiteral("/fixtures/media/image.png: ")));

        // The same id again is refused before anything is fetched.
        m_server->clearLog();
        const test::CliRun again = run({QStringLiteral("models"), QStringLiteral("download"),
            QStringLiteral("--url"), url, QStringLiteral("--id"), QStringLiteral("test")});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QStringLiteral("already installed")), qPrintable(again.err));
        QVERIFY(m_server->log().isEmpty());
    }

    void aWebPageIsRefusedAndNothingIsInstalled()
    {
        const test::CliRun r = run({QStringLiteral("models"), QStringLiteral("download"),
            QStringLiteral("--url"), QString::fromLatin1(m_server->url("html", "caption.pth")),
            QStringLiteral("--id"), QStringLiteral("page")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("web page")), qPrintable(r.err));
        QVERIFY(installedEntry(list(), QStringLiteral("page")).isEmpty());
        QVERIFY(!QDir(models() + QStringLiteral("/page")).exists());
    }

    void aCatalogueModelFromAMirrorIsCheckedFromThenOn()
    {
        QTemporaryDir mirror;
        QVERIFY(QFile::copy(m_shared + QStringLiteral("/fixtures/tiny-a/qa.pth"),
            mirror.filePath(QStringLiteral("mPLUG2_MSVD_QA.pth"))));
        const QStringList download
            = {QStringLiteral("models"), QStringLiteral("download"), QStringLiteral("mplug2-msvd-qa"),
                QStringLiteral("--catalogue"), catalogue(), QStringLiteral("--mirror"), mirror.path()};
        const test::CliRun r = run(download);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Apache-2.0")), qPrintable(r.err)); // the licence, shown first
        const QJsonObject listed = list();
        QCOMPARE(
            installedEntry(listed, QStringLiteral("mplug2-msvd-qa")).value(QStringLiteral("kind")).toString(),
            QStringLiteral("qa"));
        bool found = false;
        for (const QJsonValue &v : listed.value(QStringLiteral("catalogue")).toArray())
            if (v.toObject().value(QStringLiteral("id")).toString() == QLatin1String("mplug2-msvd-qa")) {
                QCOMPARE(v.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("installed"));
                found = true;
            }
        QVERIFY(found);

        const test::CliRun removed
            = run({QStringLiteral("models"), QStringLiteral("remove"), QStringLiteral("mplug2-msvd-qa")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(!QDir(models() + QStringLiteral("/mplug2-msvd-qa")).exists());

        // Another file under the official name: it does not match what was seen the first time.
        QFile::remove(mirror.filePath(QStringLiteral("mPLUG2_MSVD_QA.pth")));
        QVERIFY(QFile::copy(m_shared + QStringLiteral("/fixtures/tiny-a/caption.pth"),
            mirror.filePath(QStringLiteral("mPLUG2_MSVD_QA.pth"))));
        const test::CliRun other = run(download);
        QCOMPARE(other.exitCode, 1);
        QVERIFY2(other.err.contains(QStringLiteral("refusing")), qPrintable(other.err));
        QVERIFY(installedEntry(list(), QStringLiteral("mplug2-msvd-qa")).isEmpty());
        QVERIFY(!QFileInfo::exists(models() + QStringLiteral("/mplug2-msvd-qa/mPLUG2_MSVD_QA.pth")));
    }

    void removeKeepsTheUsersOwnFiles()
    {
        const QString checkpoint = m_dir.filePath(QStringLiteral("mine.pth"));
        QVERIFY(QFile::copy(m_shared + QStringLiteral("/fixtures/tiny-a/caption.pth"), checkpoint));
        const test::CliRun imported = run({QStringLiteral("import"), checkpoint, QStringLiteral("--out"),
            m_dir.filePath(QStringLiteral("mine")), QStringLiteral("--id"), QStringLiteral("mine"),
            QStringLiteral("--register")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const test::CliRun removed
            = run({QStringLiteral("models"), QStringLiteral("remove"), QStringLiteral("mine")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(!removed.out.contains(QStringLiteral("deleted")));
        QVERIFY(QFileInfo::exists(checkpoint));
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("mine/manifest.json"))));
        QVERIFY(installedEntry(list(), QStringLiteral("mine")).isEmpty());

        const test::CliRun downloaded
            = run({QStringLiteral("models"), QStringLiteral("remove"), QStringLiteral("test")});
        QVERIFY2(downloaded.exitCode == 0, qPrintable(downloaded.err));
        QVERIFY(downloaded.out.contains(QStringLiteral("caption.pth")));
        QVERIFY(!QDir(models() + QStringLiteral("/test")).exists());
        const test::CliRun unknown
            = run({QStringLiteral("models"), QStringLiteral("remove"), QStringLiteral("test")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("no model")), qPrintable(unknown.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("no action") << QStringList {} << QStringLiteral("give an action");
        QTest::newRow("url without id") << QStringList {QStringLiteral("download"), QStringLiteral("--url"),
            QStringLiteral("http://127.0.0.1:1/x.pth")}
                                        << QStringLiteral("--url needs --id");
        QTest::newRow("bad id") << QStringList {QStringLiteral("download"), QStringLiteral("--url"),
            QStringLiteral("http://127.0.0.1:1/x.pth"), QStringLiteral("--id"), QStringLiteral("Bad Id")}
                                << QStringLiteral("not a valid id");
        QTest::newRow("unknown model")
            << QStringList {QStringLiteral("download"), QStringLiteral("nope"), QStringLiteral("--catalogue"),
                   QStringLiteral(MPLUG2_SOURCE_DIR "/resources/models/catalogue.json")}
            << QStringLiteral("mplug2-msvd-qa");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const test::CliRun r = run(QStringList {QStringLiteral("models")} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(ModelsCommandTest)
#include "modelscommandtest.moc"
