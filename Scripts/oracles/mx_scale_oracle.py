#!/usr/bin/env python3
"""Compare `precision-lab quantize --scheme mx… --scale-rounding R` with torchao 0.18's `to_mx`
(floor, ceil, even) and with cuBLAS's documented rceil rule, byte for byte and element for
element.

    pip install torchao==0.18.0 torch numpy      # CPU is enough
    python3 Scripts/oracles/mx_scale_oracle.py [--binary $(Scripts/build-release)]
        [--tensors 6] [--rows 64] [--columns 256] [--seed 1]
        [--fixture Tests/QuantizationTests/Fixtures/mx-scale-rounding.json]

Tensors (float32, row length a multiple of 32 as torchao requires): N(0,1); "wide" rows whose
magnitudes vary over 2^±40 (row scale 2^U(−40,40), element magnitudes 2^U(−12,0) times a
normal); and "edges": blocks whose maximum sits on each rule's decision points (powers of
two, significands 1.75, 1.875, 1.9375 and their float32 neighbours, amax/max = 2^k·(1+2^-23)).

- floor, ceil, even: the reference is `to_mx(x, elem_dtype, 32, ScaleCalculationMode.<R>)`.
  Blocks whose scale code is 0 are compared by byte only: there torchao divides by 2^-126,
  the lab (OCP) by 2^-127 (counted as "code-0 blocks, elements skipped").
- rceil: the reference is the rule cuBLAS documents, written out here in numpy:
  d = fl32(amax · fl32(1/max)), code = biased exponent of d + 1 if its fraction ≠ 0 (≤ 254),
  elements = saturating nearest-even cast of x · 2^-(code − 127) done by torch/torchao's own
  casts. torchao's RCEIL (float32 log2, division by max) is run too and its disagreements with
  the documented rule are counted and listed, not failed.

Prints the counts; exits 1 on any difference from the reference. With --fixture it writes the
small fixture MXScaleRoundingFixtureTests reads (48 edge blocks and a 4 × 64 wide tensor;
codes as hex strings).
"""
import argparse, json, os, sys, tempfile, warnings

warnings.filterwarnings("ignore")
import numpy as np
import torch
from torchao.prototype.mx_formats.mx_tensor import to_mx, ScaleCalculationMode
from torchao.prototype.mx_formats.constants import DTYPE_FP6_E2M3, DTYPE_FP6_E3M2
from torchao.prototype.mx_formats.kernels import (
    f32_to_f4_unpacked, f32_to_f6_e2m3_unpacked, f32_to_f6_e3m2_unpacked, unpack_uint4)

from oracle_common import gaussian, hex_words, lab_quantize, nearest_power_of_two_exponent, wide

# scheme → (torch dtype, largest finite value, emax)
ELEMENTS = {
    "mxfp8-e4m3": (torch.float8_e4m3fn, 448.0),
    "mxfp8-e5m2": (torch.float8_e5m2, 57344.0),
    "mxfp6-e2m3": (DTYPE_FP6_E2M3, 7.5),
    "mxfp6-e3m2": (DTYPE_FP6_E3M2, 28.0),
    "mxfp4": (torch.float4_e2m1fn_x2, 6.0),
}
MODES = {"floor": ScaleCalculationMode.FLOOR, "ceil": ScaleCalculationMode.CEIL,
         "even": ScaleCalculationMode.EVEN, "rceil": ScaleCalculationMode.RCEIL}


def element_codes(values, dtype):
    """Nearest-even element codes (uint8) of float32 values already within ±max."""
    t = torch.as_tensor(np.asarray(values, dtype=np.float32))
    if dtype in (torch.float8_e4m3fn, torch.float8_e5m2):
        return t.to(dtype).view(torch.uint8).numpy()
    if dtype == DTYPE_FP6_E2M3:
        return f32_to_f6_e2m3_unpacked(t).numpy()
    if dtype == DTYPE_FP6_E3M2:
        return f32_to_f6_e3m2_unpacked(t).numpy()
    return f32_to_f4_unpacked(t).numpy()


def torchao_mx(x, dtype, mode):
    scale, data = to_mx(torch.from_numpy(x), dtype, 32, MODES[mode])
    codes = scale.view(torch.uint8).numpy().reshape(x.shape[0], -1)
    if dtype == torch.float4_e2m1fn_x2:
        elements = unpack_uint4(data.view(torch.uint8)).numpy()
    elif dtype in (torch.float8_e4m3fn, torch.float8_e5m2):
        elements = data.view(torch.uint8).numpy()
    else:
        elements = data.numpy()
    return codes, elements.reshape(x.shape).astype(np.uint8)


def cublas_rceil(x, dtype, largest):
    """The documented rule, independent of the lab: codes and element codes."""
    blocks = x.reshape(x.shape[0], -1, 32)
    amax = np.abs(blocks).max(axis=2).astype(np.float32)
    d = (amax * (np.float32(1) / np.float32(largest))).astype(np.float32)
    b = d.view(np.uint32)
    codes = np.minimum(((b >> 23) & 0xFF) + ((b & 0x7FFFFF) != 0), 254).astype(np.int64)
    # 2^-(code − 127) as float32: code 0 → 2^127, code ≥ 1 → normal powers.
    factor = np.ldexp(np.float32(1), (127 - codes)).astype(np.float32)
    y = (blocks * factor[:, :, None]).astype(np.float32)
    y = np.clip(y, -largest, largest).reshape(x.shape)
    return codes.astype(np.uint8), element_codes(y, dtype).reshape(x.shape)


def lab(binary, path, scheme, rule):
    doc = lab_quantize(binary, path, ["--scheme", scheme, "--scale-rounding", rule])
    rows, columns = doc["shape"]
    codes = np.array([e8m0_code(s) for s in doc["scale"]], dtype=np.int64).reshape(rows, -1)
    q = np.array(doc["q"], dtype=np.float64).astype(np.float32)
    return codes, element_codes(q, ELEMENTS[scheme][0]).reshape(rows, columns)


def e8m0_code(value):
    """The E8M0 code a JSON scale reads back to: the nearest power of two (the lab prints the
    shortest decimal that rounds to the code, e.g. 4e8 for 2^28); NaN → 0xff."""
    if value is None or isinstance(value, str):   # NaN scale (the lab writes non-finite values as strings)
        return 0xFF
    return nearest_power_of_two_exponent(value) + 127


def edges(rng):
    """One block per decision point: amax = that value, the rest N(0, amax/4)."""
    points = []
    for k in [-130, -127, -126, -120, -20, -7, -1, 0, 1, 2, 7, 8, 15, 100, 126]:
        for significand in [1.0, 1.5, 1.625, 1.75, 1.8125, 1.875, 1.9375, 1.96875]:
            v = np.float32(np.ldexp(significand, k))
            points += [v, np.nextafter(v, np.float32(0)), np.nextafter(v, np.float32(np.inf))]
    for largest in [448.0, 57344.0, 7.5, 28.0, 6.0]:   # amax/max = 2^k (1 + 2^-23) region
        r = np.float32(1) / np.float32(largest)
        for k in [-20, -7, -1, 0, 3, 5]:
            base = int(np.float32(largest * 2.0 ** k).view(np.uint32))
            points += [np.uint32(b).view(np.float32) for b in range(base - 3, base + 4)]
    points = [p for p in points if np.isfinite(p) and p > 0]
    x = np.zeros((len(points), 32), dtype=np.float32)
    for i, p in enumerate(points):
        x[i] = (rng.standard_normal(32) * p / 4).astype(np.float32)
        x[i] = np.clip(x[i], -p, p)
        x[i, rng.integers(0, 32)] = p if rng.integers(0, 2) else -p
    x[0] = 0  # an all-zero block
    return x


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/precision-lab")
    parser.add_argument("--tensors", type=int, default=6)
    parser.add_argument("--rows", type=int, default=64)
    parser.add_argument("--columns", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fixture")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    all_edges = edges(rng)
    # The fixture's two small tensors (checked like the rest): 48 edge blocks with the zero
    # block first, and a 4 × 64 wide tensor.
    picked = np.concatenate([[0], rng.choice(np.arange(1, all_edges.shape[0]), 47, replace=False)])
    tensors = [("fixture-edges", all_edges[picked]), ("fixture-wide", wide(rng, 4, 64)), ("edges", all_edges)]
    for i in range(args.tensors):
        tensors.append(("gaussian", gaussian(rng, args.rows, args.columns)))
        tensors.append(("wide", wide(rng, args.rows, args.columns)))
    counts = {"tensors": len(tensors), "blocks": 0, "bytes": 0, "elements": 0,
              "code0_blocks_elements_skipped": 0, "mismatches": 0,
              "torchao_rceil_byte_differences": 0, "torchao_rceil_element_differences": 0}
    examples = []
    fixture = {"tensors": []}
    with tempfile.TemporaryDirectory() as tmp:
        for index, (kind, x) in enumerate(tensors):
            path = os.path.join(tmp, "x.npy")
            np.save(path, x)
            entry = {"kind": kind, "rows": x.shape[0], "columns": x.shape[1],
                     "bits": hex_words(x), "results": []}
            for scheme, (dtype, largest) in ELEMENTS.items():
                for rule in MODES:
                    lab_codes, lab_elements = lab(args.binary, path, scheme, rule)
                    if rule == "rceil":
                        ref_codes, ref_elements = cublas_rceil(x, dtype, largest)
                        ao_codes, ao_elements = torchao_mx(x, dtype, rule)
                        diff = ao_codes != ref_codes
                        counts["torchao_rceil_byte_differences"] += int(diff.sum())
                        counts["torchao_rceil_element_differences"] += int((ao_elements != ref_elements).sum())
                        if diff.any() and len(examples) < 6:
                            r, c = np.argwhere(diff)[0]
                            amax = np.abs(x[r, c * 32:(c + 1) * 32]).max()
                            examples.append(f"{scheme} amax {amax!r} (0x{amax.view(np.uint32):08x}): rule {ref_codes[r, c]}, torchao RCEIL {ao_codes[r, c]}")
                        compare_elements = np.ones(ref_codes.shape, dtype=bool)
                    else:
                        ref_codes, ref_elements = torchao_mx(x, dtype, rule)
                        compare_elements = ref_codes != 0
                        counts["code0_blocks_elements_skipped"] += int((~compare_elements).sum())
                    blocks = ref_codes.size
                    counts["blocks"] += blocks
                    counts["bytes"] += blocks
                    byte_bad = lab_codes != ref_codes
                    mask = np.repeat(compare_elements, 32, axis=1)
                    element_bad = (lab_elements != ref_elements) & mask
                    counts["elements"] += int(mask.sum())
                    bad = int(byte_bad.sum() + element_bad.sum())
                    if bad:
                        counts["mismatches"] += bad
                        r, c = np.argwhere(byte_bad | element_bad.reshape(x.shape[0], -1, 32).any(axis=2))[0]
                        print(f"MISMATCH {kind} #{index} {scheme} {rule} block ({r},{c}): lab {lab_codes[r, c]} ref {ref_codes[r, c]}; "
                              f"elements lab {lab_elements[r, c*32:(c+1)*32].tolist()} ref {ref_elements[r, c*32:(c+1)*32].tolist()}")
                    if kind.startswith("fixture"):
                        entry["results"].append({"scheme": scheme, "rule": rule,
                                                 "scale_codes": bytes(ref_codes.reshape(-1).astype(np.uint8)).hex(),
                                                 "elements_checked": "".join("1" if c else "0" for c in compare_elements.reshape(-1)),
                                                 "element_codes": bytes(ref_elements.reshape(-1).astype(np.uint8)).hex()})
            if kind.startswith("fixture"):
                fixture["tensors"].append(entry)
    print(json.dumps(counts, indent=1))
    for line in examples:
        print("torchao RCEIL differs from cuBLAS's rule:", line)
    if args.fixture:
        fixture["source"] = ("Scripts/oracles/mx_scale_oracle.py --seed %d: floor/ceil/even from torchao 0.18 to_mx, "
                             "rceil from cuBLAS's documented rule; element codes of code-0 blocks unchecked for torchao rules" % args.seed)
        with open(args.fixture, "w") as f:
            json.dump(fixture, f, separators=(",", ":"))
            f.write("\n")
    sys.exit(1 if counts["mismatches"] else 0)


if __name__ == "__main__":
    main()
