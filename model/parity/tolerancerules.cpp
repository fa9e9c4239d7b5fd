#include "model/parity/tolerancerules.h"

namespace mplug2::model {

ToleranceRules ToleranceRules::fromJson(const JsonValue &tolerances)
{
    ToleranceRules r;
    for (const JsonValue &rule : tolerances["rules"].items()) {
        const JsonValue *atol = rule.find("atol");
        if (!atol || !atol->isNumber() || atol->asDouble() < 0)
            continue;
        r.m_rules.push_back({rule["contains"].asString(), atol->asDouble()});
    }
    if (r.m_rules.empty())
        r.m_rules = {{"/dec/logits", 1e-3}, {"/dec/logsumexp", 1e-3}, {"cross_attn/", 1e-5},
                     {"/attn/", 1e-5},      {"", 1e-4}};
    return r;
}

double ToleranceRules::atolFor(const std::string &key) const
{
    for (const Rule &rule : m_rules)
        if (key.find(rule.contains) != std::string::npos)
            return rule.atol;
    return 1e-4;
}

ToleranceRules ToleranceRules::forPrecision(Precision precision) const
{
    ToleranceRules r = *this;
    // Measured margins: a 16-bit mantissa (bf16: 8 bits, fp16: 11 bits) rounds every
    // layer's activations; errors of a few mantissa steps compound over the stacks.
    switch (precision) {
    case Precision::Fp32: r.m_relative = 0.0; break;
    case Precision::Fp16: r.m_relative = 2e-2; break;
    case Precision::Bf16: r.m_relative = 8e-2; break;
    }
    return r;
}

} // namespace mplug2::model
