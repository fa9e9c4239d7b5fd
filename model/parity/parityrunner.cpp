#include "model/parity/parityrunner.h"

#include "model/runtime/exceptiontext.h"

#include <cstdio>
#include <exception>
#include <filesystem>

namespace mplug2::model {

namespace {

std::string formatDiff(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
}

} // namespace

std::string ParityCase::path(const std::string &relative) const
{
    return (std::filesystem::path(fixtureDir) / relative).string();
}

ParityRunner::ParityRunner(ParityOptions options)
    : m_options(std::move(options))
{ }

void ParityRunner::registerKind(const std::string &kind, ParityHandler handler)
{
    m_skipReasons.erase(kind);
    m_handlers[kind] = std::move(handler);
}

void ParityRunner::registerSkippedKind(const std::string &kind, const std::string &reason)
{
    if (!m_handlers.count(kind))
        m_skipReasons[kind] = reason;
}

bool ParityRunner::handles(const std::string &kind) const
{
    return m_handlers.count(kind) != 0;
}

std::string ParityRunner::outcomeLine(const CaseOutcome &o)
{
    std::string line;
    switch (o.status) {
    case CaseStatus::Passed:
        line = "PASS ";
        break;
    case CaseStatus::Failed:
        line = "FAIL ";
        break;
    case CaseStatus::Skipped:
        line = "SKIP ";
        break;
    }
    line += o.id;
    if (!o.variant.empty())
        line += " [" + o.variant + "]";
    if (o.status != CaseStatus::Skipped) {
        line += ": " + std::to_string(o.checks) + " checks, max-abs-diff " + formatDiff(o.worstDiff);
        if (!o.worstKey.empty())
            line += " (" + o.worstKey + ")";
    }
    if (!o.message.empty())
        line += (o.status == CaseStatus::Skipped ? ": " : "; ") + o.message;
    return line;
}

std::string ParityRunner::summaryLine(const Summary &s)
{
    // Skipped cases count in the total, so that "N/N passed" never hides them.
    return "parity: " + std::to_string(s.passed) + "/" + std::to_string(s.passed + s.failed + s.skipped)
        + " cases passed, " + std::to_string(s.skipped) + " skipped, worst max-abs-diff "
        + formatDiff(s.worstDiff);
}

int ParityRunner::run(const std::string &fixtureDir, std::ostream &out)
{
    m_summary = {};
    const auto manifestPath = (std::filesystem::path(fixtureDir) / "cases.json").string();
    auto manifest = json::parseFile(manifestPath);
    if (!manifest) {
        out << "parity: cannot read " << manifestPath << ": " << manifest.error().message << '\n';
        return 2;
    }
    json::View cases = json::View(*manifest)["cases"];
    if (!cases.isArray()) {
        out << "parity: " << manifestPath << " has no \"cases\" list\n";
        return 2;
    }
    const ToleranceRules tolerances = ToleranceRules::fromJson(json::View(*manifest)["tolerances"])
                                          .forPrecision(m_options.target.precision);
    for (json::View entry : cases.items()) {
        const std::string id = entry["id"].asString();
        const std::string kind = entry["kind"].asString();
        if (!m_options.caseFilter.empty() && id.find(m_options.caseFilter) == std::string::npos)
            continue;
        std::vector<CaseOutcome> outcomes;
        if (const auto skip = m_skipReasons.find(kind); skip != m_skipReasons.end()) {
            outcomes.push_back({id, {}, CaseStatus::Skipped, 0.0, {}, skip->second, 0});
        } else if (const auto handler = m_handlers.find(kind); handler == m_handlers.end()) {
            outcomes.push_back(
                {id, {}, CaseStatus::Failed, 0.0, {}, "no handler for case kind '" + kind + "'", 0});
        } else {
            const ParityCase parityCase {*manifest, entry, fixtureDir, m_options, tolerances};
            try {
                outcomes = handler->second(parityCase);
            } catch (const std::exception &e) {
                outcomes = {{id, {}, CaseStatus::Failed, 0.0, {}, "error: " + exceptionText(e), 0}};
            }
            if (outcomes.empty())
                outcomes.push_back({id, {}, CaseStatus::Failed, 0.0, {}, "the handler ran nothing", 0});
        }
        for (CaseOutcome &o : outcomes) {
            if (o.status == CaseStatus::Passed)
                ++m_summary.passed;
            else if (o.status == CaseStatus::Failed)
                ++m_summary.failed;
            else
                ++m_summary.skipped;
            if (o.status != CaseStatus::Skipped && o.worstDiff > m_summary.worstDiff)
                m_summary.worstDiff = o.worstDiff;
            out << outcomeLine(o) << '\n' << std::flush;
            m_summary.outcomes.push_back(std::move(o));
        }
    }
    if (m_summary.skipped)
        out << "skipped: " << m_summary.skipped << " cases this program cannot run\n";
    out << summaryLine(m_summary) << '\n';
    if (m_summary.outcomes.empty())
        out << "parity: no case matched\n";
    return m_summary.failed == 0 && !m_summary.outcomes.empty() ? 0 : 1;
}

} // namespace mplug2::model
