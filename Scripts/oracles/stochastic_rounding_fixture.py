#!/usr/bin/env python3
"""Write Tests/SoftFloatTests/Fixtures/gfloat_stochastic.csv: float32 values rounded by gfloat's
`round_float` under its four stochastic modes (Stochastic, StochasticOdd, StochasticFast,
StochasticFastest) with fixed `srbits` and `srnumbits`, saturating, into E2M1, E2M3, E3M2,
E4M3, E5M2, float16 and bfloat16. StochasticRuleFixtureTests converts the same values with
`FloatFormat.convertStochastically` and requires the same value, bit for bit.

    pip install gfloat==0.5.2 numpy
    python3 Scripts/oracles/stochastic_rounding_fixture.py [--cases 3000] [--seed 7]

Values: float32 draws spread over each target's range (normal and subnormal results, near the
largest finite value and a little beyond), plus exact values and values exactly halfway.
"""
import argparse, csv, math, os

import numpy as np
from gfloat import RoundMode, round_float
from gfloat.formats import (format_info_bfloat16, format_info_binary16, format_info_ocp_e2m1, format_info_ocp_e2m3,
                            format_info_ocp_e3m2, format_info_ocp_e4m3, format_info_ocp_e5m2)

FORMATS = {"float4_e2m1fn": format_info_ocp_e2m1, "float6_e2m3fn": format_info_ocp_e2m3, "float6_e3m2fn": format_info_ocp_e3m2,
           "float8_e4m3fn": format_info_ocp_e4m3, "float8_e5m2": format_info_ocp_e5m2, "float16": format_info_binary16,
           "bfloat16": format_info_bfloat16}
MODES = {"gfloat": RoundMode.Stochastic, "gfloat-odd": RoundMode.StochasticOdd, "gfloat-fast": RoundMode.StochasticFast,
         "gfloat-fastest": RoundMode.StochasticFastest}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", default=os.path.join(os.path.dirname(__file__), "../../Tests/SoftFloatTests/Fixtures/gfloat_stochastic.csv"))
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    rows = []
    names = list(FORMATS)
    for i in range(args.cases):
        name = names[i % len(names)]
        fi = FORMATS[name]
        mode = list(MODES)[(i // len(names)) % len(MODES)]
        n = int(rng.choice([1, 2, 3, 5, 8, 13]))
        r = int(rng.integers(0, 2 ** n))
        smallest, largest = math.log2(fi.smallest_subnormal), math.log2(fi.max)
        kind = rng.integers(0, 10)
        if kind == 0:
            x = float(fi.max) * float(rng.uniform(1.0, 1.2))     # just beyond the largest finite value
        else:
            x = 2.0 ** float(rng.uniform(smallest - 1, largest))
        with np.errstate(over="ignore"):
            x = float(np.float32(x))
        if not math.isfinite(x):
            x = float(np.finfo(np.float32).max)               # bfloat16's max · 1.2 is beyond float32
        if rng.integers(0, 2):
            x = -x
        expected = round_float(fi, x, MODES[mode], True, r, n)
        bits = int(np.array([x], dtype=np.float32).view(np.uint32)[0])
        rows.append((f"{bits:08x}", name, mode, n, r, repr(float(expected))))
    with open(args.output, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x_bits", "format", "rule", "srnumbits", "srbits", "expected"])
        w.writerows(rows)
    print(f"{len(rows)} cases written to {args.output}")


if __name__ == "__main__":
    main()
