// The task commands of the `mplug2` CLI (caption, dense-caption, ask,
// classify, import): options, exit codes, error lines. Runs the executable.
#include "app/engine/enginerequest.h"
#include "tests/app/clirunner.h"
#include "tests/app/fixturebundles.h"
#include "tests/support/qtestshared.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using mplug2::test::CliRun;

class TaskCommandsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;
    QString m_shared;

    QJsonObject m_cases;
    QString m_captionBundle;
    QString m_qaBundle;

    CliRun run(const QStringList &args) { return mplug2::test::runCli(args, m_sandbox.path()); }

    /// A bundle folder for a fixture checkpoint, written as a manifest.
    QString writeBundle(const QString &config, const QString &task)
    {
        const mplug2::app::ModelBundle b = mplug2::test::fixtureBundle(m_shared, m_cases, config, task);
        const QString dir = m_sandbox.filePath(QStringLiteral("bundles/") + b.id);
        QDir().mkpath(dir);
        return b.save(dir + QStringLiteral("/manifest.json")) ? dir : QString();
    }

    static QList<QJsonObject> jsonLines(const QString &out)
    {
        QList<QJsonObject> objects;
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            objects.append(QJsonDocument::fromJson(line.toUtf8()).object());
        return objects;
    }

    QString video(const QString &name, int seconds)
    {
        const QString path = m_sandbox.filePath(name);
        QProcess p;
        p.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-y"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc2=size=96x72:rate=10"),
                QStringLiteral("-t"), QString::number(seconds), QStringLiteral("-pix_fmt"),
                QStringLiteral("yuv420p"), path});
        return p.waitForFinished(60000) && p.exitCode() == 0 ? path : QString();
    }
    QString fixture(const QString &relative) const
    {
        return m_shared + QStringLiteral("/fixtures/") + relative;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        QDir().mkpath(m_sandbox.filePath(QStringLiteral("data")));
        // Bundles for the fixture checkpoints, when the shared folder is there
        // (tests that need them skip or fail through MPLUG2_REQUIRE_SHARED).
        m_shared = QString::fromStdString(mplug2::test::sharedDir());
        if (!m_shared.isEmpty()) {
            m_cases = mplug2::test::readCases(m_shared);
            m_captionBundle = writeBundle(QStringLiteral("tiny-a"), QStringLiteral("caption"));
            m_qaBundle = writeBundle(QStringLiteral("tiny-a"), QStringLiteral("qa"));
        }
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
        QVERIFY2(
            r.out.startsWith(QStringLiteral("Usage: mplug2 %1 [options] ").arg(command)), qPrintable(r.out));
        for (const char *option :
            {"--model", "--checkpoint", "--vocab", "--device", "--precision", "--frames", "--json"})
            QVERIFY2(
                r.out.contains(QLatin1String(option)), qPrintable(command + u' ' + QLatin1String(option)));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("caption without media") << QStringList {QStringLiteral("caption")} << "no media given";
        QTest::newRow("unknown option") << QStringList {QStringLiteral("caption"),
            QStringLiteral("--frobnicate"), QStringLiteral("a.mp4")}
                                        << "frobnicate";
        QTest::newRow("bad frames") << QStringList {QStringLiteral("caption"), QStringLiteral("--frames"),
            QStringLiteral("0"), QStringLiteral("a.mp4")}
                                    << "--frames";
        QTest::newRow("bad device") << QStringList {QStringLiteral("caption"), QStringLiteral("--device"),
            QStringLiteral("tpu"), QStringLiteral("a.mp4")}
                                    << "unknown device";
        QTest::newRow("ask without question")
            << QStringList {QStringLiteral("ask"), QStringLiteral("a.mp4")} << "--question";
        QTest::newRow("one label") << QStringList {QStringLiteral("classify"), QStringLiteral("--labels"),
            QStringLiteral("dog"), QStringLiteral("a.mp4")}
                                   << "two labels";
        QTest::newRow("dense two videos")
            << QStringList {QStringLiteral("dense-caption"), QStringLiteral("a.mp4"), QStringLiteral("b.mp4")}
            << "exactly one video";
        QTest::newRow("dense bad format") << QStringList {QStringLiteral("dense-caption"),
            QStringLiteral("-o"), QStringLiteral("x.doc"), QStringLiteral("a.mp4")}
                                          << "format";
        QTest::newRow("import without out")
            << QStringList {QStringLiteral("import"), QStringLiteral("x.pth")} << "--out";
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
        QVERIFY2(r.err.startsWith(QStringLiteral("mplug2 caption: no default model is installed")),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("/data/models/demo/manifest.json")), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);
    }

    // Without --model the CLI runs the bundled default model, found in the
    // data folder's models/demo (here the sandbox's, holding a fixture bundle).
    void withoutModelTheBundledDefaultRuns()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString demo = m_sandbox.filePath(QStringLiteral("data/models/demo"));
        QVERIFY(QDir().mkpath(demo));
        mplug2::app::ModelBundle b = mplug2::test::fixtureBundle(
            m_shared, m_cases, QStringLiteral("tiny-a"), QStringLiteral("caption"));
        b.id = QStringLiteral("demo");
        QVERIFY(b.save(demo + QStringLiteral("/manifest.json")));
        const QString media = fixture(QStringLiteral("media/image.png"));
        const CliRun r = run({QStringLiteral("caption"), QStringLiteral("--json"), media});
        QVERIFY(QDir(m_sandbox.filePath(QStringLiteral("data/models"))).removeRecursively());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = jsonLines(r.out).value(0);
        QCOMPARE(o.value(QStringLiteral("media")).toString(), media);
        QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("demo"));
    }

    void importWritesALoadableBundle()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString out = m_sandbox.filePath(QStringLiteral("imported/tiny-a-caption"));
        const CliRun r = run({QStringLiteral("import"), fixture(QStringLiteral("tiny-a/caption.pth")),
            QStringLiteral("--bert-config"), fixture(QStringLiteral("tiny-a/config_bert.json")),
            QStringLiteral("--model-config"), fixture(QStringLiteral("tiny-a/config.json")),
            QStringLiteral("--vocab"),
            QStringLiteral(MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt"),
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
        const QJsonObject bert
            = m.value(QStringLiteral("config")).toObject().value(QStringLiteral("bert")).toObject();
        QCOMPARE(bert.value(QStringLiteral("num_attention_heads")).toInt(), 2);
        // The vocabulary was copied into the bundle.
        QVERIFY(QFileInfo(out + QStringLiteral("/bert-base-uncased-vocab.txt")).size() > 200000);
        // Registered as the default: the "no default model" error is gone.
        const CliRun again = run({QStringLiteral("caption"), QStringLiteral("missing.mp4")});
        QVERIFY2(!again.err.contains(QStringLiteral("no default model")), qPrintable(again.err));
        // The app reads the same registry: one default for both.
        const QString shared = m_sandbox.filePath(QStringLiteral("config/mplug2/models.conf"));
        QSettings registry(shared, QSettings::IniFormat);
        QCOMPARE(
            registry.value(QStringLiteral("bundles/default")).toString(), QStringLiteral("tiny-a-caption"));
        QVERIFY(QFile::remove(shared));
    }

    void importNeverOverwritesWithoutReplace()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const auto import = [&](const QString &fixtureSet, const QString &out, QStringList extra) {
            QStringList args {QStringLiteral("import"), fixture(fixtureSet + QStringLiteral("/caption.pth")),
                QStringLiteral("--bert-config"), fixture(fixtureSet + QStringLiteral("/config_bert.json")),
                QStringLiteral("--model-config"), fixture(fixtureSet + QStringLiteral("/config.json")),
                QStringLiteral("--vocab"),
                QStringLiteral(MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt"),
                QStringLiteral("--name"), fixtureSet, QStringLiteral("--out"), m_sandbox.filePath(out),
                QStringLiteral("--register")};
            return run(args + extra);
        };
        const QString shared = m_sandbox.filePath(QStringLiteral("config/mplug2/models.conf"));
        QFile::remove(shared);
        const CliRun first = import(QStringLiteral("tiny-a"), QStringLiteral("keep/a"), {});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString manifestA = m_sandbox.filePath(QStringLiteral("keep/a/manifest.json"));
        QFile a(manifestA);
        QVERIFY(a.open(QIODevice::ReadOnly));
        const QByteArray before = a.readAll();
        a.close();

        // Same folder: refused, the first bundle untouched.
        const CliRun sameFolder = import(QStringLiteral("tiny-b"), QStringLiteral("keep/a"), {});
        QCOMPARE(sameFolder.exitCode, 2);
        QVERIFY2(sameFolder.err.contains(QStringLiteral("--replace")), qPrintable(sameFolder.err));
        QVERIFY(a.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), before);
        a.close();
        // Same id ("caption", from the file name) in another folder: refused too, nothing written.
        const CliRun sameId = import(QStringLiteral("tiny-b"), QStringLiteral("keep/b"), {});
        QCOMPARE(sameId.exitCode, 2);
        QVERIFY2(sameId.err.contains(QStringLiteral("already installed"))
                && sameId.err.contains(QStringLiteral("--id")),
            qPrintable(sameId.err));
        QVERIFY(!QFileInfo::exists(m_sandbox.filePath(QStringLiteral("keep/b/manifest.json"))));
        // Keeping both with another id works; --replace replaces.
        const CliRun both = import(QStringLiteral("tiny-b"), QStringLiteral("keep/b"),
            {QStringLiteral("--id"), QStringLiteral("caption-b")});
        QVERIFY2(both.exitCode == 0, qPrintable(both.err));
        const CliRun replaced
            = import(QStringLiteral("tiny-b"), QStringLiteral("keep/a"), {QStringLiteral("--replace")});
        QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.err));
        QVERIFY(a.open(QIODevice::ReadOnly));
        QVERIFY(a.readAll() != before);
        QSettings registry(shared, QSettings::IniFormat);
        QCOMPARE(registry.value(QStringLiteral("bundles/manifests")).toStringList().size(), 2);
        QVERIFY(QFile::remove(shared));
    }

    void captionJsonCarriesTheOfficialCaption()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        QVERIFY(!m_captionBundle.isEmpty() && !m_qaBundle.isEmpty());
        const QString media = fixture(QStringLiteral("media/testsrc.mp4"));
        const CliRun r = run({QStringLiteral("caption"), QStringLiteral("--model"), m_captionBundle,
            QStringLiteral("--json"), QStringLiteral("--device"), QStringLiteral("cpu"), media,
            fixture(QStringLiteral("media/image.png"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // no progress when stderr is not a terminal
        const QList<QJsonObject> objects = jsonLines(r.out);
        QCOMPARE(objects.size(), 2);
        const QJsonObject o = objects.at(0);
        QCOMPARE(o.value(QStringLiteral("media")).toString(), media);
        QCOMPARE(o.value(QStringLiteral("task")).toString(), QStringLiteral("caption"));
        QCOMPARE(o.value(QStringLiteral("device")).toString(), QStringLiteral("cpu"));
        QVERIFY(
            o.value(QStringLiteral("timings_ms")).toObject().value(QStringLiteral("total")).toDouble() > 0);
        const QJsonObject best = o.value(QStringLiteral("results")).toArray().at(0).toObject();
        QVERIFY(best.contains(QStringLiteral("text")) && best.value(QStringLiteral("score")).isDouble());
        // The official beam-5 caption of this video (cases.json, tiny-a/caption/video).
        for (const QJsonObject &c : mplug2::test::casesOfKind(m_cases, QStringLiteral("caption"))) {
            if (c.value(QStringLiteral("id")).toString() != QLatin1String("tiny-a/caption/video"))
                continue;
            const QJsonValue top = c.value(QStringLiteral("generation"))
                                       .toObject()
                                       .value(QStringLiteral("beam5_top1"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("ids"))
                                       .toArray()
                                       .at(0);
            QCOMPARE(mplug2::test::idsOf(best.value(QStringLiteral("token_ids"))), mplug2::test::idsOf(top));
        }
    }

    void askAndClassifyPrintOneObjectPerMedium()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString media = fixture(QStringLiteral("media/testsrc.mp4"));
        const QString answers = m_sandbox.filePath(QStringLiteral("answers.txt"));
        QFile f(answers);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("yes\nno\n\nfootball\n");
        f.close();
        const CliRun ask = run({QStringLiteral("ask"), QStringLiteral("--model"), m_qaBundle,
            QStringLiteral("--question"), QStringLiteral("is it raining?"), QStringLiteral("--answers"),
            answers, QStringLiteral("--json"), media});
        QVERIFY2(ask.exitCode == 0, qPrintable(ask.err));
        const QJsonObject a = jsonLines(ask.out).value(0);
        QCOMPARE(a.value(QStringLiteral("task")).toString(), QStringLiteral("answer"));
        QCOMPARE(a.value(QStringLiteral("question")).toString(), QStringLiteral("is it raining?"));
        const QJsonArray ranked = a.value(QStringLiteral("results")).toArray();
        QCOMPARE(ranked.size(), 3);
        double total = 0;
        for (const QJsonValue &v : ranked)
            total += v.toObject().value(QStringLiteral("score")).toDouble();
        QVERIFY(qAbs(total - 1.0) < 1e-4);

        const CliRun cls = run({QStringLiteral("classify"), QStringLiteral("--model"), m_captionBundle,
            QStringLiteral("--labels"), QStringLiteral("dancing,cooking,a car"), QStringLiteral("--json"),
            media});
        QVERIFY2(cls.exitCode == 0, qPrintable(cls.err));
        const QJsonArray labels = jsonLines(cls.out).value(0).value(QStringLiteral("results")).toArray();
        QCOMPARE(labels.size(), 3);
        QVERIFY(labels.at(0).toObject().value(QStringLiteral("score")).toDouble()
            >= labels.at(2).toObject().value(QStringLiteral("score")).toDouble());
    }

    // Issue 23, item 4: the template and the scoring decide the ranking, so
    // every classify result says which ones made it, in JSON and in text.
    void classifySaysWhichTemplateAndScoring()
    {
        const QDir source(QStringLiteral(MPLUG2_SOURCE_DIR));
        const QString demo = source.filePath(QStringLiteral("resources/models/demo"));
        const QString clip = source.filePath(QStringLiteral("resources/samples/yellow-square.mp4"));
        const QStringList common {QStringLiteral("classify"), QStringLiteral("--model"), demo,
            QStringLiteral("--labels"), QStringLiteral("yellow square,red circle,blue triangle")};

        const CliRun byDefault = run(common + QStringList {QStringLiteral("--json"), clip});
        QVERIFY2(byDefault.exitCode == 0, qPrintable(byDefault.err));
        const QJsonObject d = jsonLines(byDefault.out).value(0);
        const mplug2::app::EngineRequest defaults;
        QCOMPARE(d.value(QStringLiteral("template")).toString(), defaults.labelTemplate);
        QCOMPARE(d.value(QStringLiteral("method")).toString(),
            mplug2::app::classifyMethodName(defaults.classifyMethod));

        const CliRun chosen = run(common
            + QStringList {QStringLiteral("--template"), QStringLiteral("this is a {}"),
                QStringLiteral("--method"), QStringLiteral("clip"), QStringLiteral("--json"), clip});
        QVERIFY2(chosen.exitCode == 0, qPrintable(chosen.err));
        const QJsonObject c = jsonLines(chosen.out).value(0);
        QCOMPARE(c.value(QStringLiteral("template")).toString(), QStringLiteral("this is a {}"));
        QCOMPARE(c.value(QStringLiteral("method")).toString(), QStringLiteral("clip"));

        const CliRun text
            = run(common + QStringList {QStringLiteral("--template"), QStringLiteral("this is a {}"), clip});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        const QString header = text.out.section(u'\n', 0, 0);
        QVERIFY2(header.contains(QStringLiteral("yellow-square.mp4"))
                && header.contains(QStringLiteral("this is a {}"))
                && header.contains(mplug2::app::classifyMethodName(defaults.classifyMethod)),
            qPrintable(text.out));
    }

    void denseCaptionWritesSubtitlesFfmpegReads()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString clip = video(QStringLiteral("four.mp4"), 4);
        QVERIFY(!clip.isEmpty());
        const QString srt = m_sandbox.filePath(QStringLiteral("four.srt"));
        const CliRun r = run({QStringLiteral("dense-caption"), QStringLiteral("--model"), m_captionBundle,
            QStringLiteral("--window"), QStringLiteral("2"), QStringLiteral("-o"), srt, clip});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QProcess p;
        p.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), srt, QStringLiteral("-f"),
                QStringLiteral("srt"), QStringLiteral("-")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString back = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(back.contains(QStringLiteral("00:00:00,000 --> 00:00:02,000")), qPrintable(back));
        QVERIFY2(back.contains(QStringLiteral("00:00:02,000 --> 00:00:04,000")), qPrintable(back));
    }

    void attentionWritesAContactSheet()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString sheet = m_sandbox.filePath(QStringLiteral("sheet.png"));
        // As on a server: no display, no platform chosen. The command still draws its labels.
        const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
        const QByteArray display = qgetenv("DISPLAY");
        qunsetenv("QT_QPA_PLATFORM");
        qunsetenv("DISPLAY");
        const CliRun r = run({QStringLiteral("attention"), QStringLiteral("--model"), m_captionBundle,
            QStringLiteral("-o"), sheet, QStringLiteral("--method"), QStringLiteral("gradcam"),
            fixture(QStringLiteral("media/testsrc.mp4"))});
        for (const auto &[name, value] :
            {std::pair {"QT_QPA_PLATFORM", platform}, std::pair {"DISPLAY", display}})
            if (!value.isNull())
                qputenv(name, value);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(sheet));
        QImage image(sheet);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 160 * 4);
        // The left 40 px are the token labels' column: the sheet's dark background with light text
        // on it (the frames start after at least 48 px of labels).
        int background = 0;
        int ink = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < 40; ++x) {
                const QColor c = image.pixelColor(x, y);
                background += c == QColor(24, 24, 24);
                ink += std::min({c.red(), c.green(), c.blue()}) > 150;
            }
        QVERIFY2(background > 40 * image.height() * 8 / 10,
            qPrintable(QStringLiteral("%1 of %2 pixels of the label column are background")
                           .arg(background)
                           .arg(40 * image.height())));
        QVERIFY2(ink > 30, qPrintable(QStringLiteral("%1 pixels of label text").arg(ink)));
        const CliRun bad = run({QStringLiteral("attention"), QStringLiteral("--model"), m_captionBundle,
            QStringLiteral("-o"), sheet, QStringLiteral("--token"), QStringLiteral("zebra"),
            fixture(QStringLiteral("media/testsrc.mp4"))});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("no token \"zebra\"")), qPrintable(bad.err));
    }

    void checkpointWithConfigsRunsWithoutABundle()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString config = fixture(QStringLiteral("tiny-a/"));
        const CliRun r = run({QStringLiteral("caption"), QStringLiteral("--checkpoint"),
            config + QStringLiteral("caption.pth"), QStringLiteral("--vocab"),
            m_shared + QStringLiteral("/data/bert-base-uncased-vocab.txt"), QStringLiteral("--bert-config"),
            config + QStringLiteral("config_bert.json"), QStringLiteral("--model-config"),
            config + QStringLiteral("config.json"), fixture(QStringLiteral("media/testsrc.mp4"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(fixture(QStringLiteral("media/testsrc.mp4")) + QStringLiteral(": ")));
    }

    void theCommandDecidesTheKindOfABareCheckpoint()
    {
        // The official caption and QA checkpoints hold the same keys: `ask` means QA, `caption` means
        // caption, unless --kind says otherwise; a file named as a pretraining checkpoint cannot answer.
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString tiny = fixture(QStringLiteral("tiny-a/"));
        const auto linked = [&](const QString &target, const QString &name) {
            const QString path = m_sandbox.filePath(name);
            QFile::remove(path);
            return QFile::link(target, path) ? path : QString();
        };
        const QString neutral = linked(tiny + QStringLiteral("qa.pth"), QStringLiteral("weights.pth"));
        const QString pretrain
            = linked(tiny + QStringLiteral("qa.pth"), QStringLiteral("mPLUG2_Pretrain.pth"));
        const QString misnamed
            = linked(tiny + QStringLiteral("caption.pth"), QStringLiteral("mPLUG2_MSRVTT_QA.pth"));
        QVERIFY(!neutral.isEmpty() && !pretrain.isEmpty() && !misnamed.isEmpty());
        const QString media = fixture(QStringLiteral("media/testsrc.mp4"));
        const QStringList configs
            = {QStringLiteral("--vocab"), m_shared + QStringLiteral("/data/bert-base-uncased-vocab.txt"),
                QStringLiteral("--bert-config"), tiny + QStringLiteral("config_bert.json"),
                QStringLiteral("--model-config"), tiny + QStringLiteral("config.json")};
        const QStringList question = {QStringLiteral("--question"), QStringLiteral("is it raining?")};

        const CliRun ask = run(QStringList {QStringLiteral("ask"), QStringLiteral("--checkpoint"), neutral}
            + configs + question + QStringList {QStringLiteral("--json"), media});
        QVERIFY2(ask.exitCode == 0, qPrintable(ask.err));
        const QJsonObject answer = jsonLines(ask.out).value(0);
        QCOMPARE(answer.value(QStringLiteral("task")).toString(), QStringLiteral("answer"));
        QVERIFY(!answer.value(QStringLiteral("results")).toArray().isEmpty());

        const CliRun pre = run(QStringList {QStringLiteral("ask"), QStringLiteral("--checkpoint"), pretrain}
            + configs + question + QStringList {media});
        QCOMPARE(pre.exitCode, 1);
        QVERIFY2(pre.err.contains(QStringLiteral("pretraining checkpoint and cannot answer")),
            qPrintable(pre.err));
        QVERIFY2(pre.err.contains(QStringLiteral("--kind qa")), qPrintable(pre.err));
        const CliRun forced = run(QStringList {QStringLiteral("ask"), QStringLiteral("--checkpoint"),
                                      pretrain, QStringLiteral("--kind"), QStringLiteral("qa")}
            + configs + question + QStringList {media});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));

        const CliRun asCaption = run(QStringList {QStringLiteral("ask"), QStringLiteral("--checkpoint"),
                                         neutral, QStringLiteral("--kind"), QStringLiteral("caption")}
            + configs + question + QStringList {media});
        QCOMPARE(asCaption.exitCode, 1);
        QVERIFY2(asCaption.err.contains(QStringLiteral("--kind qa")), qPrintable(asCaption.err));

        // `caption` on a file named like a QA checkpoint: the command wins.
        const CliRun caption
            = run(QStringList {QStringLiteral("caption"), QStringLiteral("--checkpoint"), misnamed} + configs
                + QStringList {QStringLiteral("--json"), media});
        QVERIFY2(caption.exitCode == 0, qPrintable(caption.err));
        QCOMPARE(jsonLines(caption.out).value(0).value(QStringLiteral("task")).toString(),
            QStringLiteral("caption"));

        // A registered caption-only bundle is refused by `ask` before loading, with the option that fixes it.
        const CliRun bundle
            = run(QStringList {QStringLiteral("ask"), QStringLiteral("--model"), m_captionBundle} + question
                + QStringList {media});
        QCOMPARE(bundle.exitCode, 1);
        QVERIFY2(bundle.err.contains(QStringLiteral("--model")), qPrintable(bundle.err));
    }

    void aFailingMediumIsOneLineAndTheOthersStillRun()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        const QString missing = m_sandbox.filePath(QStringLiteral("missing.mp4"));
        const CliRun r = run({QStringLiteral("caption"), QStringLiteral("--model"), m_captionBundle,
            QStringLiteral("--json"), missing, fixture(QStringLiteral("media/image.png"))});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.contains(missing), qPrintable(r.err));
        QCOMPARE(jsonLines(r.out).size(), 1);
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
