#!/usr/bin/env python3
"""Regenerates Tests/SoftFloatTests/Fixtures/ml_dtypes_float32_astype.csv and
Tests/SoftFloatTests/Fixtures/ml_dtypes_finfo.csv.

The fixture records what ml_dtypes (numpy for float16) gives for `float32_array.astype(format)`
on a seeded mix of inputs: specials, every kind of tie near each format's range, and random
bit patterns; the finfo fixture records `ml_dtypes.finfo` (numpy's for float16, float32 and
float64) of every built-in, each value as the float64 `repr` of the dtype's value. The Swift
test suite reads the committed files, so it needs neither Python nor ml_dtypes; this script is
only for refreshing them:  pip install numpy ml-dtypes
"""
import sys
import numpy as np
import ml_dtypes

FORMATS = ["float16", "bfloat16", "float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz",
           "float8_e5m2fnuz", "float8_e4m3b11fnuz", "float8_e3m4", "float8_e4m3",
           "float8_e8m0fnu", "float6_e2m3fn", "float6_e3m2fn", "float4_e2m1fn"]

def dtype(name):
    return np.float16 if name == "float16" else getattr(ml_dtypes, name)

def main(path):
    rng = np.random.default_rng(20261122)
    values = [0.0, -0.0, np.inf, -np.inf, 1.0, -1.0, 65504.0, 65519.0, 65520.0, 1e8, 464.0,
              448.0, 480.0, 240.0, 57344.0, 61440.0, 1.5, 3.0, 0.75, 6.0, 7.5, 28.0, 30.0, 15.5]
    inputs = list(np.array(values, dtype=np.float32).view(np.uint32))
    # Exact ties and near-ties at every format's spacing, across the range.
    for exponent in range(-140, 130, 3):
        for mantissa_bits in (0, 1, 2, 3, 4, 7, 10):
            base = rng.integers(1 << mantissa_bits, 1 << (mantissa_bits + 1))
            tie = (2 * int(base) + 1) * 2.0 ** (exponent - mantissa_bits - 1)
            for delta in (-1, 0, 1):
                value = np.float32(tie)
                bits = int(value.view(np.uint32)) + delta
                if np.isfinite(value):
                    inputs.append(np.uint32(bits & 0xFFFFFFFF))
    inputs += list(rng.integers(0, 2**32, size=2000, dtype=np.uint64).astype(np.uint32))
    normal = (rng.standard_normal(1000) * 10.0 ** rng.uniform(-8, 6, 1000)).astype(np.float32)
    inputs += list(normal.view(np.uint32))
    array = np.array(inputs, dtype=np.uint32)
    floats = array.view(np.float32)
    columns = []
    for name in FORMATS:
        with np.errstate(all="ignore"):
            converted = floats.astype(dtype(name))
        width = converted.dtype.itemsize
        raw = converted.view(np.uint16 if width == 2 else np.uint8)
        columns.append(raw)
    with open(path, "w") as out:
        out.write("float32," + ",".join(FORMATS) + "\n")
        for row, bits in enumerate(array):
            out.write(f"{int(bits):08x}," + ",".join(f"{int(c[row]):x}" for c in columns) + "\n")

FINFO_FIELDS = ["bits", "eps", "epsneg", "machep", "negep", "maxexp", "minexp", "nexp", "nmant", "iexp",
                "precision", "resolution", "max", "min", "tiny", "smallest_normal", "smallest_subnormal"]


def finfo(path):
    with open(path, "w") as out:
        out.write("name," + ",".join(FINFO_FIELDS) + "\n")
        for name in ["float64", "float32"] + FORMATS:
            info = ml_dtypes.finfo(getattr(np, name) if name in ("float64", "float32", "float16") else getattr(ml_dtypes, name))
            cells = []
            for field in FINFO_FIELDS:
                value = getattr(info, field)
                cells.append(str(int(value)) if isinstance(value, int) else repr(float(value)))
            out.write(name + "," + ",".join(cells) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/SoftFloatTests/Fixtures/ml_dtypes_float32_astype.csv")
    finfo(sys.argv[2] if len(sys.argv) > 2 else "Tests/SoftFloatTests/Fixtures/ml_dtypes_finfo.csv")
