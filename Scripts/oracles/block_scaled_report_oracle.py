#!/usr/bin/env python3
"""Cross-check Reports/block-scaled-formats-disagreement.csv with torchao and the other oracles'
references: rebuild the experiment's input matrices bit for bit in Python (SplitMix64, the
polar method with the lab's + − × ÷ logarithm, exp via the lab's exp2), quantize them with
torchao 0.18's `to_mx` (floor, ceil, even), the documented cuBLAS rceil rule, torchao's
`nvfp4_quantize`, the numpy Transformer Engine NVFP4 reference and the numpy DeepSeek/DeepGEMM
references (imported from the sibling oracles), and count, for every pair of recipes in the
report, how many element codes differ. Every count must equal the report's `codes_differ`.

    pip install torchao==0.18.0 torch numpy ml_dtypes      # CPU is enough
    python3 Scripts/oracles/block_scaled_report_oracle.py [--report Reports/block-scaled-formats-disagreement.csv]
        [--rows 256] [--columns 512] [--seed 1] [--row-sigma 3]

Prints one line per (distribution, pair) and the totals; exits 1 on any difference. The Swift
tests do not need it.
"""
import argparse, csv, math, os, sys, warnings

warnings.filterwarnings("ignore")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np

import mx_scale_oracle as mx
import nvfp4_oracle as nv
import fp8_block_oracle as fp8
from oracle_common import MASK, SplitMix64


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode():
        h ^= byte
        h = (h * 0x100000001B3) & MASK
    return h


def log2(x):
    """PortableMath's DeterministicMath.log2, operation for operation."""
    m, e = math.frexp(x)
    mantissa, exponent = m * 2, float(e - 1)
    if mantissa > 1.4142135623730951:
        mantissa /= 2
        exponent += 1
    if mantissa == 1:
        return exponent
    t = (mantissa - 1) / (mantissa + 1)
    t2 = t * t
    series = 1.0 / 27.0
    d = 25.0
    while d >= 1.0:
        series = series * t2 + 1.0 / d
        d -= 2.0
    return exponent + (2 * t * series) * 1.4426950408889634


def exp2(x):
    k = round(x)
    y = (x - k) * 0.6931471805599453
    series, n = 1.0, 20.0
    while n >= 1.0:
        series = 1 + series * y / n
        n -= 1.0
    half = int(k / 2)
    return series * math.ldexp(1.0, half) * math.ldexp(1.0, int(k) - half)


class Variates:
    def __init__(self, seed):
        self.g, self.spare = SplitMix64(seed), None

    def uniform(self):
        return (self.g.next() >> 11) * 2.0 ** -53

    def normal(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                factor = math.sqrt(-2 * (log2(s) * 0.6931471805599453) / s)
                self.spare = v * factor
                return u * factor

    def laplace(self):
        while True:
            k = self.g.next() >> 11
            if k:
                u = k * 2.0 ** -53
                break
        b = 0.7071067811865476
        return b * (log2(2 * u) * 0.6931471805599453) if u < 0.5 else -b * (log2(2 * (1 - u)) * 0.6931471805599453)

    def student_t3(self):
        # InputDistribution.studentT3: z / √(a² + b² + c²), four normals in this order.
        z = self.normal()
        a, b, c = self.normal(), self.normal(), self.normal()
        return z / math.sqrt(a * a + b * b + c * c)


def sample(name, rows, columns, seed, row_sigma):
    r = Variates(seed)
    draw = {"laplace": r.laplace, "student-t3": r.student_t3}.get(name, r.normal)
    values = [draw() for _ in range(rows * columns)]
    if name == "lognormal-rows":
        m = Variates(seed ^ fnv1a64("rows"))
        for row in range(rows):
            factor = exp2(row_sigma * m.normal() * 1.4426950408889634)
            for c in range(columns):
                values[row * columns + c] *= factor
    return np.array(values, dtype=np.float64).astype(np.float32).reshape(rows, columns)


def codes(recipe, x):
    words = dict(w.split("=", 1) for w in recipe.split()[1:])
    scheme = recipe.split()[0]
    if scheme.startswith("mx"):
        dtype, largest = mx.ELEMENTS[scheme]
        rule = words.get("rounding", "floor")
        if rule == "rceil":
            return mx.cublas_rceil(x, dtype, largest)[1].astype(np.int64)
        return mx.torchao_mx(x, dtype, rule)[1].astype(np.int64)
    if scheme == "nvfp4":
        if words.get("convention", "torchao") == "torchao":
            return nv.torchao_reference(x, words.get("tensor-scale", "on") == "on")[1]
        tile = 16 if words.get("granularity") == "block:16x16" else 1
        return nv.te_reference(x, tile)[1]
    if scheme == "fp8-e4m3":
        block_rows = 128 if words["granularity"] == "block:128x128" else 1
        return fp8.reference(x, block_rows, words["convention"], words.get("scale") == "ue8m0")[1]
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", default="Reports/block-scaled-formats-disagreement.csv")
    parser.add_argument("--rows", type=int, default=256)
    parser.add_argument("--columns", type=int, default=512)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--row-sigma", type=float, default=3.0)
    args = parser.parse_args()
    rows = list(csv.DictReader(open(args.report)))
    matrices, cache = {}, {}
    checked = mismatches = skipped = elements = 0
    for row in rows:
        d = row["distribution"]
        if int(row["seed"]) != args.seed:
            continue
        if d not in matrices:
            matrices[d] = sample(d, args.rows, args.columns, args.seed, args.row_sigma)
        x = matrices[d]
        pair = []
        for recipe in (row["recipe_a"], row["recipe_b"]):
            key = (d, recipe)
            if key not in cache:
                cache[key] = codes(recipe, x)
            pair.append(cache[key])
        if pair[0] is None or pair[1] is None:
            skipped += 1
            continue
        count = int((pair[0].reshape(-1) != pair[1].reshape(-1)).sum())
        ok = count == int(row["codes_differ"])
        checked += 1
        elements += x.size
        mismatches += not ok
        print(f"{'ok ' if ok else 'BAD'} {d:15} {row['recipe_a']} | {row['recipe_b']}: {count} (report {row['codes_differ']})")
    print(f"{checked} pairs checked over {elements} element pairs, {mismatches} mismatches, {skipped} skipped")
    sys.exit(1 if mismatches or not checked else 0)


if __name__ == "__main__":
    main()
