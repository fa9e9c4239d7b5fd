// Runs the real `mplug2` executable and checks what a user or script sees.
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class CliTest : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(MPLUG2_CLI_PATH), args);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private slots:
    void helpListsCommands()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Usage: ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Commands:")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("  info")), qPrintable(r.out));
    }

    void versionIsTheProjectVersion()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("mplug2 " MPLUG2_EXPECTED_VERSION));
    }

    void noArgumentsIsAUsageError()
    {
        const Run r = run({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty() || !r.out.isEmpty());
    }

    void unknownCommandFailsWithMessage()
    {
        const Run r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown command 'frobnicate'")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void infoJsonDescribesRuntime()
    {
        const Run r = run({QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + r.out));
        const QJsonObject obj = doc.object();
        QCOMPARE(obj.value(QStringLiteral("version")).toString(), QStringLiteral(MPLUG2_EXPECTED_VERSION));
        QVERIFY(obj.value(QStringLiteral("threads")).toInt() >= 1);
        QVERIFY(!obj.value(QStringLiteral("torch")).toString().isEmpty());
        QVERIFY(obj.value(QStringLiteral("components")).toArray().size() >= 5);
    }

    void commandHelpWorks()
    {
        const Run r = run({QStringLiteral("info"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("--json")), qPrintable(r.out));
    }

    // The build tree mirrors the install tree, so the built CLI finds the data
    // beside itself exactly as the installed one does (cmake/InstallLayout.cmake).
    void infoFindsDataBesideTheProgram()
    {
        const Run r = run({QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject obj = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QString dataDir = obj.value(QStringLiteral("data_dir")).toString();
        QCOMPARE(dataDir, QFileInfo(QStringLiteral(MPLUG2_BUILD_DATA_DIR)).canonicalFilePath());
        QVERIFY2(QFileInfo::exists(dataDir + QStringLiteral("/vocab/bert-base-uncased-vocab.txt")),
            qPrintable(dataDir));
        QCOMPARE(obj.value(QStringLiteral("plugin_dir")).toString(),
            QFileInfo(QStringLiteral(MPLUG2_BUILD_PLUGIN_DIR)).canonicalFilePath());
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "clitest.moc"
