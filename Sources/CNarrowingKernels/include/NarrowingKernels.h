#ifndef PRECISIONLAB_NARROWING_KERNELS_H
#define PRECISIONLAB_NARROWING_KERNELS_H
#include <stddef.h>
#include <stdint.h>

/// True when this CPU has the F16C and AVX instructions (checked once with cpuid).
int precisionlab_has_f16c(void);

/// Output size (bytes) from which precisionlab_f16c_narrow writes with streaming stores:
/// 4 MiB of codes means 12 MiB of input and output together, beyond L2 and a large part of
/// any L3, so the codes would have been evicted before anyone reads them anyway.
#define PRECISIONLAB_STREAMING_THRESHOLD_BYTES ((size_t)4 << 20)

/// Converts `count` float32 bit patterns to float16 codes with the F16C instruction
/// VCVTPS2PH in round-to-nearest-even mode. Call only when precisionlab_has_f16c() is true.
/// The instruction's results equal the soft-float engine's defaults for every input: IEEE
/// rounding with gradual underflow, overflow to infinity, and a NaN keeps its sign and the
/// top 10 payload bits with the quiet bit set (`precision-lab verify 'float32->float16'`).
///
/// Below PRECISIONLAB_STREAMING_THRESHOLD_BYTES of output it is
/// precisionlab_f16c_narrow_cached, from there on precisionlab_f16c_narrow_streaming.
void precisionlab_f16c_narrow(const uint32_t *input, uint16_t *output, size_t count);

/// The F16C kernel with ordinary stores (16 elements, one 32-byte store, per iteration):
/// right for buffers that fit in cache, whose codes are read again soon.
void precisionlab_f16c_narrow_cached(const uint32_t *input, uint16_t *output, size_t count);

/// The F16C kernel with non-temporal (streaming) 32-byte stores, for buffers far larger than
/// the caches. Why it is faster there: an ordinary store first reads the destination line into
/// the cache (read-for-ownership), so each element costs 4 bytes read + 2 read + 2 written = 8
/// bytes of memory traffic; a streaming store writes whole lines without reading them, 6 bytes,
/// so a memory-bound loop needs 25% less traffic (2^26 elements: 384 MiB instead of 512 MiB;
/// measured 0.14 ns/element instead of 0.17). Same codes as the cached kernel; ends with SFENCE.
void precisionlab_f16c_narrow_streaming(const uint32_t *input, uint16_t *output, size_t count);

// bfloat16 (BFloat16Narrowing.c)
/// True when this CPU has AVX2 (checked once with cpuid).
int precisionlab_has_avx2(void);

/// Converts `count` float32 bit patterns to bfloat16 codes, nearest-even, exactly as the
/// scalar engine and the Swift kernel Float32Narrowing.narrowBFloat16 do: the low 16 bits
/// rounded away (a carry into the exponent is overflow to infinity), and a NaN keeps its sign
/// and top 7 payload bits with the quiet bit set (0x7f800001 → 0x7fc0, 0xffa00000 → 0xffe0;
/// `precision-lab verify 'float32->bfloat16'`). Call only when precisionlab_has_avx2() is true.
///
/// Below PRECISIONLAB_STREAMING_THRESHOLD_BYTES (4 MiB) of output it is
/// precisionlab_bf16_narrow_cached, from there on precisionlab_bf16_narrow_streaming.
void precisionlab_bf16_narrow(const uint32_t *input, uint16_t *output, size_t count);

/// The AVX2 kernel with ordinary stores (16 elements, one 32-byte store, per iteration).
void precisionlab_bf16_narrow_cached(const uint32_t *input, uint16_t *output, size_t count);

/// The AVX2 kernel with non-temporal (streaming) 32-byte stores: no read-for-ownership of the
/// destination, so 6 bytes of memory traffic per element instead of 8. Same codes as the
/// cached kernel; ends with SFENCE. (128-bit SSE2 streaming stores were no faster than
/// ordinary ones on the build machine, hence AVX2 only.)
void precisionlab_bf16_narrow_streaming(const uint32_t *input, uint16_t *output, size_t count);

// Lane narrowing for the Swift quantize kernels (header-only)
typedef int32_t precisionlab_int32x8 __attribute__((ext_vector_type(8)));
typedef uint8_t precisionlab_uint8x16 __attribute__((ext_vector_type(16)));

/// The low byte of each 32-bit lane, `low`'s eight then `high`'s eight, as one 16-byte vector
/// (Swift: SIMD8<Int32> in, SIMD16<UInt8> out; FastKernels' `LaneNarrowing.lowBytes`).
/// Header-only and always inlined, so it costs no call: Swift's generic
/// `SIMD16<UInt8>(truncatingIfNeeded:)` stayed an out-of-line call inside the MX kernel's loop,
/// with every live vector register spilled around it. With AVX2 it compiles to vpand,
/// vpackusdw, vextracti128, vpackuswb, vpshufd; plain C, so it compiles for any target.
///
///     low = (1, 2, 3, 4, 5, 6, 7, 0x108), high = (9, …, 16) → bytes 1, 2, …, 7, 8, 9, …, 16
static inline __attribute__((always_inline)) precisionlab_uint8x16
precisionlab_low_bytes(precisionlab_int32x8 low, precisionlab_int32x8 high) {
    typedef int32_t int32x16 __attribute__((ext_vector_type(16)));
    int32x16 all = __builtin_shufflevector(low, high, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    return __builtin_convertvector(all, precisionlab_uint8x16);
}

#endif
