#pragma once
/// y = x W^T + b with the parameters `weight` (out, in) and `bias` (out) of
/// nn.Linear and its initialisation, drawn in the same order from the same
/// generator, but made through newParameter() so that a model about to be
/// loaded skips the draw (parameterfill.h).
/// Internal header of model/ (torch types).

#include <torch/nn/cloneable.h>
#include <torch/nn/pimpl.h>

namespace mplug2::model {

struct LinearOptions {
    LinearOptions(int64_t in, int64_t out)
        : in(in)
        , out(out)
    { }
    int64_t in;
    int64_t out;
};

class LinearImpl : public torch::nn::Cloneable<LinearImpl> {
public:
    LinearImpl(int64_t in, int64_t out)
        : LinearImpl(LinearOptions(in, out))
    { }
    explicit LinearImpl(const LinearOptions &options);
    void reset() override;
    /// nn.Linear's draw: Kaiming-uniform weight, bias uniform in +-1/sqrt(in).
    void reset_parameters();
    at::Tensor forward(const at::Tensor &x);

    LinearOptions options;
    at::Tensor weight;
    at::Tensor bias;
};
TORCH_MODULE(Linear);

} // namespace mplug2::model
