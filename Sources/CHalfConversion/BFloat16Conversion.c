#include "HalfConversion.h"
#include <immintrin.h>

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

__attribute__((target("avx2")))
void precisionlab_bf16_narrow_cached(const uint32_t *input, uint16_t *output, size_t count) {
    size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        _mm256_storeu_si256((__m256i *)(output + index), narrow_sixteen(input + index));
    }
    for (; index < count; index++) output[index] = narrow_one(input[index]);
}

__attribute__((target("avx2")))
void precisionlab_bf16_narrow_streaming(const uint32_t *input, uint16_t *output, size_t count) {
    if (((uintptr_t)output & 1) != 0) {  // a misaligned uint16_t buffer can never reach 32 bytes
        precisionlab_bf16_narrow_cached(input, output, count);
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
    // Streaming stores are weakly ordered: make them visible before any later store.
    _mm_sfence();
}

void precisionlab_bf16_narrow(const uint32_t *input, uint16_t *output, size_t count) {
    if (count * sizeof(uint16_t) >= PRECISIONLAB_STREAMING_THRESHOLD_BYTES) {
        precisionlab_bf16_narrow_streaming(input, output, count);
    } else {
        precisionlab_bf16_narrow_cached(input, output, count);
    }
}
#else
void precisionlab_bf16_narrow_cached(const uint32_t *input, uint16_t *output, size_t count) {
    (void)input; (void)output; (void)count;
}
void precisionlab_bf16_narrow_streaming(const uint32_t *input, uint16_t *output, size_t count) {
    (void)input; (void)output; (void)count;
}
void precisionlab_bf16_narrow(const uint32_t *input, uint16_t *output, size_t count) {
    (void)input; (void)output; (void)count;
}
#endif
