#include "HalfConversion.h"
#include <immintrin.h>

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

__attribute__((target("avx,f16c")))
void precisionlab_f16c_narrow_cached(const uint32_t *input, uint16_t *output, size_t count) {
    size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        _mm256_storeu_si256((__m256i *)(output + index), narrow_sixteen(input + index));
    }
    for (; index < count; index++) output[index] = narrow_one(input[index]);
}

__attribute__((target("avx,f16c")))
void precisionlab_f16c_narrow_streaming(const uint32_t *input, uint16_t *output, size_t count) {
    if (((uintptr_t)output & 1) != 0) {  // a misaligned uint16_t buffer can never reach 32 bytes
        precisionlab_f16c_narrow_cached(input, output, count);
        return;
    }
    size_t index = 0;
    // Head: single elements until the output address is a multiple of 32 (at most 15).
    while (index < count && ((uintptr_t)(output + index) & 31) != 0) {
        output[index] = narrow_one(input[index]);
        index++;
    }
    for (; index + 16 <= count; index += 16) {
        _mm256_stream_si256((__m256i *)(output + index), narrow_sixteen(input + index));
    }
    for (; index < count; index++) output[index] = narrow_one(input[index]);
    // Streaming stores are weakly ordered: make them visible before any later store (the
    // caller's "done" flag, a thread join) so other threads never read stale codes.
    _mm_sfence();
}

void precisionlab_f16c_narrow(const uint32_t *input, uint16_t *output, size_t count) {
    if (count * sizeof(uint16_t) >= PRECISIONLAB_STREAMING_THRESHOLD_BYTES) {
        precisionlab_f16c_narrow_streaming(input, output, count);
    } else {
        precisionlab_f16c_narrow_cached(input, output, count);
    }
}
#else
void precisionlab_f16c_narrow_cached(const uint32_t *input, uint16_t *output, size_t count) {
    (void)input; (void)output; (void)count;
}
void precisionlab_f16c_narrow_streaming(const uint32_t *input, uint16_t *output, size_t count) {
    (void)input; (void)output; (void)count;
}
void precisionlab_f16c_narrow(const uint32_t *input, uint16_t *output, size_t count) {
    (void)input; (void)output; (void)count;
}
#endif
