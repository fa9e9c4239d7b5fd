#pragma once
/// `mplug2 eval-demo --classify-templates`: which label template and scoring
/// classify should use by default, measured rather than guessed. Held-out
/// scenes of the synthetic world are written as real files (H.264 clips, PNG
/// pictures, demomedia.h) and classified through the Engine, as the CLI and
/// the app classify, over the world's 15 labels ("red circle", ...). A top
/// label is right when the scene holds a shape of that colour and kind.
///
/// Every candidate (template, method) is scored on the selection split. The
/// chosen one is the first listed (templates plainest first, likelihood
/// before clip) whose accuracy lies within the best one's 95% interval: a
/// later candidate has to win by more than the split's noise. It is then
/// scored on a test split drawn from another seed, which took no part in
/// the choice.
///
///     ClassifyEvaluationOptions o;
///     o.bundle = BundledResources::defaultModelManifest();
///     Expected<ClassifyEvaluationReport> r = evaluateClassifyTemplates(o);
///     if (r) std::cout << r->chosenRow().labelTemplate.toStdString();
///
/// Runs on the calling thread, which must not be running an event loop
/// already busy with the Engine (it waits in a local one).

#include "app/engine/enginerequest.h"
#include "base/expected.h"
#include "base/json/json.h"
#include "model/train/demoevaluator.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace mplug2::app {

struct ClassifyCandidate {
    QString labelTemplate;
    ClassifyMethod method = ClassifyMethod::DecoderLikelihood;
};

struct ClassifyEvaluationOptions {
    /// A demo bundle folder or manifest.
    QString bundle;
    /// Scenes per split.
    int items = 500;
    /// Seeds of evaluationScenes() that neither the trainer (other streams)
    /// nor eval-demo (20240610) nor eval-explanations (20240622) use.
    uint64_t selectionSeed = 20240701;
    uint64_t testSeed = 20240702;
    /// The templates tried, each with every method.
    QStringList templates = {QStringLiteral("{}"), QStringLiteral("a {}"), QStringLiteral("a photo of a {}"),
        QStringLiteral("a video of a {}"), QStringLiteral("this is a {}")};
    std::vector<ClassifyMethod> methods = {ClassifyMethod::DecoderLikelihood, ClassifyMethod::ClipSimilarity};
    /// Where the media files go; empty: a temporary folder, removed afterwards.
    QString workDir;
    std::function<void(const QString &stage, int done, int total)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

struct ClassifyRow {
    ClassifyCandidate candidate;
    model::train::Tally selection; ///< top label right, on the selection split
};

struct ClassifyEvaluationReport {
    QString bundle;
    int items = 0; ///< per split
    uint64_t selectionSeed = 0;
    uint64_t testSeed = 0;
    QStringList labels;
    std::vector<ClassifyRow> rows; ///< in the order tried
    size_t chosen = 0; ///< the first row within the best row's 95% interval
    model::train::Tally test; ///< the chosen row on the test split
    /// Whether the engine's default request (EngineRequest) is the chosen one.
    bool defaultIsChosen = false;
    double seconds = 0;

    const ClassifyCandidate &chosenRow() const { return rows.at(chosen).candidate; }
    json::Json toJson() const;
    /// A Markdown table of the selection split, then the chosen row on the test split.
    QString markdownTable() const;
};

Expected<ClassifyEvaluationReport> evaluateClassifyTemplates(const ClassifyEvaluationOptions &options);

} // namespace mplug2::app
