#include "model/modules/attentionmasks.h"

#include <torch/torch.h>

namespace mplug2::model {

at::Tensor selfAttentionMask(const at::Tensor &mask, at::ScalarType dtype)
{
    TORCH_CHECK(mask.dim() == 2, "attention mask must be (batch, length), got ", mask.sizes());
    return (1.0 - mask.to(dtype).unsqueeze(1).unsqueeze(1)) * -10000.0;
}

at::Tensor causalSelfAttentionMask(const at::Tensor &mask, int64_t queryLength, at::ScalarType dtype)
{
    TORCH_CHECK(
        mask.dim() == 2 && mask.size(1) >= queryLength, "decoder attention mask must be (batch, length)");
    const int64_t total = mask.size(1), past = total - queryLength;
    const auto options = torch::TensorOptions().device(mask.device()).dtype(at::kLong);
    // Query i (absolute position past + i) sees keys 0 .. past + i.
    const auto keys = torch::arange(total, options).view({1, total});
    const auto queries = (torch::arange(queryLength, options) + past).view({queryLength, 1});
    const auto causal = keys.le(queries).to(dtype);
    const auto combined = causal.unsqueeze(0).unsqueeze(0) * mask.to(dtype).unsqueeze(1).unsqueeze(1);
    return (1.0 - combined) * -10000.0;
}

at::Tensor crossAttentionMask(const at::Tensor &mask, at::ScalarType dtype)
{
    TORCH_CHECK(mask.dim() == 2, "encoder attention mask must be (batch, length), got ", mask.sizes());
    const double fill = dtype == at::kHalf ? -1e4 : -1e9;
    return (1.0 - mask.to(dtype).unsqueeze(1).unsqueeze(1)) * fill;
}

} // namespace mplug2::model
