// The loops shared by the 16-bit narrowing kernels (float16 with F16C, bfloat16 with AVX2).
// Each kernel file defines `narrow_one` (one element) and `narrow_sixteen` (16 elements into
// one 32-byte vector) for its instruction set, then expands this macro, which defines
//
//   NAME_cached     ordinary stores, 16 elements per iteration, single elements for the tail;
//   NAME_streaming  single elements until the output is 32-byte aligned, then non-temporal
//                   stores, which skip reading the destination into the cache (6 bytes of
//                   memory traffic per float32 → 16-bit element instead of 8), then SFENCE;
//   NAME            the streaming loop from PRECISIONLAB_STREAMING_THRESHOLD_BYTES of output
//                   on, where the output no longer stays in the cache anyway.
#ifndef PRECISIONLAB_NARROWING_LOOPS_H
#define PRECISIONLAB_NARROWING_LOOPS_H

#include <stddef.h>
#include <stdint.h>
#if defined(__x86_64__)
#include <immintrin.h>  // x86 only: clang refuses it on other targets
#endif

#define PRECISIONLAB_DEFINE_NARROWING_LOOPS(NAME, TARGET)                                         \
    __attribute__((target(TARGET)))                                                              \
    void NAME##_cached(const uint32_t *input, uint16_t *output, size_t count) {                  \
        size_t index = 0;                                                                        \
        for (; index + 16 <= count; index += 16) {                                               \
            _mm256_storeu_si256((__m256i *)(output + index), narrow_sixteen(input + index));     \
        }                                                                                        \
        for (; index < count; index++) output[index] = narrow_one(input[index]);                 \
    }                                                                                            \
                                                                                                 \
    __attribute__((target(TARGET)))                                                              \
    void NAME##_streaming(const uint32_t *input, uint16_t *output, size_t count) {               \
        if (((uintptr_t)output & 1) != 0) { /* a misaligned uint16_t buffer never aligns */      \
            NAME##_cached(input, output, count);                                                 \
            return;                                                                              \
        }                                                                                        \
        size_t index = 0;                                                                        \
        while (index < count && ((uintptr_t)(output + index) & 31) != 0) { /* at most 15 */      \
            output[index] = narrow_one(input[index]);                                            \
            index++;                                                                             \
        }                                                                                        \
        for (; index + 16 <= count; index += 16) {                                               \
            _mm256_stream_si256((__m256i *)(output + index), narrow_sixteen(input + index));     \
        }                                                                                        \
        for (; index < count; index++) output[index] = narrow_one(input[index]);                 \
        /* Streaming stores are weakly ordered: make them visible before any later store (the */ \
        /* caller's "done" flag, a thread join) so other threads never read stale codes. */      \
        _mm_sfence();                                                                            \
    }                                                                                            \
                                                                                                 \
    void NAME(const uint32_t *input, uint16_t *output, size_t count) {                           \
        if (count * sizeof(uint16_t) >= PRECISIONLAB_STREAMING_THRESHOLD_BYTES) {                \
            NAME##_streaming(input, output, count);                                              \
        } else {                                                                                 \
            NAME##_cached(input, output, count);                                                 \
        }                                                                                        \
    }

// Stubs for other architectures: Swift checks the CPU first and never calls them.
#define PRECISIONLAB_DEFINE_NARROWING_STUBS(NAME)                                                 \
    void NAME##_cached(const uint32_t *input, uint16_t *output, size_t count) {                  \
        (void)input; (void)output; (void)count;                                                  \
    }                                                                                            \
    void NAME##_streaming(const uint32_t *input, uint16_t *output, size_t count) {               \
        (void)input; (void)output; (void)count;                                                  \
    }                                                                                            \
    void NAME(const uint32_t *input, uint16_t *output, size_t count) {                           \
        (void)input; (void)output; (void)count;                                                  \
    }

#endif
