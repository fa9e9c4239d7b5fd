// Configurations from JSON and from tensor shapes: the two agree on the
// official tiny checkpoints (except the heads, which shapes cannot tell),
// official defaults fill the gaps, and broken inputs give errors.
#include "model/config/configinference.h"

#include "model/checkpoint/statedict.h"
#include "model/config/configjson.h"
#include "model/modules/mplug2model.h"
#include "tests/support/qtestshared.h"

#include <QTest>

namespace json = mplug2::json;
using namespace mplug2::model;

class ConfigInferenceTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shapesAgreeWithJson_data();
    void shapesAgreeWithJson();
    void randomModelRoundTrips();
    void officialDefaults();
    void brokenInputsAreErrors();

private:
    std::string m_fixtures;
    json::Json m_manifest;
};

void ConfigInferenceTest::initTestCase()
{
    QString shared;
    MPLUG2_REQUIRE_SHARED(shared);
    m_fixtures = shared.toStdString() + "/fixtures/";
    auto manifest = json::parseFile(m_fixtures + "cases.json");
    QVERIFY(manifest.hasValue());
    m_manifest = std::move(*manifest);
}

void ConfigInferenceTest::shapesAgreeWithJson_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("checkpoint");
    QTest::newRow("tiny-a caption") << "tiny-a"
                                    << "tiny-a/caption.pth";
    QTest::newRow("tiny-a qa") << "tiny-a"
                               << "tiny-a/qa.pth";
    QTest::newRow("tiny-b caption") << "tiny-b"
                                    << "tiny-b/caption.pth";
}

void ConfigInferenceTest::shapesAgreeWithJson()
{
    QFETCH(QString, config);
    QFETCH(QString, checkpoint);
    json::View entry = json::View(m_manifest)["configs"][config.toStdString()];
    auto fromJson = configFromJson(entry["bert_config"], entry["model_config"]);
    QVERIFY2(fromJson.hasValue(), fromJson.hasValue() ? "" : fromJson.error().message.c_str());
    auto weights = loadStateDict(m_fixtures + checkpoint.toStdString());
    QVERIFY(weights.hasValue());
    ConfigOverrides overrides;
    overrides.bertHeads = fromJson->bert.numAttentionHeads;
    overrides.clipTextHeads = fromJson->clipText.heads;
    overrides.fusionLayers = fromJson->bert.fusionLayers;
    overrides.strideLayer = fromJson->bert.strideLayer;
    auto inferred = inferConfig(*weights, overrides);
    QVERIFY2(inferred.hasValue(), inferred.hasValue() ? "" : inferred.error().message.c_str());
    const Mplug2Config &a = *fromJson, &b = *inferred;
    QCOMPARE(b.bert.hiddenSize, a.bert.hiddenSize);
    QCOMPARE(b.bert.intermediateSize, a.bert.intermediateSize);
    QCOMPARE(b.bert.encoderWidth, a.bert.encoderWidth);
    QCOMPARE(b.bert.textEncoderLayers, a.bert.textEncoderLayers);
    QCOMPARE(b.bert.numHiddenLayers, a.bert.numHiddenLayers);
    QCOMPARE(b.bert.textDecodeLayers, a.bert.textDecodeLayers);
    QCOMPARE(b.bert.numUniLayer, a.bert.numUniLayer);
    QCOMPARE(b.bert.vocabSize, a.bert.vocabSize);
    QCOMPARE(b.bert.maxPositionEmbeddings, a.bert.maxPositionEmbeddings);
    QCOMPARE(b.vision.width, a.vision.width);
    QCOMPARE(b.vision.layers, a.vision.layers);
    QCOMPARE(b.vision.heads, a.vision.heads);
    QCOMPARE(b.vision.patchSize, a.vision.patchSize);
    QCOMPARE(b.vision.imageRes, a.vision.imageRes);
    QCOMPARE(b.embedDim, a.embedDim);
    QCOMPARE(b.clipText.width, a.clipText.width);
    QCOMPARE(b.clipText.layers, a.clipText.layers);
    QCOMPARE(b.clipText.contextLength, a.clipText.contextLength);
    QCOMPARE(b.numLatents, int64_t(50));
    QCOMPARE(b.projectsVision(), a.projectsVision());
}

void ConfigInferenceTest::randomModelRoundTrips()
{
    Mplug2Config config = tinyConfig();
    config.bert.numUniLayer = 1;
    config.vision.temporalDownsampling = true;
    Mplug2Model model(config);
    StateDict weights;
    for (const auto &item : model->named_parameters())
        weights[item.key()] = item.value();
    ConfigOverrides overrides;
    overrides.bertHeads = config.bert.numAttentionHeads;
    overrides.visionHeads = config.vision.heads;
    overrides.clipTextHeads = config.clipText.heads;
    overrides.fusionLayers = config.bert.fusionLayers;
    overrides.strideLayer = config.bert.strideLayer;
    auto inferred = inferConfig(weights, overrides);
    QVERIFY2(inferred.hasValue(), inferred.hasValue() ? "" : inferred.error().message.c_str());
    QCOMPARE(inferred->bert.numUniLayer, int64_t(1));
    QVERIFY(inferred->vision.temporalDownsampling);
    QCOMPARE(inferred->vision.width, config.vision.width);
    QCOMPARE(inferred->projectsVision(), true);
}

void ConfigInferenceTest::officialDefaults()
{
    QCOMPARE(defaultStrideLayer(1024), int64_t(1000));
    QCOMPARE(defaultStrideLayer(768), int64_t(3));
    const Mplug2Config base = baseConfig(), large = largeConfig();
    QVERIFY(validateConfig(base).empty());
    QVERIFY(validateConfig(large).empty());
    QCOMPARE(base.bert.textEncoderLayers, int64_t(6));
    QCOMPARE(large.bert.textEncoderLayers, int64_t(24));
    QCOMPARE(large.vision.patchSize, int64_t(14));
    QCOMPARE(base.vision.patchSize, int64_t(16));
    QVERIFY(large.projectsVision() == false && base.projectsVision() == false);
}

void ConfigInferenceTest::brokenInputsAreErrors()
{
    auto weights = loadStateDict(m_fixtures + "tiny-b/caption.pth");
    QVERIFY(weights.hasValue());
    StateDict noConv = *weights;
    noConv.erase("visual_encoder.visual.conv1.weight");
    auto a = inferConfig(noConv);
    QVERIFY(!a.hasValue());
    QVERIFY(a.error().message.find("visual_encoder.visual.conv1.weight") != std::string::npos);
    StateDict noLatents = *weights;
    noLatents.erase("text_encoder.encoder.layer.2.latents");
    QVERIFY(!inferConfig(noLatents).hasValue());
    StateDict oddHeads = *weights;
    ConfigOverrides overrides;
    overrides.bertHeads = 5; // 32 is not a multiple of 5
    QVERIFY(!inferConfig(oddHeads, overrides).hasValue());
    auto bad = configFromJson(json::Json::object(), json::Json::object());
    QVERIFY(!bad.hasValue());
    QVERIFY(bad.error().message.find("hidden_size") != std::string::npos);
}

QTEST_GUILESS_MAIN(ConfigInferenceTest)
#include "configinferencetest.moc"
