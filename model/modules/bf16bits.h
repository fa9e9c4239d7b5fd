#pragma once
/// bf16 as raw bits (std::uint16_t), widened to fp32 by a shift into the high
/// half: exact. Shared by the row kernels (rowlinear.cpp) and the fused
/// element-wise kernels (bf16kernels.cpp). Internal header of model/modules;
/// the vector form needs an x86 CPU with AVX-512F, checked by its callers.

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace mplug2::model {

inline float widen(std::uint16_t bits)
{
    const std::uint32_t wide = static_cast<std::uint32_t>(bits) << 16;
    float f;
    std::memcpy(&f, &wide, sizeof f);
    return f;
}

#if defined(__x86_64__) && defined(__GNUC__)
/// 16 bf16 values at p as fp32.
__attribute__((target("avx512f"))) inline __m512 widen512(const std::uint16_t *p)
{
    const __m256i half = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
    // The zero-masked forms: the plain ones trip GCC 12's -Wmaybe-uninitialized in its header.
    return _mm512_castsi512_ps(
        _mm512_maskz_slli_epi32(0xFFFF, _mm512_maskz_cvtepu16_epi32(0xFFFF, half), 16));
}
#endif

} // namespace mplug2::model
