// The task commands of the `mplug2` CLI (caption, dense-caption, ask,
// classify, import): options, exit codes, error lines. Runs the executable.
#include "tests/app/clirunner.h"
#include "tests/support/qtestshared.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using mplug2::test::CliRun;

class TaskCommandsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;
    QString m_shared;

    CliRun run(const QStringList &args) { return mplug2::test::runCli(args, m_sandbox.path()); }
    QString fixture(const QString &relative) const { return m_shared + QStringLiteral("/fixtures/") + relative; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        QDir().mkpath(m_sandbox.filePath(QStringLiteral("data")));
    }

    void everyTaskCommandHasHelpWithTheSharedOptions_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *c : {"caption", "dense-caption", "ask", "classify"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }

    void everyTaskCommandHasHelpWithTheSharedOptions()
    {
        QFETCH(QString, command);
        const CliRun r = run({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *option : {"--model", "--checkpoint", "--vocab", "--device", "--precision", "--frames", "--json"})
            QVERIFY2(r.out.contains(QLatin1String(option)), qPrintable(command + u' ' + QLatin1String(option)));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("caption without media") << QStringList{QStringLiteral("caption")} << "no media given";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("caption"), QStringLiteral("--frobnicate"), QStringLiteral("a.mp4")}
                                        << "frobnicate";
        QTest::newRow("bad frames") << QStringList{QStringLiteral("caption"), QStringLiteral("--frames"), QStringLiteral("0"), QStringLiteral("a.mp4")}
                                    << "--frames";
        QTest::newRow("bad device") << QStringList{QStringLiteral("caption"), QStringLiteral("--device"), QStringLiteral("tpu"), QStringLiteral("a.mp4")}
                                    << "unknown device";
        QTest::newRow("ask without question") << QStringList{QStringLiteral("ask"), QStringLiteral("a.mp4")} << "--question";
        QTest::newRow("one label") << QStringList{QStringLiteral("classify"), QStringLiteral("--labels"), QStringLiteral("dog"), QStringLiteral("a.mp4")}
                                   << "two labels";
        QTest::newRow("dense two videos") << QStringList{QStringLiteral("dense-caption"), QStringLiteral("a.mp4"), QStringLiteral("b.mp4")}
                                          << "exactly one video";
        QTest::newRow("dense bad format") << QStringList{QStringLiteral("dense-caption"), QStringLiteral("-o"), QStringLiteral("x.doc"), QStringLiteral("a.mp4")}
                                          << "format";
        QTest::newRow("import without out") << QStringList{QStringLiteral("import"), QStringLiteral("x.pth")} << "--out";
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1); // one line
    }

    void withoutADefaultModelTheErrorSaysSo()
    {
        const CliRun r = run({QStringLiteral("caption"), QStringLiteral("a.mp4")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(QStringLiteral("mplug2 caption: no default model is installed")), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);
    }

    void importWritesALoadableBundle()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString out = m_sandbox.filePath(QStringLiteral("bundles/tiny-a-caption"));
        const CliRun r = run({QStringLiteral("import"), fixture(QStringLiteral("tiny-a/caption.pth")),
                              QStringLiteral("--bert-config"), fixture(QStringLiteral("tiny-a/config_bert.json")),
                              QStringLiteral("--model-config"), fixture(QStringLiteral("tiny-a/config.json")),
                              QStringLiteral("--vocab"), QStringLiteral(MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt"),
                              QStringLiteral("--id"), QStringLiteral("tiny-a-caption"), QStringLiteral("--out"), out,
                              QStringLiteral("--default")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), out + QStringLiteral("/manifest.json"));
        QFile f(out + QStringLiteral("/manifest.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(m.value(QStringLiteral("id")).toString(), QStringLiteral("tiny-a-caption"));
        QCOMPARE(m.value(QStringLiteral("image_res")).toInt(), 56);
        QCOMPARE(m.value(QStringLiteral("num_frames")).toInt(), 4);
        QCOMPARE(QFileInfo(m.value(QStringLiteral("checkpoint")).toString()).canonicalFilePath(),
                 QFileInfo(fixture(QStringLiteral("tiny-a/caption.pth"))).canonicalFilePath());
        const QJsonObject bert = m.value(QStringLiteral("config")).toObject().value(QStringLiteral("bert")).toObject();
        QCOMPARE(bert.value(QStringLiteral("num_attention_heads")).toInt(), 2);
        // The vocabulary was copied into the bundle.
        QVERIFY(QFileInfo(out + QStringLiteral("/bert-base-uncased-vocab.txt")).size() > 200000);
        // Registered as the default: the "no default model" error is gone.
        const CliRun again = run({QStringLiteral("caption"), QStringLiteral("missing.mp4")});
        QVERIFY2(!again.err.contains(QStringLiteral("no default model")), qPrintable(again.err));
        QVERIFY(QFile::remove(m_sandbox.filePath(QStringLiteral("config/mplug2/mplug2.conf"))));
    }

    void importRejectsAMissingCheckpoint()
    {
        const CliRun r = run({QStringLiteral("import"), m_sandbox.filePath(QStringLiteral("nothing.pth")),
                              QStringLiteral("--out"), m_sandbox.filePath(QStringLiteral("b"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("nothing.pth")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_sandbox.filePath(QStringLiteral("b/manifest.json"))));
    }
};

QTEST_GUILESS_MAIN(TaskCommandsTest)
#include "taskcommandstest.moc"
