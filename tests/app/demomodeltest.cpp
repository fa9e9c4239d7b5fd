// The bundled demo model (resources/models/demo): a complete bundle within the
// size budget that reaches issue 10's thresholds on 300 held-out files read
// back through the app's media pipeline, and captions the bundled samples
// right. Nothing here trains.
#include "app/bundle/modelbundle.h"
#include "app/demo/demoevaluation.h"
#include "app/demo/demomedia.h"
#include "app/demo/demosamples.h"
#include "app/engine/loadedmodel.h"
#include "model/synthetic/scenetext.h"
#include "model/synthetic/syntheticscene.h"
#include "model/text/tokenizer.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(MPLUG2_SOURCE_DIR)).filePath(relative);
}

const QString kBundle = QStringLiteral("resources/models/demo");

} // namespace

class DemoModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bundleIsSmallAndComplete()
    {
        const Expected<ModelBundle> bundle = ModelBundle::load(sourcePath(kBundle));
        QVERIFY2(bundle, bundle ? "" : bundle.error().message.c_str());
        QCOMPARE(bundle->tokenizerKind, QStringLiteral("sentencepiece"));
        QCOMPARE(bundle->clipTokenizerKind, QStringLiteral("sentencepiece"));
        QVERIFY(bundle->captions() && bundle->answersQuestions());
        QVERIFY(bundle->prompt.isEmpty());
        QVERIFY(!bundle->license.isEmpty());
        QVERIFY(QFileInfo(bundle->checkpoint).size() <= 10 * 1000 * 1000);
        QVERIFY(QFileInfo(sourcePath(kBundle + QStringLiteral("/README.md"))).isFile());
    }

    // The engine builds the model with every count the manifest gives (it once
    // missed vision_heads and ran the demo model's 2-head ViT with 1 head).
    void theEngineReadsEveryCountOfTheManifest()
    {
        const Expected<ModelBundle> bundle = ModelBundle::load(sourcePath(kBundle));
        QVERIFY2(bundle, bundle ? "" : bundle.error().message.c_str());
        const model::ConfigOverrides o = configOverrides(*bundle);
        const auto given = [](const QJsonObject &config, const char *key) {
            const QJsonValue v = config.value(QLatin1String(key));
            return v.isDouble() ? std::optional<int64_t>(v.toInteger()) : std::nullopt;
        };
        QVERIFY(o.bertHeads && o.bertHeads == given(bundle->bertConfig, "num_attention_heads"));
        QVERIFY(o.fusionLayers && o.fusionLayers == given(bundle->bertConfig, "fusion_layers"));
        QVERIFY(o.strideLayer && o.strideLayer == given(bundle->bertConfig, "stride_layer"));
        QVERIFY(o.visionHeads && o.visionHeads == given(bundle->modelConfig, "vision_heads"));
        QVERIFY(o.clipTextHeads && o.clipTextHeads == given(bundle->modelConfig, "clip_transformer_heads"));
        QCOMPARE(o.numFrames.value_or(0), int64_t(bundle->numFrames));
    }

    // The bundle's generation lengths hold every caption and answer of the world
    // in the bundle's own tokenizer (pieces + [SEP]): a shorter limit cuts the
    // answer ("nowhere" is five pieces) and the model can never be right.
    void generationLengthsHoldEveryCaptionAndAnswer()
    {
        using namespace model::synthetic;
        const Expected<ModelBundle> bundle = ModelBundle::load(sourcePath(kBundle));
        QVERIFY2(bundle, bundle ? "" : bundle.error().message.c_str());
        const auto tokenizer = model::text::loadTokenizer(
            model::text::TokenizerKind::SentencePiece, bundle->vocab.toStdString());
        QVERIFY2(tokenizer, tokenizer ? "" : tokenizer.error().message.c_str());
        const auto generated = [&](std::string_view text) {
            return int((*tokenizer)->encode(text, {.addSpecialTokens = false}).size()) + 1;
        };
        std::vector<std::string> captions;
        for (ShapeKind k : kShapeKinds)
            for (Colour c : kColours) {
                captions.push_back(oneShapeCaption(k, c, Motion::Still, false));
                for (Motion m : kMotions)
                    captions.push_back(oneShapeCaption(k, c, m, true));
                for (ShapeKind k2 : kShapeKinds)
                    for (Colour c2 : kColours)
                        captions.push_back(twoShapeCaption(k, c, k2, c2));
            }
        for (const std::string &caption : captions)
            QVERIFY2(generated(caption) <= bundle->captionGeneration.maxLength, caption.c_str());
        std::vector<std::string> answers = {"one", "two"};
        for (Motion m : kMotions)
            answers.emplace_back(motionAnswer(m));
        for (Colour c : kColours)
            answers.emplace_back(colourName(c));
        for (ShapeKind k : kShapeKinds)
            answers.emplace_back(shapeName(k));
        for (const std::string &answer : answers)
            QVERIFY2(generated(answer) <= bundle->qaGeneration.maxLength, answer.c_str());
    }

    void meetsTheThresholdsOnHeldOutFiles()
    {
        DemoEvaluationOptions o;
        o.bundle = sourcePath(kBundle);
        o.items = 300;
        const Expected<DemoEvaluationReport> report = evaluateDemoModel(o);
        QVERIFY2(report, report ? "" : report.error().message.c_str());
        const std::string json = report->toJson().dump();
        qInfo("%s", json.c_str());
        QCOMPARE(report->metrics.items, 300);
        QVERIFY(report->metrics.oneShape.total >= 100 && report->metrics.twoShape.total >= 100);
        QVERIFY(report->metrics.retrieval.total >= 50 && report->metrics.attention.total >= 100);
        QVERIFY2(report->failures().empty(), json.c_str());
    }

    void samplesAreCaptionedRight()
    {
        // Through the app's media pipeline on the bundled samples, which the README's quick start shows.
        DemoEvaluationOptions o;
        o.bundle = sourcePath(kBundle);
        o.keepOutputs = true;
        for (const DemoSample &s : demoSamples()) {
            const QString path = sourcePath(QStringLiteral("resources/samples/") + s.fileName);
            QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));
            QVERIFY(QFileInfo(path).size() < 200 * 1000);
            o.files.push_back({path, s.scene});
        }
        const Expected<DemoEvaluationReport> report = evaluateDemoModel(o);
        QVERIFY2(report, report ? "" : report.error().message.c_str());
        QCOMPARE(report->outputs.size(), o.files.size());
        for (const auto &out : report->outputs)
            QVERIFY2(out.captionRight, (out.truth + " <- " + out.caption).c_str());
    }
};

QTEST_GUILESS_MAIN(DemoModelTest)
#include "demomodeltest.moc"
