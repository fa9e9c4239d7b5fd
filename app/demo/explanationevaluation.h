#pragma once
/// `mplug2 eval-explanations`: how well each way of explaining the demo
/// model's words finds the thing named, on held-out scenes of the synthetic
/// world (which knows every shape's box in every frame):
///   - pointing game: the map's peak patch overlaps the named shape's box in
///     that frame, for colour and shape words;
///   - deletion / insertion AUC (model/tasks/faithfulness.h): the word's
///     probability as the map's most salient patches are blurred away or
///     restored, through the whole model;
/// for cross-attention and Grad-CAM per decoder layer and their mean (heads
/// averaged, and the maximum over heads for the mean of layers), occlusion,
/// and a random map as the floor. Every figure has a bootstrap 95% interval.
///
///     ExplanationEvaluationOptions o;
///     o.bundle = BundledResources::defaultModelManifest();
///     Expected<ExplanationReport> r = evaluateExplanations(o);
///     if (r) std::cout << r->toJson().dump(2);
///
/// Runs on the calling thread. Scenes are rendered straight into the
/// model's input (model/synthetic/modelinputrenderer.h), as the trainer sees them.

#include "base/expected.h"
#include "base/json/json.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mplug2::app {

struct ExplanationEvaluationOptions {
    /// A demo bundle folder or manifest.
    QString bundle;
    int items = 40;
    /// Held-out scenes: a seed the trainer never draws from (eval-demo uses 20240610).
    uint64_t seed = 20240622;
    /// Points per deletion / insertion curve after the start.
    int steps = 6;
    int bootstrap = 1000;
    /// Every decoder layer, the maximum over heads, random-mask and pixel
    /// occlusion too; off: one row per method (mean of layers and heads) and the random map.
    bool everyVariant = true;
    /// LibTorch threads; 0: one per usable CPU.
    int threads = 0;
    std::function<void(int done, int total)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

/// A mean with its bootstrap 95% interval.
struct Estimate {
    double mean = 0;
    double low = 0;
    double high = 0;
    int count = 0;
};

/// One way of explaining: method ("attention", "gradcam", "occlusion",
/// "random"), decoder layer (-1: mean of layers; occlusion and random have
/// none) and head reduction ("mean", "max"; "" where there are no heads).
struct ExplanationRow {
    std::string method;
    int layer = -1;
    std::string heads;
    Estimate pointing; ///< colour and shape words, in percent
    Estimate pointingColour;
    Estimate pointingShape;
    Estimate deletionAuc; ///< lower is better
    Estimate insertionAuc; ///< higher is better
    /// The random map's deletion AUC minus this one's on the same words: > 0 beats random.
    Estimate deletionGainOverRandom;

    std::string label() const;
};

struct ExplanationReport {
    QString bundle;
    int items = 0;
    int words = 0; ///< colour and shape words pointed at
    int graded = 0; ///< words with deletion / insertion curves (one per scene)
    uint64_t seed = 0;
    double seconds = 0;
    std::vector<ExplanationRow> rows;

    /// What the attention panel should show first: the plainest map
    /// (cross-attention, mean of layers and heads) unless an attention or
    /// Grad-CAM row beats it by a margin outside both intervals, in the
    /// pointing game or in deletion AUC.
    const ExplanationRow *bestAttentionRow() const;
    const ExplanationRow *row(const std::string &method, int layer, const std::string &heads) const;
    json::Json toJson() const;
    /// A Markdown table of every row.
    QString markdownTable() const;
};

Expected<ExplanationReport> evaluateExplanations(const ExplanationEvaluationOptions &options);

} // namespace mplug2::app
