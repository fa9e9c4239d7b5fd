#pragma once
/// y = x W^T + b for a handful of rows: the products of one decoding step
/// (beam rows times a weight matrix). A BLAS sgemm repacks W on every call,
/// which for 1-8 rows costs as much as the product itself; this kernel reads
/// W once, straight from the module's weight, and keeps every row's partial
/// sums in registers (AVX-512 or AVX2+FMA, chosen at run time). Everything it
/// does not cover (more rows, other dtypes or devices, autograd, a CPU
/// without AVX2) goes to at::linear, so callers use it unconditionally.
/// Internal header of model/ (torch types); not part of the public API.
///
///     auto y = rowLinear(x, dense->weight, dense->bias);   // == at::linear(x, W, b)
///
/// Each output is summed by one thread in a fixed order, so results do not
/// depend on the thread count; they differ from BLAS's order by float
/// rounding (~1e-7 relative).

#include <ATen/core/Tensor.h>

namespace mplug2::model {

///
/// bf16 weights and rows (a bf16 model on the CPU) have their own kernels:
/// the weights are read as bf16, half the bytes, and summed in fp32; up to
/// 4 x kRowLinearMaxRows rows in passes of kRowLinearMaxRows. `floatOutput`
/// returns fp32 whatever the inputs: a reduced-precision model's logits,
/// whose beam scores must not be rounded to bf16 (that ties hypotheses a
/// hundredth apart).
at::Tensor rowLinear(
    const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias, bool floatOutput = false);

/// softmax(q k^T / sqrt(d) + mask) v with both products done by row kernels,
/// for q of at most kRowLinearMaxRows rows per (batch, head): one decoding
/// step's self- and cross-attention, which a BLAS would again repack K and V
/// for. q (B, H, Lq, d), k and v (B, H, Lk, d) each with unit stride either
/// along d (e.g. views of one stacked K/V product) or along Lk (stored
/// transposed, as the CPU decoder cache keeps the cross keys/values), mask additive and
/// broadcastable to (B, H, Lq, Lk). Returns an undefined tensor where it does
/// not apply (the caller then takes the general path). Same order of
/// operations as attentionkernel.h's explicit form.
at::Tensor rowAttention(
    const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, const at::Tensor &mask, at::Tensor *probs);

/// The largest row count the kernel takes (rows = x.numel() / in_features).
inline constexpr int64_t kRowLinearMaxRows = 8;

/// Whether this CPU runs the kernels (AVX-512, or AVX2 with FMA).
bool rowKernelsAvailable();

/// Floats per vector of the kernels in use: 16 (AVX-512), 8 (AVX2) or 0.
int64_t rowKernelWidth();

/// Turns the kernel off (benchmarks compare it with BLAS).
void setRowLinearEnabled(bool enabled);

/// Caps the vector width the kernels use (16: AVX-512, 8: AVX2) so that tests
/// can run the narrower set on a CPU that has both; returns the width now in
/// use (0: none). The default is the widest this CPU runs.
int64_t limitRowKernelWidth(int64_t floats);

} // namespace mplug2::model
