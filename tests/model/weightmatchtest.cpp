// loadWeights / matchWeights: a clean match on the official tiny checkpoints,
// and a clear report instead of a crash for every kind of mismatch.
#include "model/weights/weightmatch.h"

#include "model/checkpoint/statedict.h"
#include "model/config/configinference.h"
#include "model/modules/mplug2model.h"
#include "tests/support/qtestshared.h"

#include <QTest>

#include <torch/types.h>

using namespace mplug2::model;

class WeightMatchTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void captionCheckpointMatchesExactly();
    void momentumCopiesAreUnusedByDesign();
    void otherShapesAreReportedNotLoaded();
    void missingAndUnexpectedKeysAreNamed();
    void wrongDtypeIsRejected();
    void tiedTensorsMustAgree();

private:
    StateDict load(const char *relative, bool normalize = true);
    Mplug2Model modelFor(const StateDict &weights, int64_t heads);

    std::string m_fixtures;
};

void WeightMatchTest::initTestCase()
{
    QString shared;
    MPLUG2_REQUIRE_SHARED(shared);
    m_fixtures = shared.toStdString() + "/fixtures/";
}

StateDict WeightMatchTest::load(const char *relative, bool normalize)
{
    StateDictOptions options;
    options.normalizeKeys = normalize;
    auto weights = loadStateDict(m_fixtures + relative, options);
    if (!weights)
        qFatal("%s", weights.error().message.c_str());
    return std::move(*weights);
}

Mplug2Model WeightMatchTest::modelFor(const StateDict &weights, int64_t heads)
{
    ConfigOverrides overrides;
    overrides.bertHeads = heads;
    overrides.clipTextHeads = 1;
    auto config = inferConfig(weights, overrides);
    if (!config)
        qFatal("%s", config.error().message.c_str());
    return Mplug2Model(*config);
}

void WeightMatchTest::captionCheckpointMatchesExactly()
{
    const StateDict weights = load("tiny-a/caption.pth");
    Mplug2Model model = modelFor(weights, 2);
    const WeightMatchReport report = loadWeights(*model, weights);
    QVERIFY2(report.ok(), report.describe().c_str());
    // Universal-layer FFN copies (2 text encoder + 2 decoder layers, 6 tensors each), the decoder's
    // latents, 3 position_ids counters.
    QCOMPARE(report.unusedByDesign.size(), size_t(4 * 6 + 1 + 3));
    QCOMPARE(report.matched + report.unusedByDesign.size(), weights.size());
    const auto &conv = weights.at("visual_encoder.visual.conv1.weight");
    QVERIFY(model->visual_encoder->visual->conv1->weight.equal(conv));
    // The decoder's output layer is its word embedding table, as in the official model.
    QCOMPARE(model->text_decoder->predictions->decoderWeight.unsafeGetTensorImpl(),
        model->text_decoder->bert->embeddings->word_embeddings->weight.unsafeGetTensorImpl());
    QVERIFY(model->uniqueParameters().size() < model->parameters().size());
}

void WeightMatchTest::momentumCopiesAreUnusedByDesign()
{
    // Without normalisation the keys are as saved, under 'model.', momentum copies included.
    StateDict weights;
    for (const auto &[key, tensor] : load("tiny-a/qa.pth", false))
        if (key.rfind("model.", 0) == 0)
            weights[key.substr(6)] = tensor;
    Mplug2Model model = modelFor(weights, 2);
    const WeightMatchReport report = matchWeights(*model, weights);
    QVERIFY2(report.ok(), report.describe().c_str());
    const auto momentum = std::count_if(report.unusedByDesign.begin(), report.unusedByDesign.end(),
        [](const std::string &k) { return k.find("_m.") != std::string::npos; });
    QVERIFY(momentum > 300);
}

void WeightMatchTest::otherShapesAreReportedNotLoaded()
{
    const StateDict tinyA = load("tiny-a/caption.pth");
    const StateDict tinyB = load("tiny-b/caption.pth");
    Mplug2Model model = modelFor(tinyA, 2);
    const auto before = model->visn_emb_norm->weight.clone();
    const WeightMatchReport report = loadWeights(*model, tinyB);
    QVERIFY(!report.ok());
    QVERIFY(!report.misshaped.empty());
    const auto conv = std::find_if(report.misshaped.begin(), report.misshaped.end(),
        [](const WeightIssue &w) { return w.name == "visual_encoder.visual.conv1.weight"; });
    QVERIFY(conv != report.misshaped.end());
    QCOMPARE(conv->expectedShape, (std::vector<int64_t> {64, 3, 1, 14, 14}));
    QCOMPARE(conv->foundShape, (std::vector<int64_t> {128, 3, 1, 16, 16}));
    // tiny-b has visn_fc (vision 128 -> BERT 32), tiny-a has none.
    QVERIFY(std::any_of(report.unexpected.begin(), report.unexpected.end(),
        [](const WeightIssue &w) { return w.name == "visn_fc.weight"; }));
    QVERIFY(model->visn_emb_norm->weight.equal(before));
    QVERIFY(
        report.describe(1000).find("visual_encoder.visual.conv1.weight model [64, 3, 1, 14, 14] checkpoint "
                                   "[128, 3, 1, 16, 16]")
        != std::string::npos);
}

void WeightMatchTest::missingAndUnexpectedKeysAreNamed()
{
    StateDict weights = load("tiny-b/caption.pth");
    Mplug2Model model = modelFor(weights, 4);
    weights.erase("fusion_encoder.encoder.layer.3.output.dense.bias");
    weights["text_encoder.pooler.dense.weight"] = torch::zeros({32, 32});
    const WeightMatchReport report = matchWeights(*model, weights);
    QVERIFY(!report.ok());
    QVERIFY(report.ok(false) == false);
    QCOMPARE(report.missing.size(), size_t(1));
    QCOMPARE(report.missing.front().name, std::string("fusion_encoder.encoder.layer.3.output.dense.bias"));
    QCOMPARE(report.missing.front().expectedShape, std::vector<int64_t> {32});
    QCOMPARE(report.unexpected.size(), size_t(1));
    weights.erase("text_encoder.pooler.dense.weight");
    weights["fusion_encoder.encoder.layer.3.output.dense.bias"] = torch::zeros({32});
    weights["text_encoder.pooler.dense.weight"] = torch::zeros({32, 32});
    QVERIFY(matchWeights(*model, weights).ok(true));
}

void WeightMatchTest::wrongDtypeIsRejected()
{
    StateDict weights = load("tiny-b/caption.pth");
    Mplug2Model model = modelFor(weights, 4);
    weights["visn_emb_norm.weight"] = torch::ones({32}, at::kBool);
    const WeightMatchReport report = loadWeights(*model, weights);
    QVERIFY(!report.ok());
    QCOMPARE(report.misshaped.size(), size_t(1));
    QVERIFY(report.misshaped.front().detail.find("Bool") != std::string::npos);
}

void WeightMatchTest::tiedTensorsMustAgree()
{
    StateDict weights = load("tiny-a/caption.pth");
    Mplug2Model model = modelFor(weights, 2);
    auto &decoderWeight = weights.at("text_decoder.cls.predictions.decoder.weight");
    decoderWeight = decoderWeight.clone() + 1.0;
    const WeightMatchReport report = matchWeights(*model, weights);
    QVERIFY(!report.ok());
    QCOMPARE(report.tiedConflicts.size(), size_t(1));
}

QTEST_GUILESS_MAIN(WeightMatchTest)
#include "weightmatchtest.moc"
