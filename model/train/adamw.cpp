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

namespace {

std::string keyOf(const at::Tensor &parameter)
{
    // How torch::optim keys its per-parameter state.
    return c10::guts::to_string(parameter.unsafeGetTensorImpl());
}

} // namespace

AdamW::AdamW(std::vector<std::pair<std::string, at::Tensor>> parameters, const AdamWOptions &options)
{
    std::vector<at::Tensor> decayed, exempt;
    for (auto &[name, p] : parameters) {
        m_slots.push_back({name, p});
        (decays(name, p) ? decayed : exempt).push_back(p);
    }
    const auto groupOptions = [&](double weightDecay) {
        auto o = std::make_unique<torch::optim::AdamWOptions>(0.0);
        o->betas({options.beta1, options.beta2})
            .eps(options.epsilon)
            .weight_decay(weightDecay)
            .amsgrad(false);
        return o;
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decayed, groupOptions(options.weightDecay));
    groups.emplace_back(exempt, groupOptions(0.0));
    m_optimizer = std::make_unique<torch::optim::AdamW>(std::move(groups), torch::optim::AdamWOptions(0.0));
}

AdamW::~AdamW() = default;

void AdamW::step(double learningRate)
{
    for (auto &group : m_optimizer->param_groups())
        static_cast<torch::optim::AdamWOptions &>(group.options()).lr(learningRate);
    m_optimizer->step();
    ++m_steps;
}

void AdamW::zeroGrad()
{
    // Gradients to none, not to zero: this LibTorch's zero_grad() zeroes them,
    // and a zero gradient would still decay and move a parameter next step.
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
    const auto &states = m_optimizer->state();
    for (const Slot &s : m_slots) {
        const auto it = states.find(keyOf(s.parameter));
        int64_t stepped = 0;
        if (it != states.end()) {
            const auto &st = static_cast<const torch::optim::AdamWParamState &>(*it->second);
            out["exp_avg." + s.name] = st.exp_avg().clone(); // a snapshot: the live ones move on
            out["exp_avg_sq." + s.name] = st.exp_avg_sq().clone();
            stepped = st.step();
        } else {
            // Not stepped yet (no gradient so far): the zeros torch::optim would start from.
            out["exp_avg." + s.name] = torch::zeros_like(s.parameter);
            out["exp_avg_sq." + s.name] = torch::zeros_like(s.parameter);
        }
        // torch::optim counts steps per parameter: one that missed a gradient
        // is behind, and its bias correction with it.
        if (stepped != m_steps)
            out["step." + s.name] = torch::tensor(stepped, at::kLong);
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
    const int64_t steps = step->second.to(at::kLong).item<int64_t>();
    auto &states = m_optimizer->state();
    for (const Slot &s : m_slots) {
        const auto own = state.find("step." + s.name);
        const int64_t stepped = own != state.end() && own->second.numel() == 1
            ? own->second.to(at::kLong).item<int64_t>()
            : steps;
        if (stepped <= 0) {
            states.erase(keyOf(s.parameter));
            continue;
        }
        auto st = std::make_unique<torch::optim::AdamWParamState>();
        st->step(stepped);
        st->exp_avg(state.at("exp_avg." + s.name).to(s.parameter.options()).clone());
        st->exp_avg_sq(state.at("exp_avg_sq." + s.name).to(s.parameter.options()).clone());
        states[keyOf(s.parameter)] = std::move(st);
    }
    m_steps = steps;
    return {};
}

} // namespace mplug2::model::train
