#include "app/demo/explanationevaluation.h"

#include "app/demo/demomodel.h"
#include "model/synthetic/modelinputrenderer.h"
#include "model/synthetic/scenesampler.h"
#include "model/synthetic/scenetext.h"
#include "model/tasks/faithfulness.h"
#include "model/tasks/occlusionmap.h"
#include "model/train/trainingbatch.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <algorithm>
#include <map>
#include <random>

namespace mplug2::app {

namespace {

using namespace model::synthetic;

struct ExplanationEvaluationText {
    Q_DECLARE_TR_FUNCTIONS(ExplanationEvaluation)
};

/// What one row gathers, value by value.
struct Samples {
    std::vector<double> pointingColour, pointingShape, deletion, insertion, gain;
};

Estimate estimate(const std::vector<double> &values, int resamples, uint64_t seed)
{
    Estimate e;
    e.count = int(values.size());
    if (values.empty())
        return e;
    double sum = 0;
    for (double v : values)
        sum += v;
    e.mean = sum / double(values.size());
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<size_t> pick(0, values.size() - 1);
    std::vector<double> means;
    for (int b = 0; b < std::max(1, resamples); ++b) {
        double s = 0;
        for (size_t i = 0; i < values.size(); ++i)
            s += values[pick(random)];
        means.push_back(s / double(values.size()));
    }
    std::sort(means.begin(), means.end());
    e.low = means[size_t(0.025 * double(means.size() - 1))];
    e.high = means[size_t(0.975 * double(means.size() - 1))];
    return e;
}

std::vector<double> concat(const std::vector<double> &a, const std::vector<double> &b)
{
    std::vector<double> out = a;
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

json::Json estimateJson(const Estimate &e)
{
    json::Json j = json::Json::object();
    j["mean"] = json::Json(e.mean);
    j["low"] = json::Json(e.low);
    j["high"] = json::Json(e.high);
    j["n"] = json::Json(e.count);
    return j;
}

/// A map per row for one word: row k of the decoder's maps (token ids[k + 1]).
struct RowSpec {
    std::string method;
    int layer;
    std::string heads;
};

at::Tensor reduceHeads(const at::Tensor &perHead, const std::string &heads)
{
    return heads == "max" ? std::get<0>(perHead.max(0)) : perHead.mean(0);
}

/// The map of `spec` over the patches (global token left out): (T * g * g).
at::Tensor mapFor(const RowSpec &spec, const model::TokenAttention &attention,
    const std::map<std::string, at::Tensor> &occlusion, int64_t token, int64_t patches,
    std::mt19937_64 &random)
{
    if (spec.method == "random") {
        std::uniform_real_distribution<float> u(0.f, 1.f);
        at::Tensor r = at::empty({patches});
        for (int64_t i = 0; i < patches; ++i)
            r[i] = u(random);
        return r;
    }
    if (const auto found = occlusion.find(spec.method); found != occlusion.end())
        return found->second[token].narrow(0, 1, patches).clamp_min(0.0);
    const bool gradCam = spec.method == "gradcam";
    const at::Tensor all
        = (gradCam ? attention.gradCam : attention.crossAttention)[token]; // layers, heads, Lk
    const int64_t layers = all.size(0);
    at::Tensor sum;
    for (int64_t l = 0; l < layers; ++l) {
        if (spec.layer >= 0 && l != spec.layer)
            continue;
        const at::Tensor perHead = gradCam ? all[l].clamp_min(0.0) : all[l];
        const at::Tensor r = reduceHeads(perHead, spec.heads);
        sum = sum.defined() ? sum + r : r;
    }
    const at::Tensor mean = spec.layer >= 0 ? sum : sum / double(layers);
    return mean.narrow(0, 1, patches);
}

bool pointsAt(const at::Tensor &map, const model::VisualGeometry &g, int64_t patch,
    const std::vector<std::vector<Box>> &boxes, size_t shape)
{
    const int64_t peak = map.argmax().item<int64_t>();
    const int64_t perFrame = g.gridHeight * g.gridWidth;
    const int64_t frame = peak / perFrame, row = (peak % perFrame) / g.gridWidth, col = peak % g.gridWidth;
    const Box cell {
        double(col * patch), double(row * patch), double((col + 1) * patch), double((row + 1) * patch)};
    return cell.intersects(boxes.at(size_t(frame)).at(shape));
}

} // namespace

std::string ExplanationRow::label() const
{
    std::string out = method;
    if (method == "attention" || method == "gradcam")
        out += layer >= 0 ? " layer " + std::to_string(layer + 1) : std::string(" mean of layers");
    if (!heads.empty())
        out += ", " + heads + " of heads";
    return out;
}

const ExplanationRow *ExplanationReport::row(
    const std::string &method, int layer, const std::string &heads) const
{
    for (const ExplanationRow &r : rows)
        if (r.method == method && r.layer == layer && r.heads == heads)
            return &r;
    return nullptr;
}

const ExplanationRow *ExplanationReport::bestAttentionRow() const
{
    const ExplanationRow *best = row("attention", -1, "mean");
    for (const ExplanationRow &r : rows) {
        if (!best || (r.method != "attention" && r.method != "gradcam"))
            continue;
        const bool pointsBetter = r.pointing.low > best->pointing.high;
        const bool deletesBetter = r.deletionAuc.high < best->deletionAuc.low;
        if (pointsBetter || deletesBetter)
            best = &r;
    }
    return best;
}

json::Json ExplanationReport::toJson() const
{
    json::Json j = json::Json::object();
    j["bundle"] = json::Json(bundle.toStdString());
    j["items"] = json::Json(items);
    j["words"] = json::Json(words);
    j["graded_words"] = json::Json(graded);
    j["seed"] = json::Json(seed);
    j["seconds"] = json::Json(seconds);
    json::Json list = json::Json::array();
    for (const ExplanationRow &r : rows) {
        json::Json o = json::Json::object();
        o["method"] = json::Json(r.method);
        o["layer"] = r.layer >= 0 ? json::Json(r.layer) : json::Json("mean");
        o["heads"] = json::Json(r.heads);
        o["pointing_game"] = estimateJson(r.pointing);
        o["pointing_game_colour"] = estimateJson(r.pointingColour);
        o["pointing_game_shape"] = estimateJson(r.pointingShape);
        o["deletion_auc"] = estimateJson(r.deletionAuc);
        o["insertion_auc"] = estimateJson(r.insertionAuc);
        o["deletion_gain_over_random"] = estimateJson(r.deletionGainOverRandom);
        list.push_back(std::move(o));
    }
    j["rows"] = std::move(list);
    if (const ExplanationRow *best = bestAttentionRow()) {
        json::Json d = json::Json::object();
        d["method"] = json::Json(best->method);
        d["layer"] = best->layer >= 0 ? json::Json(best->layer) : json::Json("mean");
        d["heads"] = json::Json(best->heads);
        j["panel_default"] = std::move(d);
    }
    return j;
}

QString ExplanationReport::markdownTable() const
{
    const auto pct = [](const Estimate &e) {
        return QStringLiteral("%1 [%2, %3]")
            .arg(e.mean, 0, 'f', 1)
            .arg(e.low, 0, 'f', 1)
            .arg(e.high, 0, 'f', 1);
    };
    const auto auc = [](const Estimate &e) {
        return QStringLiteral("%1 [%2, %3]")
            .arg(e.mean, 0, 'f', 3)
            .arg(e.low, 0, 'f', 3)
            .arg(e.high, 0, 'f', 3);
    };
    QString out
        = QStringLiteral("| map | pointing game % | colour words % | shape words % | deletion AUC ↓ | "
                         "insertion AUC ↑ | random − deletion AUC |\n|---|---|---|---|---|---|---|\n");
    for (const ExplanationRow &r : rows)
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                   .arg(QString::fromStdString(r.label()), pct(r.pointing), pct(r.pointingColour),
                       pct(r.pointingShape), auc(r.deletionAuc), auc(r.insertionAuc),
                       auc(r.deletionGainOverRandom));
    return out;
}

Expected<ExplanationReport> evaluateExplanations(const ExplanationEvaluationOptions &options)
{
    QElapsedTimer clock;
    clock.start();
    if (options.items < 1)
        return makeError(ErrorCode::InvalidArgument,
            ExplanationEvaluationText::tr("at least one scene is needed").toStdString());
    if (options.threads > 0)
        at::set_num_threads(options.threads);
    Expected<std::unique_ptr<DemoModel>> loaded = DemoModel::load(options.bundle);
    if (!loaded)
        return loaded.error();
    DemoModel &demo = **loaded;
    model::Mplug2 &net = *demo.network;
    const int64_t patch = net.config().vision.patchSize;
    ModelInputOptions renderOptions;
    renderOptions.frames = demo.bundle.numFrames > 0 ? demo.bundle.numFrames : 4;
    renderOptions.imageRes = demo.imageRes();
    const ModelInputRenderer renderer(renderOptions);

    std::vector<RowSpec> specs;
    const int64_t layers = net.config().bert.textDecodeLayers;
    for (const char *method : {"attention", "gradcam"}) {
        for (int64_t l = 0; options.everyVariant && l < layers; ++l)
            specs.push_back({method, int(l), "mean"});
        specs.push_back({method, -1, "mean"});
        if (options.everyVariant)
            specs.push_back({method, -1, "max"});
    }
    specs.push_back({"occlusion", -1, ""});
    if (options.everyVariant) {
        specs.push_back({"occlusion-random", -1, ""});
        specs.push_back({"occlusion-pixels", -1, ""});
    }
    specs.push_back({"random", -1, ""});
    std::vector<Samples> samples(specs.size());
    std::mt19937_64 random(options.seed);

    ExplanationReport report;
    report.bundle = demo.bundle.manifestPath;
    report.seed = options.seed;
    const std::vector<Scene> scenes = evaluationScenes(options.seed, options.items);
    for (size_t i = 0; i < scenes.size(); ++i) {
        if (options.cancel && options.cancel->load())
            return makeError(ErrorCode::Cancelled, ExplanationEvaluationText::tr("cancelled").toStdString());
        const Scene &scene = scenes[i];
        std::vector<float> values(renderer.valuesPerItem(scene));
        SceneRandom sceneRandom(options.seed, i);
        const RenderedInput rendered = renderer.render(scene, sceneRandom, values.data());
        const at::Tensor pixels = at::from_blob(values.data(),
            {1, 3, rendered.frames, renderOptions.imageRes, renderOptions.imageRes}, at::kFloat)
                                      .clone();
        Expected<model::VisualFeatures> visual = net.encodeVisual(pixels);
        if (!visual)
            return visual.error();
        const std::vector<int64_t> &ids = demo.codec->withEnd(caption(scene));
        const std::vector<int> starts = model::train::wordStartPositions(demo.codec->tokenizer(), ids);
        // Colour word 1 + 4s and shape word 2 + 4s name shape s ("a red circle and a blue square ...").
        struct Word {
            int64_t token;
            size_t shape;
            bool colour;
        };
        std::vector<Word> words;
        for (size_t s = 0; s < scene.shapes.size(); ++s)
            for (const bool colour : {true, false}) {
                const size_t w = (colour ? 1 : 2) + 4 * s;
                if (w < starts.size())
                    words.push_back({int64_t(starts[w]) - 1, s, colour});
            }
        if (words.empty())
            continue;
        Expected<model::TokenAttention> attention = net.explain(*visual, 0, ids, true);
        if (!attention)
            return attention.error();
        std::map<std::string, at::Tensor> occlusion;
        for (const auto masks : {model::OcclusionMasks::Sliding, model::OcclusionMasks::Random}) {
            if (masks == model::OcclusionMasks::Random && !options.everyVariant)
                continue;
            model::OcclusionParams occlusionParams = model::OcclusionParams::defaultParams();
            occlusionParams.masks = masks;
            for (const Word &w : words)
                occlusionParams.tokens.push_back(w.token);
            Expected<at::Tensor> maps = model::occlusionMaps(net, *visual, 0, ids, occlusionParams);
            if (!maps)
                return maps.error();
            occlusion[masks == model::OcclusionMasks::Random ? "occlusion-random" : "occlusion"] = *maps;
        }
        if (options.everyVariant) {
            model::OcclusionParams pixelParams = model::OcclusionParams::defaultParams();
            pixelParams.pixels = true;
            for (const Word &w : words)
                pixelParams.tokens.push_back(w.token);
            Expected<at::Tensor> maps = model::pixelOcclusionMaps(net, pixels, {}, ids, pixelParams);
            if (!maps)
                return maps.error();
            occlusion["occlusion-pixels"] = *maps;
        }
        const model::VisualGeometry &g = visual->geometry;
        const int64_t patches = g.frames * g.gridHeight * g.gridWidth;
        // One word per scene is graded by deletion / insertion (they cost encoder passes).
        const size_t graded = i % words.size();
        double randomDeletion = 0;
        std::vector<double> deletions(specs.size());
        for (size_t w = 0; w < words.size(); ++w) {
            for (size_t r = 0; r < specs.size(); ++r) {
                const at::Tensor map
                    = mapFor(specs[r], *attention, occlusion, words[w].token, patches, random);
                const double hit = pointsAt(map, g, patch, rendered.boxes, words[w].shape) ? 100.0 : 0.0;
                (words[w].colour ? samples[r].pointingColour : samples[r].pointingShape).push_back(hit);
                if (w != graded)
                    continue;
                model::FaithfulnessParams fp = model::FaithfulnessParams::defaultParams();
                fp.steps = options.steps;
                fp.batch = 2 * (options.steps + 1);
                Expected<model::FaithfulnessScore> score
                    = model::faithfulness(net, pixels, {}, ids, {words[w].token}, map, fp);
                if (!score)
                    return score.error();
                samples[r].deletion.push_back(score->deletionAuc);
                samples[r].insertion.push_back(score->insertionAuc);
                deletions[r] = score->deletionAuc;
                if (specs[r].method == "random")
                    randomDeletion = score->deletionAuc;
            }
        }
        for (size_t r = 0; r < specs.size(); ++r)
            samples[r].gain.push_back(randomDeletion - deletions[r]);
        report.words += int(words.size());
        report.graded += 1;
        report.items += 1;
        if (options.progress)
            options.progress(int(i) + 1, int(scenes.size()));
    }
    for (size_t r = 0; r < specs.size(); ++r) {
        ExplanationRow row;
        row.method = specs[r].method;
        row.layer = specs[r].layer;
        row.heads = specs[r].heads;
        const Samples &s = samples[r];
        const uint64_t seed = options.seed + r;
        row.pointing = estimate(concat(s.pointingColour, s.pointingShape), options.bootstrap, seed);
        row.pointingColour = estimate(s.pointingColour, options.bootstrap, seed);
        row.pointingShape = estimate(s.pointingShape, options.bootstrap, seed);
        row.deletionAuc = estimate(s.deletion, options.bootstrap, seed);
        row.insertionAuc = estimate(s.insertion, options.bootstrap, seed);
        row.deletionGainOverRandom = estimate(s.gain, options.bootstrap, seed);
        report.rows.push_back(row);
    }
    report.seconds = double(clock.elapsed()) / 1000.0;
    return report;
}

} // namespace mplug2::app
