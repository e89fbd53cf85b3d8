#include "HalfConversion.h"
#include <immintrin.h>

// Runtime dispatch: only this function is compiled for F16C/AVX, so the binary stays safe on
// CPUs without them (the caller checks precisionlab_has_f16c first).
int precisionlab_has_f16c(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx");
#else
    return 0;
#endif
}

#if defined(__x86_64__)
__attribute__((target("avx,f16c")))
void precisionlab_f16c_narrow(const uint32_t *input, uint16_t *output, size_t count) {
    size_t index = 0;
    for (; index + 8 <= count; index += 8) {
        __m256 values = _mm256_castsi256_ps(_mm256_loadu_si256((const __m256i *)(input + index)));
        __m128i halves = _mm256_cvtps_ph(values, _MM_FROUND_TO_NEAREST_INT);
        _mm_storeu_si128((__m128i *)(output + index), halves);
    }
    for (; index < count; index++) {
        __m128 value = _mm_castsi128_ps(_mm_cvtsi32_si128((int)input[index]));
        output[index] = (uint16_t)_mm_extract_epi16(_mm_cvtps_ph(value, _MM_FROUND_TO_NEAREST_INT), 0);
    }
}
#else
void precisionlab_f16c_narrow(const uint32_t *input, uint16_t *output, size_t count) {
    (void)input; (void)output; (void)count;
}
#endif
