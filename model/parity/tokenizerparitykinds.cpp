#include "model/parity/tokenizerparitykinds.h"

#include "model/parity/casechecker.h"
#include "model/text/tokenizerparity.h"

#include <cstdlib>
#include <string_view>

namespace mplug2::model {

namespace {

CaseStatus caseStatus(text::ParityStatus status)
{
    switch (status) {
    case text::ParityStatus::Passed:
        return CaseStatus::Passed;
    case text::ParityStatus::Failed:
        return CaseStatus::Failed;
    case text::ParityStatus::Skipped:
        return CaseStatus::Skipped;
    }
    return CaseStatus::Failed;
}

// On CI a missing vocabulary must not quietly drop the tokenizer checks.
bool skippingFails()
{
    const char *ci = std::getenv("CI");
    return ci && std::string_view(ci) == "true";
}

text::TokenizerParityFiles parityFiles(const ParityCase &c)
{
    text::TokenizerParityFiles files = text::defaultTokenizerParityFiles(c.fixtureDir);
    if (!c.options.dataDir.empty())
        files.dataDir = c.options.dataDir;
    return files;
}

std::vector<CaseOutcome> runTokenizerCase(const ParityCase &c)
{
    const text::TokenizerParityResult r = text::checkTokenizerCase(c.entry, c.fixtureDir, parityFiles(c));
    CaseOutcome outcome;
    outcome.id = r.caseId.empty() ? c.entry["id"].asString() : r.caseId;
    outcome.status = caseStatus(r.status);
    if (outcome.status == CaseStatus::Skipped && skippingFails())
        outcome.status = CaseStatus::Failed;
    outcome.checks = static_cast<int>(r.checks.size());
    // Ids and strings must be equal: there is no numeric difference to report.
    outcome.worstDiff = 0.0;
    if (r.status != text::ParityStatus::Passed)
        outcome.message = r.summary
            + (r.status == text::ParityStatus::Skipped && skippingFails() ? " (CI=true: a skip fails)" : "");
    return {outcome};
}

} // namespace

void registerTokenizerParityKinds(ParityRunner &runner)
{
    for (const char *kind : {"tokenizer", "clip_tokenizer"})
        runner.registerKind(kind, &runTokenizerCase);
}

void checkCaseTexts(CaseChecker &check, const ParityCase &c)
{
    const text::TokenizerParityResult r
        = text::checkModelCaseTexts(c.manifest, c.entry, c.fixtureDir, parityFiles(c));
    if (r.status == text::ParityStatus::Skipped) {
        if (skippingFails())
            check.require(false, "texts: " + r.summary + " (CI=true: a skip fails)");
        return;
    }
    if (r.checks.empty())
        return check.require(false, "texts: " + r.summary);
    for (const text::TokenizerParityCheck &t : r.checks)
        check.require(t.passed, "texts: " + t.name + ": " + t.detail);
}

} // namespace mplug2::model
