#include "NarrowingKernels.h"
#include "NarrowingLoops.h"

int precisionlab_has_avx2(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
#else
    return 0;
#endif
}

#if defined(__x86_64__)
// One element, for the unaligned head and the tail: the Swift kernel's formula
// (Float32Narrowing.narrowBFloat16), so both paths give the same bits by construction.
static inline uint16_t narrow_one(uint32_t bits) {
    if ((bits & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((bits >> 16) | 0x40);
    return (uint16_t)((bits + 0x7fffu + ((bits >> 16) & 1)) >> 16);
}

// 8 lanes, still 32 bits wide: round to nearest-even at bit 16 (a carry into the exponent is
// overflow to infinity), NaN lanes replaced by the pattern with the quiet bit (bit 22) set,
// then an arithmetic shift by 16. The shift sign-extends, so every lane holds its 16-bit code
// as a value in [-32768, 32767] and the saturating pack below copies it unchanged.
__attribute__((target("avx2")))
static inline __m256i narrow_eight(__m256i bits) {
    __m256i lsb = _mm256_and_si256(_mm256_srli_epi32(bits, 16), _mm256_set1_epi32(1));
    __m256i rounded = _mm256_add_epi32(_mm256_add_epi32(bits, _mm256_set1_epi32(0x7fff)), lsb);
    // Signed compare is fine: both sides are below 2^31 after clearing the sign.
    __m256i isNaN = _mm256_cmpgt_epi32(_mm256_and_si256(bits, _mm256_set1_epi32(0x7fffffff)), _mm256_set1_epi32(0x7f800000));
    __m256i quiet = _mm256_or_si256(bits, _mm256_set1_epi32(0x400000));
    return _mm256_srai_epi32(_mm256_blendv_epi8(rounded, quiet, isNaN), 16);
}

// 16 elements: VPACKSSDW packs within 128-bit lanes (a0-3 b0-3 a4-7 b4-7), VPERMQ restores the order.
__attribute__((target("avx2")))
static inline __m256i narrow_sixteen(const uint32_t *input) {
    __m256i low = narrow_eight(_mm256_loadu_si256((const __m256i *)input));
    __m256i high = narrow_eight(_mm256_loadu_si256((const __m256i *)(input + 8)));
    return _mm256_permute4x64_epi64(_mm256_packs_epi32(low, high), 0xd8);
}

PRECISIONLAB_DEFINE_NARROWING_LOOPS(precisionlab_bf16_narrow, "avx2")
#else
PRECISIONLAB_DEFINE_NARROWING_STUBS(precisionlab_bf16_narrow)
#endif
