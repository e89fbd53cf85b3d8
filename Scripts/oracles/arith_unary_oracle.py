#!/usr/bin/env python3
"""`precision-lab arith neg|abs|round-to-integral|compare|convert-to-int` against numpy and
ml_dtypes, exhaustively over every code of float16, bfloat16 and float8_e4m3fn.

numpy's answers are the oracle:
- neg / abs: np.negative / np.abs on the code's value (NaN codes are skipped: the lab returns a
  NaN unchanged, numpy flips or clears its sign bit);
- round-to-integral in nearest-even / down / up / toward-zero: np.rint / np.floor / np.ceil /
  np.trunc, compared as values of the format (±0 distinguished);
- convert-to-int --to int8 / int64: the same rounding, then clipped to the type (NaN → 0, the
  lab's rule, as torch's CPU cast);
- compare: <, ==, > on 200,000 seeded random code pairs (unordered when either is NaN).

Optional tooling, not a project dependency (CI never runs it):
    pip install numpy ml-dtypes
    Scripts/oracles/arith_unary_oracle.py [--binary .build/release/precision-lab]
"""
import argparse
import subprocess
import sys

import ml_dtypes
import numpy as np

FORMATS = {"float16": (np.float16, np.uint16, 4), "bfloat16": (ml_dtypes.bfloat16, np.uint16, 4),
           "float8_e4m3fn": (ml_dtypes.float8_e4m3fn, np.uint8, 2)}
MODES = {"nearest-even": np.rint, "down": np.floor, "up": np.ceil, "toward-zero": np.trunc}


def arith(binary, operation, fmt, lines, *extra):
    completed = subprocess.run([binary, "arith", operation, "--format", fmt, *extra],
                               input="\n".join(lines) + "\n", capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"arith {operation} {fmt}: {completed.stderr.strip()}")
    return completed.stdout.split("\n")[:-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/precision-lab")
    args = parser.parse_args()
    total = bad = 0
    for fmt, (dtype, utype, digits) in FORMATS.items():
        codes = np.arange(1 << (8 * np.dtype(utype).itemsize), dtype=np.uint64).astype(utype)
        values = codes.view(dtype).astype(np.float64)
        lines = [f"0x{int(c):0{digits}x}" for c in codes]
        finite = ~np.isnan(values)

        def as_codes(results):
            return np.array([int(r, 16) for r in results], dtype=np.uint64).astype(utype)

        def check(name, got_codes, want_values, mask):
            nonlocal total, bad
            got = got_codes.view(dtype).astype(np.float64)
            same = (got == want_values) & (np.signbit(got) == np.signbit(want_values))
            same |= np.isnan(got) & np.isnan(want_values)
            count = int(mask.sum())
            wrong = int((~same & mask).sum())
            total += count
            bad += wrong
            print(f"{fmt:14} {name:32} {count:6} codes, {wrong} differ")

        check("neg", as_codes(arith(args.binary, "neg", fmt, lines)), -values, finite)
        check("abs", as_codes(arith(args.binary, "abs", fmt, lines)), np.abs(values), finite)
        for mode, function in MODES.items():
            want = function(values).astype(dtype).astype(np.float64)  # integral values fit the format or overflow alike
            check(f"round-to-integral {mode}", as_codes(arith(args.binary, "round-to-integral", fmt, lines, "--rounding", mode)), want, finite)
            for integer, (low, high) in {"int8": (-128, 127), "int64": (-2**63, 2**63 - 1)}.items():
                got = arith(args.binary, "convert-to-int", fmt, lines, "--rounding", mode, "--to", integer)
                rounded = function(values)
                expected = [0 if np.isnan(r) else (low if r <= low else high if r >= high else int(r)) for r in rounded]
                wrong = sum(int(g) != e for g, e in zip(got, expected))
                total += len(got)
                bad += wrong
                print(f"{fmt:14} {'convert-to-int ' + integer + ' ' + mode:32} {len(got):6} codes, {wrong} differ")
        rng = np.random.default_rng(11)
        a = rng.integers(0, len(codes), 200_000)
        b = rng.integers(0, len(codes), 200_000)
        b[:1000] = a[:1000]  # equal pairs
        got = arith(args.binary, "compare", fmt, [f"{lines[i]} {lines[j]}" for i, j in zip(a, b)])
        x, y = values[a], values[b]
        want = np.where(np.isnan(x) | np.isnan(y), "unordered", np.where(x < y, "less", np.where(x > y, "greater", "equal")))
        wrong = int(sum(g != w for g, w in zip(got, want)))
        total += len(got)
        bad += wrong
        print(f"{fmt:14} {'compare':32} {len(got):6} pairs, {wrong} differ")
    print(f"total {total} cases, {bad} differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    with np.errstate(invalid="ignore"):
        main()
