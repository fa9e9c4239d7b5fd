#include "model/modules/parameterfill.h"

#include <torch/torch.h>

namespace mplug2::model {

namespace {
thread_local const ParameterScope *t_scope = nullptr;
}

ParameterScope::ParameterScope(ParameterFill fill, const at::TensorOptions &options)
    : m_outer(t_scope)
    , m_fill(fill)
    , m_options(options)
{
    t_scope = this;
}

ParameterScope::~ParameterScope()
{
    t_scope = m_outer;
}

const ParameterScope *ParameterScope::current()
{
    return t_scope;
}

at::Tensor newParameter(at::IntArrayRef sizes, const std::function<void(at::Tensor &)> &fill)
{
    if (t_scope && t_scope->fill() == ParameterFill::Unfilled)
        return torch::empty(sizes, t_scope->options());
    torch::NoGradGuard noGrad;
    at::Tensor t = torch::empty(sizes);
    fill(t);
    return t_scope ? t.to(t_scope->options()) : t;
}

void drawInto(at::Tensor &parameter, const std::function<void(at::Tensor &)> &fill)
{
    torch::NoGradGuard noGrad;
    if (parameter.scalar_type() == at::kFloat && parameter.device().is_cpu()) {
        fill(parameter);
        return;
    }
    at::Tensor drawn = torch::empty(parameter.sizes());
    fill(drawn);
    parameter.copy_(drawn);
}

torch::nn::EmbeddingOptions embeddingOptions(int64_t n, int64_t dim)
{
    torch::nn::EmbeddingOptions options(n, dim);
    if (t_scope && t_scope->fill() == ParameterFill::Unfilled)
        options._weight(torch::empty({n, dim}, t_scope->options()));
    return options;
}

bool parametersAreFilled()
{
    return !t_scope || t_scope->fill() == ParameterFill::Draw;
}

} // namespace mplug2::model
