#pragma once
/// The absolute tolerances of a fixture set (cases.json "tolerances"):
/// ordered rules, the first whose `contains` is a substring of a tensor key
/// wins. Reduced-precision runs widen them (see forPrecision).
///
///     ToleranceRules rules = ToleranceRules::fromJson(manifest["tolerances"]);
///     double atol = rules.atolFor("video/dec/logits");     // 1e-3 in the shared set

#include "base/json/json.h"
#include "model/runtime/computetarget.h"

#include <string>
#include <vector>

namespace mplug2::model {

class ToleranceRules {
public:
    struct Rule {
        std::string contains;
        double atol = 1e-4;
    };

    /// Rules as listed; a missing or empty list falls back to the README's
    /// suggestions (logits 1e-3, attention 1e-5, everything else 1e-4).
    static ToleranceRules fromJson(json::View tolerances);

    double atolFor(const std::string &key) const;

    /// fp32 keeps the rules. fp16/bf16 compare against values computed in
    /// fp32, so each tolerance grows by a share of the expected magnitude:
    /// atol + relative * max|expected| (relativeSlack()).
    double relativeSlack() const { return m_relative; }
    ToleranceRules forPrecision(Precision precision) const;

    const std::vector<Rule> &rules() const { return m_rules; }

private:
    std::vector<Rule> m_rules;
    double m_relative = 0.0;
};

} // namespace mplug2::model
