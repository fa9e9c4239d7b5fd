#pragma once
/// The caption benchmark behind `mplug2-bench bench`: a random-weight model
/// of the official shapes captions random frames with a forced number of
/// decoding steps (min length = max length), once with our decoder cache and
/// once the official way (whole prefix and per-beam cross keys/values
/// recomputed every step), so the two can be compared side by side.
///
///     CaptionBenchmarkParams p;  p.config = "base";  p.frames = 16;
///     auto report = runCaptionBenchmark(p, [](const std::string &line) { std::cerr << line << '\n'; });

#include "base/expected.h"
#include "model/runtime/computetarget.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mplug2::model {

struct CaptionBenchmarkParams {
    std::string config = "base"; ///< tiny | base | large
    int64_t frames = 16;
    int64_t batch = 1;
    int64_t beam = 5;
    int64_t maxLength = 20;
    /// Forced decoding steps (0: up to maxLength, stopping where the random model does).
    int64_t steps = 0;
    ComputeTarget target;
    /// Also run the official no-cache decoding for the ratio.
    bool baseline = true;
    int64_t warmupRuns = 0;
    uint64_t seed = 0;
};

/// Wall-clock milliseconds per stage, and the process's CPU milliseconds
/// (all threads) in the same intervals.
struct CaptionRunTimes {
    double visualMs = 0.0;
    double universalMs = 0.0;
    double decodeMs = 0.0;
    double totalMs = 0.0;
    double visualCpuMs = 0.0;
    double universalCpuMs = 0.0;
    double decodeCpuMs = 0.0;
    double totalCpuMs = 0.0;
    int64_t steps = 0;
    double tokensPerSecond = 0.0;
    int64_t peakBytes = -1;
};

struct CaptionBenchmarkReport {
    CaptionBenchmarkParams params;
    int64_t parameters = 0;
    int64_t visualTokens = 0;
    double buildMs = 0.0;
    /// inferConfig() gave the same architecture back from the weights' shapes (base, large).
    bool configInferred = false;
    /// Question encoder + fusion on a 12-token question (the QA-only stages).
    double textFusionMs = 0.0;
    CaptionRunTimes cached;
    CaptionRunTimes official; ///< steps == 0 when not run
    /// What model/memoryestimate.h predicts for this run, to hold beside cached.peakBytes.
    int64_t estimateBytes = 0;
    int threads = 1;
};

Expected<CaptionBenchmarkReport> runCaptionBenchmark(
    const CaptionBenchmarkParams &params, const std::function<void(const std::string &)> &progress = {});

/// The same caption in several precisions side by side: one model per
/// precision from the same random draw, each warmed up, then `runs` rounds
/// that alternate their order (so that neither always runs first, on a
/// cooler or warmer machine), reported as medians per stage.
struct PrecisionVariant {
    Precision precision = Precision::Fp32;
    CaptionRunTimes median; ///< each figure the median of the runs
    /// Peak resident bytes during this variant's runs, less the weights of
    /// the other variants' models, which stay resident beside it (and the
    /// other variants' stage outputs kept from the last round for `errors`).
    int64_t peakBytes = -1;
    int64_t weightBytes = 0;
    int64_t estimateBytes = 0; ///< model/memoryestimate.h's prediction of peakBytes
    double buildMs = 0.0;
    /// How far each stage's output lies from the first variant's (the
    /// reference, fp32 when it is listed first), on the same weights and
    /// pixels: max |ours - reference| / max |reference| of the visual tokens
    /// and the universal output, max |ours - reference| of the decoder's
    /// log-probabilities with both teacher-forced on the reference's top beam,
    /// and whether the top beam is the same. All 0 for the first variant.
    struct StageErrors {
        double visual = 0.0;
        double universal = 0.0;
        double logProbs = 0.0;
        bool sameTopBeam = true;
    } errors;
};

struct PrecisionComparison {
    CaptionBenchmarkParams params; ///< target.precision unused
    int64_t parameters = 0;
    int64_t visualTokens = 0;
    int64_t runs = 0;
    int threads = 1;
    std::vector<PrecisionVariant> variants;
};

Expected<PrecisionComparison> comparePrecisions(const CaptionBenchmarkParams &params,
    const std::vector<Precision> &precisions, int64_t runs,
    const std::function<void(const std::string &)> &progress = {});

/// Writes the random-weight model of `config` ("tiny", "base", "large"),
/// drawn from `seed`, as the official code saves one: {'model': state dict}
/// in fp32, zip format. For timing what a user times: `mplug2 caption
/// --checkpoint FILE` from start to answer. Returns the file's model bytes.
Expected<std::uint64_t> writeRandomModelCheckpoint(
    const std::string &config, std::uint64_t seed, const std::string &path);

} // namespace mplug2::model
