#!/usr/bin/env python3
"""`precision-lab inspect`'s next_up, next_down, spacing, below and above (ValueNeighbors)
against numpy and ml_dtypes, and the fixture the Swift tests read.

The oracle, for each format (numpy for float16/float32/float64, ml_dtypes for the others):
- next up / next down of the stored value: np.nextafter(v, +inf / -inf); for formats without
  infinity (fn, fnuz, e8m0) the target is ±max, so at ±max ml_dtypes stays at ±max where the
  lab answers NaN (no larger value exists): those codes are skipped and counted;
- spacing(v): np.spacing. Two numpy conventions differ from the lab's (which is ml_dtypes'
  for every type it provides: the signed gap to the next value away from zero, the sign from
  v's sign bit): numpy's float16 spacing is always nextafter(v, +inf) - v (positive also for
  negative v), and numpy's float32/float64 spacing(-0.0) is +tiny. These are counted as
  "documented" and listed in the README, never as mismatches;
- below / above X: the largest value < X and the smallest > X, found by searching the sorted
  values of every finite code (16 bits or fewer) or with np.nextafter around numpy's correctly
  rounded cast (float32, float64). X is given to the lab as an exact hex float: every code's
  value, midpoints of neighbouring codes, seeded random values over the range, values beyond
  it, ±0 and ±inf.

Optional tooling (CI never runs it):
    pip install numpy ml-dtypes
    Scripts/oracles/neighbors_oracle.py [--binary .build/release/precision-lab] [--fixture PATH]
"""
import argparse
import json
import subprocess
import sys
import warnings

import ml_dtypes
import numpy as np

warnings.filterwarnings("ignore")

SMALL = ["float16", "bfloat16", "float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz",
         "float8_e4m3", "float8_e3m4", "float6_e2m3fn", "float6_e3m2fn", "float4_e2m1fn"]
WIDE = ["float32", "float64"]


def dtype(name):
    return {"float16": np.float16, "float32": np.float32, "float64": np.float64}.get(name) or getattr(ml_dtypes, name)


def code_type(name):
    bits = np.dtype(dtype(name)).itemsize * 8
    return {8: np.uint8, 16: np.uint16, 32: np.uint32, 64: np.uint64}[bits]


def width(name):
    return {"float6_e2m3fn": 6, "float6_e3m2fn": 6, "float4_e2m1fn": 4}.get(name, np.dtype(dtype(name)).itemsize * 8)


def has_infinity(name):
    return name in ("float16", "bfloat16", "float32", "float64", "float8_e5m2", "float8_e4m3", "float8_e3m4")


def decode(name, hex_code):
    """A lab hex code as a float64 value (the code's value in the format)."""
    return np.array([int(hex_code, 16)], dtype=code_type(name)).view(dtype(name)).astype(np.float64)[0]


def all_codes(name):
    count = 1 << width(name)
    return np.arange(count, dtype=np.uint64).astype(code_type(name))


def inspect(binary, name, values):
    """--json results for many values in one format, a chunk at a time."""
    results = []
    for start in range(0, len(values), 1500):
        chunk = values[start:start + 1500]
        completed = subprocess.run([binary, "inspect", "--format", name, "--json", "--", *chunk],
                                   capture_output=True, text=True)
        if completed.returncode != 0:
            raise RuntimeError(f"inspect {name}: {completed.stderr.strip()[:300]}")
        document = json.loads(completed.stdout)
        if isinstance(document, dict):
            document = [document]
        results += [entry["results"][0] for entry in document]
    return results


def same(a, b):
    return (np.isnan(a) and np.isnan(b)) or (a == b and np.signbit(a) == np.signbit(b))


def inputs_for(name, rng):
    t = dtype(name)
    info = ml_dtypes.finfo(t) if name not in WIDE else np.finfo(t)
    big = float(info.max)
    values = [0.0, -0.0, np.inf, -np.inf, big, -big, big * 1.5, -big * 3, float(info.smallest_subnormal)]
    if width(name) <= 16:
        finite = all_codes(name).view(t).astype(np.float64)
        finite = np.unique(finite[np.isfinite(finite)])
        values += list(finite)
        values += list((finite[1:] + finite[:-1]) / 2)  # midpoints: exact in float64
        picks = rng.choice(len(finite), size=min(200, len(finite)), replace=False)
        values += list(finite[picks] * (1 + rng.uniform(-1e-3, 1e-3, len(picks))))
    else:
        values += list(rng.standard_normal(3000) * 10.0 ** rng.uniform(-40, 38, 3000))
        codes = rng.integers(0, 2 ** (np.dtype(t).itemsize * 8) - 1, size=2000, dtype=np.uint64).astype(code_type(name))
        floats = codes.view(t).astype(np.float64)
        values += list(floats[np.isfinite(floats)])
    return [float(v) for v in values]


def expected_neighbors(name, x, sorted_values):
    """The largest value < x and the smallest > x, or None."""
    if np.isnan(x):
        return None, None
    t = dtype(name)
    if sorted_values is not None:
        i = np.searchsorted(sorted_values, x, side="left")
        j = np.searchsorted(sorted_values, x, side="right")
        below = sorted_values[i - 1] if i > 0 else (-np.inf if has_infinity(name) and x > -np.inf else None)
        above = sorted_values[j] if j < len(sorted_values) else (np.inf if has_infinity(name) and x < np.inf else None)
        # np.unique keeps one zero: the largest value below a positive X is +0, the smallest
        # above a negative X is -0 where the format has one (not fnuz).
        if below is not None and below == 0:
            below = 0.0
        if above is not None and above == 0:
            above = 0.0 if "fnuz" in name else -0.0
        return below, above
    # float32 / float64: numpy's casts are correctly rounded.
    r = t(x)
    if float(r) == x:
        below, above = np.nextafter(r, t(-np.inf)), np.nextafter(r, t(np.inf))
    elif float(r) < x:
        below, above = r, np.nextafter(r, t(np.inf))
    else:
        below, above = np.nextafter(r, t(-np.inf)), r
    below, above = float(below), float(above)
    if x == -np.inf:
        below = None
    if x == np.inf:
        above = None
    if below is not None and below == x:
        below = None
    return below, above


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/precision-lab")
    parser.add_argument("--fixture", help="write the Swift tests' fixture (CSV) here")
    args = parser.parse_args()
    rng = np.random.default_rng(20261203)
    totals = {"cases": 0, "mismatches": 0, "documented": 0, "skipped at max": 0}
    fixture = ["format,input,next_up,next_down,spacing,below,above"]
    for name in SMALL + WIDE:
        t = dtype(name)
        values = inputs_for(name, rng)
        texts = [v.hex() if np.isfinite(v) else ("inf" if v > 0 else "-inf") for v in values]
        texts = ["-0x0.0p+0" if (v == 0 and np.signbit(v)) else s for v, s in zip(values, texts)]
        results = inspect(args.binary, name, texts)
        sorted_values = None
        if width(name) <= 16:
            finite = all_codes(name).view(t).astype(np.float64)
            sorted_values = np.unique(finite[np.isfinite(finite)])
        info = ml_dtypes.finfo(t) if name not in WIDE else np.finfo(t)
        big = t(info.max)
        up_target = t(np.inf) if has_infinity(name) else big
        down_target = t(-np.inf) if has_infinity(name) else -big
        mismatches = []
        for x, text, result in zip(values, texts, results):
            stored = t(decode(name, result["bits"]))
            want = {}
            skip = set()
            if not has_infinity(name) and abs(float(stored)) == float(big):
                skip |= {"next_up", "spacing"} if float(stored) > 0 else {"next_down", "spacing"}
                totals["skipped at max"] += 1
            want["next_up"] = float(np.nextafter(stored, up_target))
            want["next_down"] = float(np.nextafter(stored, down_target))
            spacing = float(np.spacing(stored))
            documented = False
            if name == "float16" and np.signbit(stored) and not np.isnan(stored) and not np.isinf(stored):
                spacing = float(np.nextafter(stored, t(-np.inf)) - stored)  # the lab's sign rule
                documented = float(np.spacing(stored)) != spacing
            if name in WIDE and float(stored) == 0 and np.signbit(stored):
                spacing = -spacing
                documented = True
            want["spacing"] = spacing
            totals["documented"] += documented
            below, above = expected_neighbors(name, x, sorted_values)
            got = {
                "next_up": decode(name, result["next_up"]),
                "next_down": decode(name, result["next_down"]),
                "spacing": float(result["spacing"]),
                "below": None if result["below"] is None else decode(name, result["below"]),
                "above": None if result["above"] is None else decode(name, result["above"]),
            }
            want["below"], want["above"] = below, above
            for key in want:
                if key in skip:
                    continue
                totals["cases"] += 1
                w, g = want[key], got[key]
                ok = (w is None and g is None) or (w is not None and g is not None and same(float(w), float(g)))
                if not ok:
                    totals["mismatches"] += 1
                    mismatches.append(f"{name} x={text} {key}: lab {g} oracle {w}")
            if rng.random() < (40 / len(values)) and not skip and not documented:
                # The oracle's answers (never the lab's), as exact hex floats.
                def cell(value):
                    if value is None:
                        return "none"
                    value = float(value)
                    if np.isnan(value):
                        return "nan"
                    if np.isinf(value):
                        return "inf" if value > 0 else "-inf"
                    return "-0x0.0p+0" if value == 0 and np.signbit(value) else value.hex()
                fixture.append(",".join([name, text] + [cell(want[key]) for key in
                                                        ("next_up", "next_down", "spacing", "below", "above")]))
        print(f"{name}: {len(values)} inputs, {len(mismatches)} mismatches", flush=True)
        for line in mismatches[:10]:
            print("  " + line)
    print(f"total: {totals['cases']} comparisons, {totals['mismatches']} mismatches, "
          f"{totals['documented']} documented numpy sign conventions, {totals['skipped at max']} values at ±max of formats without infinity skipped")
    if args.fixture:
        with open(args.fixture, "w") as handle:
            handle.write("\n".join(fixture) + "\n")
        print(f"wrote {len(fixture) - 1} fixture rows to {args.fixture}")
    return 1 if totals["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
