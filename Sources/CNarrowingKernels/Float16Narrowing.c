#include "NarrowingKernels.h"
#include "NarrowingLoops.h"

// Runtime dispatch: only the kernels below are compiled for F16C/AVX, so the binary stays safe
// on CPUs without them (the caller checks precisionlab_has_f16c first).
int precisionlab_has_f16c(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx");
#else
    return 0;
#endif
}

#if defined(__x86_64__)
// One element, for the unaligned head and the tail: VCVTPS2PH on the low lane.
__attribute__((target("avx,f16c")))
static inline uint16_t narrow_one(uint32_t bits) {
    __m128 value = _mm_castsi128_ps(_mm_cvtsi32_si128((int)bits));
    return (uint16_t)_mm_extract_epi16(_mm_cvtps_ph(value, _MM_FROUND_TO_NEAREST_INT), 0);
}

// 16 elements: two 8-lane VCVTPS2PH joined into one 32-byte vector.
__attribute__((target("avx,f16c")))
static inline __m256i narrow_sixteen(const uint32_t *input) {
    __m128i low = _mm256_cvtps_ph(_mm256_castsi256_ps(_mm256_loadu_si256((const __m256i *)input)), _MM_FROUND_TO_NEAREST_INT);
    __m128i high = _mm256_cvtps_ph(_mm256_castsi256_ps(_mm256_loadu_si256((const __m256i *)(input + 8))), _MM_FROUND_TO_NEAREST_INT);
    return _mm256_set_m128i(high, low);
}

PRECISIONLAB_DEFINE_NARROWING_LOOPS(precisionlab_f16c_narrow, "avx,f16c")
#else
PRECISIONLAB_DEFINE_NARROWING_STUBS(precisionlab_f16c_narrow)
#endif
