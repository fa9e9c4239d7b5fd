#include "app/demo/classifyevaluation.h"

#include "app/bundle/modelbundle.h"
#include "app/demo/demomedia.h"
#include "app/engine/engine.h"
#include "model/synthetic/scenesampler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSet>
#include <QTemporaryDir>

#include <cmath>

namespace mplug2::app {

namespace {

using namespace model::synthetic;

struct ClassifyEvaluationText {
    Q_DECLARE_TR_FUNCTIONS(ClassifyEvaluation)
};

QString labelOf(Colour colour, ShapeKind kind)
{
    return QString::fromLatin1(colourName(colour)) + u' ' + QString::fromLatin1(shapeName(kind));
}

/// Every colour and kind of the world, "red circle" first.
QStringList worldLabels()
{
    QStringList labels;
    for (Colour c : kColours)
        for (ShapeKind k : kShapeKinds)
            labels << labelOf(c, k);
    return labels;
}

/// A 95% Wilson interval of a proportion, in percent.
std::pair<double, double> wilson(const model::train::Tally &t)
{
    if (t.total == 0)
        return {0, 0};
    const double z = 1.96;
    const double n = t.total;
    const double p = t.hits / n;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    return {100 * std::max(0.0, centre - half), 100 * std::min(1.0, centre + half)};
}

QString percent(const model::train::Tally &t)
{
    const auto [low, high] = wilson(t);
    return QStringLiteral("%1% [%2, %3] (%4/%5)")
        .arg(t.percent(), 0, 'f', 1)
        .arg(low, 0, 'f', 1)
        .arg(high, 0, 'f', 1)
        .arg(t.hits)
        .arg(t.total);
}

json::Json tallyJson(const model::train::Tally &t)
{
    const auto [low, high] = wilson(t);
    json::Json j = json::Json::object();
    j["accuracy"] = json::Json(t.percent());
    j["low"] = json::Json(low);
    j["high"] = json::Json(high);
    j["right"] = json::Json(t.hits);
    j["n"] = json::Json(t.total);
    return j;
}

/// Loads the bundle into `engine` on the CPU in fp32 (the reference numbers).
Expected<void> load(Engine &engine, const QString &bundlePath)
{
    const Expected<ModelBundle> bundle = ModelBundle::load(bundlePath);
    if (!bundle)
        return bundle.error();
    QEventLoop loop;
    Expected<void> loaded;
    engine.loadModel(*bundle, DeviceChoice::cpu()).then(&loop, [&](const RequestOutcome &o) {
        if (!o.isFinished())
            loaded = o.expected().error();
        loop.quit();
    });
    loop.exec();
    return loaded;
}

/// Classifies every file with every candidate; `right[c]` counts candidate c's hits.
Expected<void> score(Engine &engine, const std::vector<DemoMediaFile> &files,
    const std::vector<ClassifyCandidate> &candidates, const QStringList &labels,
    const ClassifyEvaluationOptions &options, const QString &stage, std::vector<model::train::Tally> &right)
{
    right.assign(candidates.size(), {});
    for (size_t f = 0; f < files.size(); ++f) {
        if (options.cancel && options.cancel->load())
            return makeError(ErrorCode::Cancelled, ClassifyEvaluationText::tr("cancelled").toStdString());
        QSet<QString> present;
        for (const SceneShape &s : files[f].scene.shapes)
            present.insert(labelOf(s.colour, s.kind));
        QEventLoop loop;
        size_t pending = candidates.size();
        Expected<void> status; // the first failure, if any
        for (size_t c = 0; c < candidates.size(); ++c) {
            EngineRequest r = EngineRequest::classify(files[f].path, labels);
            r.labelTemplate = candidates[c].labelTemplate;
            r.classifyMethod = candidates[c].method;
            engine.submit(r).then(&loop, [&, c](const RequestOutcome &o) {
                const Expected<EngineResult> result = o.expected();
                if (!result)
                    status = result.error();
                else
                    right[c].add(!result->items.isEmpty() && present.contains(result->items.front().text));
                if (--pending == 0)
                    loop.quit();
            });
        }
        loop.exec();
        if (!status)
            return status;
        if (options.progress)
            options.progress(stage, int(f) + 1, int(files.size()));
    }
    return {};
}

} // namespace

json::Json ClassifyEvaluationReport::toJson() const
{
    json::Json j = json::Json::object();
    j["bundle"] = json::Json(bundle.toStdString());
    j["items_per_split"] = json::Json(items);
    j["selection_seed"] = json::Json(selectionSeed);
    j["test_seed"] = json::Json(testSeed);
    json::Json labelList = json::Json::array();
    for (const QString &l : labels)
        labelList.push_back(json::Json(l.toStdString()));
    j["labels"] = std::move(labelList);
    json::Json list = json::Json::array();
    for (const ClassifyRow &r : rows) {
        json::Json o = json::Json::object();
        o["template"] = json::Json(r.candidate.labelTemplate.toStdString());
        o["method"] = json::Json(classifyMethodName(r.candidate.method).toStdString());
        o["selection"] = tallyJson(r.selection);
        list.push_back(std::move(o));
    }
    j["selection"] = std::move(list);
    json::Json c = json::Json::object();
    c["template"] = json::Json(chosenRow().labelTemplate.toStdString());
    c["method"] = json::Json(classifyMethodName(chosenRow().method).toStdString());
    c["selection"] = tallyJson(rows.at(chosen).selection);
    c["test"] = tallyJson(test);
    j["chosen"] = std::move(c);
    j["default_is_chosen"] = json::Json(defaultIsChosen);
    j["seconds"] = json::Json(seconds);
    return j;
}

QString ClassifyEvaluationReport::markdownTable() const
{
    QString out = ClassifyEvaluationText::tr(
                      "Selection split (seed %1, %2 files): the top label names a shape in the file. "
                      "Chosen: the first row within the best one's 95% interval.")
                      .arg(selectionSeed)
                      .arg(items)
        + QStringLiteral("\n\n| template | method | accuracy [95% interval] |\n|---|---|---|\n");
    for (size_t i = 0; i < rows.size(); ++i)
        out += QStringLiteral("| `%1` | %2 | %3%4 |\n")
                   .arg(rows[i].candidate.labelTemplate, classifyMethodName(rows[i].candidate.method),
                       percent(rows[i].selection),
                       i == chosen ? ClassifyEvaluationText::tr(" — chosen") : QString());
    out += QStringLiteral("\n")
        + ClassifyEvaluationText::tr("Test split (seed %1, %2 files): `%3` %4: %5")
              .arg(testSeed)
              .arg(test.total)
              .arg(chosenRow().labelTemplate, classifyMethodName(chosenRow().method), percent(test))
        + QStringLiteral("\n")
        + (defaultIsChosen ? ClassifyEvaluationText::tr("The engine's default is the chosen one.")
                           : ClassifyEvaluationText::tr("The engine's default is NOT the chosen one."))
        + QStringLiteral("\n");
    return out;
}

Expected<ClassifyEvaluationReport> evaluateClassifyTemplates(const ClassifyEvaluationOptions &options)
{
    QElapsedTimer clock;
    clock.start();
    if (options.items < 1)
        return makeError(ErrorCode::InvalidArgument,
            ClassifyEvaluationText::tr("at least one scene is needed").toStdString());
    std::vector<ClassifyCandidate> candidates;
    for (const QString &t : options.templates)
        for (ClassifyMethod m : options.methods)
            candidates.push_back({t, m});
    if (candidates.empty())
        return makeError(ErrorCode::InvalidArgument,
            ClassifyEvaluationText::tr("no template or method to try").toStdString());

    Engine engine;
    if (Expected<void> ok = load(engine, options.bundle); !ok)
        return ok.error();
    QTemporaryDir temporary;
    const QString dir = options.workDir.isEmpty() ? temporary.path() : options.workDir;
    if (options.workDir.isEmpty() && !temporary.isValid())
        return makeError(
            ErrorCode::Io, ClassifyEvaluationText::tr("cannot create a temporary folder").toStdString());
    const auto split = [&](uint64_t seed, const QString &name) {
        return writeDemoMedia(
            evaluationScenes(seed, options.items), dir + u'/' + name,
            [&](int done, int total) {
                if (options.progress)
                    options.progress(ClassifyEvaluationText::tr("writing %1 media").arg(name), done, total);
            },
            options.cancel);
    };

    ClassifyEvaluationReport report;
    report.bundle = options.bundle;
    report.items = options.items;
    report.selectionSeed = options.selectionSeed;
    report.testSeed = options.testSeed;
    report.labels = worldLabels();
    const Expected<std::vector<DemoMediaFile>> selection
        = split(options.selectionSeed, QStringLiteral("selection"));
    if (!selection)
        return selection.error();
    std::vector<model::train::Tally> right;
    if (Expected<void> ok = score(engine, *selection, candidates, report.labels, options,
            ClassifyEvaluationText::tr("classifying the selection split"), right);
        !ok)
        return ok.error();
    size_t best = 0;
    for (size_t c = 0; c < candidates.size(); ++c) {
        report.rows.push_back({candidates[c], right[c]});
        if (right[c].hits > right[best].hits)
            best = c;
    }
    // The plainest candidate as good as the best within the noise of the split.
    const double floor = wilson(right[best]).first;
    for (report.chosen = 0; right[report.chosen].percent() < floor; ++report.chosen) { }

    const Expected<std::vector<DemoMediaFile>> test = split(options.testSeed, QStringLiteral("test"));
    if (!test)
        return test.error();
    if (Expected<void> ok = score(engine, *test, {report.chosenRow()}, report.labels, options,
            ClassifyEvaluationText::tr("classifying the test split"), right);
        !ok)
        return ok.error();
    report.test = right.front();
    const EngineRequest defaults;
    report.defaultIsChosen = defaults.labelTemplate == report.chosenRow().labelTemplate
        && defaults.classifyMethod == report.chosenRow().method;
    report.seconds = double(clock.elapsed()) / 1000.0;
    return report;
}

} // namespace mplug2::app
