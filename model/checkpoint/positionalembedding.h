#pragma once
/// Resizes a ViT positional embedding (1 + side*side, C) to another grid, as
/// the official loader (models/vit.py resize_pos_embed) does when the image
/// resolution changes: the class-token row stays, the grid is interpolated
/// bilinearly (align_corners=False). Computes in fp32 and returns the input's
/// dtype (CPU LibTorch has no half-precision bilinear kernel; CUDA's computes
/// in fp32 as well).
///
///     auto resized = resizePositionalEmbedding(weights["visual_encoder.visual.positional_embedding"], 16);

#include "base/expected.h"

#include <ATen/core/Tensor.h>

namespace mplug2::model {

Expected<at::Tensor> resizePositionalEmbedding(const at::Tensor &embedding, int gridSide);

} // namespace mplug2::model
