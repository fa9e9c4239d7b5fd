#pragma once
/// Trains the bundled demo model from scratch on the synthetic world, on the
/// CPU (or any LibTorch device): SentencePiece vocabulary first, then AdamW
/// on the caption, QA, contrastive and attention losses (demolosses.h) over
/// freshly drawn batches, with warm-up and a cosine schedule to a floor (it
/// keeps learning until the end). Deterministic from the seed: batch i is
/// always the same, and a run resumed from its checkpoint continues where it
/// stopped (weights equal to float rounding: BLAS reductions are not
/// bit-reproducible, two runs differ by ~1e-6 after a few steps).
///
///     DemoTrainingOptions o = DemoTrainingOptions::defaultParams();
///     o.outDir = "/tmp/demo";
///     o.progress = [](const TrainingProgress &p) { std::cerr << p.step << ' ' << p.loss << '\n'; };
///     Expected<DemoTrainingResult> r = trainDemoModel(o);
///     // r->weights: /tmp/demo/demo.safetensors; r->vocabulary: /tmp/demo/demo.model
///
/// Files in outDir: demo.safetensors, demo.model (+ .vocab), and training/
/// with checkpoint.safetensors (weights + optimizer), state.json,
/// learning-curve.csv and heldout.csv (periodic metrics on rendered held-out
/// scenes). Running again with the same outDir resumes.
///
/// Threading: call from one thread; it runs `replicas` threads (the caller's
/// among them) of `threads` LibTorch threads each, plus one thread that draws
/// the next batches. progress/shouldStop are called
/// from the calling thread.

#include "base/expected.h"
#include "model/train/demoarchitecture.h"
#include "model/train/demoevaluator.h"
#include "model/train/lossweights.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace mplug2::model::train {

struct TrainingProgress;

struct DemoTrainingOptions {
    std::string outDir;
    uint64_t seed = 1;
    DemoArchitecture architecture = DemoArchitecture::defaultParams();
    LossWeights losses = LossWeights::defaultParams();
    int64_t steps = 9000;
    int batchSize = 24;
    double learningRate = 5e-4;
    /// The cosine schedule ends at this fraction of the peak rate.
    double finalLearningRate = 0.1;
    int64_t warmupSteps = 200;
    double weightDecay = 0.05;
    double clipNorm = 1.0;
    double pictureBatches = 0.15;
    double twoShapes = 0.35;
    /// Stop (with a checkpoint) after this many minutes of this run; 0: no limit.
    double maxMinutes = 0;
    /// Data-parallel replicas: each step trains `replicas` copies of the
    /// model on threads of their own, each on its own batch of batchSize
    /// items, and sums their gradients (one step sees replicas * batchSize
    /// items). On two cores two single-threaded replicas train ~1.7x faster
    /// than one model on two threads, whose ops are too small to split.
    /// Part of the recipe: the weights depend on it.
    int replicas = 2;
    /// LibTorch threads per replica; 0: the usable CPUs shared among the replicas.
    int threads = 0;
    int64_t logEvery = 50;
    int64_t checkpointEvery = 250;
    int64_t evalEvery = 1000;
    int evalItems = 120;
    /// Seed of the held-out scenes (kept apart from the training seed).
    uint64_t evalSeed = 20240610;

    std::function<void(const TrainingProgress &)> progress;
    std::function<bool()> shouldStop;

    static DemoTrainingOptions defaultParams() { return {}; }
    /// The settings that decide the weights (not outDir, limits or callbacks).
    json::Json recipeJson() const;
};

struct TrainingProgress {
    int64_t step = 0;
    int64_t steps = 0;
    double elapsedSeconds = 0;
    double samplesPerSecond = 0;
    double learningRate = 0;
    /// Means over the last logEvery steps.
    double loss = 0;
    double caption = 0;
    double qa = 0;
    double itc = 0;
    double attention = 0;
    /// Set at evaluation steps.
    std::optional<DemoMetrics> heldOut;
};

struct DemoTrainingResult {
    std::string weights;
    std::string vocabulary;
    int64_t steps = 0;
    /// Reached the planned number of steps (false: stopped by time or request).
    bool finished = false;
    /// Training time of all runs of this folder together.
    double seconds = 0;
    std::optional<DemoMetrics> heldOut;
};

Expected<DemoTrainingResult> trainDemoModel(const DemoTrainingOptions &options);

/// The learning rate at `step` (1-based) of the schedule.
double scheduledLearningRate(const DemoTrainingOptions &options, int64_t step);

} // namespace mplug2::model::train
