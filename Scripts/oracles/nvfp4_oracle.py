#!/usr/bin/env python3
"""Compare `precision-lab quantize --scheme nvfp4` with torchao 0.18's `nvfp4_quantize` and with
Transformer Engine's NVFP4 reference quantizer (re-implemented here in numpy), code for code.

    pip install torchao==0.18.0 torch numpy ml_dtypes      # CPU is enough
    python3 Scripts/oracles/nvfp4_oracle.py [--binary .build/debug/precision-lab]
        [--tensors 4] [--rows 48] [--columns 256] [--seed 1]
        [--fixture Tests/QuantizationTests/Fixtures/nvfp4.json]

The committed fixture is `--tensors 2 --fixture ...` (its outlier tensor is drawn after the
others, so it depends on --tensors, --rows, --columns and --seed).

Conventions checked on every tensor:
- torchao, tensor scale on: `nvfp4_quantize(x, 16, per_tensor_scale)` with per_tensor_scale =
  fl32(amax / (448·6)); off: `nvfp4_quantize(x, 16, None)`. torchao's own outputs (the E4M3
  scale bytes and the unpacked E2M1 nibbles) are the reference. Where torchao's block scale is
  NaN (an all-zero matrix with the tensor scale on: 0/0), the lab gives scale 0 and zero codes
  (counted as "documented NaN blocks").
- transformer-engine, group:16 (1×16) and block:16x16: written out below in numpy float32 from
  reading transformer_engine/pytorch/custom_recipes/reference_nvfp4.py
  (`_quantize_blockwise_reference`, no RHT, no stochastic rounding, no 4over6): global encode
  scale g = min(fl32(2688/amax), FLT_MAX) (0 → 1), decode t = fl32(1/g), block scale
  e4m3(clamp(min(fl32(vmax · fl32(g · fl32(1/6))), FLT_MAX), ±448)), element encode
  min(fl32(1/fl32(s·t)), FLT_MAX), clamp ±6, then the reference's threshold table
  (`cast_to_fp4x2`: nearest-even, x ≥ 0.0, so −0, → code 0). Its E4M3 cast is checked against
  torch's float32 → float8_e4m3fn cast too. 16×16 tiles over rows that are not a multiple of
  16 are partial (TE pads with zero rows, which changes no amax).

Tensors (float32, rows a multiple of 16 columns): N(0,1); "wide" rows whose magnitudes vary over
2^±40; "outlier": one huge row over N(0,1)·2^-U(8,24) rows (block scales fall below 2^-6
relative to the tensor scale: subnormal or zero E4M3 in TE, clamped in torchao); "zeros": an
all-zero matrix and a matrix with zero blocks and −0 elements.

Prints case counts; exits 1 on any difference. --fixture writes the small fixture
NVFP4FixtureTests reads.
"""
import argparse, os, tempfile, warnings

warnings.filterwarnings("ignore")
import ml_dtypes
import numpy as np
import torch
from torchao.prototype.mx_formats.nvfp4_tensor import nvfp4_quantize
from torchao.prototype.mx_formats.kernels import unpack_uint4

from oracle_common import finish, fp8_codes, gaussian, hex_words, lab_quantize, wide

F32 = np.float32
FLT_MAX = np.finfo(np.float32).max


def torchao_reference(x, tensor_scale):
    t = torch.from_numpy(x.copy())
    pts = None
    if tensor_scale:
        pts = (torch.amax(torch.abs(t)).to(torch.float32) / (448.0 * 6.0)).to(torch.float32)
    scales, packed = nvfp4_quantize(t, 16, pts)
    codes = unpack_uint4(packed).numpy().reshape(x.shape)
    scale_codes = scales.view(torch.uint8).numpy().reshape(-1).astype(np.int64)
    nan_blocks = torch.isnan(scales.to(torch.float32)).numpy().reshape(-1)
    return scale_codes, codes.astype(np.int64), nan_blocks, (None if pts is None else F32(pts.item()))


def e4m3_cast(values):
    """float32 → float8_e4m3fn nearest-even (values within ±448), as codes; checked against torch."""
    return fp8_codes(values, ml_dtypes.float8_e4m3fn, torch.float8_e4m3fn)


def e4m3_value(codes):
    return np.asarray(codes, dtype=np.uint8).view(ml_dtypes.float8_e4m3fn).astype(F32)


def te_fp4_codes(x):
    """TE's `cast_to_fp4x2` threshold table, one code per element (not packed)."""
    result = np.zeros(x.shape, dtype=np.int64)
    table = [((x >= 0.0) & (x <= 0.25), 0), ((x > 0.25) & (x < 0.75), 1), ((x >= 0.75) & (x <= 1.25), 2),
             ((x > 1.25) & (x < 1.75), 3), ((x >= 1.75) & (x <= 2.5), 4), ((x > 2.5) & (x < 3.5), 5),
             ((x >= 3.5) & (x <= 5.0), 6), (x > 5.0, 7),
             ((x >= -0.25) & (x < -0.0), 8), ((x < -0.25) & (x > -0.75), 9), ((x <= -0.75) & (x >= -1.25), 10),
             ((x < -1.25) & (x > -1.75), 11), ((x <= -1.75) & (x >= -2.5), 12), ((x < -2.5) & (x > -3.5), 13),
             ((x <= -3.5) & (x >= -5.0), 14), (x < -5.0, 15)]
    for mask, code in table:
        result[mask] = code
    return result


def te_reference(x, tile_rows):
    """TE's reference quantizer, 1×16 (tile_rows 1) or 16×16, in numpy float32."""
    rows, columns = x.shape
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        amax = F32(np.max(np.abs(x)))
        g = np.minimum(F32(F32(2688.0) / amax), FLT_MAX)
        if g == 0:
            g = F32(1.0)
        t = F32(F32(1.0) / g)
        multiplier = F32(g * F32(F32(1.0) / F32(6.0)))
        tile_grid_rows = (rows + tile_rows - 1) // tile_rows
        blocks = columns // 16
        vmax = np.zeros((tile_grid_rows, blocks), dtype=F32)
        for r in range(tile_grid_rows):
            tile = np.abs(x[r * tile_rows:(r + 1) * tile_rows]).reshape(-1, blocks, 16)
            vmax[r] = tile.max(axis=(0, 2))
        decode = np.minimum((vmax * multiplier).astype(F32), FLT_MAX)
        decode = np.clip(decode, F32(-448.0), F32(448.0))
        scale_codes = e4m3_cast(decode)
        scale_values = e4m3_value(scale_codes)
        encode = np.minimum((F32(1.0) / (scale_values * t).astype(F32)).astype(F32), FLT_MAX).astype(F32)
        per_element = np.repeat(np.repeat(encode, tile_rows, axis=0)[:rows], 16, axis=1)
        scaled = (x * per_element).astype(F32)
        clipped = np.clip(scaled, F32(-6.0), F32(6.0))
    return scale_codes.reshape(-1), te_fp4_codes(clipped), t


def lab(binary, path, arguments):
    doc = lab_quantize(binary, path, ["--scheme", "nvfp4"] + arguments)
    rows, columns = doc["shape"]
    q = np.array(doc["q"], dtype=np.float64).reshape(rows, columns)
    codes = q.astype(ml_dtypes.float4_e2m1fn).view(np.uint8).astype(np.int64) & 0xF
    scales = np.array(doc["scale"], dtype=np.float64).astype(ml_dtypes.float8_e4m3fn).view(np.uint8).astype(np.int64)
    tensor_scale = doc.get("tensor_scale")
    return scales, codes, (None if tensor_scale is None else F32(tensor_scale)), doc


def outlier(rng, rows, columns):
    x = rng.standard_normal((rows, columns)) * np.exp2(-rng.uniform(8, 24, (rows, 1)))
    x[rng.integers(0, rows)] *= 2.0 ** 30
    return x.astype(F32)


def zeros(rng, rows, columns):
    x = rng.standard_normal((rows, columns)).astype(F32)
    x[:, 16:32] = 0
    x[rows // 2] = -0.0
    x[rng.random((rows, columns)) < 0.05] = -0.0
    return x


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/precision-lab")
    parser.add_argument("--tensors", type=int, default=4)
    parser.add_argument("--rows", type=int, default=48)
    parser.add_argument("--columns", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fixture")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)

    tensors = []
    for kind, make in [("gaussian", gaussian), ("wide", wide), ("outlier", outlier), ("zeros", zeros)]:
        for i in range(args.tensors):
            rows = args.rows + (7 if i % 2 else 0)   # odd tensors: rows not a multiple of 16
            tensors.append((kind, make(rng, rows, args.columns)))
    tensors.append(("zeros", np.zeros((16, 32), dtype=F32)))
    # The fixture: one row of two blocks (block 0 holds 2688 = 448·6, so the tensor scale is 1;
    # block 1's scale 0.005 is an E4M3 subnormal in TE, clamped to 2^-6 in torchao), then 16 × 32
    # outlier values.
    hand = np.array([[2688.0] + [0.5] * 15 + [0.03] + [0.01] * 14 + [-0.02]], dtype=F32)
    fixture_tensors = [("fixture-hand", hand), ("fixture-outlier", outlier(rng, 16, 32))]
    tensors = fixture_tensors + tensors

    counts = {"tensors": 0, "blocks": 0, "elements": 0, "documented NaN blocks": 0,
              "TE scales subnormal or zero": 0, "torchao scales clamped to 2^-6": 0,
              "codes differing torchao vs TE (1x16)": 0}
    failures = []
    fixture = {"tensors": []}
    configurations = [("torchao", ["--convention", "torchao"], "on"),
                      ("torchao", ["--convention", "torchao", "--tensor-scale", "off"], "off"),
                      ("transformer-engine", ["--convention", "transformer-engine"], "group:16"),
                      ("transformer-engine", ["--convention", "transformer-engine", "--granularity", "block:16x16"], "block:16x16")]
    with tempfile.TemporaryDirectory() as directory:
        for kind, x in tensors:
            path = os.path.join(directory, "x.npy")
            np.save(path, x)
            counts["tensors"] += 1
            entry = {"kind": kind, "rows": x.shape[0], "columns": x.shape[1],
                     "bits": hex_words(x), "results": []}
            codes_by_convention = {}
            for convention, arguments, variant in configurations:
                if convention == "torchao":
                    ref_scales, ref_codes, nan_blocks, ref_tensor_scale = torchao_reference(x, variant == "on")
                    nan_elements = np.repeat(nan_blocks.reshape(x.shape[0], -1), 16, axis=1)
                    ref_scales = np.where(nan_blocks, 0, ref_scales)
                    ref_codes = np.where(nan_elements, 0, ref_codes)
                    counts["documented NaN blocks"] += int(nan_blocks.sum())
                    if variant == "on":
                        counts["torchao scales clamped to 2^-6"] += int((ref_scales == 0x08).sum())
                else:
                    tile_rows = 16 if variant == "block:16x16" else 1
                    ref_scales, ref_codes, ref_tensor_scale = te_reference(x, tile_rows)
                    counts["TE scales subnormal or zero"] += int((ref_scales < 0x08).sum())
                scales, codes, tensor_scale, _ = lab(args.binary, path, arguments)
                label = f"{kind} {convention} {variant}"
                counts["blocks"] += ref_scales.size
                counts["elements"] += ref_codes.size
                if not np.array_equal(scales, ref_scales):
                    bad = np.nonzero(scales != ref_scales)[0]
                    failures.append(f"{label}: {bad.size} scale bytes differ, first block {bad[0]}: lab {scales[bad[0]]:#04x} reference {ref_scales[bad[0]]:#04x}")
                if not np.array_equal(codes, ref_codes):
                    bad = np.argwhere(codes != ref_codes)
                    r, c = bad[0]
                    failures.append(f"{label}: {len(bad)} codes differ, first [{r}, {c}] x = {x[r, c]!r}: lab {codes[r, c]} reference {ref_codes[r, c]}")
                if (tensor_scale is None) != (ref_tensor_scale is None) or (
                        tensor_scale is not None and F32(tensor_scale).view(np.uint32) != F32(ref_tensor_scale).view(np.uint32)):
                    failures.append(f"{label}: tensor scale lab {tensor_scale} reference {ref_tensor_scale}")
                if variant in ("on", "group:16"):
                    codes_by_convention[convention] = ref_codes
                if kind.startswith("fixture"):
                    entry["results"].append({"convention": convention, "variant": variant,
                                             "scale_codes": bytes(ref_scales.astype(np.uint8)).hex(),
                                             "element_codes": bytes(ref_codes.reshape(-1).astype(np.uint8)).hex(),
                                             "tensor_scale": None if ref_tensor_scale is None else format(int(F32(ref_tensor_scale).view(np.uint32)), "08x")})
            counts["codes differing torchao vs TE (1x16)"] += int((codes_by_convention["torchao"] != codes_by_convention["transformer-engine"]).sum())
            if kind.startswith("fixture"):
                fixture["tensors"].append(entry)
    finish(counts, failures, fixture, args.fixture)


if __name__ == "__main__":
    main()
