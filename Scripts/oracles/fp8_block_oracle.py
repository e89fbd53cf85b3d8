#!/usr/bin/env python3
"""Compare `precision-lab quantize --scheme fp8-e4m3 --granularity block:1x128|block:128x128
--convention deepseek|deepgemm [--scale-format float32|ue8m0]` with numpy re-implementations of
DeepSeek-V3's and DeepGEMM's block quantizers, scale for scale and code for code.

    pip install torch numpy ml_dtypes      # CPU is enough
    python3 Scripts/oracles/fp8_block_oracle.py [--binary .build/debug/precision-lab]
        [--tensors 3] [--rows 160] [--columns 300] [--seed 1]
        [--deepgemm-math PATH/TO/deep_gemm/utils/math.py]
        [--fixture Tests/QuantizationTests/Fixtures/fp8-blocks.json]

The references, written from reading the upstream sources (nothing is copied into the repo):
- deepseek: DeepSeek-V3 inference/kernel.py as released (`act_quant_kernel`, 4c2fdb8): per
  block s = fl32(amax / 448.), y = x / s (float32, correctly rounded here), cast to
  float8_e4m3fn. Blocks with s = 0 (all zero, or amax < 448·2^-150) give NaN upstream (0/0);
  the lab gives s = 0 and zero codes (counted as "documented s = 0 blocks"). kernel.py since
  2025-08-27 (adecc0e) clamps amax to ≥ 1e-4 first; the lab follows the release.
- deepgemm: DeepGEMM deep_gemm/utils/math.py (`per_token_cast_to_fp8` for 1×128,
  `per_block_cast_to_fp8` for 128×128): amax.clamp(1e-4), sf = fl32(amax / 448.0), with
  use_ue8m0 `ceil_to_ue8m0` (exponent byte + 1 when the fraction is non-zero, clamped 1…254),
  y = fl32(x · fl32(1.0 / sf)), cast to float8_e4m3fn.
Where the float32 scale is subnormal (amax < 448 · 2^-126, deepseek) it has lost precision and
|x/s| can exceed 448: torch's cast gives NaN there (≥ 464), the lab saturates to ±448; the
reference clips first and counts them. Both pad the matrix with zeros to whole blocks and crop afterwards, as DeepGEMM does; the lab's
partial edge blocks must agree with that. Every float32 → E4M3 cast is done by ml_dtypes and
checked against torch's `.to(torch.float8_e4m3fn)`. With --deepgemm-math, DeepGEMM's own
functions (run on CPU torch from that file) are compared as well.

Tensors (float32; shapes not multiples of 128, so edge blocks are partial): N(0,1); "wide" rows
whose magnitudes vary over 2^±40; "tiny" rows around 2^-120…2^-149 (subnormal float32 scales,
and s = 0 blocks); "zeros": zero rows and zero blocks among N(0,1).
"""
import argparse, importlib.util, os, tempfile, warnings

warnings.filterwarnings("ignore")
import ml_dtypes
import numpy as np
import torch

from oracle_common import finish, fp8_codes, gaussian, hex_words, lab_quantize, nearest_power_of_two_exponent, wide

F32 = np.float32


def e4m3_codes(values):
    """Saturating nearest-even E4M3 codes: values beyond ±448 (possible only when the float32
    scale is subnormal and has lost precision) are clipped first; torch's cast would give NaN
    for |v| ≥ 464. Returns the codes and how many values were beyond ±448."""
    v = np.asarray(values, dtype=F32)
    beyond = np.abs(v) > 448
    clipped = np.clip(v, F32(-448), F32(448))
    return fp8_codes(clipped, ml_dtypes.float8_e4m3fn, torch.float8_e4m3fn), int(beyond.sum())


def ceil_to_ue8m0(sf):
    bits = np.abs(sf).astype(F32).view(np.uint32).astype(np.int64)
    exponent = ((bits >> 23) & 0xFF) + ((bits & 0x7FFFFF) != 0)
    return (np.clip(exponent, 1, 254) << 23).astype(np.uint32).view(F32)


def reference(x, block_rows, convention, ue8m0):
    """(scales row-major over the block grid as float32, element codes, s = 0 block count)."""
    rows, columns = x.shape
    grid_rows, grid_columns = -(-rows // block_rows), -(-columns // 128)
    padded = np.zeros((grid_rows * block_rows, grid_columns * 128), dtype=F32)
    padded[:rows, :columns] = x
    view = padded.reshape(grid_rows, block_rows, grid_columns, 128)
    amax = np.abs(view).max(axis=(1, 3)).astype(F32)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if convention == "deepgemm":
            amax = np.maximum(amax, F32(1e-4))
        sf = (amax / F32(448.0)).astype(F32)
        if ue8m0:
            sf = ceil_to_ue8m0(sf)
        per = sf[:, None, :, None]
        if convention == "deepseek":
            y = (view / per).astype(F32)
        else:
            y = (view * (F32(1.0) / per).astype(F32)).astype(F32)
    y = y.reshape(padded.shape)[:rows, :columns]
    zero_scale = np.repeat(np.repeat(sf == 0, block_rows, axis=0), 128, axis=1)[:rows, :columns]
    codes, beyond = e4m3_codes(np.where(zero_scale, F32(0), y))
    return sf.reshape(-1), codes, int((sf == 0).sum()), beyond


def upstream_deepgemm(module, x, block_rows, ue8m0):
    t = torch.from_numpy(x.copy())
    if block_rows == 1:
        q, sf = module.per_token_cast_to_fp8(t, use_ue8m0=ue8m0)
    else:
        q, sf = module.per_block_cast_to_fp8(t, use_ue8m0=ue8m0)
    return sf.numpy().astype(F32).reshape(-1), q.view(torch.uint8).numpy().astype(np.int64)


def lab(binary, path, arguments):
    doc = lab_quantize(binary, path, ["--scheme", "fp8-e4m3"] + arguments)
    rows, columns = doc["shape"]
    q = np.array(doc["q"], dtype=np.float64).reshape(rows, columns)
    codes = q.astype(ml_dtypes.float8_e4m3fn).view(np.uint8).astype(np.int64)
    if doc["scale_format"] == "float8_e8m0fnu":
        # The power of two an E8M0 scale printed as its shortest decimal reads back to.
        scales = np.array([2.0 ** nearest_power_of_two_exponent(v) for v in doc["scale"]], dtype=F32)
    else:
        scales = np.array(doc["scale"], dtype=np.float64).astype(F32)
    return scales, codes


def tiny(rng, rows, columns):
    row_scale = np.exp2(rng.uniform(-149, -118, (rows, 1)))
    return (rng.standard_normal((rows, columns)) * row_scale).astype(F32)


def zeros(rng, rows, columns):
    x = rng.standard_normal((rows, columns)).astype(F32)
    x[:, 128:256] = 0
    x[rows // 3] = 0
    x[rng.random((rows, columns)) < 0.03] = -0.0
    return x


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/precision-lab")
    parser.add_argument("--tensors", type=int, default=3)
    parser.add_argument("--rows", type=int, default=160)
    parser.add_argument("--columns", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--deepgemm-math")
    parser.add_argument("--fixture")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    module = None
    if args.deepgemm_math:
        spec = importlib.util.spec_from_file_location("deepgemm_math", args.deepgemm_math)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)

    # The fixture: a 3 × 130 matrix whose second 1×128 block column is a 2-element edge block.
    edge = rng.standard_normal((3, 130)).astype(F32)
    edge[0, 128:] = [F32(3.0), F32(-1.0)]
    edge[1, 128:] = 0
    edge[2, 128:] = [F32(1e-30), F32(-2e-30)]
    tensors = [("fixture-edge", edge)]
    for kind, make in [("gaussian", gaussian), ("wide", wide), ("tiny", tiny), ("zeros", zeros)]:
        for i in range(args.tensors):
            tensors.append((kind, make(rng, args.rows + 17 * i, args.columns + 5 * i)))

    configurations = [(convention, block_rows, ue8m0)
                      for convention in ("deepseek", "deepgemm") for block_rows in (1, 128)
                      for ue8m0 in ((False, True) if convention == "deepgemm" else (False,))]
    counts = {"tensors": 0, "configurations": len(configurations), "blocks": 0, "elements": 0,
              "documented s = 0 blocks (deepseek)": 0, "saturated beyond ±448 (subnormal float32 scale)": 0,
              "upstream DeepGEMM blocks compared": 0}
    failures = []
    fixture = {"tensors": []}
    with tempfile.TemporaryDirectory() as directory:
        for kind, x in tensors:
            path = os.path.join(directory, "x.npy")
            np.save(path, x)
            counts["tensors"] += 1
            entry = {"kind": kind, "rows": x.shape[0], "columns": x.shape[1],
                     "bits": hex_words(x), "results": []}
            for convention, block_rows, ue8m0 in configurations:
                arguments = ["--convention", convention, "--granularity", f"block:{block_rows}x128"]
                if ue8m0:
                    arguments += ["--scale-format", "ue8m0"]
                label = f"{kind} {x.shape} {' '.join(arguments)}"
                ref_scales, ref_codes, zero_blocks, beyond = reference(x, block_rows, convention, ue8m0)
                counts["saturated beyond ±448 (subnormal float32 scale)"] += beyond
                if module is not None and convention == "deepgemm":
                    up_scales, up_codes = upstream_deepgemm(module, x, block_rows, ue8m0)
                    if not (np.array_equal(up_scales.view(np.uint32), ref_scales.view(np.uint32)) and np.array_equal(up_codes, ref_codes)):
                        failures.append(f"{label}: the numpy reference differs from DeepGEMM's own math.py")
                    counts["upstream DeepGEMM blocks compared"] += ref_scales.size
                counts["documented s = 0 blocks (deepseek)"] += zero_blocks
                scales, codes = lab(args.binary, path, arguments)
                counts["blocks"] += ref_scales.size
                counts["elements"] += ref_codes.size
                if not np.array_equal(scales.view(np.uint32), ref_scales.view(np.uint32)):
                    bad = np.nonzero(scales.view(np.uint32) != ref_scales.view(np.uint32))[0]
                    failures.append(f"{label}: {bad.size} scales differ, first block {bad[0]}: lab {scales[bad[0]]!r} reference {ref_scales[bad[0]]!r}")
                if not np.array_equal(codes, ref_codes):
                    bad = np.argwhere(codes != ref_codes)
                    r, c = bad[0]
                    failures.append(f"{label}: {len(bad)} codes differ, first [{r}, {c}] x = {x[r, c]!r}: lab {codes[r, c]:#04x} reference {ref_codes[r, c]:#04x}")
                if kind.startswith("fixture"):
                    entry["results"].append({"convention": convention, "granularity": f"block:{block_rows}x128",
                                             "scale_format": "ue8m0" if ue8m0 else "float32",
                                             "scales": hex_words(ref_scales),
                                             "element_codes": bytes(ref_codes.reshape(-1).astype(np.uint8)).hex()})
            if kind.startswith("fixture"):
                fixture["tensors"].append(entry)
    finish(counts, failures, fixture, args.fixture)


if __name__ == "__main__":
    main()
