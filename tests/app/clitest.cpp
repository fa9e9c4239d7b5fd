// Runs the real `mplug2` executable and checks what a user or script sees.
#include "tests/app/clirunner.h"
#include "tests/support/qtestshared.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class CliTest : public QObject {
    Q_OBJECT

    // Its own config folder (the user's bundles never show); the data beside
    // the program, which infoFindsDataBesideTheProgram checks.
    QTemporaryDir m_sandbox;

    using Run = mplug2::test::CliRun;
    Run run(const QStringList &args) const
    {
        return mplug2::test::runCli(args, m_sandbox.path(), 60000, mplug2::test::DataDir::Bundled);
    }

    static QJsonObject readJson(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }

    static bool writeJson(const QString &path, const QJsonObject &obj)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(obj).toJson()) > 0;
    }

private Q_SLOTS:
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
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + r.out));
        const QJsonObject obj = doc.object();
        QCOMPARE(obj.value(QStringLiteral("version")).toString(), QStringLiteral(MPLUG2_EXPECTED_VERSION));
        QVERIFY(obj.value(QStringLiteral("threads")).toInt() >= 1);
        QVERIFY(!obj.value(QStringLiteral("torch")).toString().isEmpty());
        QVERIFY(obj.value(QStringLiteral("components")).toArray().size() >= 5);
    }

    // Each command's help names the command in its usage line, the way a
    // user types it: "Usage: mplug2 caption [options] MEDIA...".
    void everyCommandsHelpNamesTheCommand()
    {
        const Run listing = run({QStringLiteral("--help")});
        const QString fromListing = listing.out.mid(listing.out.indexOf(QStringLiteral("Commands:")));
        const QString commands = fromListing.left(fromListing.indexOf(QStringLiteral("\n\n")));
        const QRegularExpression entry(QStringLiteral("^  (\\S+) "), QRegularExpression::MultilineOption);
        int checked = 0;
        for (auto it = entry.globalMatch(commands); it.hasNext();) {
            const QString command = it.next().captured(1);
            const Run r = run({command, QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            const QString usage = r.out.section(u'\n', 0, 0);
            QVERIFY2(usage.startsWith(QStringLiteral("Usage: mplug2 %1 [options]").arg(command)),
                qPrintable(usage));
            ++checked;
        }
        QVERIFY(checked >= 8);
    }

    void commandHelpWorks()
    {
        const Run r = run({QStringLiteral("info"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("--json")), qPrintable(r.out));
    }

    // `mplug2 parity` runs the media kinds of the shared fixtures (frame
    // indices, video and image transforms) and exits 0 only when all pass.
    void parityRunsTheMediaCases()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        const QString fixtures = shared + QStringLiteral("/fixtures");
        const Run r
            = run({QStringLiteral("parity"), fixtures, QStringLiteral("--case"), QStringLiteral("media/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        for (const char *kind : {"frame_indices", "video_transform", "image_transform"})
            QVERIFY2(r.out.contains(QStringLiteral("PASS media/") + QLatin1String(kind)), qPrintable(r.out));
        const QRegularExpressionMatch summary
            = QRegularExpression(QStringLiteral("parity: (\\d+)/(\\d+) cases passed")).match(r.out);
        QVERIFY2(summary.hasMatch(), qPrintable(r.out));
        QCOMPARE(summary.captured(1), summary.captured(2));
        QVERIFY(summary.captured(1).toInt() >= 3);

        // The same case against doctored frame indices fails with exit code 1.
        QTemporaryDir doctored;
        QVERIFY(doctored.isValid());
        QJsonObject manifest = readJson(fixtures + QStringLiteral("/cases.json"));
        QJsonArray kept;
        for (const QJsonValue entry : manifest.value(QStringLiteral("cases")).toArray()) {
            if (entry.toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("frame_indices"))
                kept.append(entry);
        }
        QCOMPARE(kept.size(), 1);
        manifest[QStringLiteral("cases")] = kept;
        const QString mediaFile = kept.first().toObject().value(QStringLiteral("file")).toString();
        QJsonObject media = readJson(fixtures + QLatin1Char('/') + mediaFile);
        QJsonArray pairs = media.value(QStringLiteral("frame_indices")).toArray();
        QVERIFY(!pairs.isEmpty());
        QJsonObject first = pairs.first().toObject();
        QJsonArray indices = first.value(QStringLiteral("indices")).toArray();
        QVERIFY(!indices.isEmpty());
        indices[0] = indices.at(0).toInt() + 1;
        first[QStringLiteral("indices")] = indices;
        pairs[0] = first;
        media[QStringLiteral("frame_indices")] = pairs;
        QVERIFY(writeJson(doctored.filePath(QStringLiteral("cases.json")), manifest));
        QVERIFY(QDir(doctored.path()).mkpath(QFileInfo(mediaFile).path()));
        QVERIFY(writeJson(doctored.filePath(mediaFile), media));
        const Run bad = run({QStringLiteral("parity"), doctored.path()});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.out.contains(QStringLiteral("FAIL media/frame_indices")), qPrintable(bad.out + bad.err));

        const Run usage = run({QStringLiteral("parity")});
        QCOMPARE(usage.exitCode, 2);
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
