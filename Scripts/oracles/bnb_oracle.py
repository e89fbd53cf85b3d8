#!/usr/bin/env python3
"""Compare `precision-lab quantize --convention bitsandbytes` (nf4, fp4-bnb) with bitsandbytes'
own CPU quantize_4bit / dequantize_4bit, bit for bit.

    pip install bitsandbytes==0.50.2 torch numpy
    python3 Scripts/oracles/bnb_oracle.py [--binary .build/debug/precision-lab] [--cases 400]
        [--seed 1] [--fixture Tests/QuantizationTests/Fixtures/bitsandbytes-4bit.json]

Per case it compares the packed bytes, the absmax values bitsandbytes dequantizes with (after
double quantization: the 8-bit codes, the offset and the second-level scales too) and every
dequantized float32 (sign of zero included). Prints the counts; exits 1 on any difference.
With --fixture it also writes the small fixture BitsandbytesFixtureTests reads.
"""
import argparse, json, os, subprocess, sys, tempfile

import numpy as np
import torch
import bitsandbytes
import bitsandbytes.functional as F

BLOCKSIZES = [32, 64, 128, 256, 512, 1024, 2048, 4096]


def bits(a):
    return np.asarray(a, dtype=np.float32).reshape(-1).view(np.uint32)


def json_bits(values):
    return bits(np.array([float(v) for v in values], dtype=np.float64).astype(np.float32))


def random_matrix(rng, rows, columns):
    kind = rng.integers(0, 5)
    if kind == 0:
        x = rng.standard_normal((rows, columns))
    elif kind == 1:
        x = rng.standard_t(3, (rows, columns))
    elif kind == 2:
        x = rng.uniform(-1, 1, (rows, columns)) * 10.0 ** rng.integers(-6, 4)
    elif kind == 3:
        x = rng.laplace(size=(rows, columns)) * 0.02
    else:
        x = rng.standard_normal((rows, columns)) * np.exp(rng.standard_normal((rows, 1)))
    if rng.random() < 0.5:  # outliers
        count = max(1, x.size // 200)
        idx = rng.integers(0, x.size, count)
        x.reshape(-1)[idx] = rng.choice([-1, 1], count) * rng.uniform(100, 3000, count)
    if rng.random() < 0.4:  # an all-zero row
        x[rng.integers(0, rows)] = 0
    if rng.random() < 0.2:  # an all-zero tail (partial last block of zeros)
        x.reshape(-1)[-rng.integers(1, 40):] = 0
    if rng.random() < 0.2:
        x.reshape(-1)[rng.integers(0, x.size, 5)] = -0.0
    return x.astype(np.float32)


def bnb_reference(x, quant_type, blocksize, double):
    A = torch.from_numpy(x)
    packed, state = F.quantize_4bit(A, blocksize=blocksize, compress_statistics=double, quant_type=quant_type)
    dequantized = F.dequantize_4bit(packed, state)
    if state.nested:
        absmax = F.dequantize_blockwise(state.absmax, state.state2) + state.offset
        extra = {
            "codes": state.absmax.numpy().astype(int).tolist(),
            "offset": bits([state.offset.item()]).tolist(),
            "second_scales": bits(state.state2.absmax.numpy()).tolist(),
        }
    else:
        absmax, extra = state.absmax, None
    return {
        "packed": packed.reshape(-1).numpy().astype(int).tolist(),
        "absmax": bits(absmax.numpy()).tolist(),
        "dequantized": bits(dequantized.numpy()).tolist(),
        "double": extra,
    }


def lab_result(binary, x, quant_type, blocksize, double, threads):
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "x.npy")
        np.save(path, x)
        command = [binary, "quantize", "--scheme", "nf4" if quant_type == "nf4" else "fp4-bnb",
                   "--convention", "bitsandbytes", "--granularity", f"group:{blocksize}",
                   "--torch-threads", str(threads), "--input", path, "--json"]
        if double:
            command.append("--double-quant")
        out = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    result = {
        "packed": out["packed"],
        "absmax": json_bits(out["scale"]).tolist(),
        "dequantized": json_bits([v for row in out["dequantized"] for v in row]).tolist(),
        "double": None,
    }
    if double:
        state = out["double_quantization"]
        result["double"] = {
            "codes": state["codes"],
            "offset": json_bits([state["offset"]]).tolist(),
            "second_scales": json_bits(state["second_scales"]).tolist(),
        }
    return result


def differences(expected, actual):
    count = 0
    for key in ("packed", "absmax", "dequantized"):
        e, a = np.array(expected[key]), np.array(actual[key])
        count += abs(len(e) - len(a)) + int((e[: len(a)] != a[: len(e)]).sum())
    if expected["double"] is not None:
        for key in ("codes", "offset", "second_scales"):
            e, a = np.array(expected["double"][key]), np.array(actual["double"][key])
            count += abs(len(e) - len(a)) + int((e[: len(a)] != a[: len(e)]).sum())
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/precision-lab")
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--large", type=int, default=4,
                        help="extra cases with 35,200 blocks, where torch's mean splits over threads")
    parser.add_argument("--fixture")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print(f"bitsandbytes {bitsandbytes.__version__}, torch {torch.__version__}, "
          f"CPU capability {torch.backends.cpu.get_cpu_capability()}")
    cases = values = bad_cases = bad_values = 0
    for case in range(args.cases + args.large):
        quant_type = ["nf4", "fp4"][case % 2]
        double = (case // 2) % 2 == 1
        blocksize = int(rng.choice(BLOCKSIZES))
        rows = int(rng.integers(1, 65))
        columns = int(rng.integers(1, 700))
        threads = 1
        if case >= args.cases:  # enough blocks for torch's sum to split over threads
            rows, columns, blocksize, threads, double = 1100, 2048, 64, 1 + case % 2, True
        torch.set_num_threads(threads)
        x = random_matrix(rng, rows, columns)
        expected = bnb_reference(x, quant_type, blocksize, double)
        actual = lab_result(args.binary, x, quant_type, blocksize, double, threads)
        diff = differences(expected, actual)
        cases += 1
        values += x.size
        if diff:
            bad_cases += 1
            bad_values += diff
            print(f"case {case}: {quant_type} blocksize {blocksize} double {double} {rows}x{columns}: {diff} differ")
        print(f"  {cases} cases, {values} values so far, {bad_cases} with differences", flush=True)
    print(f"{cases} cases, {values} values: {bad_cases} cases with differences, {bad_values} differing fields")
    if args.fixture:
        write_fixture(args.fixture)
    sys.exit(1 if bad_cases else 0)


def write_fixture(path):
    rng = np.random.default_rng(20260903)
    torch.set_num_threads(1)
    fixture = {
        "generator": f"Scripts/oracles/bnb_oracle.py, bitsandbytes {bitsandbytes.__version__}, torch {torch.__version__}",
        "dynamic_map": bits(F.create_dynamic_map().numpy()).tolist(),
        "nf4": bits(F.get_4bit_type("nf4", device="cpu").numpy()).tolist(),
        "fp4": bits(F.get_4bit_type("fp4", device="cpu").numpy()).tolist(),
        "cases": [],
    }
    sums = []
    for n in [1, 5, 7, 8, 9, 37, 129, 600]:
        x = (np.abs(rng.standard_normal(n)) * 3).astype(np.float32)
        for threads in ([1, 2] if n >= 32768 else [1]):
            torch.set_num_threads(threads)
            sums.append({"threads": threads, "values": bits(x).tolist(),
                         "sum": int(bits([torch.from_numpy(x).sum().item()])[0])})
    torch.set_num_threads(1)
    fixture["sums"] = sums
    shapes = [("nf4", False, 64, 4, 48), ("fp4", False, 64, 3, 50), ("nf4", True, 32, 9, 101),
              ("fp4", True, 32, 7, 33), ("fp4", False, 256, 2, 7), ("nf4", False, 2048, 1, 9)]
    for quant_type, double, blocksize, rows, columns in shapes:
        x = random_matrix(rng, rows, columns)
        if quant_type == "fp4":
            x[0, :4] = [1500.0, -2.806, 2.806, 0.0]
        expected = bnb_reference(x, quant_type, blocksize, double)
        fixture["cases"].append({"scheme": "nf4" if quant_type == "nf4" else "fp4-bnb", "double_quant": double,
                                 "blocksize": blocksize, "rows": rows, "columns": columns,
                                 "input": bits(x).tolist(), **expected})
    with open(path, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
