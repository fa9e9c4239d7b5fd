// The engine over the real mPLUG-2 backend, on the shared fixture checkpoints
// and media: results equal the official code's (cases.json) and the model
// layer's; the cache, cancellation and failures behave.
#include "app/engine/engine.h"

#include "app/engine/mediaframes.h"
#include "app/export/exporter.h"
#include "model/checkpoint/statedict.h"
#include "model/config/configjson.h"
#include "model/modules/mplug2model.h"
#include "model/mplug2.h"
#include "model/tasks/sequencescoring.h"
#include "model/text/officialtext.h"
#include "model/text/tokenizer.h"
#include "model/weights/weightmatch.h"
#include "tests/app/fixturebundles.h"
#include "tests/support/qtestshared.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <torch/types.h>
#include <torch/utils.h>

using namespace mplug2;
using namespace mplug2::app;

namespace {

struct Outcome {
    std::optional<EngineResult> result;
    std::optional<EngineError> error;
    bool cancelled = false;
};

/// Submits and waits for the request's end.
Outcome runRequest(Engine &engine, const EngineRequest &request, int timeoutMs = 60000)
{
    const RequestHandle handle = engine.submit(request);
    QElapsedTimer clock;
    clock.start();
    while (!handle.isOver() && clock.elapsed() < timeoutMs)
        QTest::qWait(5);
    Outcome out;
    if (const std::optional<RequestOutcome> o = handle.outcome()) {
        out.result = o->result;
        out.error = o->error;
        out.cancelled = o->isCancelled();
    }
    return out;
}

bool loadInto(Engine &engine, const ModelBundle &bundle)
{
    const RequestHandle load = engine.loadModel(bundle, DeviceChoice::cpu());
    QElapsedTimer clock;
    clock.start();
    while (!load.isOver() && clock.elapsed() < 60000)
        QTest::qWait(10);
    if (load.outcome() && load.outcome()->error)
        qWarning("load failed: %s (%s)", qPrintable(load.outcome()->error->message),
            qPrintable(load.outcome()->error->details));
    return load.outcome() && load.outcome()->isFinished();
}

/// The case's beam settings, and as many results as it recorded.
void useOfficialGeneration(EngineRequest &r, const QJsonObject &settings, const QJsonObject &expected)
{
    r.generation.beamSize = settings.value(QStringLiteral("beam_size")).toInt();
    r.generation.minLength = settings.value(QStringLiteral("min_length")).toInt();
    r.generation.maxLength = settings.value(QStringLiteral("max_length")).toInt();
    r.generation.numResults = int(expected.value(QStringLiteral("ids")).toArray().size());
}

} // namespace

class EngineTest : public QObject {
    Q_OBJECT

    QString m_shared;
    QJsonObject m_cases;
    QTemporaryDir m_dir;

    QString fixture(const QString &relative) const
    {
        return m_shared + QStringLiteral("/fixtures/") + relative;
    }

    QString ffmpeg(const QString &name, const QStringList &args)
    {
        const QString path = m_dir.filePath(name);
        QProcess p;
        p.start(QStringLiteral("ffmpeg"),
            QStringList {QStringLiteral("-y"), QStringLiteral("-v"), QStringLiteral("error")} + args
                + QStringList {path});
        return p.waitForFinished(60000) && p.exitCode() == 0 ? path : QString();
    }

    EngineResult mustFinish(Engine &engine, const EngineRequest &request)
    {
        const Outcome o = runRequest(engine, request);
        if (o.error)
            qWarning("request failed: %s (%s)", qPrintable(o.error->message), qPrintable(o.error->details));
        return o.result.value_or(EngineResult {});
    }

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        QVERIFY(m_dir.isValid());
        m_cases = test::readCases(m_shared);
        QVERIFY(!m_cases.isEmpty());
    }

    // Every caption case whose pixels came from a fixture medium: the engine,
    // given that file, produces the official n-best ids and scores.
    void captionsAreTheOfficialOnes()
    {
        int checked = 0;
        for (const QJsonObject &c : test::casesOfKind(m_cases, QStringLiteral("caption"))) {
            const QJsonObject input = c.value(QStringLiteral("input")).toObject();
            const QString source = input.value(QStringLiteral("pixel_source")).toString();
            const QJsonArray shape = input.value(QStringLiteral("pixel_shape")).toArray();
            if (source.isEmpty() || shape.at(0).toInt() != 1)
                continue; // batch cases have no single file
            Engine engine;
            QVERIFY(loadInto(engine,
                test::fixtureBundle(m_shared, m_cases, c.value(QStringLiteral("config")).toString(),
                    QStringLiteral("caption"))));
            const QJsonObject generation = c.value(QStringLiteral("generation")).toObject();
            const QJsonObject settings = generation.value(QStringLiteral("settings"))
                                             .toObject()
                                             .value(QStringLiteral("beam5"))
                                             .toObject();
            const QJsonObject expected = generation.value(QStringLiteral("beam5")).toArray().at(0).toObject();
            EngineRequest r = EngineRequest::caption(fixture(source));
            r.media.numFrames = shape.at(2).toInt();
            useOfficialGeneration(r, settings, expected);
            const EngineResult result = mustFinish(engine, r);
            const QJsonArray ids = expected.value(QStringLiteral("ids")).toArray();
            const QJsonArray scores = expected.value(QStringLiteral("scores")).toArray();
            QCOMPARE(result.items.size(), ids.size());
            const double atol = test::toleranceFor(m_cases, QStringLiteral("/scores"));
            for (qsizetype i = 0; i < ids.size(); ++i) {
                QCOMPARE(result.items.at(i).tokenIds, test::idsOf(ids.at(i)));
                QVERIFY2(qAbs(result.items.at(i).score - scores.at(i).toDouble()) <= atol,
                    qPrintable(c.value(QStringLiteral("id")).toString()));
            }
            QCOMPARE(result.items.at(0).tokens.first(), QStringLiteral("[CLS]"));
            ++checked;
        }
        QVERIFY(checked >= 2);
    }

    // Every QA case from a fixture medium: free answers and the official
    // rank_answer over the case's answer list.
    void answersAreTheOfficialOnes()
    {
        int checked = 0;
        for (const QJsonObject &c : test::casesOfKind(m_cases, QStringLiteral("qa"))) {
            const QJsonObject input = c.value(QStringLiteral("input")).toObject();
            const QString source = input.value(QStringLiteral("pixel_source")).toString();
            const QJsonArray shape = input.value(QStringLiteral("pixel_shape")).toArray();
            if (source.isEmpty() || shape.at(0).toInt() != 1)
                continue;
            Engine engine;
            QVERIFY(loadInto(engine,
                test::fixtureBundle(
                    m_shared, m_cases, c.value(QStringLiteral("config")).toString(), QStringLiteral("qa"))));
            const QJsonObject generation = c.value(QStringLiteral("generation")).toObject();
            const QJsonObject settings = generation.value(QStringLiteral("settings")).toObject();
            const QJsonObject expected = generation.value(QStringLiteral("beam5")).toArray().at(0).toObject();
            EngineRequest r = EngineRequest::ask(
                fixture(source), input.value(QStringLiteral("questions")).toArray().at(0).toString());
            r.media.numFrames = shape.at(2).toInt();
            useOfficialGeneration(r, settings, expected);
            const EngineResult free = mustFinish(engine, r);
            const QJsonArray ids = expected.value(QStringLiteral("ids")).toArray();
            QCOMPARE(free.items.size(), ids.size());
            for (qsizetype i = 0; i < ids.size(); ++i)
                QCOMPARE(free.items.at(i).tokenIds, test::idsOf(ids.at(i)));
            QVERIFY(qAbs(free.items.at(0).score
                        - expected.value(QStringLiteral("scores")).toArray().at(0).toDouble())
                <= test::toleranceFor(m_cases, QStringLiteral("/scores")));

            const QJsonObject rank = generation.value(QStringLiteral("rank")).toObject();
            const QList<qint64> topIds = test::idsOf(rank.value(QStringLiteral("topk_ids")).toArray().at(0));
            const QJsonArray topProbs = rank.value(QStringLiteral("topk_probs")).toArray().at(0).toArray();
            QStringList answers;
            for (const QJsonValue &a : input.value(QStringLiteral("answer_list")).toArray())
                answers.append(a.toString());
            r.texts = answers;
            r.rankTopK = int(topIds.size());
            const EngineResult ranked = mustFinish(engine, r);
            QCOMPARE(ranked.items.size(), topIds.size());
            const double atol = test::toleranceFor(m_cases, QStringLiteral("rank/topk_probs"));
            for (qsizetype i = 0; i < topIds.size(); ++i) {
                QCOMPARE(ranked.items.at(i).text, answers.at(topIds.at(i)));
                QVERIFY(qAbs(ranked.items.at(i).score - topProbs.at(i).toDouble()) <= atol);
            }
            // The second question on the same medium reused its visual embedding.
            QVERIFY(ranked.visualCacheHit);
            QCOMPARE(engine.stats().visualEncoderRuns, 1);
            QCOMPARE(engine.stats().visualCacheHits, 1);
            ++checked;
        }
        QVERIFY(checked >= 1);
    }

    // On a generated video (not a fixture medium), the engine's captions and
    // answers equal the model layer's public API run by hand on the same frames.
    void captionAndAnswerEqualTheModelLayerDirectly()
    {
        const QString video = ffmpeg(QStringLiteral("direct.mp4"),
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                QStringLiteral("testsrc2=size=128x96:rate=12"), QStringLiteral("-t"), QStringLiteral("3"),
                QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")});
        QVERIFY(!video.isEmpty());
        const QString config = QStringLiteral("tiny-a");
        const QJsonObject configs
            = m_cases.value(QStringLiteral("configs")).toObject().value(config).toObject();
        const auto json
            = [](const QJsonObject &o) { return *json::parse(QJsonDocument(o).toJson().toStdString()); };
        const Expected<model::Mplug2Config> modelConfig
            = model::configFromJson(json(configs.value(QStringLiteral("bert_config")).toObject()),
                json(configs.value(QStringLiteral("model_config")).toObject()));
        QVERIFY(modelConfig);
        const QString question = QStringLiteral("What is on the screen?");
        for (const QString &task : {QStringLiteral("caption"), QStringLiteral("qa")}) {
            const ModelBundle bundle = test::fixtureBundle(m_shared, m_cases, config, task);
            const bool qa = bundle.kind == ModelKind::Qa;
            Engine engine;
            QVERIFY(loadInto(engine, bundle));
            EngineRequest r = qa ? EngineRequest::ask(video, question) : EngineRequest::caption(video);
            r.generation.numResults = 3;
            const EngineResult viaEngine = mustFinish(engine, r);
            QCOMPARE(viaEngine.items.size(), 3);

            model::LoadOptions options = model::LoadOptions::defaultParams();
            options.config = *modelConfig;
            Expected<std::unique_ptr<model::Mplug2>> net
                = model::Mplug2::load(bundle.checkpoint.toStdString(), options);
            QVERIFY2(net, net ? "" : net.error().message.c_str());
            MediaInput input;
            input.path = video;
            const Expected<MediaFrames> frames
                = MediaFrames::decode(input, bundle.numFrames, bundle.imageRes, nullptr);
            QVERIFY(frames);
            const media::PixelBatch &p = frames->pixels;
            const at::Tensor pixels = torch::from_blob(
                const_cast<float *>(p.data.data()), {1, 3, p.frames, p.height, p.width}, at::kFloat);
            const Expected<model::VisualFeatures> visual = (*net)->encodeVisual(pixels);
            QVERIFY(visual);
            const GenerationDefaults d = qa ? bundle.qaGeneration : bundle.captionGeneration;
            const model::GenerationParams params
                = model::GenerationParams::beam(d.beamSize, d.minLength, d.maxLength, 3);
            Expected<model::GenerationResult> direct = model::GenerationResult {};
            if (qa) {
                const Expected<std::unique_ptr<model::text::Tokenizer>> tokenizer
                    = model::text::loadTokenizer(
                        model::text::TokenizerKind::WordPiece, bundle.vocab.toStdString());
                QVERIFY(tokenizer);
                const std::vector<int64_t> q = (*tokenizer)
                                                   ->encode(model::text::preQuestion(question.toStdString(),
                                                       model::text::kOfficialMaxQuestionWords));
                const at::Tensor ids = torch::tensor(q, at::kLong).unsqueeze(0);
                const Expected<model::EncodedQuestion> encoded
                    = (*net)->encodeQuestion(*visual, ids, torch::ones_like(ids));
                QVERIFY(encoded);
                direct = (*net)->answer(*encoded, params);
            } else {
                direct = (*net)->caption(*visual, params);
            }
            QVERIFY(direct);
            const std::vector<model::Hypothesis> &best = direct->items.at(0);
            QCOMPARE(qsizetype(best.size()), viaEngine.items.size());
            for (size_t i = 0; i < best.size(); ++i) {
                QCOMPARE(viaEngine.items.at(qsizetype(i)).tokenIds,
                    QList<qint64>(best[i].ids.begin(), best[i].ids.end()));
                QCOMPARE(float(viaEngine.items.at(qsizetype(i)).score), best[i].score);
            }
        }
    }

    // CLIP-space text embeddings equal the official XCLIP.encode_text (normalised).
    void clipTextEmbeddingsAreTheOfficialOnes()
    {
        for (const QJsonObject &c : test::casesOfKind(m_cases, QStringLiteral("clip_embed"))) {
            const QString config = c.value(QStringLiteral("config")).toString();
            Engine engine;
            QVERIFY(
                loadInto(engine, test::fixtureBundle(m_shared, m_cases, config, QStringLiteral("caption"))));
            QStringList texts;
            for (const QJsonValue &t :
                c.value(QStringLiteral("input")).toObject().value(QStringLiteral("texts")).toArray())
                texts.append(t.toString());
            const EngineResult r = mustFinish(engine, EngineRequest::embedTexts(texts));
            QCOMPARE(r.textEmbeddings.size(), texts.size());
            const QString expectedFile = c.value(QStringLiteral("expected")).toString();
            const Expected<model::StateDict> expected
                = model::loadTensorDict(fixture(expectedFile).toStdString());
            QVERIFY(expected);
            const at::Tensor want
                = expected->at(c.value(QStringLiteral("prefix")).toString().toStdString() + "text_embed");
            const double atol = test::toleranceFor(m_cases, QStringLiteral("clip/text_embed"));
            for (int i = 0; i < texts.size(); ++i)
                for (int j = 0; j < want.size(1); ++j)
                    QVERIFY(qAbs(r.textEmbeddings.at(i).at(j) - want[i][j].item<float>()) <= atol);
        }
    }

    // Zero-shot labels: the engine's probabilities equal a softmax of the
    // model layer's mean token log-probabilities of prompt + label + [SEP]
    // over the official visual embedding of the same video.
    void classifyEqualsTheModelLayer()
    {
        const QJsonObject c = test::casesOfKind(m_cases, QStringLiteral("caption")).at(0);
        const QString config = c.value(QStringLiteral("config")).toString();
        const ModelBundle bundle = test::fixtureBundle(m_shared, m_cases, config, QStringLiteral("caption"));
        Engine engine;
        QVERIFY(loadInto(engine, bundle));
        const QString source
            = c.value(QStringLiteral("input")).toObject().value(QStringLiteral("pixel_source")).toString();
        const QStringList labels
            = {QStringLiteral("people dancing"), QStringLiteral("a red car"), QStringLiteral("soup")};
        EngineRequest r = EngineRequest::classify(fixture(source), labels);
        r.media.numFrames = c.value(QStringLiteral("input"))
                                .toObject()
                                .value(QStringLiteral("pixel_shape"))
                                .toArray()
                                .at(2)
                                .toInt();
        const EngineResult result = mustFinish(engine, r);
        QCOMPARE(result.items.size(), 3);
        double total = 0;
        for (const ResultItem &item : result.items)
            total += item.score;
        QVERIFY(qAbs(total - 1.0) < 1e-9);

        // The model layer, directly: a model built from the official configs,
        // the tokenizer, and the official image_embeds of the same video.
        const QJsonObject configs
            = m_cases.value(QStringLiteral("configs")).toObject().value(config).toObject();
        const auto json
            = [](const QJsonObject &o) { return *json::parse(QJsonDocument(o).toJson().toStdString()); };
        const Expected<model::Mplug2Config> modelConfig
            = model::configFromJson(json(configs.value(QStringLiteral("bert_config")).toObject()),
                json(configs.value(QStringLiteral("model_config")).toObject()));
        QVERIFY(modelConfig);
        model::Mplug2Model net(*modelConfig);
        const Expected<model::StateDict> weights = model::loadStateDict(bundle.checkpoint.toStdString());
        QVERIFY(weights);
        QVERIFY(model::loadWeights(*net, *weights).ok());
        net->eval();
        const Expected<std::unique_ptr<model::text::Tokenizer>> tokenizer
            = model::text::loadTokenizer(model::text::TokenizerKind::WordPiece, bundle.vocab.toStdString());
        QVERIFY(tokenizer);
        const Expected<model::StateDict> expected
            = model::loadTensorDict(fixture(c.value(QStringLiteral("expected")).toString()).toStdString());
        QVERIFY(expected);
        const at::Tensor embeds
            = expected->at(c.value(QStringLiteral("prefix")).toString().toStdString() + "image_embeds");
        torch::InferenceMode inference;
        const std::vector<int64_t> prompt
            = (*tokenizer)->encode(bundle.prompt.toStdString(), {.addSpecialTokens = false});
        std::vector<double> means;
        for (const QString &label : labels) {
            std::vector<int64_t> ids {101};
            ids.insert(ids.end(), prompt.begin(), prompt.end());
            // The text scored is the label in the request's template ("a {}" by default).
            const QString text = QString(r.labelTemplate).replace(QStringLiteral("{}"), label);
            const std::vector<int64_t> body
                = (*tokenizer)->encode(text.toStdString(), {.addSpecialTokens = false});
            ids.insert(ids.end(), body.begin(), body.end());
            ids.push_back(102);
            const at::Tensor idTensor = torch::tensor(ids, at::kLong).unsqueeze(0);
            const at::Tensor lp = model::tokenLogProbs(*net->text_decoder, idTensor,
                torch::ones_like(idTensor), embeds, torch::ones({1, embeds.size(1)}, at::kLong));
            means.push_back(
                lp[0]
                    .narrow(0, int64_t(prompt.size()), int64_t(ids.size()) - 1 - int64_t(prompt.size()))
                    .mean()
                    .item<double>());
        }
        double sum = 0;
        for (double m : means)
            sum += std::exp(m);
        std::map<QString, double> engineProb;
        for (const ResultItem &item : result.items)
            engineProb[item.text] = item.score;
        for (int i = 0; i < labels.size(); ++i)
            QVERIFY2(qAbs(engineProb[labels.at(i)] - std::exp(means[size_t(i)]) / sum) < 1e-4,
                qPrintable(labels.at(i)));
    }

    void cancelStopsGenerationWithinTwoHundredMilliseconds()
    {
        const ModelBundle bundle
            = test::fixtureBundle(m_shared, m_cases, QStringLiteral("tiny-a"), QStringLiteral("caption"));
        Engine engine;
        QVERIFY(loadInto(engine, bundle));
        EngineRequest r = EngineRequest::caption(fixture(QStringLiteral("media/testsrc.mp4")));
        r.generation.minLength = 400; // forces every step: [SEP] is masked until the end
        r.generation.maxLength = 400;
        const RequestHandle handle = engine.submit(r);
        bool generating = false;
        handle.onProgress(this, [&](const EngineProgress &p) {
            generating = generating || (p.stage == EngineStage::Generating && p.step >= 2);
        });
        QTRY_VERIFY_WITH_TIMEOUT(generating, 30000);
        const qint64 stepsBefore = engine.stats().decoderSteps;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(handle.cancel());
        QTRY_VERIFY_WITH_TIMEOUT(handle.isOver(), 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(handle.state(), RequestState::Cancelled);
        QVERIFY(engine.stats().decoderSteps < 400);
        QVERIFY(engine.stats().decoderSteps >= stepsBefore);
        // The engine goes on working.
        EngineRequest next = EngineRequest::caption(fixture(QStringLiteral("media/image.png")));
        QVERIFY(!mustFinish(engine, next).items.isEmpty());
    }

    void brokenAndMissingMediaFailWithAMessageAndTheNextRequestWorks()
    {
        const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.mp4"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 4096; ++i)
            f.putChar(char((i * 7919) % 251));
        f.close();
        Engine engine;
        QVERIFY(loadInto(engine,
            test::fixtureBundle(m_shared, m_cases, QStringLiteral("tiny-a"), QStringLiteral("caption"))));
        const Outcome broken = runRequest(engine, EngineRequest::caption(corrupt));
        QVERIFY(broken.error);
        QVERIFY2(
            broken.error->message.contains(QStringLiteral("corrupt.mp4")), qPrintable(broken.error->message));
        const Outcome missing
            = runRequest(engine, EngineRequest::caption(m_dir.filePath(QStringLiteral("nope.mp4"))));
        QVERIFY(missing.error);
        QCOMPARE(missing.error->code, ErrorCode::NotFound);
        QVERIFY(missing.error->message.contains(QStringLiteral("nope.mp4")));
        QVERIFY(!mustFinish(engine, EngineRequest::caption(fixture(QStringLiteral("media/testsrc.mp4"))))
                     .items.isEmpty());
        QCOMPARE(engine.stats().requestsFailed, 2);
    }

    // A bundle does its kind's task, plus the tasks its manifest lists (the demo
    // model captions and answers); anything else is refused as unsupported.
    void tasksFollowTheBundle()
    {
        const QString clip = fixture(QStringLiteral("media/testsrc.mp4"));
        const EngineRequest ask = EngineRequest::ask(clip, QStringLiteral("what is in the video?"));
        for (const QString &kind : {QStringLiteral("caption"), QStringLiteral("qa")}) {
            ModelBundle bundle = test::fixtureBundle(m_shared, m_cases, QStringLiteral("tiny-a"), kind);
            const bool qa = kind == QLatin1String("qa");
            const EngineRequest other = qa ? EngineRequest::caption(clip) : ask;
            {
                Engine engine;
                QVERIFY(loadInto(engine, bundle));
                const Outcome refused = runRequest(engine, other);
                QVERIFY2(refused.error, qPrintable(kind));
                QCOMPARE(refused.error->code, ErrorCode::Unsupported);
            }
            bundle.extraTasks = {qa ? QStringLiteral("caption") : QStringLiteral("qa")};
            Engine engine;
            QVERIFY(loadInto(engine, bundle));
            const Outcome done = runRequest(engine, other);
            QVERIFY2(!done.error, done.error ? qPrintable(done.error->message) : "");
            QVERIFY2(done.result && !done.result->items.isEmpty(), qPrintable(kind));
        }
    }

    void attentionMapsComeWithTheCaption()
    {
        Engine engine;
        QVERIFY(loadInto(engine,
            test::fixtureBundle(m_shared, m_cases, QStringLiteral("tiny-a"), QStringLiteral("caption"))));
        EngineRequest r = EngineRequest::caption(fixture(QStringLiteral("media/testsrc.mp4")));
        r.attention.crossAttention = true;
        r.attention.gradCam = true;
        r.attention.latentAttention = true;
        r.returnFrames = true;
        const EngineResult result = mustFinish(engine, r);
        QVERIFY(result.attention);
        const AttentionMaps &maps = *result.attention;
        QVERIFY(maps.isConsistent());
        QVERIFY(maps.hasCrossAttention() && maps.hasGradCam() && maps.hasLatentAttention());
        QCOMPARE(maps.geometry.frames, result.frames.size());
        QCOMPARE(maps.geometry.frameIndices.size(), result.frames.size());
        // The maps belong to the generated words: the best result's ids without [CLS]/[SEP].
        QList<qint64> words = result.items.at(0).tokenIds;
        words.removeAll(101);
        words.removeAll(102);
        QCOMPARE(maps.tokenIds, words);
        // A caption model attends over the visual tokens only: each head's row sums to 1.
        const qsizetype n = maps.geometry.visualTokens();
        for (qsizetype row = 0; row < maps.crossAttention.size() / n; ++row) {
            double sum = 0;
            for (qsizetype v = 0; v < n; ++v)
                sum += maps.crossAttention.at(row * n + v);
            QVERIFY2(qAbs(sum - 1.0) < 1e-4, qPrintable(QString::number(sum)));
        }
        bool anyGradient = false;
        for (float g : maps.gradCam) {
            QVERIFY(std::isfinite(g));
            anyGradient = anyGradient || g != 0.f;
        }
        QVERIFY(anyGradient);
        // Ready for the exporters.
        ExportInput input;
        input.results = {result};
        QVERIFY(findExporter(QStringLiteral("contact-sheet"))
                    ->write(input, m_dir.filePath(QStringLiteral("sheet.png"))));
    }

    // "Why this result?" scores the query as a caption of the media and shows where the
    // model looks while it reads it: the scoring task records the maps of the best text.
    void scoringTextsRecordsTheAttentionOfTheBestText()
    {
        Engine engine;
        QVERIFY(loadInto(engine,
            test::fixtureBundle(m_shared, m_cases, QStringLiteral("tiny-a"), QStringLiteral("caption"))));
        EngineRequest r;
        r.task = TaskKind::ScoreTexts;
        r.media.path = fixture(QStringLiteral("media/image.png"));
        r.texts = {QStringLiteral("a red circle"), QStringLiteral("two blue squares on the left")};
        r.attention.crossAttention = true;
        r.returnFrames = true;
        const EngineResult result = mustFinish(engine, r);
        QVERIFY(result.attention);
        const AttentionMaps &maps = *result.attention;
        QVERIFY(maps.isConsistent());
        QVERIFY(maps.hasCrossAttention());
        QVERIFY(!result.frames.isEmpty());
        QList<qint64> words = result.items.at(0).tokenIds;
        words.removeAll(101);
        words.removeAll(102);
        QCOMPARE(maps.tokenIds, words);
        // Asked for no maps (re-ranking a search): none are computed.
        r.attention = {};
        QVERIFY(!mustFinish(engine, r).attention);
    }

    void denseCaptionsCoverTheVideoWindowByWindow()
    {
        const QString video = ffmpeg(QStringLiteral("long.mp4"),
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                QStringLiteral("testsrc2=size=96x72:rate=10"), QStringLiteral("-t"), QStringLiteral("6"),
                QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")});
        QVERIFY(!video.isEmpty());
        Engine engine;
        QVERIFY(loadInto(engine,
            test::fixtureBundle(m_shared, m_cases, QStringLiteral("tiny-a"), QStringLiteral("caption"))));
        const EngineResult dense = mustFinish(engine, EngineRequest::denseCaption(video, 2.0));
        QCOMPARE(dense.segments.size(), 3);
        for (int k = 0; k < 3; ++k) {
            QCOMPARE(dense.segments.at(k).startSeconds, 2.0 * k);
            QVERIFY(qAbs(dense.segments.at(k).endSeconds - 2.0 * (k + 1)) < 0.05);
            // Each window's caption is the caption of that window alone.
            EngineRequest one = EngineRequest::caption(video);
            one.media.startSeconds = dense.segments.at(k).startSeconds;
            one.media.endSeconds = dense.segments.at(k).endSeconds;
            const EngineResult alone = mustFinish(engine, one);
            QVERIFY(alone.visualCacheHit);
            QCOMPARE(alone.items.at(0).tokenIds, dense.segments.at(k).caption.tokenIds);
        }
    }

    void mediaEmbeddingsAreUnitVectorsOfTheClipSpace()
    {
        Engine engine;
        QVERIFY(loadInto(engine,
            test::fixtureBundle(m_shared, m_cases, QStringLiteral("tiny-a"), QStringLiteral("caption"))));
        const EngineResult r
            = mustFinish(engine, EngineRequest::embedMedia(fixture(QStringLiteral("media/image.png"))));
        const int embedDim = m_cases.value(QStringLiteral("configs"))
                                 .toObject()
                                 .value(QStringLiteral("tiny-a"))
                                 .toObject()
                                 .value(QStringLiteral("model_config"))
                                 .toObject()
                                 .value(QStringLiteral("embed_dim"))
                                 .toInt();
        QCOMPARE(r.mediaEmbedding.size(), embedDim);
        double norm = 0;
        for (float v : r.mediaEmbedding)
            norm += double(v) * v;
        QVERIFY(qAbs(norm - 1.0) < 1e-5);
    }
};

QTEST_GUILESS_MAIN(EngineTest)
#include "enginetest.moc"
