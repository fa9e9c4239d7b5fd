#pragma once
/// `mplug2 eval-demo`: scores a demo model bundle on a held-out set of the
/// synthetic world written as real files (H.264 clips, PNG pictures) and
/// read back through the app's media pipeline (media::loadModelInput), with
/// the criteria of model/train/demoevaluator.h.
///
///     DemoEvaluationOptions o;
///     o.bundle = BundledResources::defaultModelManifest();
///     Expected<DemoEvaluationReport> r = evaluateDemoModel(o);
///     if (r) std::cout << r->metrics.toJson().dump(2);
///
/// Runs on the calling thread (minutes on two CPU cores for 300 items).

#include "app/demo/demomedia.h"
#include "base/expected.h"
#include "model/train/demoevaluator.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace mplug2::app {

/// The thresholds the shipped demo model must reach (issue 10), in percent.
struct DemoThresholds {
    double oneShapeCaptions = 90;
    double twoShapeCaptions = 75;
    double qa = 90;
    double retrieval = 80;
    double attention = 70;
};

struct DemoEvaluationOptions {
    /// A bundle folder or manifest.
    QString bundle;
    int items = 300;
    /// The held-out set's seed (the trainer's periodic check uses the same set, rendered).
    uint64_t seed = 20240610;
    /// Where the media files go; empty: a temporary folder, removed afterwards.
    QString workDir;
    /// The number format the model computes in (fp32 or, on the CPU, bf16).
    model::Precision precision = model::Precision::Fp32;
    /// LibTorch threads; 0: one per usable CPU.
    int threads = 0;
    bool keepOutputs = false;
    /// Score these files instead of writing a held-out set (e.g. the bundled samples).
    std::vector<DemoMediaFile> files;
    std::function<void(const QString &stage, int done, int total)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

struct DemoEvaluationReport {
    model::train::DemoMetrics metrics;
    std::vector<model::train::DemoItemOutput> outputs;
    QString bundle;
    double seconds = 0;

    /// The metrics as JSON, with the thresholds and whether each is met.
    json::Json toJson(const DemoThresholds &thresholds = {}) const;
    /// The names of the metrics below their threshold (empty: all met).
    std::vector<std::string> failures(const DemoThresholds &thresholds = {}) const;
};

Expected<DemoEvaluationReport> evaluateDemoModel(const DemoEvaluationOptions &options);

} // namespace mplug2::app
