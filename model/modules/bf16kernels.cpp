#include "model/modules/bf16kernels.h"

#include "model/modules/bf16bits.h"
#include "model/modules/rowlinear.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <torch/torch.h>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define MPLUG2_BF16KERNELS_X86 1
#endif

namespace mplug2::model {

namespace {

std::atomic<bool> g_enabled {true};

bool isPlainBf16(const at::Tensor &t)
{
    return t.defined() && t.device().is_cpu() && t.scalar_type() == at::kBFloat16 && !t.is_sparse()
        && t.is_contiguous() && !(at::GradMode::is_enabled() && t.requires_grad());
}

/// Rows handed to one task: enough work to be worth a thread.
int64_t grainFor(int64_t width)
{
    return std::max<int64_t>(1, 16384 / std::max<int64_t>(1, width));
}

#ifdef MPLUG2_BF16KERNELS_X86

// GCC 12 flags the intrinsics' own _mm512_undefined_* placeholders as maybe uninitialised once they
// are inlined into target("avx512f") functions.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#define MPLUG2_AVX512 __attribute__((target("avx512f")))

/// The first `count` (< 16) values at p, zeros after them.
MPLUG2_AVX512 inline __m512 widenPart(const std::uint16_t *p, int64_t count)
{
    std::uint16_t part[16] = {};
    std::copy(p, p + count, part);
    return widen512(part);
}

/// fp32 -> bf16 bits, rounded to nearest even (as c10::BFloat16 does for finite values).
MPLUG2_AVX512 inline __m256i narrow16(__m512 v)
{
    const __m512i bits = _mm512_castps_si512(v);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(bits, 16), _mm512_set1_epi32(1));
    const __m512i rounded = _mm512_add_epi32(bits, _mm512_add_epi32(odd, _mm512_set1_epi32(0x7fff)));
    return _mm512_cvtepi32_epi16(_mm512_srli_epi32(rounded, 16));
}

MPLUG2_AVX512 inline void store16(std::uint16_t *p, __m512 v)
{
    _mm256_storeu_si256(reinterpret_cast<__m256i *>(p), narrow16(v));
}

/// The first `count` (< 16) values of v to p.
MPLUG2_AVX512 inline void store16(std::uint16_t *p, __m512 v, int64_t count)
{
    std::uint16_t part[16];
    store16(part, v);
    std::copy(part, part + count, p);
}

inline __mmask16 tailMask(int64_t n)
{
    return static_cast<__mmask16>((1u << n) - 1u);
}

/// e^x to about 2 float ulps: x = k ln2 + r with |r| <= ln2 / 2, e^r by its
/// Taylor series to r^7, scaled by 2^k. Below -87.3 it gives 0, as expf does
/// once the result leaves the normal range.
MPLUG2_AVX512 inline __m512 exp16(__m512 x)
{
    const __m512 low = _mm512_set1_ps(-87.3365478515625f);
    const __mmask16 zero = _mm512_cmp_ps_mask(x, low, _CMP_LT_OQ);
    x = _mm512_min_ps(_mm512_max_ps(x, low), _mm512_set1_ps(88.72283172607421875f));
    const __m512 k = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
        _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(k, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(k, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.0f / 5040.0f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 720.0f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 120.0f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 24.0f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 6.0f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(0.5f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f));
    return _mm512_maskz_mov_ps(static_cast<__mmask16>(~zero), _mm512_scalef_ps(p, k));
}

MPLUG2_AVX512 void layerNormRows(const std::uint16_t *x, const std::uint16_t *w, const std::uint16_t *b,
    std::uint16_t *y, int64_t first, int64_t last, int64_t n, float eps)
{
    const int64_t full = n / 16 * 16, rest = n - full;
    const __mmask16 tail = tailMask(rest);
    for (int64_t row = first; row < last; ++row) {
        const std::uint16_t *in = x + row * n;
        std::uint16_t *out = y + row * n;
        // Two passes over the row (it stays in L1): the mean, then the centred squares, as ATen does.
        __m512 sum = _mm512_setzero_ps();
        for (int64_t i = 0; i < full; i += 16)
            sum = _mm512_add_ps(sum, widen512(in + i));
        if (full < n)
            sum = _mm512_add_ps(sum, widenPart(in + full, rest));
        const float mean = _mm512_reduce_add_ps(sum) / static_cast<float>(n);
        const __m512 m = _mm512_set1_ps(mean);
        __m512 squares = _mm512_setzero_ps();
        for (int64_t i = 0; i < full; i += 16) {
            const __m512 d = _mm512_sub_ps(widen512(in + i), m);
            squares = _mm512_fmadd_ps(d, d, squares);
        }
        if (full < n) {
            const __m512 d = _mm512_maskz_sub_ps(tail, widenPart(in + full, rest), m);
            squares = _mm512_fmadd_ps(d, d, squares);
        }
        const float variance = _mm512_reduce_add_ps(squares) / static_cast<float>(n);
        const __m512 inv = _mm512_set1_ps(1.0f / std::sqrt(variance + eps));
        for (int64_t i = 0; i < full; i += 16) {
            const __m512 v = _mm512_mul_ps(_mm512_sub_ps(widen512(in + i), m), inv);
            store16(out + i, _mm512_fmadd_ps(v, widen512(w + i), widen512(b + i)));
        }
        if (full < n) {
            const __m512 v = _mm512_mul_ps(_mm512_sub_ps(widenPart(in + full, rest), m), inv);
            store16(
                out + full, _mm512_fmadd_ps(v, widenPart(w + full, rest), widenPart(b + full, rest)), rest);
        }
    }
}

MPLUG2_AVX512 inline __m512 quickGelu16(__m512 v)
{
    // x * sigmoid(1.702 x) = x / (1 + e^(-1.702 x))
    const __m512 e = exp16(_mm512_mul_ps(v, _mm512_set1_ps(-1.702f)));
    return _mm512_div_ps(v, _mm512_add_ps(_mm512_set1_ps(1.0f), e));
}

MPLUG2_AVX512 void quickGeluRange(const std::uint16_t *x, std::uint16_t *y, int64_t first, int64_t last)
{
    int64_t i = first;
    for (; i + 16 <= last; i += 16)
        store16(y + i, quickGelu16(widen512(x + i)));
    if (i < last)
        store16(y + i, quickGelu16(widenPart(x + i, last - i)), last - i);
}

MPLUG2_AVX512 void softmaxRows(std::uint16_t *s, int64_t first, int64_t last, int64_t n, float scale)
{
    const int64_t full = n / 16 * 16, rest = n - full;
    const __mmask16 tail = tailMask(rest);
    std::vector<float> e(static_cast<size_t>(n));
    const __m512 sc = _mm512_set1_ps(scale);
    for (int64_t row = first; row < last; ++row) {
        std::uint16_t *p = s + row * n;
        __m512 top = _mm512_set1_ps(-INFINITY);
        for (int64_t i = 0; i < full; i += 16)
            top = _mm512_max_ps(top, _mm512_mul_ps(widen512(p + i), sc));
        if (full < n)
            top = _mm512_mask_max_ps(top, tail, top, _mm512_mul_ps(widenPart(p + full, rest), sc));
        const float rowMax = _mm512_reduce_max_ps(top);
        const __m512 mx = _mm512_set1_ps(rowMax);
        __m512 sum = _mm512_setzero_ps();
        for (int64_t i = 0; i < full; i += 16) {
            const __m512 v = exp16(_mm512_sub_ps(_mm512_mul_ps(widen512(p + i), sc), mx));
            _mm512_storeu_ps(e.data() + i, v);
            sum = _mm512_add_ps(sum, v);
        }
        if (full < n) {
            const __m512 v = _mm512_maskz_mov_ps(
                tail, exp16(_mm512_sub_ps(_mm512_mul_ps(widenPart(p + full, rest), sc), mx)));
            _mm512_mask_storeu_ps(e.data() + full, tail, v);
            sum = _mm512_add_ps(sum, v);
        }
        const __m512 inv = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(sum));
        for (int64_t i = 0; i < full; i += 16)
            store16(p + i, _mm512_mul_ps(_mm512_loadu_ps(e.data() + i), inv));
        if (full < n)
            store16(p + full, _mm512_mul_ps(_mm512_maskz_loadu_ps(tail, e.data() + full), inv), rest);
    }
}

#undef MPLUG2_AVX512
#pragma GCC diagnostic pop

bool available()
{
    static const bool cpu = __builtin_cpu_supports("avx512f");
    return cpu && rowKernelWidth() >= 16 && g_enabled.load(std::memory_order_relaxed);
}

#else

bool available()
{
    return false;
}

#endif

const std::uint16_t *bits(const at::Tensor &t)
{
    return reinterpret_cast<const std::uint16_t *>(t.data_ptr<at::BFloat16>());
}

std::uint16_t *bits(at::Tensor &t)
{
    return reinterpret_cast<std::uint16_t *>(t.data_ptr<at::BFloat16>());
}

} // namespace

bool bf16KernelsAvailable()
{
    return available();
}

void setBf16KernelsEnabled(bool enabled)
{
    g_enabled = enabled;
}

at::Tensor layerNormBf16(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias, double eps)
{
#ifdef MPLUG2_BF16KERNELS_X86
    if (!available() || !isPlainBf16(x) || !isPlainBf16(weight) || !isPlainBf16(bias) || x.dim() < 1)
        return {};
    const int64_t n = x.size(-1);
    if (n < 1 || weight.dim() != 1 || bias.dim() != 1 || weight.size(0) != n || bias.size(0) != n)
        return {};
    at::Tensor y = at::empty_like(x);
    const int64_t rows = x.numel() / n;
    const std::uint16_t *xp = bits(x), *wp = bits(weight), *bp = bits(bias);
    std::uint16_t *yp = bits(y);
    at::parallel_for(0, rows, grainFor(n), [&](int64_t first, int64_t last) {
        layerNormRows(xp, wp, bp, yp, first, last, n, static_cast<float>(eps));
    });
    return y;
#else
    return {};
#endif
}

at::Tensor quickGeluBf16(const at::Tensor &x)
{
#ifdef MPLUG2_BF16KERNELS_X86
    if (!available() || !isPlainBf16(x) || x.numel() == 0)
        return {};
    at::Tensor y = at::empty_like(x);
    const std::uint16_t *xp = bits(x);
    std::uint16_t *yp = bits(y);
    at::parallel_for(
        0, x.numel(), 16384, [&](int64_t first, int64_t last) { quickGeluRange(xp, yp, first, last); });
    return y;
#else
    return {};
#endif
}

bool softmaxBf16InPlace(at::Tensor &scores, double scale)
{
#ifdef MPLUG2_BF16KERNELS_X86
    if (!available() || !isPlainBf16(scores) || scores.dim() < 1 || scores.size(-1) < 1)
        return false;
    const int64_t n = scores.size(-1), rows = scores.numel() / n;
    std::uint16_t *sp = bits(scores);
    at::parallel_for(0, rows, grainFor(n),
        [&](int64_t first, int64_t last) { softmaxRows(sp, first, last, n, static_cast<float>(scale)); });
    return true;
#else
    return false;
#endif
}

} // namespace mplug2::model
