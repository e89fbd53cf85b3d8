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
// The rounding, 8 lanes at a time (the one C definition; the Swift kernel
// Float32Narrowing.narrowBFloat16 is the same formula, and both are checked against the
// engine: the registry test and `precision-lab verify float32->bfloat16`). Lanes stay 32 bits
// wide:
//   - round to nearest-even at bit 16: add 0x7fff plus the lsb of the kept half, then drop the
//     low half. 0x3f808000 (1 + 2^-8, a tie, lsb 0) + 0x7fff = 0x3f80ffff → 0x3f80 (1.0);
//     0x3f818000 (a tie, lsb 1) + 0x8000 = 0x3f820000 → 0x3f82. A carry into the exponent is
//     rounding up to the next binade, and past the largest finite value it is overflow to
//     infinity: 0x7f7f8000 + 0x8000 = 0x7f800000 → 0x7f80.
//   - NaN lanes (magnitude above 0x7f800000) keep sign and payload and get the quiet bit
//     (bit 22) instead: 0x7f800001 → 0x7fc00001 → 0x7fc0, 0xffa00000 → 0xffe0.
//   - then an arithmetic shift by 16. It sign-extends, so every lane holds its 16-bit code as
//     a value in [-32768, 32767] and the saturating pack in narrow_sixteen copies it unchanged.
__attribute__((target("avx2")))
static inline __m256i narrow_eight(__m256i bits) {
    __m256i lsb = _mm256_and_si256(_mm256_srli_epi32(bits, 16), _mm256_set1_epi32(1));
    __m256i rounded = _mm256_add_epi32(_mm256_add_epi32(bits, _mm256_set1_epi32(0x7fff)), lsb);
    // Signed compare is fine: both sides are below 2^31 after clearing the sign.
    __m256i isNaN = _mm256_cmpgt_epi32(_mm256_and_si256(bits, _mm256_set1_epi32(0x7fffffff)), _mm256_set1_epi32(0x7f800000));
    __m256i quiet = _mm256_or_si256(bits, _mm256_set1_epi32(0x400000));
    return _mm256_srai_epi32(_mm256_blendv_epi8(rounded, quiet, isNaN), 16);
}

// One element, for the unaligned head and the tail: lane 0 of narrow_eight (the other lanes
// are whatever the register held and are discarded), so the formula is written once.
__attribute__((target("avx2")))
static inline uint16_t narrow_one(uint32_t bits) {
    __m256i lanes = _mm256_castsi128_si256(_mm_cvtsi32_si128((int)bits));
    return (uint16_t)_mm256_cvtsi256_si32(narrow_eight(lanes));
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
