#include "model/modules/clipmlp.h"

#include "model/modules/layernorm.h"

#include <torch/torch.h>

namespace mplug2::model {

ClipMlpImpl::ClipMlpImpl(const ClipMlpOptions &options)
{
    const int64_t width = options.width;
    c_fc = register_module("c_fc", Linear(width, 4 * width));
    c_proj = register_module("c_proj", Linear(4 * width, width));
}

at::Tensor ClipMlpImpl::forward(const at::Tensor &x)
{
    return c_proj(quickGelu(c_fc(x)));
}

} // namespace mplug2::model
