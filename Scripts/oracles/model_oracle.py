#!/usr/bin/env python3
"""Independent check of `precision-lab model` against the `gguf` PyPI package and numpy/torch.

1. GGUF reading and decoding. A GGUF v3 file is written with gguf-py's own GGUFWriter: metadata
   of every value type (integers, floats, bool, string, arrays of ints and strings) and tensors of
   F32, F16, BF16 and the block types gguf-py can dequantize (Q4_0 … Q6_K, IQ*, MXFP4), with
   rows of several block counts and 3-D shapes. Block bytes are random, with each block's float16
   scales forced finite. Then
       precision-lab model FILE --list --csv           vs gguf.GGUFReader (name, dtype, shape
                                                         in numpy order, absolute data offset)
       precision-lab model FILE --tensor T --dump X.npy vs gguf.quants.dequantize (float32 bits)
2. Metrics. On float32 matrices (a Gaussian, a Student-t(3) with outliers, and optionally the
   real all-MiniLM-L6-v2 tensors), `precision-lab model --csv --schemes ...` against numpy:
   absmax@row / absmax@tensor / absmax4@group:128 (S = amax/qmax in float32, q = rint(x/S)
   clamped, x̂ = q·S) and fp8-e4m3@tensor with torch (S = amax/448, (x/S).to(float8_e4m3fn)·S),
   SQNR/RMSE/max |error|/cosine in float64; plus the tensor statistics (absmax, rms, kurtosis,
   share beyond 6σ). Values must agree to 1e-9 relative (numpy sums pairwise, the lab in order).

With --fixtures DIR it writes the small files the Swift tests read (ModelOracleFixtureTests):
oracle.gguf, its dequantized tensors as oracle-<name>.npy, oracle.safetensors and
oracle-metrics.csv.

    pip install numpy torch gguf safetensors
    Scripts/oracles/model_oracle.py [--binary .build/release/precision-lab] [--weights .cache/weights/all-MiniLM-L6-v2/model.safetensors]
"""
import argparse
import csv
import io
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np
import torch
import gguf
from gguf import GGMLQuantizationType as T
from gguf.constants import GGML_QUANT_SIZES

BLOCK_TYPES = ["Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K",
               "IQ4_NL", "IQ4_XS", "IQ1_S", "IQ1_M", "IQ2_XXS", "IQ2_XS", "IQ2_S", "IQ3_XXS", "IQ3_S", "MXFP4"]
# Byte offsets of float16 scales inside each block (d, dmin), to keep them finite.
HALF_OFFSETS = {"Q4_0": [0], "Q4_1": [0, 2], "Q5_0": [0], "Q5_1": [0, 2], "Q8_0": [0], "Q2_K": [80, 82],
                "Q3_K": [108], "Q4_K": [0, 2], "Q5_K": [0, 2], "Q6_K": [208], "IQ4_NL": [0], "IQ4_XS": [0],
                "IQ1_S": [0], "IQ2_XXS": [0], "IQ2_XS": [0], "IQ2_S": [0], "IQ3_XXS": [0], "IQ3_S": [0]}


def run(binary, *args):
    result = subprocess.run([binary, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {result.stderr}")
    return result.stdout


def random_blocks(rng, name, rows, blocks_per_row):
    elements, size = GGML_QUANT_SIZES[T[name]]
    data = rng.integers(0, 256, size=(rows, blocks_per_row, size), dtype=np.uint8)
    for offset in HALF_OFFSETS.get(name, []):
        scales = rng.uniform(-0.05, 0.05, size=(rows, blocks_per_row)).astype(np.float16).view(np.uint8).reshape(rows, blocks_per_row, 2)
        data[:, :, offset:offset + 2] = scales
    if name == "IQ1_M":  # the scale is spread over the scales' top nibbles; keep it finite
        data[:, :, 55] &= 0x3F
    if name == "MXFP4":  # E8M0 scale byte: keep it near 1
        data[:, :, 0] = rng.integers(120, 130, size=(rows, blocks_per_row), dtype=np.uint8)
    return data.reshape(rows, blocks_per_row * size), elements * blocks_per_row


def write_gguf(path, rng):
    writer = gguf.GGUFWriter(path, "llama")
    writer.add_uint8("u8", 7)
    writer.add_int8("i8", -3)
    writer.add_uint16("u16", 65000)
    writer.add_int16("i16", -300)
    writer.add_uint32("u32", 4000000000)
    writer.add_int32("i32", -70000)
    writer.add_float32("f32", 0.15625)
    writer.add_uint64("u64", 1 << 40)
    writer.add_int64("i64", -(1 << 40))
    writer.add_float64("f64", 1e-300)
    writer.add_bool("flag", True)
    writer.add_string("name", "oracle ✓")
    writer.add_array("ints", [1, 2, 3])
    writer.add_array("words", ["a", "bb", "ccc"])
    expected = {}
    f32 = rng.standard_normal((3, 5, 8)).astype(np.float32)
    writer.add_tensor("f32.3d", f32)
    expected["f32.3d"] = ("F32", [3, 5, 8], f32)
    f16 = rng.standard_normal((4, 6)).astype(np.float16)
    writer.add_tensor("f16", f16)
    expected["f16"] = ("F16", [4, 6], f16.astype(np.float32))
    bf16_bits = (rng.standard_normal((2, 16)).astype(np.float32).view(np.uint32) >> 16).astype(np.uint16)
    writer.add_tensor("bf16", bf16_bits.view(np.uint8).reshape(2, 32), raw_shape=(2, 32), raw_dtype=T.BF16)
    expected["bf16"] = ("BF16", [2, 16], (bf16_bits.astype(np.uint32) << 16).view(np.float32))
    for index, name in enumerate(BLOCK_TYPES):
        rows = 1 + index % 3
        data, columns = random_blocks(rng, name, rows, 1 + index % 2)
        writer.add_tensor(f"{name.lower()}.weight", data, raw_shape=data.shape, raw_dtype=T[name])
        expected[f"{name.lower()}.weight"] = (name, [rows, columns], gguf.quants.dequantize(data, T[name]).astype(np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return expected


def check_gguf(binary, folder, rng, fixtures):
    path = os.path.join(folder, "oracle.gguf")
    expected = write_gguf(path, rng)
    reader = gguf.GGUFReader(path)
    listing = list(csv.DictReader(io.StringIO(run(binary, "model", path, "--list", "--csv"))))
    by_name = {row["tensor"]: row for row in listing}
    structure_mismatches = 0
    for tensor in reader.tensors:
        row = by_name.get(tensor.name)
        shape = "x".join(str(int(d)) for d in reversed(tensor.shape.tolist()))
        if row is None or row["dtype"] != tensor.tensor_type.name or row["shape"] != shape or int(row["offset"]) != tensor.data_offset:
            structure_mismatches += 1
            print(f"  structure differs: {tensor.name}: lab {row}, gguf-py {tensor.tensor_type.name} {shape} @ {tensor.data_offset}")
    value_mismatches = 0
    elements = 0
    for name, (dtype, shape, values) in expected.items():
        out = os.path.join(folder, f"{name}.npy")
        run(binary, "model", path, "--tensor", name, "--dump", out)
        lab = np.load(out).reshape(-1)
        ref = np.asarray(values, dtype=np.float32).reshape(-1)
        elements += ref.size
        differ = int(np.count_nonzero(lab.view(np.uint32) != ref.view(np.uint32))) if lab.size == ref.size else ref.size
        value_mismatches += differ
        if differ:
            print(f"  {name} ({dtype}): {differ} of {ref.size} elements differ")
        if fixtures:
            np.save(os.path.join(fixtures, f"oracle-{name}.npy"), ref.reshape(-1, shape[-1]))
    if fixtures:
        with open(path, "rb") as src, open(os.path.join(fixtures, "oracle.gguf"), "wb") as dst:
            dst.write(src.read())
    print(f"GGUF: {len(reader.tensors)} tensors ({len(BLOCK_TYPES)} block types + F32/F16/BF16), {structure_mismatches} structure mismatches; "
          f"{elements} dequantized elements vs gguf.quants.dequantize, {value_mismatches} differ; {len(reader.fields)} metadata fields")
    return structure_mismatches + value_mismatches


def reference_metrics(x, xhat):
    x = x.astype(np.float64).reshape(-1)
    y = xhat.astype(np.float64).reshape(-1)
    e = x - y
    noise, signal, approximation = float(np.sum(e * e)), float(np.sum(x * x)), float(np.sum(y * y))
    # The lab's documented conventions for the degenerate cases (ErrorMetrics): SQNR +inf when
    # x̂ = x, cosine 1 when both vectors are zero and 0 when one is.
    cosine = 1.0 if signal == 0 and approximation == 0 else 0.0 if signal == 0 or approximation == 0 else float(np.dot(x, y) / np.sqrt(signal * approximation))
    return {"sqnr_db": float(10 * np.log10(signal / noise)) if noise else float("inf"),
            "rmse": float(np.sqrt(noise / x.size)), "max_abs_error": float(np.max(np.abs(e))),
            "cosine_similarity": cosine,
            "relative_rmse": float(np.sqrt(noise / x.size) / np.sqrt(signal / x.size))}


def absmax(x, bits, group):
    qmax = np.float32(2 ** (bits - 1) - 1)
    rows, columns = x.shape
    g = x.reshape(rows, -1, group) if group else x.reshape(1, -1, x.size)
    amax = np.max(np.abs(g), axis=-1, keepdims=True).astype(np.float32)
    scale = (amax / qmax).astype(np.float32)
    # An all-zero group quantizes to 0 (the lab's degenerate case, no 0/0).
    with np.errstate(invalid="ignore", divide="ignore"):
        q = np.where(amax == 0, np.float32(0), np.clip(np.rint((g / scale).astype(np.float32)), -qmax - 1, qmax)).astype(np.float32)
    return (q * scale).astype(np.float32).reshape(rows, columns)


def fp8_tensor(x):
    t = torch.from_numpy(x)
    if not t.abs().max() > 0:
        return np.zeros_like(x)
    scale = (t.abs().max() / torch.tensor(448.0, dtype=torch.float32)).to(torch.float32)
    return ((t / scale).to(torch.float8_e4m3fn).to(torch.float32) * scale).numpy()


SCHEMES = {
    "absmax@row": lambda x: absmax(x, 8, x.shape[1]),
    "absmax@tensor": lambda x: absmax(x, 8, 0),
    "absmax4@group:128": lambda x: absmax(x, 4, 128),
    "fp8-e4m3@tensor": fp8_tensor,
}


def statistics(x):
    v = x.astype(np.float64).reshape(-1)
    m = v.mean()
    d = v - m
    m2, m4 = np.mean(d ** 2), np.mean(d ** 4)
    return {"absmax": float(np.max(np.abs(v))), "rms": float(np.sqrt(np.mean(v * v))), "kurtosis": float(m4 / m2 ** 2) if m2 else 0.0,
            "beyond_6_sigma": float(np.count_nonzero(np.abs(d) > 6 * np.sqrt(m2)) / v.size)}


def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, array in tensors.items():
        blob = np.ascontiguousarray(array, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(array.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def close(a, b):
    return a == b or (a != a and b != b) or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def check_metrics(binary, path, tensors, label, fixture_csv=None):
    out = run(binary, "model", path, "--csv", "--tensors", ".", "--threads", "1", "--schemes", ",".join(SCHEMES))
    rows = list(csv.DictReader(io.StringIO(out)))
    compared = mismatches = 0
    fixture_rows = []
    for row in rows:
        x = tensors[row["tensor"]]
        ref = reference_metrics(x, SCHEMES[row["scheme"]](x))
        for key, value in ref.items():
            compared += 1
            if not close(float(row[key]), value):
                mismatches += 1
                print(f"  {row['tensor']} {row['scheme']} {key}: lab {row[key]}, numpy {value!r}")
            fixture_rows.append([row["tensor"], row["scheme"], key, repr(float(value))])
    report = json.loads(run(binary, "model", path, "--json", "--tensors", ".", "--schemes", "absmax@row"))
    for entry in report["tensors"]:
        ref = statistics(tensors[entry["name"]])
        for key, value in ref.items():
            compared += 1
            lab = float(entry["statistics"][key])
            if not close(lab, value):
                mismatches += 1
                print(f"  {entry['name']} {key}: lab {lab}, numpy {value!r}")
            fixture_rows.append([entry["name"], "statistics", key, repr(float(value))])
    if fixture_csv:
        with open(fixture_csv, "w", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["tensor", "scheme", "measure", "value"])
            writer.writerows(fixture_rows)
    print(f"metrics ({label}): {len(rows)} tensor×scheme rows and {len(report['tensors'])} tensors, {compared} values compared, {mismatches} differ")
    return mismatches


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/release/precision-lab")
    parser.add_argument("--weights", help="also check the real model's tensors (a .safetensors file)")
    parser.add_argument("--fixtures", help="write the Swift tests' fixtures into this folder")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        failures += check_gguf(args.binary, folder, rng, args.fixtures)
        synthetic = {
            "gaussian": rng.standard_normal((64, 256)).astype(np.float32),
            "student_t": (rng.standard_t(3, (32, 384)) * 0.05).astype(np.float32),
        }
        synthetic["student_t"][3, 7] = 4.0
        path = os.path.join(folder, "oracle.safetensors")
        write_safetensors(path, synthetic)
        fixture_csv = None
        if args.fixtures:
            write_safetensors(os.path.join(args.fixtures, "oracle.safetensors"), synthetic)
            fixture_csv = os.path.join(args.fixtures, "oracle-metrics.csv")
        failures += check_metrics(args.binary, path, synthetic, "synthetic", fixture_csv)
        if args.weights:
            from safetensors.numpy import load_file
            real = {k: v.reshape(-1, v.shape[-1]) for k, v in load_file(args.weights).items() if v.dtype == np.float32}
            failures += check_metrics(args.binary, args.weights, real, "all-MiniLM-L6-v2")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
