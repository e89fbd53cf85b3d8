#!/usr/bin/env python3
"""Compare `precision-lab matmul --convention bitsandbytes` with bitsandbytes' own CPU LLM.int8
ops (int8_vectorwise_quant, int8_scaled_mm, int8_mixed_scaled_mm), bit for bit.

    pip install bitsandbytes==0.50.2 torch numpy ml-dtypes
    python3 Scripts/oracles/bnb_matmul_oracle.py [--binary .build/debug/precision-lab] [--cases 300]
        [--seed 1] [--fixture Tests/QuantizationTests/Fixtures/bitsandbytes-int8-matmul.json]

B is the lab's right matrix (k × n); bitsandbytes sees the weight W = Bᵀ (n × k), quantized
row-wise without a threshold, as Linear8bitLt does. Per case it compares qA, qB, the int32
accumulators, `quantize --scheme absmax --granularity row`'s q for A, and every entry of C in the input dtype (float16, bfloat16, float32), sign of zero
and infinities included. Cases with outlier columns are counted apart: their C adds torch's CPU
addmm, whose float32 summation order the lab models as k order (a near-tie can differ).
Prints the counts; exits 1 on any difference outside the outlier entries.
"""
import argparse, json, os, subprocess, sys, tempfile

import ml_dtypes
import numpy as np
import torch
import bitsandbytes

sys.path.insert(0, os.path.dirname(__file__))
from bnb_oracle import random_matrix  # noqa: E402

DTYPES = {"float16": (torch.float16, np.float16), "bfloat16": (torch.bfloat16, ml_dtypes.bfloat16),
          "float32": (torch.float32, np.float32)}


def codes(values, numpy_dtype):
    array = np.asarray(values, dtype=np.float64).astype(numpy_dtype)
    return array.view(np.uint16 if array.itemsize == 2 else np.uint32).reshape(-1)


def bnb_reference(a, b, compute, threshold):
    torch_dtype, numpy_dtype = DTYPES[compute]
    A = torch.from_numpy(a.astype(np.float32)).to(torch_dtype)
    W = torch.from_numpy(np.ascontiguousarray(b.T.astype(np.float32))).to(torch_dtype)
    ops = torch.ops.bitsandbytes
    CA, SCA, outlier_cols = ops.int8_vectorwise_quant.default(A.clone(), threshold)
    CB, SCB, _ = ops.int8_vectorwise_quant.default(W.clone(), 0.0)
    if outlier_cols is not None and outlier_cols.numel():
        out, _ = ops.int8_mixed_scaled_mm.default(A, CA, CB, SCA, SCB, outlier_cols, None)
    else:
        out = ops.int8_scaled_mm.default(CA, CB, SCA, SCB, bias=None, dtype=torch_dtype)
    accumulators = CA.to(torch.int64) @ CB.to(torch.int64).t()
    rows_only, _, _ = ops.int8_vectorwise_quant.default(A.clone(), 0.0)
    c = out.float().numpy().astype(np.float64).astype(numpy_dtype)
    return {
        "q_a": CA.numpy().astype(int), "q_b": CB.numpy().T.astype(int),
        "accumulators": accumulators.numpy(), "c": codes(c, numpy_dtype),
        "outlier_columns": [] if outlier_cols is None else sorted(outlier_cols.tolist()),
        "quantize_q": rows_only.numpy().astype(int),
    }


def lab_result(binary, a, b, compute, threshold):
    _, numpy_dtype = DTYPES[compute]
    with tempfile.TemporaryDirectory() as directory:
        paths = []
        for name, matrix in (("a", a), ("b", b)):
            path = os.path.join(directory, f"{name}.npy")
            np.save(path, matrix.astype(np.float32))
            paths.append(path)
        command = [binary, "matmul", "--a", paths[0], "--b", paths[1], "--compute", compute,
                   "--convention", "bitsandbytes", "--json"]
        if threshold > 0:
            command += ["--outlier-threshold", repr(threshold)]
        run = subprocess.run(command, check=True, capture_output=True, text=True)
        out = json.loads(run.stdout)
        # quantize's int8 rows are int8_vectorwise_quant without a threshold; its float32 steps
        # see the input dtype's values exactly.
        rounded = os.path.join(directory, "rounded.npy")
        np.save(rounded, np.asarray(a.astype(numpy_dtype), dtype=np.float32))
        quantized = json.loads(subprocess.run(
            [binary, "quantize", "--scheme", "absmax", "--granularity", "row", "--convention", "bitsandbytes",
             "--input", rounded, "--json"], check=True, capture_output=True, text=True).stdout)
    c = np.array([[float(v) for v in row] for row in out["c"]])
    return {
        "q_a": np.array(out["q_a"]), "q_b": np.array(out["q_b"]), "accumulators": np.array(out["accumulators"]),
        "c": codes(c, numpy_dtype), "outlier_columns": out["outlier_columns"],
        "overflowed": out["overflowed"], "warned": "overflow" in run.stderr,
        "quantize_q": np.array(quantized["q"]),
    }


def make_case(rng, case):
    compute = list(DTYPES)[case % 3]
    rows, inner, columns = int(rng.integers(1, 17)), int(rng.integers(1, 300)), int(rng.integers(1, 17))
    a = random_matrix(rng, rows, inner)
    b = random_matrix(rng, inner, columns)
    if rng.random() < 0.3:  # the case: N(0,1) in float16, accumulators far above 65504 / scale
        a, b = rng.standard_normal((rows, inner)).astype(np.float32), rng.standard_normal((inner, columns)).astype(np.float32)
    if compute == "float16":  # keep the inputs finite in float16
        a, b = np.clip(a, -60000, 60000), np.clip(b, -60000, 60000)
    threshold = float(rng.choice([0.0, 0.0, 6.0, 3.0]))
    return compute, a, b, threshold


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/precision-lab")
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fixture")
    args = parser.parse_args()
    torch.set_num_threads(1)
    rng = np.random.default_rng(args.seed)
    print(f"bitsandbytes {bitsandbytes.__version__}, torch {torch.__version__}")
    totals = {"cases": 0, "entries": 0, "codes": 0, "bad": 0, "outlier_entries": 0, "outlier_bad": 0, "overflowed": 0}
    outlier_bad = {name: 0 for name in DTYPES}
    max_ulps = {name: 0 for name in DTYPES}
    for case in range(args.cases):
        compute, a, b, threshold = make_case(rng, case)
        expected = bnb_reference(a, b, compute, threshold)
        actual = lab_result(args.binary, a, b, compute, threshold)
        bad = 0
        for key in ("q_a", "q_b", "accumulators", "quantize_q"):
            bad += int((expected[key] != actual[key]).sum())
        bad += int(expected["outlier_columns"] != actual["outlier_columns"])
        c_bad = int((expected["c"] != actual["c"]).sum())
        overflowed = actual["overflowed"]
        if actual["overflowed"] and not actual["warned"]:
            bad += 1
        totals["cases"] += 1
        totals["codes"] += a.size + b.size
        totals["overflowed"] += overflowed
        if expected["outlier_columns"]:
            totals["outlier_entries"] += expected["c"].size
            totals["outlier_bad"] += c_bad
            outlier_bad[compute] += c_bad
            # same-sign codes of one width: the code distance is the distance in ulps
            distance = np.abs(expected["c"].astype(np.int64) - actual["c"].astype(np.int64))
            max_ulps[compute] = max(max_ulps[compute], int(distance.max()))
        else:
            totals["entries"] += expected["c"].size
            bad += c_bad
        totals["bad"] += bad
        if bad:
            print(f"case {case}: {compute} {a.shape}x{b.shape} threshold {threshold}: {bad} differ, C {c_bad}")
    print(f"{totals['cases']} cases, {totals['codes']} input values; without outliers {totals['entries']} entries "
          f"of C; {totals['bad']} differences in q_a/q_b/accumulators/quantize q/outlier columns/C; with outlier columns "
          f"{totals['outlier_entries']} entries, {totals['outlier_bad']} differ; {totals['overflowed']} overflowed entries")
    print("outlier entries that differ by input dtype (largest distance in codes): "
          + ", ".join(f"{name} {outlier_bad[name]} ({max_ulps[name]})" for name in DTYPES))
    if args.fixture:
        write_fixture(args.fixture)
    sys.exit(1 if totals["bad"] else 0)


def write_fixture(path):
    """Small cases for BitsandbytesMatmulFixtureTests: inputs as float32 bit patterns, C as codes
    of the input dtype. Outlier cases only in float16/bfloat16, where torch's addmm sums in
    float32 in k order for these shapes (its float32 addmm is a BLAS call with its own order)."""
    rng = np.random.default_rng(20261203)
    cases = []
    shapes = [("float16", 8, 256, 8, 0.0), ("bfloat16", 4, 100, 5, 0.0), ("float32", 3, 70, 4, 0.0),
              ("float16", 5, 64, 6, 3.0), ("bfloat16", 6, 40, 3, 2.5), ("float16", 1, 33, 4, 2.0)]
    for compute, rows, inner, columns, threshold in shapes:
        a = rng.standard_normal((rows, inner)).astype(np.float32)
        b = rng.standard_normal((inner, columns)).astype(np.float32)
        if compute == "float16" and threshold == 0:
            a[0, 0] = 3.1  # the example: N(0,1) in float16 overflowed before the fix
        expected = bnb_reference(a, b, compute, threshold)
        cases.append({"compute": compute, "rows": rows, "inner": inner, "columns": columns, "threshold": threshold,
                      "a": a.reshape(-1).view(np.uint32).tolist(), "b": b.reshape(-1).view(np.uint32).tolist(),
                      "q_a": expected["q_a"].reshape(-1).tolist(), "q_b": expected["q_b"].reshape(-1).tolist(),
                      "outlier_columns": expected["outlier_columns"],
                      "accumulators": expected["accumulators"].reshape(-1).tolist(),
                      "c": expected["c"].astype(int).tolist()})
    fixture = {"generator": f"Scripts/oracles/bnb_matmul_oracle.py, bitsandbytes {bitsandbytes.__version__}, torch {torch.__version__}",
               "cases": cases}
    with open(path, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
