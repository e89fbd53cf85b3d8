#!/usr/bin/env python3
"""Compare `precision-lab quantize --scheme fp8-e4m3|fp8-e5m2 --granularity tensor --convention
transformer-engine [--power-of-two-scale]` with a numpy re-implementation of Transformer Engine's
FP8 current-scaling reference, multiplier for multiplier and code for code.

    pip install torch numpy ml_dtypes      # CPU is enough
    python3 Scripts/oracles/fp8_current_scaling_oracle.py [--binary .build/debug/precision-lab]
        [--tensors 4] [--rows 64] [--columns 96] [--seed 1]

The reference, written from reading transformer_engine/pytorch/custom_recipes/
reference_current_scaling.py (`_scale_from_amax_tensor` with eps = 0, then `_quantize`):
amax = max|x| (float32); m = fl32(fp8_max / amax), +inf replaced by FLT_MAX; with
pow_2_scales m = 2^(frexp exponent − 1) (m rounded down to a power of two); amax = 0 → m = 1;
scale_inv = fl32(1/m); q = (fl32(x · m)).to(fp8). The fp8 cast is ml_dtypes', checked against
torch's `.to(torch.float8_e4m3fn / float8_e5m2)`. The lab's JSON "multiplier" is m and "scale"
is [scale_inv].

Tensors (float32): N(0,1); "wide" rows (magnitudes over 2^±40); "tiny" (amax around
2^-130…2^-149, where 448/amax overflows to +inf and m = FLT_MAX); "huge" (amax near FLT_MAX);
an all-zero matrix.
"""
import argparse, os, tempfile, warnings

warnings.filterwarnings("ignore")
import ml_dtypes
import numpy as np
import torch

from oracle_common import finish, fp8_codes, lab_quantize

F32 = np.float32
FORMATS = {"fp8-e4m3": (ml_dtypes.float8_e4m3fn, torch.float8_e4m3fn, 448.0),
           "fp8-e5m2": (ml_dtypes.float8_e5m2, torch.float8_e5m2, 57344.0)}


def reference(x, scheme, power_of_two):
    numpy_type, torch_type, largest = FORMATS[scheme]
    amax = F32(np.max(np.abs(x)))
    with np.errstate(divide="ignore", over="ignore"):
        m = F32(F32(largest) / amax)
    if np.isinf(m):
        m = np.finfo(F32).max
    if power_of_two:
        _, exponent = np.frexp(m)
        m = F32(np.ldexp(F32(1.0), int(exponent) - 1))
    if amax == 0:
        m = F32(1.0)
    scale_inv = F32(F32(1.0) / m)
    y = (x * m).astype(F32)
    return m, scale_inv, fp8_codes(y, numpy_type, torch_type)


def lab(binary, path, scheme, power_of_two):
    arguments = ["--scheme", scheme, "--convention", "transformer-engine"]
    if power_of_two:
        arguments.append("--power-of-two-scale")
    doc = lab_quantize(binary, path, arguments)
    rows, columns = doc["shape"]
    q = np.array(doc["q"], dtype=np.float64).reshape(rows, columns)
    codes = q.astype(FORMATS[scheme][0]).view(np.uint8).astype(np.int64)
    return F32(doc["multiplier"]), F32(doc["scale"][0]), codes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/precision-lab")
    parser.add_argument("--tensors", type=int, default=4)
    parser.add_argument("--rows", type=int, default=64)
    parser.add_argument("--columns", type=int, default=96)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    shape = (args.rows, args.columns)
    tensors = [("zeros", np.zeros((3, 5), dtype=F32))]
    for i in range(args.tensors):
        tensors.append(("gaussian", rng.standard_normal(shape).astype(F32)))
        wide = rng.standard_normal(shape) * np.exp2(rng.uniform(-12, 0, shape)) * np.exp2(rng.uniform(-40, 40, (args.rows, 1)))
        tensors.append(("wide", wide.astype(F32)))
        tensors.append(("tiny", (rng.standard_normal(shape) * 2.0 ** -rng.uniform(130, 149)).astype(F32)))
        tensors.append(("huge", (rng.uniform(-1, 1, shape) * 3.0e38).astype(F32)))
    counts = {"tensors": 0, "configurations": 4, "elements": 0, "multipliers capped at FLT_MAX": 0}
    failures = []
    with tempfile.TemporaryDirectory() as directory:
        for kind, x in tensors:
            path = os.path.join(directory, "x.npy")
            np.save(path, x)
            counts["tensors"] += 1
            for scheme in FORMATS:
                for power_of_two in (False, True):
                    m, scale_inv, codes = reference(x, scheme, power_of_two)
                    if m == np.finfo(F32).max:
                        counts["multipliers capped at FLT_MAX"] += 1
                    lab_m, lab_scale, lab_codes = lab(args.binary, path, scheme, power_of_two)
                    counts["elements"] += codes.size
                    label = f"{kind} {scheme} power_of_two={power_of_two}"
                    if lab_m.view(np.uint32) != m.view(np.uint32) or lab_scale.view(np.uint32) != scale_inv.view(np.uint32):
                        failures.append(f"{label}: multiplier lab {lab_m!r} reference {m!r}, scale lab {lab_scale!r} reference {scale_inv!r}")
                    if not np.array_equal(lab_codes, codes):
                        bad = np.argwhere(lab_codes != codes)
                        r, c = bad[0]
                        failures.append(f"{label}: {len(bad)} codes differ, first [{r}, {c}] x = {x[r, c]!r}: lab {lab_codes[r, c]:#04x} reference {codes[r, c]:#04x}")
    finish(counts, failures)


if __name__ == "__main__":
    main()
