// The public Mplug2 API on the official tiny checkpoints: loading (with JSON
// configs and from shapes), captions and answers equal to the official
// ones, answer ranking, CLIP embeddings, text scores consistent with beam
// scores, attention and Grad-CAM shapes and sums, and errors for bad input.
#include "model/mplug2.h"

#include "model/checkpoint/statedict.h"
#include "model/config/configjson.h"
#include "model/runtime/exceptiontext.h"
#include "tests/support/qtestshared.h"

#include <QTest>

#include <torch/cuda.h>
#include <torch/types.h>

namespace json = mplug2::json;
using namespace mplug2::model;

class Mplug2Test : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void captionsAsTheOfficialCode();
    void answersAndRanksAsTheOfficialCode();
    void clipEmbeddings();
    void scoresAgreeWithBeamScores();
    void explainGivesMapsAndGradCam();
    void universalMapsAndRollout();
    void badInputIsAnError();
    void loadsWithInferredConfig();
    void outOfMemoryIsToldByTypeNotByWords();

private:
    std::unique_ptr<Mplug2> loadCase(const std::string &config, const std::string &checkpoint);
    json::View caseEntry(const std::string &id) const;

    std::string m_fixtures;
    json::Json m_manifest;
    StateDict m_captionExpected;
    StateDict m_qaExpected;
    std::unique_ptr<Mplug2> m_caption;
    std::unique_ptr<Mplug2> m_qa;
};

std::unique_ptr<Mplug2> Mplug2Test::loadCase(const std::string &config, const std::string &checkpoint)
{
    json::View c = json::View(m_manifest)["configs"][config];
    auto parsed = configFromJson(c["bert_config"], c["model_config"]);
    if (!parsed)
        qFatal("%s", parsed.error().message.c_str());
    LoadOptions options;
    options.config = *parsed;
    options.allowUnexpectedKeys = false;
    auto model = Mplug2::load(m_fixtures + checkpoint, options);
    if (!model)
        qFatal("%s", model.error().message.c_str());
    return std::move(*model);
}

json::View Mplug2Test::caseEntry(const std::string &id) const
{
    for (json::View c : json::View(m_manifest)["cases"].items())
        if (c["id"].asString() == id)
            return c;
    qFatal("no case %s", id.c_str());
}

void Mplug2Test::initTestCase()
{
    QString shared;
    MPLUG2_REQUIRE_SHARED(shared);
    m_fixtures = shared.toStdString() + "/fixtures/";
    auto manifest = json::parseFile(m_fixtures + "cases.json");
    QVERIFY(manifest.hasValue());
    m_manifest = std::move(*manifest);
    m_caption = loadCase("tiny-b", "tiny-b/caption.pth");
    m_qa = loadCase("tiny-a", "tiny-a/qa.pth");
    auto caption = loadTensorDict(m_fixtures + "tiny-b/expected_caption.pth");
    auto qa = loadTensorDict(m_fixtures + "tiny-a/expected_qa.pth");
    QVERIFY(caption.hasValue() && qa.hasValue());
    m_captionExpected = std::move(*caption);
    m_qaExpected = std::move(*qa);
    QVERIFY(m_caption->weightReport().ok());
}

void Mplug2Test::captionsAsTheOfficialCode()
{
    auto visual = m_caption->encodeVisual(m_captionExpected.at("batch2/pixel"));
    QVERIFY(visual.hasValue());
    QCOMPARE(visual->geometry.frames, int64_t(4));
    QCOMPARE(visual->geometry.gridHeight, int64_t(3));
    QCOMPARE(visual->geometry.tokens(), visual->imageEmbeds.size(1));
    QVERIFY(visual->times.visualMs > 0.0);
    auto result = m_caption->caption(*visual, GenerationParams::beam(5, 4, 12, 5));
    QVERIFY(result.hasValue());
    json::View entry = caseEntry("tiny-b/caption/batch2");
    for (size_t b = 0; b < 2; ++b) {
        json::View expected = entry["generation"]["beam5"][b];
        QCOMPARE(result->items[b].size(), expected["ids"].size());
        for (size_t i = 0; i < result->items[b].size(); ++i) {
            std::vector<int64_t> ids;
            for (json::View v : expected["ids"][i].items())
                ids.push_back(v.asInt());
            QCOMPARE(result->items[b][i].ids, ids);
            QVERIFY(std::abs(result->items[b][i].score - expected["scores"][i].asDouble()) < 1e-4);
        }
    }
}

void Mplug2Test::answersAndRanksAsTheOfficialCode()
{
    auto visual = m_qa->encodeVisual(m_qaExpected.at("batch2/pixel"));
    QVERIFY(visual.hasValue());
    auto question = m_qa->encodeQuestion(*visual, m_qaExpected.at("batch2/question/input_ids"),
        m_qaExpected.at("batch2/question/attention_mask"));
    QVERIFY(question.hasValue());
    QVERIFY(at::allclose(question->mask, m_qaExpected.at("batch2/fusion/merged_attention_mask")));
    json::View entry = caseEntry("tiny-a/qa/batch2");
    auto answers = m_qa->answer(*question, GenerationParams::beam(5, 1, 6));
    QVERIFY(answers.hasValue());
    for (size_t b = 0; b < 2; ++b) {
        std::vector<int64_t> top;
        for (json::View v : entry["generation"]["beam5_top1"][b]["ids"][0].items())
            top.push_back(v.asInt());
        QCOMPARE(answers->items[b].size(), size_t(1));
        QCOMPARE(answers->items[b][0].ids, top);
    }
    std::vector<std::vector<int64_t>> candidates;
    for (json::View row : entry["input"]["answer_input_ids"].items()) {
        std::vector<int64_t> ids;
        for (json::View v : row.items())
            if (v.asInt() != 0)
                ids.push_back(v.asInt());
        candidates.push_back(ids);
    }
    auto ranked = m_qa->rankAnswers(*question, candidates, 3);
    QVERIFY(ranked.hasValue());
    const auto &expectedIds = m_qaExpected.at("batch2/rank/topk_ids");
    const auto &expectedProbs = m_qaExpected.at("batch2/rank/topk_probs");
    for (int64_t b = 0; b < 2; ++b)
        for (int64_t j = 0; j < 3; ++j) {
            QCOMPARE((*ranked)[b][j].candidate, expectedIds[b][j].item<int64_t>());
            QVERIFY(std::abs((*ranked)[b][j].probability - expectedProbs[b][j].item<float>()) < 1e-4);
        }
}

void Mplug2Test::clipEmbeddings()
{
    auto visual = m_caption->encodeVisual(m_captionExpected.at("clip/pixel"));
    QVERIFY(visual.hasValue());
    auto image = m_caption->mediaEmbedding(*visual);
    auto text = m_caption->textEmbedding(m_captionExpected.at("clip/text_tokens"));
    QVERIFY(image.hasValue() && text.hasValue());
    QVERIFY(at::allclose(*image, m_captionExpected.at("clip/image_embed"), 1e-4, 1e-4));
    QVERIFY(at::allclose(*text, m_captionExpected.at("clip/text_embed"), 1e-4, 1e-4));
    const auto logits = m_caption->clipLogitScale() * at::matmul(*image, text->t());
    QVERIFY(at::allclose(logits, m_captionExpected.at("clip/logits_per_image"), 1e-3, 1e-3));
}

void Mplug2Test::scoresAgreeWithBeamScores()
{
    auto visual = m_caption->encodeVisual(m_captionExpected.at("video/pixel"));
    QVERIFY(visual.hasValue());
    auto result = m_caption->caption(*visual, GenerationParams::beam(5, 4, 12, 3));
    QVERIFY(result.hasValue());
    std::vector<std::vector<int64_t>> texts;
    for (const auto &h : result->items[0])
        texts.push_back(h.ids);
    auto scores = m_caption->scoreTexts(*visual, 0, texts);
    QVERIFY(scores.hasValue());
    QCOMPARE(scores->size(), texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
        QVERIFY2(
            std::abs((*scores)[i].beamScore - result->items[0][i].score) < 1e-4, std::to_string(i).c_str());
        QCOMPARE((*scores)[i].tokens, int64_t(texts[i].size() - 1));
        QVERIFY((*scores)[i].meanLogProb < 0.0);
    }
}

void Mplug2Test::explainGivesMapsAndGradCam()
{
    auto visual = m_caption->encodeVisual(m_captionExpected.at("video/pixel"));
    QVERIFY(visual.hasValue());
    const std::vector<int64_t> ids {101, 1037, 2678, 1997, 2111};
    auto maps = m_caption->explain(*visual, 0, ids, true);
    QVERIFY2(maps.hasValue(), maps.hasValue() ? "" : maps.error().message.c_str());
    const auto &config = m_caption->config();
    QCOMPARE(maps->crossAttention.sizes(),
        (c10::IntArrayRef {
            4, config.bert.textDecodeLayers, config.bert.numAttentionHeads, visual->geometry.tokens()}));
    QVERIFY(at::allclose(maps->crossAttention.sum(-1), torch::ones({4, 2, 4}), 1e-5, 1e-5));
    QCOMPARE(maps->gradients.sizes(), maps->crossAttention.sizes());
    QVERIFY(maps->gradients.abs().sum().item<double>() > 0.0);
    QVERIFY(maps->gradCam.min().item<float>() >= 0.0f);
    QCOMPARE(maps->tokenIds, (std::vector<int64_t> {1037, 2678, 1997, 2111}));
    // The maps are the teacher-forced decoder's: equal to the official cross-attention of the same prefix.
    const auto &dec = m_captionExpected.at("video/dec/cross_attn/0");
    const auto official = dec.select(0, 0).narrow(1, 0, 4).transpose(0, 1);
    QVERIFY(at::allclose(maps->crossAttention.select(1, 0), official, 1e-5, 1e-5));
    auto plain = m_caption->explain(*visual, 0, ids, false);
    QVERIFY(plain.hasValue());
    QVERIFY(!plain->gradients.defined());
    QVERIFY(at::allclose(plain->crossAttention, maps->crossAttention));
}

void Mplug2Test::universalMapsAndRollout()
{
    VisualCapture capture;
    capture.universalMaps = true;
    capture.vitAttention = true;
    auto visual = m_caption->encodeVisual(m_captionExpected.at("video/pixel"), capture);
    QVERIFY(visual.hasValue());
    QVERIFY(at::allclose(
        visual->latentToVisual, m_captionExpected.at("video/attn/uni_latent_cross"), 1e-5, 1e-5));
    QVERIFY(
        at::allclose(visual->visualToLatent, m_captionExpected.at("video/attn/uni_last_cross"), 1e-5, 1e-5));
    QCOMPARE(visual->vitAttention.size(), size_t(m_caption->config().vision.layers));
    const auto rollout = attentionRollout(visual->vitAttention);
    QCOMPARE(rollout.sizes(), (c10::IntArrayRef {4, 9}));
    QVERIFY(rollout.min().item<float>() >= 0.0f && rollout.sum(-1).max().item<float>() <= 1.0f + 1e-5f);
    auto plain = m_caption->encodeVisual(m_captionExpected.at("video/pixel"));
    QVERIFY(!plain->latentToVisual.defined() && plain->vitAttention.empty());
    QVERIFY(at::allclose(plain->imageEmbeds, visual->imageEmbeds));
}

void Mplug2Test::outOfMemoryIsToldByTypeNotByWords()
{
    // What LibTorch's CPU allocator throws for an allocation it cannot make.
    bool threw = false;
    try {
        const at::Tensor huge = torch::empty({int64_t(1) << 50}, torch::kFloat);
        QFAIL("a 4 PiB tensor was allocated");
    } catch (const std::exception &e) {
        threw = true;
        QVERIFY2(isOutOfMemory(e), exceptionText(e).c_str());
    }
    QVERIFY(threw);
    QVERIFY(isOutOfMemory(std::bad_alloc()));
    // The words alone do not make an out-of-memory error.
    QVERIFY(!isOutOfMemory(std::runtime_error("tokenizer: out of memory for no reason")));
    try {
        TORCH_CHECK(false, "CUDA out of memory, said a message that is not one");
    } catch (const std::exception &e) {
        QVERIFY(!isOutOfMemory(e));
    }
}

void Mplug2Test::badInputIsAnError()
{
    auto wrongShape = m_caption->encodeVisual(torch::zeros({1, 4, 2, 48, 48}));
    QVERIFY(!wrongShape.hasValue());
    QCOMPARE(wrongShape.error().code, mplug2::ErrorCode::InvalidArgument);
    QVERIFY(!m_caption->encodeVisual(torch::zeros({1, 3, 1, 8, 8})).hasValue());
    auto visual = m_caption->encodeVisual(m_captionExpected.at("image/pixel"));
    QVERIFY(visual.hasValue());
    QVERIFY(!m_caption->explain(*visual, 0, {101, 40000}, false).hasValue());
    QVERIFY(!m_caption->explain(*visual, 3, {101, 1037}, false).hasValue());
    QVERIFY(!m_caption->scoreTexts(*visual, 0, {{1037, 102}}).hasValue());
    const auto longQuestion = torch::full({1, 600}, 1037, at::kLong);
    auto q = m_caption->encodeQuestion(*visual, longQuestion, torch::ones_like(longQuestion));
    QVERIFY(!q.hasValue());
    QCOMPARE(q.error().code, mplug2::ErrorCode::LimitExceeded);
    GenerationParams p = GenerationParams::beam(0, 1, 5);
    QVERIFY(!m_caption->caption(*visual, p).hasValue());
    QVERIFY(!m_caption->textEmbedding(torch::full({1, 78}, 5, at::kLong)).hasValue());
    QVERIFY(!Mplug2::load(m_fixtures + "cases.json").hasValue());
    if (!torch::cuda::is_available()) {
        auto cuda = Mplug2::create(tinyConfig(), ComputeTarget {"cuda", Precision::Fp32});
        QVERIFY(!cuda.hasValue());
        QCOMPARE(cuda.error().code, mplug2::ErrorCode::Unsupported);
    }
    QVERIFY(!Mplug2::create(tinyConfig(), ComputeTarget {"cpu", Precision::Fp16}).hasValue());
}

void Mplug2Test::loadsWithInferredConfig()
{
    LoadOptions options;
    options.overrides.bertHeads = 4;
    options.overrides.clipTextHeads = 1;
    options.overrides.fusionLayers = 4;
    options.overrides.strideLayer = 2;
    auto model = Mplug2::load(m_fixtures + "tiny-b/caption.pth", options);
    QVERIFY2(model.hasValue(), model.hasValue() ? "" : model.error().message.c_str());
    auto visual = (*model)->encodeVisual(m_captionExpected.at("image/pixel"));
    QVERIFY(visual.hasValue());
    QVERIFY(at::allclose(visual->imageEmbeds, m_captionExpected.at("image/image_embeds"), 1e-4, 1e-4));
}

QTEST_GUILESS_MAIN(Mplug2Test)
#include "mplug2test.moc"
