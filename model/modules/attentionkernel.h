#pragma once
/// The one place where attention is computed: softmax(q k^T / sqrt(d) + mask) v.
/// Internal header of model/ (torch types); not part of the public API.
///
///     at::Tensor probs;                                  // only when someone looks
///     at::Tensor context = attend(q, k, v, mask, wantMaps ? &probs : nullptr);
///
/// LibTorch 2.x's scaled_dot_product_attention (fused, memory-efficient) is
/// used when the probabilities are not wanted; LibTorch 1.13 and every
/// capture use the explicit matmul/softmax form, which is the official order
/// of operations (scores / sqrt(d), then the additive mask).

#include <ATen/core/Tensor.h>

namespace mplug2::model {

/// q (..., Lq, d), k and v (..., Lk, d), mask additive and broadcastable to
/// (..., Lq, Lk) or undefined. When `probs` is given it receives the softmax.
at::Tensor attend(
    const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, const at::Tensor &mask, at::Tensor *probs);

/// True when this LibTorch has a fused attention kernel (2.0 and later).
bool hasFusedAttention();

/// Globally disables the fused kernel (benchmarks compare both paths).
void setFusedAttentionEnabled(bool enabled);

} // namespace mplug2::model
