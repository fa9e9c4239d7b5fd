#include "model/modules/linear.h"

#include "model/modules/parameterfill.h"

#include <cmath>
#include <torch/torch.h>

namespace mplug2::model {

namespace {

void drawWeight(at::Tensor &w)
{
    torch::nn::init::kaiming_uniform_(w, std::sqrt(5.0));
}

} // namespace

LinearImpl::LinearImpl(const LinearOptions &options)
    : options(options)
{
    reset();
}

void LinearImpl::reset()
{
    // nn.Linear's order of draws: the weight, then the bias.
    const double bound = options.in > 0 ? 1.0 / std::sqrt(static_cast<double>(options.in)) : 0.0;
    weight = register_parameter("weight", newParameter({options.out, options.in}, drawWeight));
    bias = register_parameter("bias",
        newParameter({options.out}, [bound](at::Tensor &b) { torch::nn::init::uniform_(b, -bound, bound); }));
}

void LinearImpl::reset_parameters()
{
    torch::NoGradGuard noGrad;
    drawWeight(weight);
    const double bound = options.in > 0 ? 1.0 / std::sqrt(static_cast<double>(options.in)) : 0.0;
    torch::nn::init::uniform_(bias, -bound, bound);
}

at::Tensor LinearImpl::forward(const at::Tensor &x)
{
    return at::linear(x, weight, bias);
}

} // namespace mplug2::model
