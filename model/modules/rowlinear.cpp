#include "model/modules/rowlinear.h"

#include "model/modules/bf16bits.h"
#include "model/runtime/computetarget.h"

#include <ATen/ExpandUtils.h>
#include <ATen/Parallel.h>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <torch/torch.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define MPLUG2_ROWLINEAR_X86 1
#endif

namespace mplug2::model {

namespace {

std::atomic<bool> g_enabled {true};
std::atomic<int64_t> g_widthLimit {16};

struct Product {
    const float *x; // rows x in, rows ldx apart
    int64_t rows;
    const float *w; // out x in, rows ldw apart
    const float *b; // out, or null
    float *y; // rows x out, rows ldy apart
    int64_t in;
    int64_t out;
    int64_t ldx, ldw, ldy;
};

using RangeKernel = void (*)(const Product &, int64_t, int64_t);

// The same product with bf16 weights (the raw 16-bit patterns): a decoding
// step reads every weight once, so half the bytes is nearly half the time.
// Products and sums are fp32: the widening kernels take the rows in fp32,
// the native ones (vdpbf16ps) in bf16, which they are in a bf16 model.
struct ProductBf16 {
    const float *x; // rows x in, fp32 (widening kernels)
    const std::uint16_t *xb; // rows x in, bf16 (native kernels)
    int64_t rows;
    const std::uint16_t *w; // out x in, rows ldw apart
    const std::uint16_t *b; // out, bf16, or null: widened as it is added
    float *y; // rows x out
    int64_t in;
    int64_t out;
    int64_t ldw;
};

using RangeKernelBf16 = void (*)(const ProductBf16 &, int64_t, int64_t);

// RowSum with B in bf16 (a bf16 model's cached keys and values).
struct RowSumBf16 {
    const float *a; // M x inner, rows lda apart
    const std::uint16_t *b; // inner x cols, rows ldb apart
    float *y; // M x cols, rows ldy apart
    int64_t inner, cols, lda, ldb, ldy;
};

using RowSumBf16Kernel = void (*)(const RowSumBf16 &);

// Tail of one dot product past the last full vector, plus the bias.
inline float finishBf16(const ProductBf16 &p, float sum, int64_t row, int64_t n, int64_t k)
{
    const std::uint16_t *w = p.w + n * p.ldw;
    for (; k < p.in; ++k)
        sum += (p.x ? p.x[row * p.in + k] : widen(p.xb[row * p.in + k])) * widen(w[k]);
    return p.b ? sum + widen(p.b[n]) : sum;
}

// How many blocks ahead the kernels prefetch W (or the rows of B), into L2
// (into L1 it evicts the rows being summed). Measured on the products of a
// Base decoding step (2 threads, Zen 4), ms per step: no prefetch 47; into L1
// 1 block ahead 44, 2-3 blocks 40; into L2 1 block 34, 2 blocks 31-33.
constexpr int64_t kPrefetchBlocks = 2;

// y[m] = sum_i a[m][i] b[i] for M rows of weights a and the rows of B: both
// products of attention where the long axis of K or V has unit stride
// (probabilities times V; q times K stored transposed).
struct RowSum {
    const float *a; // M x inner, rows lda apart
    const float *b; // inner x cols, rows ldb apart
    float *y; // M x cols, rows ldy apart
    int64_t inner, cols, lda, ldb, ldy;
};

using RowSumKernel = void (*)(const RowSum &);

#ifdef MPLUG2_ROWLINEAR_X86

// Floats per vector of the kernels this CPU runs: 16 (AVX-512), 8 (AVX2 with
// FMA) or 0 (none; everything goes to ATen).
int64_t vectorWidth()
{
    static const int64_t width = __builtin_cpu_supports("avx512f")        ? 16
        : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 8
                                                                          : 0;
    return std::min(width, g_widthLimit.load(std::memory_order_relaxed));
}

// The R weight rows kPrefetchBlocks blocks after row n (the last row past the
// end): each block reads R short runs of W, too short for the hardware
// prefetcher, so the kernels fetch these while summing theirs.
template<int R> void rowsAhead(const Product &p, int64_t n, const float *(&ahead)[R])
{
    for (int r = 0; r < R; ++r)
        ahead[r] = p.w + std::min(n + r + kPrefetchBlocks * R, p.out - 1) * p.ldw;
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
template<int M, int R> __attribute__((target("avx512f"))) void block512(const Product &p, int64_t n)
{
    __m512 acc[M][R];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int r = 0; r < R; ++r)
            acc[m][r] = _mm512_setzero_ps();
    const float *w = p.w + n * p.ldw;
    const float *ahead[R];
    rowsAhead(p, n, ahead);
    int64_t k = 0;
    for (; k + 16 <= p.in; k += 16) {
        __m512 wv[R];
#pragma GCC unroll 4
        for (int r = 0; r < R; ++r) {
            wv[r] = _mm512_loadu_ps(w + r * p.ldw + k);
            _mm_prefetch(reinterpret_cast<const char *>(ahead[r] + k), _MM_HINT_T1);
        }
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

template<int M> __attribute__((target("avx512f"))) void range512(const Product &p, int64_t n0, int64_t n1)
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

template<int M, int R> __attribute__((target("avx2,fma"))) void block256(const Product &p, int64_t n)
{
    __m256 acc[M][R];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 2
        for (int r = 0; r < R; ++r)
            acc[m][r] = _mm256_setzero_ps();
    const float *w = p.w + n * p.ldw;
    const float *ahead[R];
    rowsAhead(p, n, ahead);
    int64_t k = 0;
    for (; k + 8 <= p.in; k += 8) {
        __m256 wv[R];
#pragma GCC unroll 2
        for (int r = 0; r < R; ++r) {
            wv[r] = _mm256_loadu_ps(w + r * p.ldw + k);
            // One line of 16 floats per two vectors.
            if (k % 16 == 0)
                _mm_prefetch(reinterpret_cast<const char *>(ahead[r] + k), _MM_HINT_T1);
        }
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

template<int M> __attribute__((target("avx2,fma"))) void range256(const Product &p, int64_t n0, int64_t n1)
{
    // 16 vector registers: M*R accumulators + R weights + 1 row.
    constexpr int R = M <= 6 ? 2 : 1;
    int64_t n = n0;
    for (; n + R <= n1; n += R)
        block256<M, R>(p, n);
    for (; n < n1; ++n)
        block256<M, 1>(p, n);
}

// RowSum: C vectors of consecutive columns at a time, every row's sums in
// registers; each row of B is read once per block and nothing is reduced
// across lanes.
template<int M, int C, bool Tail>
__attribute__((target("avx512f"))) void rowSumBlock512(const RowSum &c, int64_t n0, __mmask16 tail)
{
    __m512 acc[M][C];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int j = 0; j < C; ++j)
            acc[m][j] = _mm512_setzero_ps();
    for (int64_t k = 0; k < c.inner; ++k) {
        const float *row = c.b + k * c.ldb + n0;
        __m512 bv[C];
#pragma GCC unroll 4
        for (int j = 0; j < C; ++j) {
            bv[j] = Tail ? _mm512_maskz_loadu_ps(tail, row + 16 * j) : _mm512_loadu_ps(row + 16 * j);
            // Each row of B is its own stream: fetch two blocks ahead.
            if (!Tail && n0 + 16 * C * (kPrefetchBlocks + 1) <= c.cols)
                _mm_prefetch(
                    reinterpret_cast<const char *>(row + 16 * (j + C * kPrefetchBlocks)), _MM_HINT_T1);
        }
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m512 weight = _mm512_set1_ps(c.a[m * c.lda + k]);
#pragma GCC unroll 4
            for (int j = 0; j < C; ++j)
                acc[m][j] = _mm512_fmadd_ps(weight, bv[j], acc[m][j]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int j = 0; j < C; ++j) {
            float *out = c.y + m * c.ldy + n0 + 16 * j;
            if (Tail)
                _mm512_mask_storeu_ps(out, tail, acc[m][j]);
            else
                _mm512_storeu_ps(out, acc[m][j]);
        }
}

template<int M> __attribute__((target("avx512f"))) void rowSum512(const RowSum &c)
{
    constexpr int C = M <= 6 ? 4 : 3;
    int64_t n = 0;
    for (; n + 16 * C <= c.cols; n += 16 * C)
        rowSumBlock512<M, C, false>(c, n, 0);
    for (; n + 16 <= c.cols; n += 16)
        rowSumBlock512<M, 1, false>(c, n, 0);
    if (n < c.cols)
        rowSumBlock512<M, 1, true>(c, n, static_cast<__mmask16>((1u << (c.cols - n)) - 1));
}

template<int M, int C> __attribute__((target("avx2,fma"))) void rowSumBlock256(const RowSum &c, int64_t n0)
{
    __m256 acc[M][C];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int j = 0; j < C; ++j)
            acc[m][j] = _mm256_setzero_ps();
    for (int64_t k = 0; k < c.inner; ++k) {
        const float *row = c.b + k * c.ldb + n0;
        __m256 bv[C];
#pragma GCC unroll 4
        for (int j = 0; j < C; ++j)
            bv[j] = _mm256_loadu_ps(row + 8 * j);
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m256 weight = _mm256_set1_ps(c.a[m * c.lda + k]);
#pragma GCC unroll 4
            for (int j = 0; j < C; ++j)
                acc[m][j] = _mm256_fmadd_ps(weight, bv[j], acc[m][j]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int j = 0; j < C; ++j)
            _mm256_storeu_ps(c.y + m * c.ldy + n0 + 8 * j, acc[m][j]);
}

template<int M> __attribute__((target("avx2,fma"))) void rowSum256(const RowSum &c)
{
    // 16 vector registers: M*C accumulators + C of B + 1 weight.
    constexpr int C = M <= 3 ? 3 : M <= 6 ? 2 : 1;
    int64_t n = 0;
    for (; n + 8 * C <= c.cols; n += 8 * C)
        rowSumBlock256<M, C>(c, n);
    for (; n + 8 <= c.cols; n += 8)
        rowSumBlock256<M, 1>(c, n);
    // The last columns one by one, in the same order of k.
    for (; n < c.cols; ++n)
        for (int m = 0; m < M; ++m) {
            float sum = 0;
            for (int64_t k = 0; k < c.inner; ++k)
                sum = std::fma(c.a[m * c.lda + k], c.b[k * c.ldb + n], sum);
            c.y[m * c.ldy + n] = sum;
        }
}

// bf16 weights widened to fp32 on load (widen512, bf16bits.h); the same
// register blocking as block512.
template<int M, int R> __attribute__((target("avx512f"))) void block512Bf16(const ProductBf16 &p, int64_t n)
{
    __m512 acc[M][R];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int r = 0; r < R; ++r)
            acc[m][r] = _mm512_setzero_ps();
    const std::uint16_t *w = p.w + n * p.ldw;
    const std::uint16_t *ahead[R];
    for (int r = 0; r < R; ++r)
        ahead[r] = p.w + std::min(n + r + kPrefetchBlocks * R, p.out - 1) * p.ldw;
    int64_t k = 0;
    for (; k + 16 <= p.in; k += 16) {
        __m512 wv[R];
#pragma GCC unroll 4
        for (int r = 0; r < R; ++r) {
            wv[r] = widen512(w + r * p.ldw + k);
            // One line holds 32 weights: every other vector.
            if (k % 32 == 0)
                _mm_prefetch(reinterpret_cast<const char *>(ahead[r] + k), _MM_HINT_T1);
        }
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m512 xv = _mm512_loadu_ps(p.x + m * p.in + k);
#pragma GCC unroll 4
            for (int r = 0; r < R; ++r)
                acc[m][r] = _mm512_fmadd_ps(xv, wv[r], acc[m][r]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int r = 0; r < R; ++r)
            p.y[m * p.out + n + r] = finishBf16(p, sum512(acc[m][r]), m, n + r, k);
}

template<int M>
__attribute__((target("avx512f"))) void range512Bf16(const ProductBf16 &p, int64_t n0, int64_t n1)
{
    constexpr int R = M <= 6 ? 4 : 3;
    int64_t n = n0;
    for (; n + R <= n1; n += R)
        block512Bf16<M, R>(p, n);
    for (; n < n1; ++n)
        block512Bf16<M, 1>(p, n);
}

// Native bf16: vdpbf16ps multiplies 32 pairs of bf16 and adds each pair's
// sum into 16 fp32 lanes, so one instruction covers 32 weights of a row.
template<int M, int R>
__attribute__((target("avx512f,avx512bw,avx512bf16"))) void block512Dp(const ProductBf16 &p, int64_t n)
{
    __m512 acc[M][R];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int r = 0; r < R; ++r)
            acc[m][r] = _mm512_setzero_ps();
    const std::uint16_t *w = p.w + n * p.ldw;
    const std::uint16_t *ahead[R];
    for (int r = 0; r < R; ++r)
        ahead[r] = p.w + std::min(n + r + kPrefetchBlocks * R, p.out - 1) * p.ldw;
    int64_t k = 0;
    for (; k + 32 <= p.in; k += 32) {
        __m512bh wv[R];
#pragma GCC unroll 4
        for (int r = 0; r < R; ++r) {
            wv[r] = (__m512bh)_mm512_loadu_si512(w + r * p.ldw + k);
            _mm_prefetch(reinterpret_cast<const char *>(ahead[r] + k), _MM_HINT_T1);
        }
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m512bh xv = (__m512bh)_mm512_loadu_si512(p.xb + m * p.in + k);
#pragma GCC unroll 4
            for (int r = 0; r < R; ++r)
                acc[m][r] = _mm512_dpbf16_ps(acc[m][r], xv, wv[r]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int r = 0; r < R; ++r)
            p.y[m * p.out + n + r] = finishBf16(p, sum512(acc[m][r]), m, n + r, k);
}

template<int M>
__attribute__((target("avx512f,avx512bw,avx512bf16"))) void range512Dp(
    const ProductBf16 &p, int64_t n0, int64_t n1)
{
    constexpr int R = M <= 6 ? 4 : 3;
    int64_t n = n0;
    for (; n + R <= n1; n += R)
        block512Dp<M, R>(p, n);
    for (; n < n1; ++n)
        block512Dp<M, 1>(p, n);
}

// The last columns of a bf16 RowSum one by one, in the same order of k.
template<int M> void rowSumBf16Columns(const RowSumBf16 &c, int64_t n)
{
    for (; n < c.cols; ++n)
        for (int m = 0; m < M; ++m) {
            float sum = 0;
            for (int64_t k = 0; k < c.inner; ++k)
                sum = std::fma(c.a[m * c.lda + k], widen(c.b[k * c.ldb + n]), sum);
            c.y[m * c.ldy + n] = sum;
        }
}

template<int M, int C>
__attribute__((target("avx512f"))) void rowSumBlock512Bf16(const RowSumBf16 &c, int64_t n0)
{
    __m512 acc[M][C];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int j = 0; j < C; ++j)
            acc[m][j] = _mm512_setzero_ps();
    for (int64_t k = 0; k < c.inner; ++k) {
        const std::uint16_t *row = c.b + k * c.ldb + n0;
        __m512 bv[C];
#pragma GCC unroll 4
        for (int j = 0; j < C; ++j)
            bv[j] = widen512(row + 16 * j);
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m512 weight = _mm512_set1_ps(c.a[m * c.lda + k]);
#pragma GCC unroll 4
            for (int j = 0; j < C; ++j)
                acc[m][j] = _mm512_fmadd_ps(weight, bv[j], acc[m][j]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int j = 0; j < C; ++j)
            _mm512_storeu_ps(c.y + m * c.ldy + n0 + 16 * j, acc[m][j]);
}

template<int M> __attribute__((target("avx512f"))) void rowSum512Bf16(const RowSumBf16 &c)
{
    constexpr int C = M <= 6 ? 4 : 3;
    int64_t n = 0;
    for (; n + 16 * C <= c.cols; n += 16 * C)
        rowSumBlock512Bf16<M, C>(c, n);
    for (; n + 16 <= c.cols; n += 16)
        rowSumBlock512Bf16<M, 1>(c, n);
    rowSumBf16Columns<M>(c, n);
}

__attribute__((target("avx2,fma"))) inline __m256 widen256(const std::uint16_t *w)
{
    const __m128i half = _mm_loadu_si128(reinterpret_cast<const __m128i *>(w));
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(half), 16));
}

template<int M, int C>
__attribute__((target("avx2,fma"))) void rowSumBlock256Bf16(const RowSumBf16 &c, int64_t n0)
{
    __m256 acc[M][C];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 4
        for (int j = 0; j < C; ++j)
            acc[m][j] = _mm256_setzero_ps();
    for (int64_t k = 0; k < c.inner; ++k) {
        const std::uint16_t *row = c.b + k * c.ldb + n0;
        __m256 bv[C];
#pragma GCC unroll 4
        for (int j = 0; j < C; ++j)
            bv[j] = widen256(row + 8 * j);
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m256 weight = _mm256_set1_ps(c.a[m * c.lda + k]);
#pragma GCC unroll 4
            for (int j = 0; j < C; ++j)
                acc[m][j] = _mm256_fmadd_ps(weight, bv[j], acc[m][j]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int j = 0; j < C; ++j)
            _mm256_storeu_ps(c.y + m * c.ldy + n0 + 8 * j, acc[m][j]);
}

template<int M> __attribute__((target("avx2,fma"))) void rowSum256Bf16(const RowSumBf16 &c)
{
    constexpr int C = M <= 3 ? 3 : M <= 6 ? 2 : 1;
    int64_t n = 0;
    for (; n + 8 * C <= c.cols; n += 8 * C)
        rowSumBlock256Bf16<M, C>(c, n);
    for (; n + 8 <= c.cols; n += 8)
        rowSumBlock256Bf16<M, 1>(c, n);
    rowSumBf16Columns<M>(c, n);
}

template<int M, int R> __attribute__((target("avx2,fma"))) void block256Bf16(const ProductBf16 &p, int64_t n)
{
    __m256 acc[M][R];
#pragma GCC unroll 8
    for (int m = 0; m < M; ++m)
#pragma GCC unroll 2
        for (int r = 0; r < R; ++r)
            acc[m][r] = _mm256_setzero_ps();
    const std::uint16_t *w = p.w + n * p.ldw;
    int64_t k = 0;
    for (; k + 8 <= p.in; k += 8) {
        __m256 wv[R];
#pragma GCC unroll 2
        for (int r = 0; r < R; ++r) {
            wv[r] = widen256(w + r * p.ldw + k);
        }
#pragma GCC unroll 8
        for (int m = 0; m < M; ++m) {
            const __m256 xv = _mm256_loadu_ps(p.x + m * p.in + k);
#pragma GCC unroll 2
            for (int r = 0; r < R; ++r)
                acc[m][r] = _mm256_fmadd_ps(xv, wv[r], acc[m][r]);
        }
    }
    for (int m = 0; m < M; ++m)
        for (int r = 0; r < R; ++r)
            p.y[m * p.out + n + r] = finishBf16(p, sum256(acc[m][r]), m, n + r, k);
}

template<int M>
__attribute__((target("avx2,fma"))) void range256Bf16(const ProductBf16 &p, int64_t n0, int64_t n1)
{
    constexpr int R = M <= 6 ? 2 : 1;
    int64_t n = n0;
    for (; n + R <= n1; n += R)
        block256Bf16<M, R>(p, n);
    for (; n < n1; ++n)
        block256Bf16<M, 1>(p, n);
}

// One kernel per row count 1..kRowLinearMaxRows (index 0 unused), for each width.
template<typename Kernel>
Kernel pick(
    int64_t rows, const Kernel (&k512)[kRowLinearMaxRows + 1], const Kernel (&k256)[kRowLinearMaxRows + 1])
{
    if (rows < 1 || rows > kRowLinearMaxRows)
        return nullptr;
    return vectorWidth() == 16 ? k512[rows] : vectorWidth() == 8 ? k256[rows] : nullptr;
}

RowSumKernel rowSumKernelFor(int64_t rows)
{
    static constexpr RowSumKernel k512[] = {nullptr, rowSum512<1>, rowSum512<2>, rowSum512<3>, rowSum512<4>,
        rowSum512<5>, rowSum512<6>, rowSum512<7>, rowSum512<8>};
    static constexpr RowSumKernel k256[] = {nullptr, rowSum256<1>, rowSum256<2>, rowSum256<3>, rowSum256<4>,
        rowSum256<5>, rowSum256<6>, rowSum256<7>, rowSum256<8>};
    return pick(rows, k512, k256);
}

// The bf16 kernel for this many rows, and whether it takes the rows in bf16
// (native) rather than fp32 (widening).
std::pair<RangeKernelBf16, bool> bf16KernelFor(int64_t rows)
{
    static constexpr RangeKernelBf16 kDp[] = {nullptr, range512Dp<1>, range512Dp<2>, range512Dp<3>,
        range512Dp<4>, range512Dp<5>, range512Dp<6>, range512Dp<7>, range512Dp<8>};
    static constexpr RangeKernelBf16 k512[] = {nullptr, range512Bf16<1>, range512Bf16<2>, range512Bf16<3>,
        range512Bf16<4>, range512Bf16<5>, range512Bf16<6>, range512Bf16<7>, range512Bf16<8>};
    static constexpr RangeKernelBf16 k256[] = {nullptr, range256Bf16<1>, range256Bf16<2>, range256Bf16<3>,
        range256Bf16<4>, range256Bf16<5>, range256Bf16<6>, range256Bf16<7>, range256Bf16<8>};
    if (vectorWidth() == 16 && cpuBf16() == CpuBf16::Native && __builtin_cpu_supports("avx512bw"))
        return {pick(rows, kDp, k256), true};
    return {pick(rows, k512, k256), false};
}

// The widening bf16 kernel (rows in fp32) for this many rows, whatever the CPU.
RangeKernelBf16 bf16WideningKernelFor(int64_t rows)
{
    static constexpr RangeKernelBf16 k512[] = {nullptr, range512Bf16<1>, range512Bf16<2>, range512Bf16<3>,
        range512Bf16<4>, range512Bf16<5>, range512Bf16<6>, range512Bf16<7>, range512Bf16<8>};
    static constexpr RangeKernelBf16 k256[] = {nullptr, range256Bf16<1>, range256Bf16<2>, range256Bf16<3>,
        range256Bf16<4>, range256Bf16<5>, range256Bf16<6>, range256Bf16<7>, range256Bf16<8>};
    return pick(rows, k512, k256);
}

RowSumBf16Kernel rowSumBf16KernelFor(int64_t rows)
{
    static constexpr RowSumBf16Kernel k512[] = {nullptr, rowSum512Bf16<1>, rowSum512Bf16<2>, rowSum512Bf16<3>,
        rowSum512Bf16<4>, rowSum512Bf16<5>, rowSum512Bf16<6>, rowSum512Bf16<7>, rowSum512Bf16<8>};
    static constexpr RowSumBf16Kernel k256[] = {nullptr, rowSum256Bf16<1>, rowSum256Bf16<2>, rowSum256Bf16<3>,
        rowSum256Bf16<4>, rowSum256Bf16<5>, rowSum256Bf16<6>, rowSum256Bf16<7>, rowSum256Bf16<8>};
    return pick(rows, k512, k256);
}

RangeKernel kernelFor(int64_t rows)
{
    static constexpr RangeKernel k512[] = {nullptr, range512<1>, range512<2>, range512<3>, range512<4>,
        range512<5>, range512<6>, range512<7>, range512<8>};
    static constexpr RangeKernel k256[] = {nullptr, range256<1>, range256<2>, range256<3>, range256<4>,
        range256<5>, range256<6>, range256<7>, range256<8>};
    return pick(rows, k512, k256);
}

#else

int64_t vectorWidth()
{
    return 0;
}
RangeKernel kernelFor(int64_t)
{
    return nullptr;
}
std::pair<RangeKernelBf16, bool> bf16KernelFor(int64_t)
{
    return {nullptr, false};
}
RangeKernelBf16 bf16WideningKernelFor(int64_t)
{
    return nullptr;
}
RowSumBf16Kernel rowSumBf16KernelFor(int64_t)
{
    return nullptr;
}
RowSumKernel rowSumKernelFor(int64_t)
{
    return nullptr;
}

#endif

bool isFloatOnCpu(const at::Tensor &t)
{
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && !t.is_sparse();
}

bool isBf16OnCpu(const at::Tensor &t)
{
    return t.device().is_cpu() && t.scalar_type() == at::kBFloat16 && !t.is_sparse();
}

bool needsGradient(const at::Tensor &t)
{
    return t.defined() && at::GradMode::is_enabled() && t.requires_grad();
}

// rowLinear for a bf16 model: x, W and b all bf16. Up to four passes of
// kRowLinearMaxRows rows each (beams of a small batch) still read W fewer
// times than ATen, which widens W to fp32 for every product. Returns an
// undefined tensor where no kernel applies.
at::Tensor rowLinearBf16(
    const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias, bool floatOutput)
{
    const int64_t in = weight.size(1), out = weight.size(0), total = x.numel() / in;
    if (total > 4 * kRowLinearMaxRows || !bf16KernelFor(1).first)
        return {};
    const bool nativeRows = bf16KernelFor(1).second;
    const at::Tensor rows = x.contiguous();
    const at::Tensor rowsFloat = nativeRows ? at::Tensor() : rows.to(at::kFloat);
    const at::Tensor biasRow = bias.defined() ? bias.contiguous() : at::Tensor();
    std::vector<int64_t> shape = x.sizes().vec();
    shape.back() = out;
    at::Tensor y = at::empty(shape, x.options().dtype(at::kFloat));
    for (int64_t first = 0; first < total; first += kRowLinearMaxRows) {
        const int64_t count = std::min(kRowLinearMaxRows, total - first);
        const RangeKernelBf16 kernel = bf16KernelFor(count).first;
        const ProductBf16 p {nativeRows ? nullptr : rowsFloat.data_ptr<float>() + first * in,
            nativeRows ? reinterpret_cast<const std::uint16_t *>(rows.data_ptr<at::BFloat16>()) + first * in
                       : nullptr,
            count, reinterpret_cast<const std::uint16_t *>(weight.data_ptr<at::BFloat16>()),
            biasRow.defined() ? reinterpret_cast<const std::uint16_t *>(biasRow.data_ptr<at::BFloat16>())
                              : nullptr,
            y.data_ptr<float>() + first * out, in, out, in};
        at::parallel_for(0, out, 64, [&](int64_t n0, int64_t n1) { kernel(p, n0, n1); });
    }
    return floatOutput ? y : y.to(at::kBFloat16);
}

// An fp32 product of a low-precision layer, for outputs that must not be
// rounded (the logits): the weight is widened a block of outputs at a time,
// so that the layer (the LM head: 30522 x 768) never exists in fp32 whole.
at::Tensor linearInFloatBlocks(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias)
{
    constexpr int64_t kBlock = 2048;
    TORCH_CHECK(weight.dim() == 2 && x.dim() >= 1 && x.size(-1) == weight.size(1), "linear: input ",
        x.sizes(), " does not match the weight ", weight.sizes());
    const int64_t in = weight.size(1), out = weight.size(0);
    const at::Tensor rows = x.to(at::kFloat).reshape({-1, in});
    std::vector<int64_t> shape = x.sizes().vec();
    shape.back() = out;
    at::Tensor y = at::empty({rows.size(0), out}, rows.options());
    for (int64_t n0 = 0; n0 < out; n0 += kBlock) {
        const int64_t n = std::min(kBlock, out - n0);
        y.narrow(1, n0, n).copy_(at::linear(rows, weight.narrow(0, n0, n).to(at::kFloat),
            bias.defined() ? bias.narrow(0, n0, n).to(at::kFloat) : bias));
    }
    return y.view(shape);
}

// rowAttention for a bf16 model: q, K and V bf16, the keys and values read as
// bf16 and everything summed in fp32; the scores, mask and softmax in fp32 as
// in the explicit form. Undefined where it does not apply.
at::Tensor rowAttentionBf16(
    const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, const at::Tensor &mask, at::Tensor *probs)
{
    if (!g_enabled || q.dim() != 4 || k.dim() != 4 || v.dim() != 4 || !isBf16OnCpu(q) || !isBf16OnCpu(k)
        || !isBf16OnCpu(v) || needsGradient(q) || needsGradient(k) || needsGradient(v))
        return {};
    const int64_t batch = q.size(0), heads = q.size(1), rows = q.size(2), d = q.size(3), keys = k.size(2);
    const bool sameShapes = k.size(0) == batch && v.size(0) == batch && k.size(1) == heads
        && v.size(1) == heads && k.size(3) == d && v.size(2) == keys && v.size(3) == d;
    const bool keysByRow = k.stride(3) == 1, keysByColumn = !keysByRow && (k.stride(2) == 1 || keys == 1);
    const bool valuesByRow = v.stride(3) == 1,
               valuesByColumn = !valuesByRow && (v.stride(2) == 1 || keys == 1);
    const RangeKernelBf16 dot = bf16WideningKernelFor(rows);
    const RowSumBf16Kernel rowSum = rowSumBf16KernelFor(rows);
    if (!sameShapes || !dot || !rowSum || keys == 0 || !(keysByRow || keysByColumn)
        || !(valuesByRow || valuesByColumn))
        return {};
    if (mask.defined()
        && at::infer_size(mask.sizes(), {batch, heads, rows, keys})
            != at::IntArrayRef {batch, heads, rows, keys})
        return {};
    const at::Tensor queries = q.to(at::kFloat).contiguous();
    at::Tensor scores = at::empty({batch, heads, rows, keys}, q.options().dtype(at::kFloat));
    const float *qd = queries.data_ptr<float>();
    const auto *kd = reinterpret_cast<const std::uint16_t *>(k.data_ptr<at::BFloat16>());
    float *sd = scores.data_ptr<float>();
    at::parallel_for(0, batch * heads, 1, [&](int64_t first, int64_t last) {
        for (int64_t i = first; i < last; ++i) {
            const std::uint16_t *kh = kd + (i / heads) * k.stride(0) + (i % heads) * k.stride(1);
            if (keysByRow)
                dot({qd + i * rows * d, nullptr, rows, kh, nullptr, sd + i * rows * keys, d, keys,
                        k.stride(2)},
                    0, keys);
            else
                rowSum({qd + i * rows * d, kh, sd + i * rows * keys, d, keys, d, k.stride(3), keys});
        }
    });
    scores.div_(std::sqrt(static_cast<double>(d)));
    if (mask.defined())
        scores.add_(mask.to(at::kFloat));
    const at::Tensor weights = at::softmax(scores, -1);
    if (probs)
        *probs = weights.to(q.scalar_type());
    at::Tensor context = at::empty({batch, heads, rows, d}, q.options().dtype(at::kFloat));
    const float *wd = weights.data_ptr<float>();
    const auto *vd = reinterpret_cast<const std::uint16_t *>(v.data_ptr<at::BFloat16>());
    float *cd = context.data_ptr<float>();
    at::parallel_for(0, batch * heads, 1, [&](int64_t first, int64_t last) {
        for (int64_t i = first; i < last; ++i) {
            const std::uint16_t *vh = vd + (i / heads) * v.stride(0) + (i % heads) * v.stride(1);
            if (valuesByRow)
                rowSum({wd + i * rows * keys, vh, cd + i * rows * d, keys, d, keys, v.stride(2), d});
            else
                dot({wd + i * rows * keys, nullptr, rows, vh, nullptr, cd + i * rows * d, keys, d,
                        v.stride(3)},
                    0, d);
        }
    });
    return context.to(q.scalar_type());
}

} // namespace

void setRowLinearEnabled(bool enabled)
{
    g_enabled = enabled;
}

bool rowKernelsAvailable()
{
    return vectorWidth() > 0;
}

int64_t rowKernelWidth()
{
    return vectorWidth();
}

int64_t limitRowKernelWidth(int64_t floats)
{
    g_widthLimit = floats;
    return vectorWidth();
}

at::Tensor rowLinear(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias, bool floatOutput)
{
    const bool bf16 = g_enabled && x.defined() && x.dim() >= 1 && weight.dim() == 2 && isBf16OnCpu(x)
        && isBf16OnCpu(weight) && weight.is_contiguous() && x.size(-1) == weight.size(1) && weight.size(1) > 0
        && x.numel() > 0
        && (!bias.defined() || (isBf16OnCpu(bias) && bias.dim() == 1 && bias.size(0) == weight.size(0)))
        && !needsGradient(x) && !needsGradient(weight) && !needsGradient(bias);
    if (bf16)
        if (at::Tensor y = rowLinearBf16(x, weight, bias, floatOutput); y.defined())
            return y;
    if (floatOutput && x.defined() && x.scalar_type() != at::kFloat)
        return linearInFloatBlocks(x, weight, bias);
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
    const Product p {rows.data_ptr<float>(), rows.numel() / in, weight.data_ptr<float>(),
        bias.defined() ? bias.data_ptr<float>() : nullptr, y.data_ptr<float>(), in, out, in, in, out};
    // 64 outputs at least per task: the smallest products stay on one thread.
    at::parallel_for(0, out, 64, [&](int64_t n0, int64_t n1) { kernel(p, n0, n1); });
    return y;
}

at::Tensor rowAttention(
    const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, const at::Tensor &mask, at::Tensor *probs)
{
    if (q.scalar_type() == at::kBFloat16)
        return rowAttentionBf16(q, k, v, mask, probs);
    if (!g_enabled || q.dim() != 4 || k.dim() != 4 || v.dim() != 4 || !isFloatOnCpu(q) || !isFloatOnCpu(k)
        || !isFloatOnCpu(v) || needsGradient(q) || needsGradient(k) || needsGradient(v))
        return {};
    const int64_t batch = q.size(0), heads = q.size(1), rows = q.size(2), d = q.size(3), keys = k.size(2);
    const bool sameShapes = k.size(0) == batch && v.size(0) == batch && k.size(1) == heads
        && v.size(1) == heads && k.size(3) == d && v.size(2) == keys && v.size(3) == d;
    // K and V each either row-major per head (unit stride along d) or stored
    // transposed (unit stride along the keys, as startDecoding lays out the
    // cross-attention cache on the CPU); with a single key either will do.
    const bool keysByRow = k.stride(3) == 1, keysByColumn = !keysByRow && (k.stride(2) == 1 || keys == 1);
    const bool valuesByRow = v.stride(3) == 1,
               valuesByColumn = !valuesByRow && (v.stride(2) == 1 || keys == 1);
    const RangeKernel rowScores = kernelFor(rows);
    const RowSumKernel rowSum = rowSumKernelFor(rows);
    if (!sameShapes || !rowScores || !rowSum || keys == 0 || !(keysByRow || keysByColumn)
        || !(valuesByRow || valuesByColumn))
        return {};
    // The mask is added in place, so it must not widen the scores.
    if (mask.defined()
        && at::infer_size(mask.sizes(), {batch, heads, rows, keys})
            != at::IntArrayRef {batch, heads, rows, keys})
        return {};
    const at::Tensor queries = q.contiguous();
    at::Tensor scores = at::empty({batch, heads, rows, keys}, q.options());
    const float *qd = queries.data_ptr<float>(), *kd = k.data_ptr<float>();
    float *sd = scores.data_ptr<float>();
    at::parallel_for(0, batch * heads, 1, [&](int64_t first, int64_t last) {
        for (int64_t i = first; i < last; ++i) {
            const float *kh = kd + (i / heads) * k.stride(0) + (i % heads) * k.stride(1);
            if (keysByRow)
                rowScores({qd + i * rows * d, rows, kh, nullptr, sd + i * rows * keys, d, keys, d,
                              k.stride(2), keys},
                    0, keys);
            else
                rowSum({qd + i * rows * d, kh, sd + i * rows * keys, d, keys, d, k.stride(3), keys});
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
            const float *vh = vd + (i / heads) * v.stride(0) + (i % heads) * v.stride(1);
            if (valuesByRow)
                rowSum({wd + i * rows * keys, vh, cd + i * rows * d, keys, d, keys, v.stride(2), d});
            else
                // V transposed: each output is one long dot product over the keys.
                rowScores({wd + i * rows * keys, rows, vh, nullptr, cd + i * rows * d, keys, d, keys,
                              v.stride(3), d},
                    0, d);
        }
    });
    return context;
}

} // namespace mplug2::model
