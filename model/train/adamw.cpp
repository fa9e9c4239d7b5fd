#include "model/train/adamw.h"

#include <cmath>
#include <torch/torch.h>
#include <unordered_set>

namespace mplug2::model::train {

namespace {

bool decays(const std::string &name, const at::Tensor &p)
{
    if (p.dim() < 2)
        return false;
    for (const char *exempt : {"embedding", "latents", "logit_scale"})
        if (name.find(exempt) != std::string::npos)
            return false;
    return true;
}

} // namespace

std::vector<std::pair<std::string, at::Tensor>> namedUniqueParameters(const torch::nn::Module &module)
{
    std::vector<std::pair<std::string, at::Tensor>> out;
    std::unordered_set<const void *> seen;
    for (const auto &item : module.named_parameters(true))
        if (seen.insert(item.value().unsafeGetTensorImpl()).second)
            out.emplace_back(item.key(), item.value());
    return out;
}

AdamW::AdamW(std::vector<std::pair<std::string, at::Tensor>> parameters, const AdamWOptions &options)
    : m_options(options)
{
    for (auto &[name, p] : parameters) {
        Slot s;
        s.name = name;
        s.parameter = p;
        s.expAvg = torch::zeros_like(p);
        s.expAvgSq = torch::zeros_like(p);
        s.decay = decays(name, p);
        m_slots.push_back(std::move(s));
    }
}

void AdamW::step(double learningRate)
{
    torch::NoGradGuard noGrad;
    ++m_steps;
    const double b1 = m_options.beta1, b2 = m_options.beta2;
    const double correction1 = 1 - std::pow(b1, double(m_steps));
    const double correction2 = 1 - std::pow(b2, double(m_steps));
    const double stepSize = learningRate / correction1;
    for (Slot &s : m_slots) {
        const at::Tensor &grad = s.parameter.grad();
        if (!grad.defined())
            continue;
        if (s.decay)
            s.parameter.mul_(1 - learningRate * m_options.weightDecay);
        s.expAvg.mul_(b1).add_(grad, 1 - b1);
        s.expAvgSq.mul_(b2).addcmul_(grad, grad, 1 - b2);
        const auto denominator = (s.expAvgSq / correction2).sqrt_().add_(m_options.epsilon);
        s.parameter.addcdiv_(s.expAvg, denominator, -stepSize);
    }
}

void AdamW::zeroGrad()
{
    for (Slot &s : m_slots)
        if (s.parameter.grad().defined())
            s.parameter.mutable_grad() = at::Tensor();
}

double AdamW::clipGradients(double maxNorm)
{
    torch::NoGradGuard noGrad;
    double sum = 0;
    for (const Slot &s : m_slots)
        if (s.parameter.grad().defined())
            sum += s.parameter.grad().pow(2).sum().item<double>();
    const double norm = std::sqrt(sum);
    if (norm > maxNorm)
        for (Slot &s : m_slots)
            if (s.parameter.grad().defined())
                s.parameter.mutable_grad().mul_(maxNorm / (norm + 1e-6));
    return norm;
}

StateDict AdamW::state() const
{
    StateDict out;
    for (const Slot &s : m_slots) {
        out["exp_avg." + s.name] = s.expAvg;
        out["exp_avg_sq." + s.name] = s.expAvgSq;
    }
    out["step"] = torch::tensor(m_steps, at::kLong);
    return out;
}

Expected<void> AdamW::setState(const StateDict &state)
{
    const auto step = state.find("step");
    if (step == state.end() || step->second.numel() != 1)
        return makeError(ErrorCode::Format, "the optimizer state has no step count");
    for (const Slot &s : m_slots)
        for (const char *kind : {"exp_avg.", "exp_avg_sq."}) {
            const auto it = state.find(kind + s.name);
            if (it == state.end() || it->second.sizes() != s.parameter.sizes())
                return makeError(ErrorCode::Format,
                    std::string("the optimizer state does not fit the model at ") + kind + s.name);
        }
    torch::NoGradGuard noGrad;
    for (Slot &s : m_slots) {
        s.expAvg.copy_(state.at("exp_avg." + s.name));
        s.expAvgSq.copy_(state.at("exp_avg_sq." + s.name));
    }
    m_steps = step->second.to(at::kLong).item<int64_t>();
    return {};
}

} // namespace mplug2::model::train
