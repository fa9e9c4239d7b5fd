#pragma once
/// Collects the comparisons of one parity case: float tensors within the
/// key's tolerance, integer tensors exactly, plus named yes/no checks.
/// Internal header of model/parity (torch types).
///
///     CaseChecker check(parityCase.tolerances);
///     check.tensor("video/visual", ours, expected.at("video/visual"));
///     CaseOutcome outcome = check.outcome("tiny-a/caption/video", "tiny-a/caption.pth");

#include "model/parity/parityrunner.h"

#include <ATen/core/Tensor.h>
#include <set>

namespace mplug2::model {

class CaseChecker {
public:
    explicit CaseChecker(ToleranceRules tolerances);

    /// Compares ours (any device/dtype) with the expected tensor under `key`.
    void tensor(const std::string &key, const at::Tensor &ours, const at::Tensor &expected);
    /// Records a difference measured elsewhere against the key's tolerance.
    void difference(const std::string &key, double maxAbsDiff, double expectedMagnitude);
    void require(bool ok, const std::string &what);

    /// Keys this case compared (to spot expected tensors nobody checked).
    const std::set<std::string> &checkedKeys() const { return m_checked; }
    void markChecked(const std::string &key) { m_checked.insert(key); }

    double toleranceFor(const std::string &key, double expectedMagnitude) const;
    /// fp16/bf16 runs: tolerances grow with magnitudes, near-ties may flip.
    bool reducedPrecision() const { return m_tolerances.relativeSlack() > 0.0; }
    bool failed() const { return !m_failures.empty(); }
    CaseOutcome outcome(const std::string &id, const std::string &variant) const;

private:
    void record(const std::string &key, double maxAbsDiff, double expectedMagnitude);

    ToleranceRules m_tolerances;
    std::vector<std::string> m_failures;
    std::set<std::string> m_checked;
    double m_worst = 0.0;
    std::string m_worstKey;
    int m_checks = 0;
};

} // namespace mplug2::model
