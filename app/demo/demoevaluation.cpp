#include "app/demo/demoevaluation.h"

#include "app/demo/demomedia.h"
#include "app/demo/demomodel.h"
#include "model/synthetic/scenesampler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <ATen/Parallel.h>

namespace mplug2::app {

namespace {

struct DemoEvaluationText {
    Q_DECLARE_TR_FUNCTIONS(DemoEvaluation)
};

struct MetricRow {
    const char *name;
    const model::train::Tally &tally;
    double threshold;
};

std::vector<MetricRow> rows(const model::train::DemoMetrics &m, const DemoThresholds &t)
{
    return {{"caption_one_shape", m.oneShape, t.oneShapeCaptions},
        {"caption_two_shapes", m.twoShape, t.twoShapeCaptions}, {"qa", m.qa, t.qa},
        {"retrieval_r1", m.retrieval, t.retrieval}, {"attention_localisation", m.attention, t.attention}};
}

} // namespace

json::Json DemoEvaluationReport::toJson(const DemoThresholds &thresholds) const
{
    json::Json v = metrics.toJson();
    v["bundle"] = json::Json(bundle.toStdString());
    v["seconds"] = json::Json(seconds);
    json::Json checks = json::Json::object();
    for (const MetricRow &r : rows(metrics, thresholds)) {
        json::Json c = json::Json::object();
        c["threshold"] = json::Json(r.threshold);
        c["met"] = json::Json(r.tally.percent() >= r.threshold);
        checks[r.name] = std::move(c);
    }
    v["thresholds"] = std::move(checks);
    return v;
}

std::vector<std::string> DemoEvaluationReport::failures(const DemoThresholds &thresholds) const
{
    std::vector<std::string> out;
    for (const MetricRow &r : rows(metrics, thresholds))
        if (r.tally.percent() < r.threshold)
            out.push_back(r.name);
    return out;
}

Expected<DemoEvaluationReport> evaluateDemoModel(const DemoEvaluationOptions &options)
{
    QElapsedTimer clock;
    clock.start();
    if (options.threads > 0)
        at::set_num_threads(options.threads);
    Expected<std::unique_ptr<DemoModel>> demo = DemoModel::load(options.bundle, options.precision);
    if (!demo)
        return demo.error();
    const ModelBundle &bundle = (*demo)->bundle;

    QTemporaryDir temporary;
    const QString dir = options.workDir.isEmpty() ? temporary.path() : options.workDir;
    if (options.files.empty() && options.workDir.isEmpty() && !temporary.isValid())
        return makeError(
            ErrorCode::Io, DemoEvaluationText::tr("cannot create a temporary folder").toStdString());
    Expected<std::vector<DemoMediaFile>> files = options.files;
    if (options.files.empty())
        files = writeDemoMedia(
            model::synthetic::evaluationScenes(options.seed, options.items), dir,
            [&](int done, int total) {
                if (options.progress)
                    options.progress(DemoEvaluationText::tr("writing media"), done, total);
            },
            options.cancel);
    if (!files)
        return files.error();

    model::train::DemoEvalOptions evalOptions;
    evalOptions.caption = model::GenerationParams::beam(bundle.captionGeneration.beamSize,
        bundle.captionGeneration.minLength, bundle.captionGeneration.maxLength);
    evalOptions.answer = model::GenerationParams::beam(
        bundle.qaGeneration.beamSize, bundle.qaGeneration.minLength, bundle.qaGeneration.maxLength);
    evalOptions.keepOutputs = options.keepOutputs;
    model::train::DemoEvaluator evaluator(*(*demo)->network, *(*demo)->codec, evalOptions);
    for (size_t i = 0; i < files->size(); ++i) {
        const DemoMediaFile &file = (*files)[i];
        Expected<DemoInput> in = (*demo)->read(file.path, 0, options.cancel);
        if (!in)
            return in.error();
        if (auto ok = evaluator.add(file.scene, in->pixels, in->frames); !ok)
            return ok.error();
        if (options.progress)
            options.progress(DemoEvaluationText::tr("evaluating"), int(i) + 1, int(files->size()));
    }
    Expected<model::train::DemoMetrics> metrics = evaluator.finish();
    if (!metrics)
        return metrics.error();
    DemoEvaluationReport report;
    report.metrics = *metrics;
    report.outputs = evaluator.outputs();
    report.bundle = bundle.manifestPath;
    report.seconds = double(clock.elapsed()) / 1000.0;
    return report;
}

} // namespace mplug2::app
