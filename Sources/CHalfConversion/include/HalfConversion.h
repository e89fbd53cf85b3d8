#ifndef PRECISIONLAB_HALF_CONVERSION_H
#define PRECISIONLAB_HALF_CONVERSION_H
#include <stddef.h>
#include <stdint.h>

/// True when this CPU has the F16C and AVX instructions (checked once with cpuid).
int precisionlab_has_f16c(void);

/// Converts `count` float32 bit patterns to float16 codes with the F16C instruction
/// VCVTPS2PH in round-to-nearest-even mode. Call only when precisionlab_has_f16c() is true.
/// The instruction's results equal the soft-float engine's defaults for every input: IEEE
/// rounding with gradual underflow, overflow to infinity, and a NaN keeps its sign and the
/// top 10 payload bits with the quiet bit set (`precision-lab verify 'float32->float16'`).
void precisionlab_f16c_narrow(const uint32_t *input, uint16_t *output, size_t count);

#endif
