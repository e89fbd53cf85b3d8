#!/usr/bin/env python3
"""Oracle for the lab's printed decimals (`convert --output value`, quantize/matmul text and JSON).

Rule under test (FloatFormat.printedDecimal): a format of fewer than 32 bits prints its code's
exact value when that has at most 17 significant digits, laid out as Python's repr lays out
digits (positional for 1e-4 <= |x| < 1e16, always a fraction digit), and otherwise Python's
repr of the value as a float64 (the shortest decimal that reads back as the same float64).

The expected text is made here independently: the code's value through numpy (float16) or
struct (bfloat16, tf32: the code shifted into a float32), its exact digits with Python's
Decimal, and the float64 repr. Every code of each format is fed to
`precision-lab convert --from F --to F --output value` and compared line by line.

    Scripts/oracles/printed_decimal_oracle.py [--binary .build/release/precision-lab] [tf32 bfloat16 float16]
"""
import argparse, math, struct, subprocess, sys
from decimal import Decimal, getcontext

import numpy as np

getcontext().prec = 200

FORMATS = {
    # name: (code bits, function code -> python float (exact float64 value))
    "tf32": (19, lambda c: struct.unpack("<f", struct.pack("<I", c << 13))[0]),
    "bfloat16": (16, lambda c: struct.unpack("<f", struct.pack("<I", c << 16))[0]),
    "float16": (16, lambda c: float(np.array([c], dtype=np.uint16).view(np.float16)[0])),
}


def layout(value: Decimal) -> str:
    sign, digits, exponent = value.as_tuple()
    digits = list(digits)
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
        exponent += 1
    text = "".join(map(str, digits))
    count = len(text)
    scientific = exponent + count - 1
    if scientific < -4 or scientific >= 16:
        body = text[0] + ("." + text[1:] if count > 1 else "") + "e" + ("-" if scientific < 0 else "+") + "%02d" % abs(scientific)
    elif exponent >= 0:
        body = text + "0" * exponent + ".0"
    elif count > -exponent:
        body = text[: count + exponent] + "." + text[count + exponent :]
    else:
        body = "0." + "0" * (-exponent - count) + text
    return ("-" if sign else "") + body


def expected(value: float) -> str:
    exact = Decimal(value)
    if len(exact.normalize().as_tuple().digits) <= 17:
        return layout(exact)
    return repr(value)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/precision-lab")
    parser.add_argument("formats", nargs="*", default=list(FORMATS))
    arguments = parser.parse_args()
    failed = False
    for name in arguments.formats:
        bits, value_of = FORMATS[name]
        codes = range(1 << bits)
        stdin = "".join(hex(code) + "\n" for code in codes)
        printed = subprocess.run([arguments.binary, "convert", "--from", name, "--to", name, "--output", "value"],
                                 input=stdin, capture_output=True, text=True, check=True).stdout.split("\n")
        checked = mismatches = 0
        for code in codes:
            value = value_of(code)
            if math.isnan(value) or math.isinf(value) or value == 0:
                continue
            checked += 1
            want = expected(value)
            if printed[code] != want:
                mismatches += 1
                if mismatches <= 5:
                    print(f"{name} {code:#x}: printed {printed[code]}, expected {want}")
        print(f"{name}: {checked} finite non-zero codes, {mismatches} mismatches")
        failed |= mismatches > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
