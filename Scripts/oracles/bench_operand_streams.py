#!/usr/bin/env python3
"""Prints the hashes that pin the `bench` operand streams (BenchmarkStreamTests).

The scalar benchmark's operands are shared with the Berkeley SoftFloat harness
(/work/shared/bench/softfloat_scalar.c): SplitMix64 seeded 3, "random" = next() & codeMask,
"normal" = Box-Muller N(0,1)*100 from two 53-bit uniforms with the C library's log and cos,
rounded float64 -> format to nearest-even. This script rebuilds them independently (Python
integers for SplitMix64, math.log/math.cos = libm, numpy's float64 -> float16/float32
casts), the "special" set of zeros, subnormals, infinities and NaNs only (the generator of
Scripts/oracles/softfloat_scalar_special.c, for all five fast-path layouts), the bulk-conversion input (seed 26: 1% specials, else float32 of
N(0,1)*100) and the quantize benchmarks' N(0,1) float32 matrix (seed 4096), and prints each
stream's polynomial hash (h = h*31 + x mod 2^64, as the C harness's --verify prints it).

    python3 Scripts/oracles/bench_operand_streams.py
"""
import math
import numpy as np

from oracle_common import MASK, SplitMix64


def box_muller(random):
    """One N(0,1) draw from two 53-bit uniforms, the C library's log and cos (the harness's)."""
    u1 = ((random.next() >> 11) + 1) * 2.0 ** -53
    u2 = (random.next() >> 11) * 2.0 ** -53
    return math.sqrt(-2 * math.log(u1)) * math.cos(2 * 3.141592653589793 * u2)


def bits(value, dtype, view):
    return int(np.array([value], dtype=np.float64).astype(dtype).view(view)[0])


def polynomial_hash(values):
    h = 0
    for x in values:
        h = (h * 31 + x) & MASK
    return h


def scalar_operands(name, count, normal):
    random = SplitMix64(3)
    dtype, view, mask = {"float16": (np.float16, np.uint16, 0xFFFF),
                         "float32": (np.float32, np.uint32, 0xFFFFFFFF)}[name]
    return [bits(box_muller(random) * 100, dtype, view) if normal else random.next() & mask
            for _ in range(count)]


# (exponent bits, mantissa bits, has infinity) of the formats the special set covers.
LAYOUTS = {"float16": (5, 10, True), "float32": (8, 23, True), "bfloat16": (8, 7, True),
           "float8_e5m2": (5, 2, True), "float8_e4m3fn": (4, 3, False)}


def special_operands(name, count):
    """Zeros, subnormals, infinities and NaNs only: sign = bit 63 of r, fraction = (r >> 2) &
    mantissa mask (1 if 0), r & 3 = zero / subnormal / infinity / NaN with that fraction; a
    format without infinity (float8_e4m3fn) has its one NaN magnitude 0x7f for both."""
    exponent_bits, mantissa_bits, has_infinity = LAYOUTS[name]
    random = SplitMix64(3)
    values = []
    for _ in range(count):
        r = random.next()
        fraction = (r >> 2) & ((1 << mantissa_bits) - 1) or 1
        sign = (r >> 63) << (exponent_bits + mantissa_bits)
        all_ones = ((1 << exponent_bits) - 1) << mantissa_bits
        kind = r & 3
        if kind == 0:
            magnitude = 0
        elif kind == 1:
            magnitude = fraction
        elif not has_infinity:
            magnitude = all_ones | ((1 << mantissa_bits) - 1)
        else:
            magnitude = all_ones if kind == 2 else all_ones | fraction
        values.append(sign | magnitude)
    return values


def bulk_input(count, seed=26):
    random = SplitMix64(seed)
    specials = [0, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x00000001, 0x80400000,
                0x47800000, 0x7F7FFFFF]
    values = []
    for _ in range(count):
        if random.next() % 100 == 0:
            values.append(specials[random.next() % len(specials)])
        else:
            values.append(bits(box_muller(random) * 100, np.float32, np.uint32))
    return values


def quantize_input(count, seed=4096):
    random = SplitMix64(seed)
    return [bits(box_muller(random), np.float32, np.uint32) for _ in range(count)]


if __name__ == "__main__":
    count = 10_002
    for name in ("float16", "float32"):
        for normal in (False, True):
            kind = "normal" if normal else "random"
            print(f"scalar {name} {kind} {count}: {polynomial_hash(scalar_operands(name, count, normal))}")
    for name in LAYOUTS:
        print(f"scalar {name} special {count}: {polynomial_hash(special_operands(name, count))}")
    print(f"bulk input {count}: {polynomial_hash(bulk_input(count))}")
    print(f"quantize input {count}: {polynomial_hash(quantize_input(count))}")
