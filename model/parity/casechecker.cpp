#include "model/parity/casechecker.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <torch/torch.h>

namespace mplug2::model {

namespace {

std::string sizesText(const at::Tensor &t)
{
    std::ostringstream s;
    s << t.sizes();
    return s.str();
}

} // namespace

CaseChecker::CaseChecker(ToleranceRules tolerances)
    : m_tolerances(std::move(tolerances))
{ }

double CaseChecker::toleranceFor(const std::string &key, double expectedMagnitude) const
{
    return m_tolerances.atolFor(key) + m_tolerances.relativeSlack() * expectedMagnitude;
}

void CaseChecker::tensor(const std::string &key, const at::Tensor &oursAny, const at::Tensor &expected)
{
    m_checked.insert(key);
    ++m_checks;
    if (!oursAny.defined() || oursAny.sizes() != expected.sizes()) {
        m_failures.push_back(key + ": shape " + (oursAny.defined() ? sizesText(oursAny) : "(none)")
            + " instead of " + sizesText(expected));
        return;
    }
    const auto ours = oursAny.detach().to(at::kCPU);
    if (!at::isFloatingType(expected.scalar_type())) {
        const auto mismatches = ours.to(at::kLong).ne(expected.to(at::kLong)).sum().item<int64_t>();
        if (mismatches)
            m_failures.push_back(key + ": " + std::to_string(mismatches) + " of "
                + std::to_string(expected.numel()) + " integers differ");
        return;
    }
    if (expected.numel() == 0)
        return;
    const auto exp = expected.to(at::kDouble);
    const auto diff = (ours.to(at::kDouble) - exp).abs();
    if (diff.isnan().any().item<bool>()) {
        m_failures.push_back(key + ": not a number where a value was expected");
        return;
    }
    record(key, diff.max().item<double>(), exp.abs().max().item<double>());
}

void CaseChecker::difference(const std::string &key, double maxAbsDiff, double expectedMagnitude)
{
    m_checked.insert(key);
    ++m_checks;
    record(key, maxAbsDiff, expectedMagnitude);
}

void CaseChecker::record(const std::string &key, double maxAbsDiff, double expectedMagnitude)
{
    if (maxAbsDiff > m_worst || m_worstKey.empty()) {
        m_worst = std::max(m_worst, maxAbsDiff);
        m_worstKey = key;
    }
    const double tolerance = toleranceFor(key, expectedMagnitude);
    if (!(maxAbsDiff <= tolerance)) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, ": max-abs-diff %.3g > tolerance %.3g", maxAbsDiff, tolerance);
        m_failures.push_back(key + buffer);
    }
}

void CaseChecker::require(bool ok, const std::string &what)
{
    ++m_checks;
    if (!ok)
        m_failures.push_back(what);
}

CaseOutcome CaseChecker::outcome(const std::string &id, const std::string &variant) const
{
    CaseOutcome o;
    o.id = id;
    o.variant = variant;
    o.checks = m_checks;
    o.worstDiff = m_worst;
    o.worstKey = m_worstKey;
    o.status = m_failures.empty() ? CaseStatus::Passed : CaseStatus::Failed;
    if (!m_failures.empty()) {
        o.message = std::to_string(m_failures.size()) + " failed: " + m_failures.front();
        for (size_t i = 1; i < m_failures.size() && i < 4; ++i)
            o.message += "; " + m_failures[i];
        if (m_failures.size() > 4)
            o.message += "; ...";
    }
    return o;
}

} // namespace mplug2::model
