// The commands' parameter parsing, without starting a process: what each
// argument list gives, or why the command stops (help, usage error).
#include "app/cli/askcommand.h"
#include "app/cli/attentioncommand.h"
#include "app/cli/captioncommand.h"
#include "app/cli/checkpointcommands.h"
#include "app/cli/classifycommand.h"
#include "app/cli/democommands.h"
#include "app/cli/densecaptioncommand.h"
#include "app/cli/evalexplanationscommand.h"
#include "app/cli/exportindexcommand.h"
#include "app/cli/importcommand.h"
#include "app/cli/indexcommand.h"
#include "app/cli/infocommand.h"
#include "app/cli/paritycommand.h"
#include "app/cli/searchcommand.h"
#include "app/cli/tokenizecommand.h"
#include "tests/app/cliparamstesting.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

QStringList importArgs(QStringList rest)
{
    return QStringList {QStringLiteral("mplug2 import")} + rest;
}

/// Writes `text` into `dir`/`name` and returns the file's path.
QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &text)
{
    const QString path = dir.filePath(QString::fromUtf8(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}

} // namespace

using namespace mplug2::app::testing;

class CliParamsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importReadsEveryOption()
    {
        const auto parsed = parseImportParams(importArgs({QStringLiteral("/m/caption.pth"),
            QStringLiteral("--out"), QStringLiteral("/b"), QStringLiteral("--vocab=/v.txt"),
            QStringLiteral("--tokenizer"), QStringLiteral("sentencepiece"), QStringLiteral("--kind"),
            QStringLiteral("qa"), QStringLiteral("--bert-config"), QStringLiteral("/c.json"),
            QStringLiteral("--model-config"), QStringLiteral("/m.json"), QStringLiteral("--clip-bpe"),
            QStringLiteral("/bpe.gz"), QStringLiteral("--id"), QStringLiteral("x"), QStringLiteral("--name"),
            QStringLiteral("My model"), QStringLiteral("--check"), QStringLiteral("--default"),
            QStringLiteral("--replace")}));
        QVERIFY(std::holds_alternative<ImportParams>(parsed));
        const ImportParams &p = std::get<ImportParams>(parsed);
        QCOMPARE(p.checkpoint, QStringLiteral("/m/caption.pth"));
        QCOMPARE(p.out, QStringLiteral("/b"));
        QCOMPARE(p.vocab, QStringLiteral("/v.txt"));
        QCOMPARE(p.tokenizer, QStringLiteral("sentencepiece"));
        QCOMPARE(p.kind, std::optional<ModelKind>(ModelKind::Qa));
        QCOMPARE(p.bertConfig, QStringLiteral("/c.json"));
        QCOMPARE(p.modelConfig, QStringLiteral("/m.json"));
        QCOMPARE(p.clipBpe, QStringLiteral("/bpe.gz"));
        QCOMPARE(p.id, QStringLiteral("x"));
        QCOMPARE(p.name, QStringLiteral("My model"));
        QVERIFY(p.check && p.makeDefault && p.replace);
        QVERIFY(p.registerIt); // --default registers too
    }

    void importDefaults()
    {
        const auto parsed = parseImportParams(
            importArgs({QStringLiteral("c.pth"), QStringLiteral("--out"), QStringLiteral("d")}));
        QVERIFY(std::holds_alternative<ImportParams>(parsed));
        ImportParams expected;
        expected.checkpoint = QStringLiteral("c.pth");
        expected.out = QStringLiteral("d");
        QCOMPARE(std::get<ImportParams>(parsed), expected);
    }

    void importStopsWithHelpOrAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("help") << QStringList {QStringLiteral("--help")} << 0 << "--replace";
        QTest::newRow("no checkpoint")
            << QStringList {QStringLiteral("--out"), QStringLiteral("d")} << 2 << "exactly one checkpoint";
        QTest::newRow("two checkpoints")
            << QStringList {QStringLiteral("a.pth"), QStringLiteral("b.pth"), QStringLiteral("--out=d")} << 2
            << "exactly one checkpoint";
        QTest::newRow("no --out") << QStringList {QStringLiteral("a.pth")} << 2 << "--out DIR is required";
        QTest::newRow("bad kind") << QStringList {QStringLiteral("a.pth"), QStringLiteral("--out=d"),
            QStringLiteral("--kind=poetry")}
                                  << 2 << "poetry";
        QTest::newRow("unknown option") << QStringList {QStringLiteral("a.pth"), QStringLiteral("--out=d"),
            QStringLiteral("--frobnicate")}
                                        << 2 << "frobnicate";
        QTest::newRow("missing value")
            << QStringList {QStringLiteral("a.pth"), QStringLiteral("--out")} << 2 << "out";
    }
    void importStopsWithHelpOrAUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const auto parsed = parseImportParams(importArgs(args));
        QVERIFY(std::holds_alternative<CliStop>(parsed));
        const CliStop &stop = std::get<CliStop>(parsed);
        QCOMPARE(stop.exitCode, exitCode);
        QVERIFY2(stop.text.contains(says), qPrintable(stop.text));
        if (exitCode == 0)
            QVERIFY2(stop.text.startsWith(QStringLiteral("Usage: mplug2 import [options] CHECKPOINT")),
                qPrintable(stop.text.section(u'\n', 0, 0)));
    }

    void captionReadsEveryOption()
    {
        const auto parsed = parseCaptionParams(commandArgs(
            "caption", words({"--json", "a.jpg", "--model", "tiny", "--frames=8", "--beam", "3", "b.mp4"})));
        QVERIFY(std::holds_alternative<CaptionParams>(parsed));
        const CaptionParams &p = std::get<CaptionParams>(parsed);
        QCOMPARE(p.media, words({"a.jpg", "b.mp4"}));
        QVERIFY(p.json);
        QCOMPARE(p.model.commandKind, std::optional<ModelKind>(ModelKind::Caption));
        QCOMPARE(p.model.model, std::optional<QString>(QStringLiteral("tiny")));
        QCOMPARE(p.model.frames, std::optional<int>(8));
        QCOMPARE(p.model.beam, std::optional<int>(3));
    }

    void captionDefaults()
    {
        const auto parsed = parseCaptionParams(commandArgs("caption", words({"a.jpg"})));
        QVERIFY(std::holds_alternative<CaptionParams>(parsed));
        CaptionParams expected;
        expected.media = words({"a.jpg"});
        expected.model.commandKind = ModelKind::Caption; // the default model, the model's own generation
        QCOMPARE(std::get<CaptionParams>(parsed), expected);
    }

    void captionStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 caption [options] MEDIA...";
        QTest::newRow("no media") << words({"--json"}) << 2 << "no media given";
        QTest::newRow("no media before a bad number") << words({"--beam=0"}) << 2 << "no media given";
        QTest::newRow("bad beam") << words({"a.jpg", "--beam=0"}) << 2
                                  << "--beam must be a whole number from 1 to 32 (got \"0\")";
        QTest::newRow("min over max") << words({"a.jpg", "--min-length=9", "--max-length=3"}) << 2
                                      << "--min-length is larger than --max-length";
        QTest::newRow("bad decoding")
            << words({"a.jpg", "--decoding=nucleus"}) << 2 << "--decoding must be beam, greedy or sample";
        QTest::newRow("unknown option") << words({"a.jpg", "--frobnicate"}) << 2 << "frobnicate";
        QTest::newRow("missing value") << words({"a.jpg", "--frames"}) << 2 << "frames";
    }
    void captionStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseCaptionParams(commandArgs("caption", args)), exitCode, says);
    }

    void askReadsEveryOption()
    {
        QTemporaryDir dir;
        const QString answers = writeFile(dir, "answers.txt", " yes \n\nno\n");
        const auto parsed = parseAskParams(commandArgs("ask",
            QStringList {QStringLiteral("--question"), QStringLiteral("what is it?"), QStringLiteral("a.jpg"),
                QStringLiteral("--answers"), answers, QStringLiteral("--top=1"), QStringLiteral("--json"),
                QStringLiteral("--num-results=2"), QStringLiteral("b.mp4")}));
        QVERIFY(std::holds_alternative<AskParams>(parsed));
        const AskParams &p = std::get<AskParams>(parsed);
        QCOMPARE(p.question, QStringLiteral("what is it?"));
        QCOMPARE(p.media, words({"a.jpg", "b.mp4"}));
        QCOMPARE(p.answers, words({"yes", "no"}));
        QCOMPARE(p.top, 1);
        QVERIFY(p.json);
        QCOMPARE(p.model.commandKind, std::optional<ModelKind>(ModelKind::Qa));
        QCOMPARE(p.model.numResults, std::optional<int>(2));
    }

    void askDefaults()
    {
        const auto parsed = parseAskParams(commandArgs("ask", words({"--question=why", "a.jpg"})));
        QVERIFY(std::holds_alternative<AskParams>(parsed));
        AskParams expected;
        expected.question = QStringLiteral("why");
        expected.media = words({"a.jpg"});
        expected.model.commandKind = ModelKind::Qa; // answers freely, no ranking
        QCOMPARE(std::get<AskParams>(parsed), expected);
    }

    void askStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 ask [options] MEDIA...";
        QTest::newRow("no question") << words({"a.jpg"}) << 2 << "--question is required";
        QTest::newRow("blank question")
            << words({"--question", "  ", "a.jpg"}) << 2 << "--question is required";
        QTest::newRow("no media") << words({"--question=why"}) << 2 << "no media given";
        QTest::newRow("no answers file") << words({"--question=why", "a.jpg", "--answers=/no/such/file"}) << 1
                                         << "cannot read /no/such/file";
        QTest::newRow("unreadable answers before a bad --top")
            << words({"--question=why", "a.jpg", "--answers=/no/such/file", "--top=0"}) << 1
            << "/no/such/file";
        QTest::newRow("top without answers") << words({"--question=why", "a.jpg", "--top=3"}) << 2
                                             << "--top needs --answers and a positive number";
        QTest::newRow("bad model number") << words({"--question=why", "a.jpg", "--temperature=0"}) << 2
                                          << "--temperature must be a number from";
        QTest::newRow("unknown option")
            << words({"--question=why", "a.jpg", "--labels=a,b"}) << 2 << "labels";
    }
    void askStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseAskParams(commandArgs("ask", args)), exitCode, says);
    }

    void askTopNeedsAPositiveNumber()
    {
        QTemporaryDir dir;
        const QString answers = writeFile(dir, "answers.txt", "yes\nno\n");
        for (const char *top : {"--top=0", "--top=x"})
            QCOMPARE(std::get<CliStop>(parseAskParams(commandArgs("ask",
                         {QStringLiteral("--question=why"), QStringLiteral("a.jpg"),
                             QStringLiteral("--answers"), answers, QString::fromUtf8(top)}))),
                (CliStop {2, QStringLiteral("--top needs --answers and a positive number")}));
    }

    void classifyReadsEveryOption()
    {
        QTemporaryDir dir;
        const QString labels = writeFile(dir, "labels.txt", "bird\n\n fish \n");
        const auto parsed = parseClassifyParams(commandArgs("classify",
            QStringList {QStringLiteral("--labels"), QStringLiteral(" cat,,dog , "), QStringLiteral("a.jpg"),
                QStringLiteral("--labels-file"), labels, QStringLiteral("--method=clip"),
                QStringLiteral("--template"), QStringLiteral("a photo of {}"), QStringLiteral("--question"),
                QStringLiteral("what animal?"), QStringLiteral("--json"), QStringLiteral("--frames=2"),
                QStringLiteral("b.mp4")}));
        QVERIFY(std::holds_alternative<ClassifyParams>(parsed));
        const ClassifyParams &p = std::get<ClassifyParams>(parsed);
        QCOMPARE(p.labels, words({"cat", "dog", "bird", "fish"}));
        QCOMPARE(p.media, words({"a.jpg", "b.mp4"}));
        QCOMPARE(p.method, std::optional<ClassifyMethod>(ClassifyMethod::ClipSimilarity));
        QCOMPARE(p.labelTemplate, std::optional<QString>(QStringLiteral("a photo of {}")));
        QCOMPARE(p.question, QStringLiteral("what animal?"));
        QVERIFY(p.json);
        QCOMPARE(p.model.commandKind, std::nullopt); // any model kind classifies
        QCOMPARE(p.model.frames, std::optional<int>(2));
        const auto likelihood = parseClassifyParams(
            commandArgs("classify", words({"--labels=a,b", "--method=likelihood", "a.jpg"})));
        QCOMPARE(std::get<ClassifyParams>(likelihood).method,
            std::optional<ClassifyMethod>(ClassifyMethod::DecoderLikelihood));
    }

    void classifyDefaults()
    {
        const auto parsed
            = parseClassifyParams(commandArgs("classify", words({"--labels=cat,dog", "a.jpg"})));
        QVERIFY(std::holds_alternative<ClassifyParams>(parsed));
        ClassifyParams expected;
        expected.labels = words({"cat", "dog"});
        expected.media = words({"a.jpg"}); // the engine's method and template
        QCOMPARE(std::get<ClassifyParams>(parsed), expected);
    }

    void classifyStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 classify [options] MEDIA...";
        QTest::newRow("no labels") << words({"a.jpg"}) << 2
                                   << "give at least two labels (--labels or --labels-file)";
        QTest::newRow("one label") << words({"--labels=cat,, ", "a.jpg"}) << 2 << "give at least two labels";
        QTest::newRow("no labels file")
            << words({"--labels-file=/no/such/file", "a.jpg"}) << 1 << "cannot read /no/such/file";
        QTest::newRow("no media") << words({"--labels=a,b"}) << 2 << "no media given";
        QTest::newRow("bad method") << words({"--labels=a,b", "--method=vote", "a.jpg"}) << 2
                                    << "--method must be likelihood or clip";
        QTest::newRow("template without {}")
            << words({"--labels=a,b", "--template=a photo", "a.jpg"}) << 2 << "--template must contain {}";
        QTest::newRow("bad frames") << words({"--labels=a,b", "--frames=99", "a.jpg"}) << 2
                                    << "--frames must be a whole number from 1 to 64";
        QTest::newRow("no generation options") << words({"--labels=a,b", "--beam=2", "a.jpg"}) << 2 << "beam";
    }
    void classifyStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseClassifyParams(commandArgs("classify", args)), exitCode, says);
    }

    void attentionReadsEveryOption()
    {
        const auto parsed = parseAttentionParams(commandArgs("attention",
            QStringList {QStringLiteral("a.mp4"), QStringLiteral("-o"), QStringLiteral("/out/a.gif"),
                QStringLiteral("--format"), QStringLiteral("mp4"), QStringLiteral("--question"),
                QStringLiteral("what is he doing?"), QStringLiteral("--token"), QStringLiteral("dog"),
                QStringLiteral("--method=occlusion"), QStringLiteral("--occlusion-masks=pixels"),
                QStringLiteral("--faithfulness"), QStringLiteral("--layer=3"), QStringLiteral("--head=max"),
                QStringLiteral("--colormap=turbo"), QStringLiteral("--opacity=0.25"),
                QStringLiteral("--fps=12"), QStringLiteral("--json"), QStringLiteral("--beam=2"),
                QStringLiteral("--device=cpu")}));
        QVERIFY(std::holds_alternative<AttentionParams>(parsed));
        const AttentionParams &p = std::get<AttentionParams>(parsed);
        QCOMPARE(p.media, QStringLiteral("a.mp4"));
        QCOMPARE(p.output, QStringLiteral("/out/a.gif"));
        QCOMPARE(p.format, QStringLiteral("mp4")); // --format wins over the suffix
        QCOMPARE(p.question, std::optional<QString>(QStringLiteral("what is he doing?")));
        QCOMPARE(p.token, QStringLiteral("dog")); // checked against the answer's tokens when run
        QCOMPARE(p.method, AttentionMethod::Occlusion);
        QCOMPARE(p.masking, OcclusionMasking::Pixels);
        QVERIFY(p.faithfulness && p.json);
        QCOMPARE(p.layer, QStringLiteral("3"));
        QCOMPARE(p.head, QStringLiteral("max"));
        QCOMPARE(p.colormap, QStringLiteral("turbo"));
        QCOMPARE(p.opacity, 0.25);
        QCOMPARE(p.framesPerSecond, 12.0);
        QCOMPARE(p.model.commandKind, std::nullopt);
        QCOMPARE(p.model.beam, std::optional<int>(2));
        QCOMPARE(p.model.device, QStringLiteral("cpu"));

        const auto random = parseAttentionParams(commandArgs("attention",
            words({"a.jpg", "-o", "f", "--method", "occlusion", "--occlusion-masks", "random"})));
        QCOMPARE(std::get<AttentionParams>(random).masking, OcclusionMasking::RandomPatches);
        const auto gradCam
            = parseAttentionParams(commandArgs("attention", words({"a.jpg", "-o", "f", "--method=gradcam"})));
        QCOMPARE(std::get<AttentionParams>(gradCam).method, AttentionMethod::GradCam);
    }

    void attentionDefaults()
    {
        const auto parsed = parseAttentionParams(commandArgs("attention", words({"a.jpg", "-o", "figures"})));
        QVERIFY(std::holds_alternative<AttentionParams>(parsed));
        AttentionParams expected;
        expected.media = QStringLiteral("a.jpg");
        expected.output = QStringLiteral("figures");
        expected.format = QStringLiteral("attention-png"); // no suffix: PNGs in a folder
        QCOMPARE(std::get<AttentionParams>(parsed), expected);
        QCOMPARE(expected.method, AttentionMethod::CrossAttention);
        QCOMPARE(expected.colormap, QStringLiteral("jet"));
        QCOMPARE(expected.opacity, 0.5);
        QCOMPARE(expected.framesPerSecond, 2.0);
    }

    void attentionFormatFromOptionOrSuffix_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << words({"-o", "f", "--format=png"}) << "attention-png";
        QTest::newRow("contact sheet") << words({"-o", "f.png", "--format=contact-sheet"}) << "contact-sheet";
        QTest::newRow("gif suffix") << words({"-o", "f.gif"}) << "gif";
        QTest::newRow("mp4 suffix") << words({"-o", "f.MP4"}) << "mp4";
        QTest::newRow("html suffix") << words({"-o", "f.html"}) << "html";
    }
    void attentionFormatFromOptionOrSuffix()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, format);
        const auto parsed = parseAttentionParams(commandArgs("attention", words({"a.jpg"}) + args));
        QVERIFY(std::holds_alternative<AttentionParams>(parsed));
        QCOMPARE(std::get<AttentionParams>(parsed).format, format);
    }

    void attentionStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 attention [options] MEDIA";
        QTest::newRow("no media") << words({"-o", "f"}) << 2 << "give exactly one image or video";
        QTest::newRow("two media") << words({"a.jpg", "b.jpg", "-o", "f"}) << 2
                                   << "give exactly one image or video";
        QTest::newRow("no output") << words({"a.jpg"}) << 2 << "-o PATH is required";
        QTest::newRow("bad format") << words({"a.jpg", "-o", "f", "--format=srt"}) << 2
                                    << "--format must be png, contact-sheet, gif, mp4 or html";
        QTest::newRow("subtitle suffix") << words({"a.jpg", "-o", "f.srt"}) << 2 << "--format must be";
        QTest::newRow("bad method") << words({"a.jpg", "-o", "f", "--method=saliency"}) << 2
                                    << "--method must be attention, gradcam or occlusion";
        QTest::newRow("bad masks") << words(
            {"a.jpg", "-o", "f", "--method=occlusion", "--occlusion-masks=all"})
                                   << 2 << "--occlusion-masks must be patches, random or pixels";
        QTest::newRow("masks without occlusion") << words({"a.jpg", "-o", "f", "--occlusion-masks=patches"})
                                                 << 2 << "--occlusion-masks goes with --method occlusion";
        QTest::newRow("bad colormap") << words({"a.jpg", "-o", "f", "--colormap=rainbow"}) << 2
                                      << "--colormap must be jet, inferno, viridis or turbo";
        QTest::newRow("opacity over 1")
            << words({"a.jpg", "-o", "f", "--opacity=1.5"}) << 2 << "--opacity must be a number from 0 to 1";
        QTest::newRow("opacity text")
            << words({"a.jpg", "-o", "f", "--opacity=half"}) << 2 << "--opacity must be a number from 0 to 1";
        QTest::newRow("fps too low") << words({"a.jpg", "-o", "f", "--fps=0.05"}) << 2
                                     << "--fps must be a number from 0.1 to 60";
        QTest::newRow("fps text") << words({"a.jpg", "-o", "f", "--fps=fast"}) << 2 << "--fps must be";
        QTest::newRow("bad model number") << words({"a.jpg", "-o", "f", "--frames=0"}) << 2
                                          << "--frames must be a whole number from 1 to 64";
    }
    void attentionStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseAttentionParams(commandArgs("attention", args)), exitCode, says);
    }

    void exportIndexReadsEveryOption()
    {
        const auto parsed = parseExportIndexParams(commandArgs("export-index",
            words({"--db", "/i/index.sqlite", "--format=CSV", "-o", "/out/all.csv", "--root-name",
                "photos=/mnt/photos/", "--root-name", "Work 2=work"})));
        QVERIFY(std::holds_alternative<ExportIndexParams>(parsed));
        const ExportIndexParams &p = std::get<ExportIndexParams>(parsed);
        QCOMPARE(p.db, QStringLiteral("/i/index.sqlite"));
        QVERIFY(p.csv);
        QCOMPARE(p.output, std::optional<QString>(QStringLiteral("/out/all.csv")));
        // Paths absolute and clean, in the order given.
        QCOMPARE(p.rootNames,
            (QList<CatalogRoot> {{QStringLiteral("photos"), QStringLiteral("/mnt/photos")},
                {QStringLiteral("Work 2"), QDir::current().absoluteFilePath(QStringLiteral("work"))}}));
    }

    void exportIndexDefaults()
    {
        const auto parsed = parseExportIndexParams(
            commandArgs("export-index", words({"--db=postgresql://me@host:5432/media"})));
        QVERIFY(std::holds_alternative<ExportIndexParams>(parsed));
        ExportIndexParams expected; // JSON Lines to standard output
        expected.db = QStringLiteral("postgresql://me@host:5432/media");
        QCOMPARE(std::get<ExportIndexParams>(parsed), expected);
        const auto empty
            = parseExportIndexParams(commandArgs("export-index", words({"--db=i.sqlite", "--output="})));
        QCOMPARE(std::get<ExportIndexParams>(empty).output, std::optional<QString>(QString()));
    }

    void exportIndexStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 export-index [options]";
        QTest::newRow("no db") << words({"--format=csv"}) << 2 << "--db FILE|URI is required";
        QTest::newRow("bad format") << words({"--db=i.sqlite", "--format=xml"}) << 2
                                    << "--format is jsonl or csv";
        QTest::newRow("root without name") << words({"--db=i.sqlite", "--root-name==/mnt"}) << 2
                                           << "--root-name takes NAME=PATH, got '=/mnt'";
        QTest::newRow("root without path")
            << words({"--db=i.sqlite", "--root-name=a="}) << 2 << "--root-name takes NAME=PATH, got 'a='";
        QTest::newRow("root without =")
            << words({"--db=i.sqlite", "--root-name=a"}) << 2 << "--root-name takes NAME=PATH";
        QTest::newRow("root /") << words({"--db=i.sqlite", "--root-name=all=/"}) << 2
                                << "--root-name all: / cannot be a root";
        QTest::newRow("bad root name") << words({"--db=i.sqlite", "--root-name=a/b=/mnt"}) << 2 << "a/b";
    }
    void exportIndexStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseExportIndexParams(commandArgs("export-index", args)), exitCode, says);
    }

    void indexReadsEveryOption()
    {
        const auto parsed = parseIndexParams(commandArgs("index",
            words({"--db", "/i/index.sqlite", "/photos", "--captions", "--moments", "--moment-window=4.5",
                "--root-name", "photos=/photos", "--json", "--model=tiny", "--frames=4", "--device=cpu",
                "/videos/clip.mp4"})));
        QVERIFY(std::holds_alternative<IndexParams>(parsed));
        const IndexParams &p = std::get<IndexParams>(parsed);
        QCOMPARE(p.db, QStringLiteral("/i/index.sqlite"));
        QCOMPARE(p.folders, words({"/photos", "/videos/clip.mp4"}));
        QCOMPARE(p.rootNames, (QList<CatalogRoot> {{QStringLiteral("photos"), QStringLiteral("/photos")}}));
        QVERIFY(p.captions && p.moments && p.json);
        QCOMPARE(p.momentWindow, std::optional<double>(4.5));
        QCOMPARE(p.model.model, std::optional<QString>(QStringLiteral("tiny")));
        QCOMPARE(p.model.frames, std::optional<int>(4));
        QCOMPARE(p.model.device, QStringLiteral("cpu"));
    }

    void indexDefaults()
    {
        const auto parsed = parseIndexParams(commandArgs("index", words({"--db=i.sqlite"})));
        QVERIFY(std::holds_alternative<IndexParams>(parsed));
        IndexParams expected; // no folders: the last job's, found when run
        expected.db = QStringLiteral("i.sqlite");
        QCOMPARE(std::get<IndexParams>(parsed), expected);
    }

    void indexStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 index [options] [DIR...]";
        QTest::newRow("no db") << words({"/photos"}) << 2 << "--db FILE is required";
        QTest::newRow("bad root name") << words({"--db=i.sqlite", "--root-name=photos"}) << 2
                                       << "--root-name takes NAME=PATH, got 'photos'";
        QTest::newRow("bad frames") << words({"--db=i.sqlite", "--frames=x", "/photos"}) << 2
                                    << "--frames must be a whole number from 1 to 64 (got \"x\")";
        QTest::newRow("window too short") << words({"--db=i.sqlite", "--moments", "--moment-window=0.1"}) << 2
                                          << "--moment-window takes seconds between 0.5 and 3600";
        QTest::newRow("window too long") << words({"--db=i.sqlite", "--moments", "--moment-window=3601"}) << 2
                                         << "--moment-window takes seconds";
        QTest::newRow("window text") << words({"--db=i.sqlite", "--moments", "--moment-window=long"}) << 2
                                     << "--moment-window takes seconds";
        QTest::newRow("window without moments")
            << words({"--db=i.sqlite", "--moment-window=4"}) << 2 << "--moment-window goes with --moments";
        QTest::newRow("generation option") << words({"--db=i.sqlite", "--beam=2"}) << 2 << "beam";
    }
    void indexStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseIndexParams(commandArgs("index", args)), exitCode, says);
    }

    void searchReadsEveryOption()
    {
        const auto parsed = parseSearchParams(commandArgs("search",
            QStringList {QStringLiteral("--db"), QStringLiteral("/i/index.sqlite"), QStringLiteral("--text"),
                QStringLiteral("a dog on a beach"), QStringLiteral("--text=a red car"),
                QStringLiteral("--top=3"), QStringLiteral("--rerank=20"), QStringLiteral("--folder=/photos/"),
                QStringLiteral("--folder"), QStringLiteral("videos"), QStringLiteral("--type=video"),
                QStringLiteral("--min-duration=1.5"), QStringLiteral("--max-duration=60"),
                QStringLiteral("--moments"), QStringLiteral("--json"),
                QStringLiteral("--root-name=photos=/photos"), QStringLiteral("--model=tiny"),
                QStringLiteral("--frames=4"), QStringLiteral("--precision=bf16")}));
        QVERIFY(std::holds_alternative<SearchParams>(parsed));
        const SearchParams &p = std::get<SearchParams>(parsed);
        QCOMPARE(p.db, std::optional<QString>(QStringLiteral("/i/index.sqlite")));
        QCOMPARE(p.texts, (QStringList {QStringLiteral("a dog on a beach"), QStringLiteral("a red car")}));
        QCOMPARE(p.like, std::nullopt);
        QCOMPARE(p.media, std::nullopt);
        QCOMPARE(p.top, 3);
        QCOMPARE(p.rerank, 20);
        QCOMPARE(p.folders,
            (QStringList {
                QStringLiteral("/photos"), QDir::current().absoluteFilePath(QStringLiteral("videos"))}));
        QCOMPARE(p.type, std::optional<MediaKind>(MediaKind::Video));
        QCOMPARE(p.minDuration, std::optional<double>(1.5));
        QCOMPARE(p.maxDuration, std::optional<double>(60));
        QVERIFY(p.moments && p.json);
        QCOMPARE(p.rootNames, (QList<CatalogRoot> {{QStringLiteral("photos"), QStringLiteral("/photos")}}));
        QCOMPARE(p.model.model, std::optional<QString>(QStringLiteral("tiny")));
        QCOMPARE(p.model.frames, std::optional<int>(4));
        QVERIFY(p.model.precisionGiven());
    }

    void searchReadsTheOtherModes()
    {
        const auto like
            = parseSearchParams(commandArgs("search", words({"--db=i.sqlite", "--like", "a.jpg"})));
        QVERIFY(std::holds_alternative<SearchParams>(like));
        QCOMPARE(std::get<SearchParams>(like).like, std::optional<QString>(QStringLiteral("a.jpg")));
        QVERIFY(std::get<SearchParams>(like).texts.isEmpty());

        QTemporaryDir dir;
        const QString sentences = writeFile(dir, "sentences.txt", "a dog\n\n a cat \n");
        const auto ranked = parseSearchParams(commandArgs("search",
            {QStringLiteral("--media"), QStringLiteral("a.jpg"), QStringLiteral("--sentences"), sentences}));
        QVERIFY(std::holds_alternative<SearchParams>(ranked));
        SearchParams expected; // no index needed
        expected.media = QStringLiteral("a.jpg");
        expected.sentences = words({"a dog", "a cat"});
        QCOMPARE(std::get<SearchParams>(ranked), expected);
    }

    void searchDefaults()
    {
        const auto parsed = parseSearchParams(commandArgs("search", words({"--db=i.sqlite", "--text=dogs"})));
        QVERIFY(std::holds_alternative<SearchParams>(parsed));
        SearchParams expected; // ten results, no re-ranking, no filter, the index's model
        expected.db = QStringLiteral("i.sqlite");
        expected.texts = words({"dogs"});
        QCOMPARE(std::get<SearchParams>(parsed), expected);
    }

    void searchStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 search [options]";
        QTest::newRow("no mode") << words({"--db=i.sqlite"}) << 2
                                 << "give exactly one of --text, --like or --media";
        QTest::newRow("two modes") << words({"--db=i.sqlite", "--text=a", "--like=b.jpg"}) << 2
                                   << "give exactly one of --text, --like or --media";
        QTest::newRow("media without sentences")
            << words({"--media=a.jpg"}) << 2 << "--media and --sentences go together";
        QTest::newRow("sentences without media") << words({"--db=i.sqlite", "--text=a", "--sentences=s.txt"})
                                                 << 2 << "--media and --sentences go together";
        QTest::newRow("moments with media") << words({"--media=a.jpg", "--sentences=s.txt", "--moments"}) << 2
                                            << "--moments goes with --text or --like";
        QTest::newRow("no db") << words({"--text=a"}) << 2 << "--db FILE is required";
        QTest::newRow("bad frames") << words({"--db=i.sqlite", "--text=a", "--frames=65"}) << 2
                                    << "--frames must be a whole number from 1 to 64";
        QTest::newRow("bad root name")
            << words({"--db=i.sqlite", "--text=a", "--root-name=x"}) << 2 << "--root-name takes NAME=PATH";
        QTest::newRow("top 0") << words({"--db=i.sqlite", "--text=a", "--top=0"}) << 2
                               << "--top, --rerank and the durations take non-negative numbers";
        QTest::newRow("rerank -1") << words({"--db=i.sqlite", "--text=a", "--rerank=-1"}) << 2
                                   << "--top, --rerank and the durations";
        QTest::newRow("min duration") << words({"--db=i.sqlite", "--text=a", "--min-duration=-1"}) << 2
                                      << "the durations take non-negative numbers";
        QTest::newRow("max duration") << words({"--db=i.sqlite", "--text=a", "--max-duration=long"}) << 2
                                      << "the durations take non-negative numbers";
        QTest::newRow("bad type") << words({"--db=i.sqlite", "--text=a", "--type=audio"}) << 2
                                  << "--type is image or video";
        QTest::newRow("no sentences file")
            << words({"--media=a.jpg", "--sentences=/no/such/file"}) << 1 << "cannot read /no/such/file";
    }
    void searchStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseSearchParams(commandArgs("search", args)), exitCode, says);
    }

    void evalExplanationsReadsEveryOption()
    {
        const auto parsed = parseEvalExplanationsParams(commandArgs("eval-explanations",
            words(
                {"--model", "/m/demo", "--items=7", "--seed", "18446744073709551615", "--json", "--check"})));
        QVERIFY(std::holds_alternative<EvalExplanationsParams>(parsed));
        QCOMPARE(std::get<EvalExplanationsParams>(parsed),
            (EvalExplanationsParams {QStringLiteral("/m/demo"), 7, 18446744073709551615ULL, true, true}));
    }

    void evalExplanationsDefaultsToTheBundledDemoModel()
    {
        QTemporaryDir data;
        QVERIFY(QDir(data.path()).mkpath(QStringLiteral("models/demo")));
        const QString manifest = writeFile(data, "models/demo/manifest.json", "{}");
        const QByteArray before = qgetenv("MPLUG2_DATA_DIR");
        qputenv("MPLUG2_DATA_DIR", data.path().toUtf8());
        const auto parsed = parseEvalExplanationsParams(commandArgs("eval-explanations", {}));
        QVERIFY(QFile::remove(manifest));
        const auto missing
            = parseEvalExplanationsParams(commandArgs("eval-explanations", words({"--items=0"})));
        qputenv("MPLUG2_DATA_DIR", before);

        QVERIFY(std::holds_alternative<EvalExplanationsParams>(parsed));
        EvalExplanationsParams expected; // 40 scenes, the fixed seed
        expected.bundle = manifest;
        QCOMPARE(std::get<EvalExplanationsParams>(parsed), expected);
        // No demo model comes before a usage error, as it always did.
        QCOMPARE(std::get<CliStop>(missing),
            (CliStop {1, QStringLiteral("no demo model is installed; name one with --model")}));
    }

    void evalExplanationsStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 eval-explanations [options]";
        QTest::newRow("no items") << words({"--model=m", "--items=0"}) << 2
                                  << "--items takes a number from 1 to 100000";
        QTest::newRow("too many items") << words({"--model=m", "--items=100001"}) << 2 << "--items takes";
        QTest::newRow("items text") << words({"--model=m", "--items=all"}) << 2 << "--items takes";
        QTest::newRow("negative seed")
            << words({"--model=m", "--seed=-1"}) << 2 << "--seed takes a whole number";
        QTest::newRow("unknown option") << words({"--model=m", "--frames=4"}) << 2 << "frames";
    }
    void evalExplanationsStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseEvalExplanationsParams(commandArgs("eval-explanations", args)), exitCode, says);
    }

    void denseCaptionReadsEveryOption()
    {
        const auto parsed = parseDenseCaptionParams(commandArgs("dense-caption",
            words({"clip.mp4", "--window=5", "--stride", "2.5", "-o", "/out/clip.srt", "--format=txt",
                "--json", "--beam=2", "--checkpoint=/m/caption.pth"})));
        QVERIFY(std::holds_alternative<DenseCaptionParams>(parsed));
        const DenseCaptionParams &p = std::get<DenseCaptionParams>(parsed);
        QCOMPARE(p.video, QStringLiteral("clip.mp4"));
        QCOMPARE(p.windowSeconds, 5.0);
        QCOMPARE(p.strideSeconds, 2.5);
        QVERIFY(!p.byShot);
        QCOMPARE(p.output, QStringLiteral("/out/clip.srt"));
        QCOMPARE(p.format, QStringLiteral("txt")); // --format wins over the suffix
        QVERIFY(p.json);
        QCOMPARE(p.model.commandKind, std::optional<ModelKind>(ModelKind::Caption));
        QCOMPARE(p.model.beam, std::optional<int>(2));
        QCOMPARE(p.model.checkpoint, std::optional<QString>(QStringLiteral("/m/caption.pth")));

        const auto bySuffix
            = parseDenseCaptionParams(commandArgs("dense-caption", words({"clip.mp4", "-o", "clip.jsonl"})));
        QCOMPARE(std::get<DenseCaptionParams>(bySuffix).format, QStringLiteral("jsonl"));
    }

    void denseCaptionDefaults()
    {
        const auto parsed = parseDenseCaptionParams(commandArgs("dense-caption", words({"clip.mp4"})));
        QVERIFY(std::holds_alternative<DenseCaptionParams>(parsed));
        DenseCaptionParams expected; // 10 s windows back to back, printed
        expected.video = QStringLiteral("clip.mp4");
        expected.model.commandKind = ModelKind::Caption;
        QCOMPARE(std::get<DenseCaptionParams>(parsed), expected);

        const auto byShot
            = parseDenseCaptionParams(commandArgs("dense-caption", words({"clip.mp4", "--by-shot"})));
        expected.byShot = true;
        expected.windowSeconds = 8; // a shot's longest moment
        QCOMPARE(std::get<DenseCaptionParams>(byShot), expected);
    }

    void denseCaptionStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 dense-caption [options] VIDEO";
        QTest::newRow("no video") << words({"--json"}) << 2 << "give exactly one video";
        QTest::newRow("two videos") << words({"a.mp4", "b.mp4"}) << 2 << "give exactly one video";
        QTest::newRow("window too short") << words({"a.mp4", "--window=0.05"}) << 2
                                          << "--window must be a number of seconds from 0.1 to 86400";
        QTest::newRow("stride text") << words({"a.mp4", "--stride=half"}) << 2
                                     << "--stride must be a number of seconds from 0.1 to 86400";
        QTest::newRow("unknown suffix")
            << words({"a.mp4", "-o", "a.doc"}) << 2
            << "unknown output format: give --format srt, vtt, json, jsonl, csv or txt";
        QTest::newRow("unknown format")
            << words({"a.mp4", "-o", "a.srt", "--format=doc"}) << 2 << "unknown output format";
        QTest::newRow("format without -o")
            << words({"a.mp4", "--format=srt"}) << 2 << "--format needs -o FILE";
        QTest::newRow("stride by shot")
            << words({"a.mp4", "--by-shot", "--stride=2"}) << 2 << "--stride does not go with --by-shot";
        QTest::newRow("bad model number")
            << words({"a.mp4", "--num-results=0"}) << 2 << "--num-results must be";
    }
    void denseCaptionStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseDenseCaptionParams(commandArgs("dense-caption", args)), exitCode, says);
    }

    void trainDemoReadsEveryOption()
    {
        const auto parsed = parseTrainDemoParams(commandArgs(
            "train-demo", words({"--out", "/m/demo/", "--seed=7", "--minutes", "2.5", "--threads=3"})));
        QVERIFY(std::holds_alternative<TrainDemoParams>(parsed));
        QCOMPARE(std::get<TrainDemoParams>(parsed), (TrainDemoParams {QStringLiteral("/m/demo"), 7, 2.5, 3}));
        const auto defaults = parseTrainDemoParams(commandArgs("train-demo", words({"--out=demo"})));
        TrainDemoParams expected; // the shipped model's seed, no time limit, the usable CPUs
        expected.out = QDir::current().absoluteFilePath(QStringLiteral("demo"));
        QCOMPARE(std::get<TrainDemoParams>(defaults), expected);
        QCOMPARE(expected.seed, model::train::DemoTrainingOptions::defaultParams().seed);
    }

    void trainDemoStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 train-demo [options]";
        QTest::newRow("no out") << words({"--seed=2"}) << 2 << "say where the bundle goes with --out DIR";
        QTest::newRow("negative seed") << words({"--out=d", "--seed=-2"}) << 2
                                       << "--seed, --minutes and --threads take non-negative numbers";
        QTest::newRow("negative minutes") << words({"--out=d", "--minutes=-1"}) << 2 << "--seed, --minutes";
        QTest::newRow("threads text") << words({"--out=d", "--threads=all"}) << 2 << "--seed, --minutes";
    }
    void trainDemoStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseTrainDemoParams(commandArgs("train-demo", args)), exitCode, says);
    }

    void evalDemoReadsEveryOption()
    {
        const auto scored = parseEvalDemoParams(commandArgs("eval-demo",
            words({"--model=/m/demo", "--items=20", "--keep=/tmp/k", "--json", "--check",
                "--precision=BF16"})));
        QVERIFY(std::holds_alternative<EvalDemoParams>(scored));
        EvalDemoParams expected;
        expected.bundle = QStringLiteral("/m/demo");
        expected.items = 20;
        expected.keep = QStringLiteral("/tmp/k");
        expected.json = expected.check = true;
        expected.precision = model::Precision::Bf16;
        QCOMPARE(std::get<EvalDemoParams>(scored), expected);

        const auto templates = parseEvalDemoParams(commandArgs(
            "eval-demo", words({"--model=/m/demo", "--classify-templates", "--precision=fp64", "--check"})));
        QVERIFY(std::holds_alternative<EvalDemoParams>(templates)); // --precision is not read for this
        QVERIFY(std::get<EvalDemoParams>(templates).classifyTemplates);
        QCOMPARE(std::get<EvalDemoParams>(templates).items, std::nullopt); // its own default, 500

        const auto figure = parseEvalDemoParams(commandArgs("eval-demo",
            words({"--model=/m/demo", "--attention-figure=f.png", "--media=clip.mp4", "--items=0"})));
        QVERIFY(std::holds_alternative<EvalDemoParams>(figure)); // --items is not read for this
        QCOMPARE(std::get<EvalDemoParams>(figure).attentionFigure,
            std::optional<QString>(QStringLiteral("f.png")));
        QCOMPARE(std::get<EvalDemoParams>(figure).figureMedia, QStringLiteral("clip.mp4"));

        const auto samples = parseEvalDemoParams(
            commandArgs("eval-demo", words({"--write-samples", "/tmp/s", "--items=0", "--model="})));
        EvalDemoParams onlySamples; // nothing else is read
        onlySamples.writeSamples = QStringLiteral("/tmp/s");
        QCOMPARE(std::get<EvalDemoParams>(samples), onlySamples);
    }

    void evalDemoStops_data()
    {
        addStopColumns();
        QTest::newRow("help") << words({"--help"}) << 0 << "Usage: mplug2 eval-demo [options]";
        QTest::newRow("empty model") << words({"--model="}) << 1
                                     << "no demo model is installed; name one with --model";
        QTest::newRow("no items") << words({"--model=m", "--items=0"}) << 2
                                  << "--items takes a number from 1 to 100000";
        QTest::newRow("items text") << words({"--model=m", "--items=many", "--classify-templates"}) << 2
                                    << "--items takes a number";
        QTest::newRow("bad precision")
            << words({"--model=m", "--precision=fp16"}) << 2 << "--precision takes fp32 or bf16";
    }
    void evalDemoStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        verifyStop(parseEvalDemoParams(commandArgs("eval-demo", args)), exitCode, says);
    }

    void tokenizeReadsItsOptions()
    {
        const auto parsed = parseTokenizeParams({QStringLiteral("mplug2 tokenize"),
            QStringLiteral("--kind=clip"), QStringLiteral("--vocab"), QStringLiteral("/bpe.gz"),
            QStringLiteral("--max-length=8"), QStringLiteral("--no-special"), QStringLiteral("--json"),
            QStringLiteral("--"), QStringLiteral("--a"), QStringLiteral("b c")});
        QVERIFY(std::holds_alternative<TokenizeParams>(parsed));
        const TokenizeParams &p = std::get<TokenizeParams>(parsed);
        QCOMPARE(p.tokenizer.kind, model::text::TokenizerKind::ClipBpe);
        QCOMPARE(p.tokenizer.vocab, QStringLiteral("/bpe.gz"));
        QVERIFY(p.tokenizer.json && !p.addSpecialTokens);
        QCOMPARE(p.maxLength, std::optional<int>(8));
        QCOMPARE(p.texts, (QStringList {QStringLiteral("--a"), QStringLiteral("b c")}));

        const auto plain = parseTokenizeParams({QStringLiteral("mplug2 tokenize")});
        QVERIFY(std::holds_alternative<TokenizeParams>(plain));
        QCOMPARE(std::get<TokenizeParams>(plain), TokenizeParams {}); // wordpiece, bundled vocabulary, stdin
    }

    void tokenizeStops_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("help") << QStringList {QStringLiteral("--help")} << 0 << "--max-length";
        QTest::newRow("bad length") << QStringList {QStringLiteral("--max-length=0"), QStringLiteral("x")}
                                    << 2 << "--max-length must be a positive whole number";
        QTest::newRow("bad kind") << QStringList {QStringLiteral("--kind=morse"), QStringLiteral("x")} << 2
                                  << "morse";
    }
    void tokenizeStops()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const auto parsed = parseTokenizeParams(QStringList {QStringLiteral("mplug2 tokenize")} + args);
        QVERIFY(std::holds_alternative<CliStop>(parsed));
        QCOMPARE(std::get<CliStop>(parsed).exitCode, exitCode);
        QVERIFY2(std::get<CliStop>(parsed).text.contains(says), qPrintable(std::get<CliStop>(parsed).text));
    }

    void detokenizeReadsIdsInEveryForm()
    {
        const auto parsed = parseDetokenizeParams(
            {QStringLiteral("mplug2 detokenize"), QStringLiteral("[101,"), QStringLiteral("2417 4418]"),
                QStringLiteral("102"), QStringLiteral("--skip-special"), QStringLiteral("--no-cleanup")});
        QVERIFY(std::holds_alternative<DetokenizeParams>(parsed));
        const DetokenizeParams &p = std::get<DetokenizeParams>(parsed);
        QCOMPARE(p.ids, (std::vector<int64_t> {101, 2417, 4418, 102}));
        QVERIFY(p.skipSpecialTokens && !p.cleanUpSpaces);
        const auto bad
            = parseDetokenizeParams({QStringLiteral("mplug2 detokenize"), QStringLiteral("12,x3")});
        QVERIFY(std::holds_alternative<CliStop>(bad));
        QCOMPARE(std::get<CliStop>(bad), (CliStop {2, QStringLiteral("'x3' is not a token id")}));
    }

    void convertReadsItsFilesAndType()
    {
        const auto parsed = parseConvertParams({QStringLiteral("mplug2 convert"), QStringLiteral("a.pth"),
            QStringLiteral("b.safetensors"), QStringLiteral("--dtype=bf16")});
        QVERIFY(std::holds_alternative<ConvertParams>(parsed));
        QCOMPARE(std::get<ConvertParams>(parsed),
            (ConvertParams {
                QStringLiteral("a.pth"), QStringLiteral("b.safetensors"), model::ElementType::BFloat16}));
        const auto asStored = parseConvertParams(
            {QStringLiteral("mplug2 convert"), QStringLiteral("a.pth"), QStringLiteral("b.safetensors")});
        QVERIFY(!std::get<ConvertParams>(asStored).floatingType);
        const auto badType = parseConvertParams({QStringLiteral("mplug2 convert"), QStringLiteral("a"),
            QStringLiteral("b"), QStringLiteral("--dtype=int8")});
        QCOMPARE(std::get<CliStop>(badType).exitCode, 2);
        QVERIFY(std::get<CliStop>(badType).text.contains(QStringLiteral("int8")));
        const auto oneFile = parseConvertParams({QStringLiteral("mplug2 convert"), QStringLiteral("a")});
        QCOMPARE(std::get<CliStop>(oneFile),
            (CliStop {2, QStringLiteral("give an input checkpoint and an output file")}));
    }

    void infoReadsJson()
    {
        QCOMPARE(std::get<InfoParams>(parseInfoParams({QStringLiteral("mplug2 info")})), InfoParams {});
        QCOMPARE(
            std::get<InfoParams>(parseInfoParams({QStringLiteral("mplug2 info"), QStringLiteral("--json")})),
            InfoParams {true});
        QCOMPARE(std::get<CliStop>(
                     parseInfoParams({QStringLiteral("mplug2 info"), QStringLiteral("--frobnicate")}))
                     .exitCode,
            2);
    }

    void parityReadsItsTarget()
    {
        const auto parsed = parseParityParams(
            {QStringLiteral("mplug2 parity"), QStringLiteral("/fixtures"), QStringLiteral("--device=cuda:1"),
                QStringLiteral("--precision=bf16"), QStringLiteral("--case=tiny-b")});
        QVERIFY(std::holds_alternative<ParityParams>(parsed));
        const ParityParams &p = std::get<ParityParams>(parsed);
        QCOMPARE(p.fixtures, QStringLiteral("/fixtures"));
        QCOMPARE(p.device, QStringLiteral("cuda:1")); // checked when run, where the device must exist
        QCOMPARE(p.precision, QStringLiteral("bf16"));
        QCOMPARE(p.caseFilter, QStringLiteral("tiny-b"));
        const ParityParams defaults = std::get<ParityParams>(
            parseParityParams({QStringLiteral("mplug2 parity"), QStringLiteral("/f")}));
        QCOMPARE(defaults.device, QStringLiteral("cpu"));
        QCOMPARE(defaults.precision, QStringLiteral("fp32"));
        QCOMPARE(std::get<CliStop>(parseParityParams({QStringLiteral("mplug2 parity")})),
            (CliStop {2, QStringLiteral("give exactly one fixture folder (see --help)")}));
        QCOMPARE(std::get<CliStop>(parseParityParams({QStringLiteral("mplug2 parity"), QStringLiteral("/f"),
                                       QStringLiteral("--precision=fp8")}))
                     .exitCode,
            2);
    }

    void inspectReadsItsFileAndForms()
    {
        QCOMPARE(std::get<InspectParams>(parseInspectParams({QStringLiteral("mplug2 inspect"),
                     QStringLiteral("m.pth"), QStringLiteral("--json"), QStringLiteral("--keys")})),
            (InspectParams {QStringLiteral("m.pth"), true, true}));
        QCOMPARE(std::get<InspectParams>(
                     parseInspectParams({QStringLiteral("mplug2 inspect"), QStringLiteral("m")})),
            (InspectParams {QStringLiteral("m"), false, false}));
        QCOMPARE(std::get<CliStop>(parseInspectParams({QStringLiteral("mplug2 inspect")})),
            (CliStop {2, QStringLiteral("give exactly one checkpoint file")}));
    }
};

QTEST_GUILESS_MAIN(CliParamsTest)
#include "cliparamstest.moc"
