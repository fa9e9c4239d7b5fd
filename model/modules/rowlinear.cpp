#include "model/modules/rowlinear.h"

#include <ATen/ExpandUtils.h>
#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <atomic>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define MPLUG2_ROWLINEAR_X86 1
#endif

namespace mplug2::model {

namespace {

std::atomic<bool> g_enabled{true};

struct Product {
    const float *x; // rows x in, rows ldx apart
    int64_t rows;
    const float *w; // out x in, rows ldw apart
    const float *b; // out, or null
    float *y;       // rows x out, rows ldy apart
    int64_t in;
    int64_t out;
    int64_t ldx, ldw, ldy;
};

using RangeKernel = void (*)(const Product &, int64_t, int64_t);

// y[m] = sum_n p[m][n] v[n] for M rows of weights: the second product of attention.
struct RowSum {
    const float *p; // M x n, rows ldp apart
    const float *v; // n x d, rows ldv apart
    float *y;       // M x d, rows ldy apart
    int64_t n, d, ldp, ldv, ldy;
};

using RowSumKernel = void (*)(const RowSum &);

#ifdef MPLUG2_ROWLINEAR_X86

// Floats per vector of the kernels this CPU runs: 16 (AVX-512), 8 (AVX2 with
// FMA) or 0 (none; everything goes to ATen).
int64_t vectorWidth()
{
    static const int64_t width = __builtin_cpu_supports("avx512f")                                   ? 16
                                 : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 8
                                                                                                     : 0;
    return width;
}

// Tail of one dot product past the last full vector, plus the bias.
inline float finish(const Product &p, float sum, int64_t row, int64_t n, int64_t k)
{
    const float *x = p.x + row * p.ldx, *w = p.w + n * p.ldw;
    for (; k < p.in; ++k)
        sum += x[k] * w[k];
    return p.b ? sum + p.b[n] : sum;
}

// Written out rather than _mm512_reduce_add_ps, which trips GCC 12's
// -Wuninitialized inside its own header.
__attribute__((target("avx512f"))) inline float sum512(__m512 v)
{
    alignas(64) float lanes[16];
    _mm512_store_ps(lanes, v);
    float s = 0;
    for (int i = 0; i < 16; i += 2)
        s += lanes[i] + lanes[i + 1];
    return s;
}

// M rows times R consecutive weight rows starting at n: M*R accumulators in
// registers, each weight vector loaded once for all M rows.
template <int M, int R>
__attribute__((target("avx512f"))) void block512(const Product &p, int64_t n)
{
    __m512 acc[M][R];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int r = 0; r < R; ++r)
            acc[m][r] = _mm512_setzero_ps();
    const float *w = p.w + n * p.ldw;
    int64_t k = 0;
    for (; k + 16 <= p.in; k += 16) {
        __m512 wv[R];
#pragma GCC unroll 4
        for (int r = 0; r < R; ++r)
            wv[r] = _mm512_loadu_ps(w + r * p.ldw + k);
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m512 xv = _mm512_loadu_ps(p.x + m * p.ldx + k);
#pragma GCC unroll 4
            for (int r = 0; r < R; ++r)
                acc[m][r] = _mm512_fmadd_ps(xv, wv[r], acc[m][r]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int r = 0; r < R; ++r)
            p.y[m * p.ldy + n + r] = finish(p, sum512(acc[m][r]), m, n + r, k);
}

template <int M>
__attribute__((target("avx512f"))) void range512(const Product &p, int64_t n0, int64_t n1)
{
    constexpr int R = M <= 6 ? 4 : 3;
    int64_t n = n0;
    for (; n + R <= n1; n += R)
        block512<M, R>(p, n);
    for (; n < n1; ++n)
        block512<M, 1>(p, n);
}

__attribute__((target("avx2,fma"))) inline float sum256(__m256 v)
{
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

template <int M, int R>
__attribute__((target("avx2,fma"))) void block256(const Product &p, int64_t n)
{
    __m256 acc[M][R];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 2
        for (int r = 0; r < R; ++r)
            acc[m][r] = _mm256_setzero_ps();
    const float *w = p.w + n * p.ldw;
    int64_t k = 0;
    for (; k + 8 <= p.in; k += 8) {
        __m256 wv[R];
#pragma GCC unroll 2
        for (int r = 0; r < R; ++r)
            wv[r] = _mm256_loadu_ps(w + r * p.ldw + k);
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m256 xv = _mm256_loadu_ps(p.x + m * p.ldx + k);
#pragma GCC unroll 2
            for (int r = 0; r < R; ++r)
                acc[m][r] = _mm256_fmadd_ps(xv, wv[r], acc[m][r]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int r = 0; r < R; ++r)
            p.y[m * p.ldy + n + r] = finish(p, sum256(acc[m][r]), m, n + r, k);
}

template <int M>
__attribute__((target("avx2,fma"))) void range256(const Product &p, int64_t n0, int64_t n1)
{
    // 16 vector registers: M*R accumulators + R weights + 1 row.
    constexpr int R = M <= 6 ? 2 : 1;
    int64_t n = n0;
    for (; n + R <= n1; n += R)
        block256<M, R>(p, n);
    for (; n < n1; ++n)
        block256<M, 1>(p, n);
}

// Weighted sums of matrix rows (RowSum): V is read once for every M rows
// (twice above 5 rows), one block of DV vectors of columns at a time.
template <int M, int DV>
__attribute__((target("avx512f"))) void rowSumBlock512(const RowSum &s, int64_t j0)
{
    __m512 acc[M][DV];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int c = 0; c < DV; ++c)
            acc[m][c] = _mm512_setzero_ps();
    for (int64_t n = 0; n < s.n; ++n) {
        const float *row = s.v + n * s.ldv + j0;
        __m512 vv[DV];
#pragma GCC unroll 4
        for (int c = 0; c < DV; ++c)
            vv[c] = _mm512_loadu_ps(row + 16 * c);
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m512 weight = _mm512_set1_ps(s.p[m * s.ldp + n]);
#pragma GCC unroll 4
            for (int c = 0; c < DV; ++c)
                acc[m][c] = _mm512_fmadd_ps(weight, vv[c], acc[m][c]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int c = 0; c < DV; ++c)
            _mm512_storeu_ps(s.y + m * s.ldy + j0 + 16 * c, acc[m][c]);
}

template <int M>
__attribute__((target("avx512f"))) void rowSum512(const RowSum &s)
{
    constexpr int DV = M <= 5 ? 4 : 2;
    int64_t j = 0;
    for (; j + 16 * DV <= s.d; j += 16 * DV)
        rowSumBlock512<M, DV>(s, j);
    for (; j < s.d; j += 16)
        rowSumBlock512<M, 1>(s, j);
}

template <int M, int DV>
__attribute__((target("avx2,fma"))) void rowSumBlock256(const RowSum &s, int64_t j0)
{
    __m256 acc[M][DV];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 2
        for (int c = 0; c < DV; ++c)
            acc[m][c] = _mm256_setzero_ps();
    for (int64_t n = 0; n < s.n; ++n) {
        const float *row = s.v + n * s.ldv + j0;
        __m256 vv[DV];
#pragma GCC unroll 2
        for (int c = 0; c < DV; ++c)
            vv[c] = _mm256_loadu_ps(row + 8 * c);
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m256 weight = _mm256_set1_ps(s.p[m * s.ldp + n]);
#pragma GCC unroll 2
            for (int c = 0; c < DV; ++c)
                acc[m][c] = _mm256_fmadd_ps(weight, vv[c], acc[m][c]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int c = 0; c < DV; ++c)
            _mm256_storeu_ps(s.y + m * s.ldy + j0 + 8 * c, acc[m][c]);
}

template <int M>
__attribute__((target("avx2,fma"))) void rowSum256(const RowSum &s)
{
    constexpr int DV = M <= 6 ? 2 : 1;
    int64_t j = 0;
    for (; j + 8 * DV <= s.d; j += 8 * DV)
        rowSumBlock256<M, DV>(s, j);
    for (; j < s.d; j += 8)
        rowSumBlock256<M, 1>(s, j);
}

RowSumKernel rowSumKernelFor(int64_t rows)
{
    static constexpr RowSumKernel k512[] = {nullptr,      rowSum512<1>, rowSum512<2>, rowSum512<3>, rowSum512<4>,
                                            rowSum512<5>, rowSum512<6>, rowSum512<7>, rowSum512<8>};
    static constexpr RowSumKernel k256[] = {nullptr,      rowSum256<1>, rowSum256<2>, rowSum256<3>, rowSum256<4>,
                                            rowSum256<5>, rowSum256<6>, rowSum256<7>, rowSum256<8>};
    if (rows < 1 || rows > kRowLinearMaxRows)
        return nullptr;
    if (vectorWidth() == 16)
        return k512[rows];
    if (vectorWidth() == 8)
        return k256[rows];
    return nullptr;
}

RangeKernel kernelFor(int64_t rows)
{
    static constexpr RangeKernel k512[] = {nullptr,      range512<1>, range512<2>, range512<3>, range512<4>,
                                           range512<5>, range512<6>, range512<7>, range512<8>};
    static constexpr RangeKernel k256[] = {nullptr,      range256<1>, range256<2>, range256<3>, range256<4>,
                                           range256<5>, range256<6>, range256<7>, range256<8>};
    static_assert(sizeof(k512) / sizeof(k512[0]) == kRowLinearMaxRows + 1);
    if (rows < 1 || rows > kRowLinearMaxRows)
        return nullptr;
    if (vectorWidth() == 16)
        return k512[rows];
    if (vectorWidth() == 8)
        return k256[rows];
    return nullptr;
}

#else

int64_t vectorWidth() { return 0; }
RangeKernel kernelFor(int64_t) { return nullptr; }
RowSumKernel rowSumKernelFor(int64_t) { return nullptr; }

#endif

bool isFloatOnCpu(const at::Tensor &t)
{
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && !t.is_sparse();
}

bool needsGradient(const at::Tensor &t)
{
    return t.defined() && at::GradMode::is_enabled() && t.requires_grad();
}

} // namespace

void setRowLinearEnabled(bool enabled) { g_enabled = enabled; }

bool rowKernelsAvailable() { return vectorWidth() > 0; }

at::Tensor rowLinear(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias)
{
    const bool plain = g_enabled && x.defined() && x.dim() >= 1 && weight.dim() == 2 && isFloatOnCpu(x)
                       && isFloatOnCpu(weight) && weight.is_contiguous() && x.size(-1) == weight.size(1)
                       && weight.size(1) > 0 && x.numel() > 0
                       && (!bias.defined()
                           || (isFloatOnCpu(bias) && bias.dim() == 1 && bias.is_contiguous()
                               && bias.size(0) == weight.size(0)))
                       && !needsGradient(x) && !needsGradient(weight) && !needsGradient(bias);
    const int64_t in = weight.size(1), out = weight.size(0);
    const RangeKernel kernel = plain ? kernelFor(x.numel() / in) : nullptr;
    if (!kernel)
        return at::linear(x, weight, bias);
    const at::Tensor rows = x.contiguous();
    std::vector<int64_t> shape = x.sizes().vec();
    shape.back() = out;
    at::Tensor y = at::empty(shape, x.options());
    const Product p{rows.data_ptr<float>(),
                    rows.numel() / in,
                    weight.data_ptr<float>(),
                    bias.defined() ? bias.data_ptr<float>() : nullptr,
                    y.data_ptr<float>(),
                    in,
                    out,
                    in,
                    in,
                    out};
    // 64 outputs at least per task: the smallest products stay on one thread.
    at::parallel_for(0, out, 64, [&](int64_t n0, int64_t n1) { kernel(p, n0, n1); });
    return y;
}

at::Tensor rowAttention(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, const at::Tensor &mask,
                        at::Tensor *probs)
{
    if (!g_enabled || q.dim() != 4 || k.dim() != 4 || v.dim() != 4 || !isFloatOnCpu(q) || !isFloatOnCpu(k)
        || !isFloatOnCpu(v) || needsGradient(q) || needsGradient(k) || needsGradient(v))
        return {};
    const int64_t batch = q.size(0), heads = q.size(1), rows = q.size(2), d = q.size(3), keys = k.size(2);
    const int64_t columns = vectorWidth();
    const bool sameShapes = k.size(0) == batch && v.size(0) == batch && k.size(1) == heads && v.size(1) == heads
                            && k.size(3) == d && v.size(2) == keys && v.size(3) == d;
    const RangeKernel scoreKernel = kernelFor(rows);
    const RowSumKernel sumKernel = rowSumKernelFor(rows);
    if (!sameShapes || !scoreKernel || !sumKernel || columns == 0 || d % columns != 0 || keys == 0
        || k.stride(3) != 1 || v.stride(3) != 1)
        return {};
    // The mask is added in place, so it must not widen the scores.
    if (mask.defined() && at::infer_size(mask.sizes(), {batch, heads, rows, keys}) != at::IntArrayRef{batch, heads, rows, keys})
        return {};
    const at::Tensor queries = q.contiguous();
    at::Tensor scores = at::empty({batch, heads, rows, keys}, q.options());
    const float *qd = queries.data_ptr<float>(), *kd = k.data_ptr<float>();
    float *sd = scores.data_ptr<float>();
    at::parallel_for(0, batch * heads, 1, [&](int64_t first, int64_t last) {
        for (int64_t i = first; i < last; ++i) {
            const int64_t b = i / heads, h = i % heads;
            const Product p{qd + i * rows * d, rows, kd + b * k.stride(0) + h * k.stride(1), nullptr,
                            sd + i * rows * keys, d, keys, d, k.stride(2), keys};
            scoreKernel(p, 0, keys);
        }
    });
    // The explicit path's order: scores / sqrt(d), the additive mask, softmax.
    scores.div_(std::sqrt(static_cast<double>(d)));
    if (mask.defined())
        scores.add_(mask.to(scores.scalar_type()));
    const at::Tensor weights = at::softmax(scores, -1);
    if (probs)
        *probs = weights;
    at::Tensor context = at::empty({batch, heads, rows, d}, q.options());
    const float *wd = weights.data_ptr<float>(), *vd = v.data_ptr<float>();
    float *cd = context.data_ptr<float>();
    at::parallel_for(0, batch * heads, 1, [&](int64_t first, int64_t last) {
        for (int64_t i = first; i < last; ++i) {
            const int64_t b = i / heads, h = i % heads;
            const RowSum s{wd + i * rows * keys, vd + b * v.stride(0) + h * v.stride(1), cd + i * rows * d, keys, d,
                           keys, v.stride(2), d};
            sumKernel(s);
        }
    });
    return context;
}

} // namespace mplug2::model
