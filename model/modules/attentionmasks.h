#pragma once
/// The official additive attention masks (BERT + transformers' helpers).
/// Internal header of model/ (torch types).
///
/// Self-attention: (1 - mask) * -10000, shaped (B, 1, 1, L) or, for the
/// decoder, (B, 1, L, L) with the causal triangle. Cross-attention
/// ("invert_attention_mask"): (1 - mask) * -1e9 in fp32, -1e4 in fp16.

#include <ATen/core/Tensor.h>

namespace mplug2::model {

/// mask (B, L) of 1 = attend, 0 = padding -> (B, 1, 1, L) in `dtype`.
at::Tensor selfAttentionMask(const at::Tensor &mask, at::ScalarType dtype);

/// Decoder mask: padding mask (B, past + L) combined with the causal mask of
/// the last L positions -> (B, 1, L, past + L).
at::Tensor causalSelfAttentionMask(const at::Tensor &mask, int64_t queryLength, at::ScalarType dtype);

/// Cross-attention mask over encoder tokens: (B, Lk) -> (B, 1, 1, Lk).
at::Tensor crossAttentionMask(const at::Tensor &mask, at::ScalarType dtype);

} // namespace mplug2::model
