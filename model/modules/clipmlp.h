#pragma once
/// CLIP's feed-forward block: `c_fc` (width -> 4 width), QuickGELU, `c_proj`.
/// Internal header of model/ (torch types).

#include "model/modules/linear.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace mplug2::model {

struct ClipMlpOptions {
    /* implicit */ ClipMlpOptions(int64_t width)
        : width(width)
    { }
    int64_t width;
};

class ClipMlpImpl : public torch::nn::Module {
public:
    explicit ClipMlpImpl(const ClipMlpOptions &options);
    at::Tensor forward(const at::Tensor &x);

    Linear c_fc {nullptr};
    Linear c_proj {nullptr};
};
TORCH_MODULE(ClipMlp);

} // namespace mplug2::model
