// The commands' parameter parsing, without starting a process: what each
// argument list gives, or why the command stops (help, usage error).
#include "app/cli/checkpointcommands.h"
#include "app/cli/importcommand.h"
#include "app/cli/infocommand.h"
#include "app/cli/paritycommand.h"
#include "app/cli/tokenizecommand.h"

#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

QStringList importArgs(QStringList rest)
{
    return QStringList {QStringLiteral("mplug2 import")} + rest;
}

} // namespace

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
