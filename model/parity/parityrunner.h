#pragma once
/// Runs a fixture folder's cases.json against our code and says, per case,
/// whether our numbers match the official ones within the stated tolerances.
/// Case kinds are handled by registered handlers, so each layer adds what it
/// can run: the model library registers caption/qa/clip_embed (and the
/// tokenizer kinds when built with them), the media layer the media kinds.
///
///     ParityRunner runner({{"cpu", Precision::Fp32}, ""});
///     registerModelParityKinds(runner);                 // modelparitykinds.h
///     runner.registerKind("video_transform", myHandler); // e.g. from media/
///     int exitCode = runner.run("../shared/fixtures", std::cout);
///
/// Output: one line per case run (a model case once per checkpoint holding
/// its weights), then `parity: P/N cases passed, worst max-abs-diff X`.
/// Skipped cases (kinds this program cannot run) are listed but not counted
/// in N and do not fail the run; unknown kinds fail it.
/// Threading: one run at a time per runner.

#include "base/json/json.h"
#include "model/parity/tolerancerules.h"
#include "model/runtime/computetarget.h"

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace mplug2::model {

struct ParityOptions {
    ComputeTarget target;
    /// Only cases whose id contains this text (empty = all).
    std::string caseFilter;
    /// Vocabularies for the tokenizer kinds (empty = <fixture folder>/../data).
    std::string dataDir;
    /// Reduced precision: each generation's best hypothesis must be the
    /// official one, not only one our model scores as well (the agreement
    /// check of bf16 against fp32).
    bool sameTopBeam = false;
};

enum class CaseStatus { Passed, Failed, Skipped };

struct CaseOutcome {
    std::string id;
    /// What the run used beyond the id, e.g. the checkpoint file.
    std::string variant;
    CaseStatus status = CaseStatus::Passed;
    double worstDiff = 0.0;
    std::string worstKey;
    /// Failure reasons or the skip reason.
    std::string message;
    int checks = 0;
};

/// What a handler gets for one case.
struct ParityCase {
    json::View manifest;
    json::View entry;
    std::string fixtureDir;
    ParityOptions options;
    /// The fixture set's tolerances, already widened for the precision.
    ToleranceRules tolerances;

    /// fixtureDir / relative, for files the manifest names.
    std::string path(const std::string &relative) const;
};

/// Returns one outcome per variant run (at least one). Exceptions become failures.
using ParityHandler = std::function<std::vector<CaseOutcome>(const ParityCase &)>;

class ParityRunner {
public:
    explicit ParityRunner(ParityOptions options);

    void registerKind(const std::string &kind, ParityHandler handler);
    /// Cases of this kind are reported as skipped with `reason`.
    void registerSkippedKind(const std::string &kind, const std::string &reason);
    bool handles(const std::string &kind) const;

    struct Summary {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        double worstDiff = 0.0;
        std::vector<CaseOutcome> outcomes;
    };

    /// Prints as it goes; returns 0 when every case run passed, 1 otherwise,
    /// 2 when the folder or its cases.json cannot be read.
    int run(const std::string &fixtureDir, std::ostream &out);
    const Summary &summary() const { return m_summary; }

    /// The fixed-format last line.
    static std::string summaryLine(const Summary &summary);
    static std::string outcomeLine(const CaseOutcome &outcome);

private:
    ParityOptions m_options;
    std::map<std::string, ParityHandler> m_handlers;
    std::map<std::string, std::string> m_skipReasons;
    Summary m_summary;
};

} // namespace mplug2::model
