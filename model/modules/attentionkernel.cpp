#include "model/modules/attentionkernel.h"

#include "model/modules/bf16kernels.h"
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

namespace {

// The explicit form for one block of query rows, every step in place: the
// official order (scores / sqrt(d), + mask, softmax, times V).
at::Tensor attendRows(
    const at::Tensor &q, const at::Tensor &kt, const at::Tensor &v, const at::Tensor &mask, double scale)
{
    at::Tensor scores = at::matmul(q, kt);
    // bf16 without a mask: the scale and the softmax in one fp32 pass.
    if (!mask.defined() && softmaxBf16InPlace(scores, 1.0 / scale))
        return at::matmul(scores, v);
    scores.div_(scale);
    if (mask.defined())
        scores.add_(mask);
    if (scores.scalar_type() == at::kFloat) {
        at::_softmax_out(scores, scores, -1, false);
        return at::matmul(scores, v);
    }
    return at::matmul(at::softmax(scores, -1, at::kFloat).to(scores.scalar_type()), v);
}

// Score elements per block of query rows: a few MB, so that a block's scores
// stay in the cache between the products and the softmax.
constexpr int64_t kBlockScores = int64_t(1) << 21;

} // namespace

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
    // Long self-attention (the last universal layer: 3137 visual tokens over
    // 3137) in blocks of query rows: the whole score matrix would be 12 x 3137
    // x 3137 floats, written and read three times over, which bounds the
    // stage by memory instead of arithmetic.
    const int64_t rows = q.size(-2), keys = k.size(-2);
    const int64_t perRow = keys * (q.numel() / std::max<int64_t>(1, rows * q.size(-1)));
    if (!probs && q.dim() == 4 && rows * perRow > 4 * kBlockScores && q.device().is_cpu()
        && !(at::GradMode::is_enabled() && (q.requires_grad() || k.requires_grad() || v.requires_grad()))) {
        const int64_t block = std::max<int64_t>(16, kBlockScores / std::max<int64_t>(1, perRow));
        const double scale = std::sqrt(static_cast<double>(q.size(-1)));
        const at::Tensor kt = k.transpose(-1, -2);
        const at::Tensor fullMask = mask.defined() ? mask.to(q.scalar_type()) : at::Tensor();
        at::Tensor context = at::empty({q.size(0), q.size(1), rows, v.size(-1)}, q.options());
        for (int64_t first = 0; first < rows; first += block) {
            const int64_t count = std::min(block, rows - first);
            const at::Tensor maskRows = fullMask.defined() && fullMask.dim() >= 2 && fullMask.size(-2) == rows
                ? fullMask.narrow(-2, first, count)
                : fullMask;
            context.narrow(2, first, count)
                .copy_(attendRows(q.narrow(2, first, count), kt, v, maskRows, scale));
        }
        return context;
    }
    const double scale = std::sqrt(static_cast<double>(q.size(-1)));
    at::Tensor scores = at::matmul(q, k.transpose(-1, -2));
    at::Tensor weights;
    // bf16 without a mask: the scale and the softmax in one fp32 pass (bf16kernels.h).
    if (!mask.defined() && softmaxBf16InPlace(scores, 1.0 / scale)) {
        weights = scores;
    } else {
        scores = scores / scale;
        if (mask.defined())
            scores = scores + mask.to(scores.scalar_type());
        if (scores.scalar_type() == at::kFloat || scores.scalar_type() == at::kDouble)
            weights = at::softmax(scores, -1);
        else
            // Half-precision softmax loses the small weights the maps are drawn from.
            weights = at::softmax(scores, -1, at::kFloat).to(scores.scalar_type());
    }
    if (probs)
        *probs = weights;
    return at::matmul(weights, v);
}

} // namespace mplug2::model
