#pragma once
/// The element-wise work of a bf16 model on the CPU, fused: each reads its
/// bf16 input once, computes in fp32 and writes bf16 once. Through ATen
/// (LibTorch 1.13) the same work widens to an fp32 copy, runs op by op and
/// narrows again, which took a third of the bf16 visual stage beside its
/// products. AVX-512 kernels where the CPU has AVX-512F; otherwise (or for
/// any other dtype, device, layout or autograd) each returns an undefined
/// tensor and the caller keeps its ATen form. Results equal the ATen form's
/// fp32 arithmetic rounded once to bf16, up to float rounding in the sums.
/// Internal header of model/ (torch types).
///
///     if (at::Tensor y = layerNormBf16(x, weight, bias, eps); y.defined()) return y;
///     return at::layer_norm(x.to(at::kFloat), ...).to(x.scalar_type());

#include <ATen/core/Tensor.h>

namespace mplug2::model {

/// LayerNorm over the last dimension of a contiguous bf16 x with bf16 weight
/// and bias of that size; statistics in fp32.
at::Tensor layerNormBf16(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias, double eps);

/// x * sigmoid(1.702 x) (CLIP's QuickGELU) of a contiguous bf16 x.
at::Tensor quickGeluBf16(const at::Tensor &x);

/// softmax(scale * scores) over the last dimension of contiguous bf16
/// scores, in place (the probabilities replace the scores), in fp32 inside.
/// False (scores untouched) where it does not apply.
bool softmaxBf16InPlace(at::Tensor &scores, double scale);

/// Whether this CPU runs the kernels (AVX-512F); limitRowKernelWidth(8)
/// turns them off with the row kernels' AVX-512 set (rowlinear.h).
bool bf16KernelsAvailable();

/// Turns the kernels off (the bench compares them with ATen's form).
void setBf16KernelsEnabled(bool enabled);

} // namespace mplug2::model
