#include "model/modules/attentionkernel.h"

#include "model/modules/rowlinear.h"

#include <atomic>
#include <cmath>
#include <torch/torch.h>
#include <torch/version.h>

#if TORCH_VERSION_MAJOR >= 2
#define MPLUG2_HAS_SDPA 1
#else
#define MPLUG2_HAS_SDPA 0
#endif

namespace mplug2::model {

namespace {
std::atomic<bool> g_fusedEnabled {true};
}

bool hasFusedAttention()
{
    return MPLUG2_HAS_SDPA != 0;
}

void setFusedAttentionEnabled(bool enabled)
{
    g_fusedEnabled = enabled;
}

at::Tensor attend(
    const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, const at::Tensor &mask, at::Tensor *probs)
{
    // One decoding step: a few query rows against a long cache.
    if (at::Tensor context = rowAttention(q, k, v, mask, probs); context.defined())
        return context;
#if MPLUG2_HAS_SDPA
    if (!probs && g_fusedEnabled.load(std::memory_order_relaxed)) {
        c10::optional<at::Tensor> fusedMask;
        if (mask.defined())
            fusedMask = mask.to(q.scalar_type());
        return at::scaled_dot_product_attention(q, k, v, fusedMask, 0.0, false);
    }
#endif
    at::Tensor scores = at::matmul(q, k.transpose(-1, -2)) / std::sqrt(static_cast<double>(q.size(-1)));
    if (mask.defined())
        scores = scores + mask.to(scores.scalar_type());
    at::Tensor weights;
    if (scores.scalar_type() == at::kFloat || scores.scalar_type() == at::kDouble)
        weights = at::softmax(scores, -1);
    else
        // Half-precision softmax loses the small weights the maps are drawn from.
        weights = at::softmax(scores, -1, at::kFloat).to(scores.scalar_type());
    if (probs)
        *probs = weights;
    return at::matmul(weights, v);
}

} // namespace mplug2::model
