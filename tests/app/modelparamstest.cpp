// The model options every model-running command shares, read into a
// ModelParams without starting a process, and what a ModelParams does with
// them before any model is loaded.
#include "app/cli/modeloptions.h"

#include <QTest>

#include <initializer_list>

using namespace mplug2;
using namespace mplug2::app;

namespace {

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *w : list)
        out.append(QString::fromUtf8(w));
    return out;
}

/// What a command with these model options reads from `args`.
Expected<ModelParams> paramsOf(
    const QStringList &args, std::optional<ModelKind> commandKind = std::nullopt, bool generation = true)
{
    QCommandLineParser parser;
    const ModelOptions options(commandKind);
    options.addTo(parser);
    if (generation)
        options.addGenerationTo(parser);
    if (!parser.parse(QStringList {QStringLiteral("mplug2 test")} + args))
        return makeError(ErrorCode::InvalidArgument, parser.errorText().toStdString());
    return options.params(parser);
}

} // namespace

class ModelParamsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsEveryOption()
    {
        const Expected<ModelParams> p = paramsOf(
            words({"--checkpoint", "/m/qa.pth", "--vocab=/v.txt", "--tokenizer", "sentencepiece", "--kind",
                "qa", "--bert-config", "/b.json", "--model-config", "/m.json", "--clip-bpe", "/bpe.gz",
                "--device", "cuda:1", "--precision", "bf16", "--frames", "8", "--beam", "3", "--min-length",
                "2", "--max-length", "20", "--num-results", "3", "--decoding", "sample", "--temperature",
                "0.7", "--top-k", "40", "--top-p", "0.9", "--seed", "7"}),
            ModelKind::Qa);
        QVERIFY2(p, p ? "" : p.error().message.c_str());
        QCOMPARE(p->commandKind, std::optional<ModelKind>(ModelKind::Qa));
        QCOMPARE(p->model, std::nullopt);
        QCOMPARE(p->checkpoint, std::optional<QString>(QStringLiteral("/m/qa.pth")));
        QCOMPARE(p->vocab, std::optional<QString>(QStringLiteral("/v.txt")));
        QCOMPARE(p->tokenizer, std::optional<QString>(QStringLiteral("sentencepiece")));
        QCOMPARE(p->kind, std::optional<QString>(QStringLiteral("qa")));
        QCOMPARE(p->bertConfig, std::optional<QString>(QStringLiteral("/b.json")));
        QCOMPARE(p->modelConfig, std::optional<QString>(QStringLiteral("/m.json")));
        QCOMPARE(p->clipBpe, std::optional<QString>(QStringLiteral("/bpe.gz")));
        QCOMPARE(p->device, QStringLiteral("cuda:1")); // checked when run, where the device must exist
        QCOMPARE(p->precision, QStringLiteral("bf16"));
        QVERIFY(p->precisionGiven());
        QCOMPARE(p->frames, std::optional<int>(8));
        QCOMPARE(p->beam, std::optional<int>(3));
        QCOMPARE(p->minLength, std::optional<int>(2));
        QCOMPARE(p->maxLength, std::optional<int>(20));
        QCOMPARE(p->numResults, std::optional<int>(3));
        QCOMPARE(p->decoding, std::optional<DecodingMethod>(DecodingMethod::Sample));
        QCOMPARE(p->temperature, std::optional<double>(0.7));
        QCOMPARE(p->topK, std::optional<int>(40));
        QCOMPARE(p->topP, std::optional<double>(0.9));
        QCOMPARE(p->seed, std::optional<int>(7));

        const Expected<ModelParams> named = paramsOf(words({"--model", "tiny", "--precision", "auto"}));
        QCOMPARE(named->model, std::optional<QString>(QStringLiteral("tiny")));
        QVERIFY(!named->precisionGiven());
    }

    void defaultsAreTheModelsOwn()
    {
        const Expected<ModelParams> p = paramsOf({}, ModelKind::Caption);
        QVERIFY(p);
        ModelParams expected;
        expected.commandKind = ModelKind::Caption;
        QCOMPARE(*p, expected);
        QVERIFY(!p->precisionGiven());

        EngineRequest untouched = EngineRequest::caption(QStringLiteral("a.jpg"));
        p->applyTo(untouched);
        QCOMPARE(untouched.media.numFrames, EngineRequest().media.numFrames);
        QCOMPARE(untouched.generation.beamSize, GenerationOptions().beamSize);
        QCOMPARE(untouched.generation.minLength, GenerationOptions().minLength);
        QCOMPARE(untouched.generation.method, GenerationOptions().method);
    }

    void appliesWhatWasGiven()
    {
        const Expected<ModelParams> p
            = paramsOf(words({"--frames=4", "--beam=2", "--decoding=greedy", "--seed=9", "--top-p=0.5"}));
        EngineRequest r = EngineRequest::caption(QStringLiteral("a.mp4"));
        r.generation.maxLength = 30; // not given: the request keeps its own
        p->applyTo(r);
        QCOMPARE(r.media.numFrames, 4);
        QCOMPARE(r.generation.beamSize, 2);
        QCOMPARE(r.generation.method, DecodingMethod::Greedy);
        QCOMPARE(r.generation.seed, quint64(9));
        QCOMPARE(r.generation.topP, 0.5);
        QCOMPARE(r.generation.maxLength, 30);
        QCOMPARE(r.generation.temperature, GenerationOptions().temperature);
    }

    void withoutGenerationOnlyFramesAreRead()
    {
        const Expected<ModelParams> p = paramsOf(words({"--frames=2"}), std::nullopt, false);
        QVERIFY(p);
        ModelParams expected;
        expected.frames = 2;
        QCOMPARE(*p, expected);
        QVERIFY(!paramsOf(words({"--beam=2"}), std::nullopt, false)); // not an option of such a command
    }

    void refusesBadNumbers_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("frames 0") << words({"--frames=0"})
                                  << "--frames must be a whole number from 1 to 64 (got \"0\")";
        QTest::newRow("frames 65") << words({"--frames=65"}) << "from 1 to 64";
        QTest::newRow("beam text") << words({"--beam=wide"})
                                   << "--beam must be a whole number from 1 to 32 (got \"wide\")";
        QTest::newRow("min length") << words({"--min-length=-1"}) << "--min-length must be";
        QTest::newRow("max length") << words({"--max-length=0"}) << "--max-length must be";
        QTest::newRow("results") << words({"--num-results=33"}) << "--num-results must be";
        QTest::newRow("top-k") << words({"--top-k=-1"}) << "--top-k must be";
        QTest::newRow("seed") << words({"--seed=-1"}) << "--seed must be";
        QTest::newRow("temperature") << words({"--temperature=0"}) << "--temperature must be a number from";
        QTest::newRow("top-p") << words({"--top-p=1.5"}) << "--top-p must be a number from";
        QTest::newRow("decoding") << words({"--decoding=nucleus"})
                                  << "--decoding must be beam, greedy or sample (got \"nucleus\")";
        QTest::newRow("min over max")
            << words({"--min-length=9", "--max-length=8"}) << "--min-length is larger than --max-length";
    }
    void refusesBadNumbers()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const Expected<ModelParams> p = paramsOf(args);
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(QString::fromStdString(p.error().message).contains(says), p.error().message.c_str());
    }

    void refusesOptionsThatDoNotGoTogether_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("model and checkpoint")
            << words({"--model=a", "--checkpoint=b.pth"}) << "give either --model or --checkpoint, not both";
        QTest::newRow("vocab alone") << words({"--vocab=v.txt"}) << "--vocab goes with --checkpoint";
        QTest::newRow("empty kind alone") << words({"--kind="}) << "--kind goes with --checkpoint";
        QTest::newRow("model config with model")
            << words({"--model=a", "--model-config=m.json"}) << "--model-config goes with --checkpoint";
    }
    void refusesOptionsThatDoNotGoTogether()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const Expected<ModelParams> p = paramsOf(args);
        QVERIFY(p); // read as given: bundle() checks them
        const Expected<ModelBundle> bundle = p->bundle();
        QVERIFY(!bundle);
        QCOMPARE(bundle.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(bundle.error().message), says);
    }

    void checkpointKindFromOptionFileNameOrCommand()
    {
        ModelParams p;
        p.checkpoint = QStringLiteral("/m/mPLUG2_MSRVTT_QA.pth");
        QCOMPARE(*p.checkpointKind(), ModelKind::Qa);
        p.commandKind = ModelKind::Caption; // the command's kind comes before a name that says QA
        QCOMPARE(*p.checkpointKind(), ModelKind::Caption);
        p.checkpoint = QStringLiteral("/m/mPLUG2_Pretrain.pth"); // ... but not before Pretrain
        QCOMPARE(*p.checkpointKind(), ModelKind::Pretrain);
        p.kind = QStringLiteral("qa");
        QCOMPARE(*p.checkpointKind(), ModelKind::Qa);
        p.kind = QStringLiteral("poetry");
        QVERIFY(!p.checkpointKind());
        QCOMPARE(*ModelParams {}.checkpointKind(), ModelKind::Caption);
    }
};

QTEST_GUILESS_MAIN(ModelParamsTest)
#include "modelparamstest.moc"
