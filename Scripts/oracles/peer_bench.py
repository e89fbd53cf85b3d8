#!/usr/bin/env python3
"""Side-by-side peer timings for `precision-lab bench`: numpy and ml_dtypes (and torch, when
installed) converting float32 → low precision into a preallocated output, single-threaded,
ns/element (median of repeated runs over 2^26 elements of N(0,1)·100).

Optional tooling, not a project dependency:  pip install numpy ml-dtypes [torch]
Timings depend on the machine and never go into Reports/.
"""
import sys
import time
import numpy as np
import ml_dtypes

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1 << 26
REPEATS = 5
FORMATS = ["float16", "bfloat16", "float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz",
           "float8_e5m2fnuz", "float8_e4m3b11fnuz", "float8_e3m4", "float8_e4m3",
           "float8_e8m0fnu", "float6_e2m3fn", "float6_e3m2fn", "float4_e2m1fn"]

def median_ns(step):
    step()
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter_ns()
        step()
        runs.append(time.perf_counter_ns() - start)
    return sorted(runs)[len(runs) // 2] / N

def main():
    x = (np.random.default_rng(26).standard_normal(N) * 100).astype(np.float32)
    copy = np.empty_like(x)
    print(f"memcpy float32: {median_ns(lambda: np.copyto(copy, x)):.3f} ns/element")
    for name in FORMATS:
        dtype = np.float16 if name == "float16" else getattr(ml_dtypes, name)
        out = np.empty(N, dtype=dtype)
        with np.errstate(all="ignore"):
            ns = median_ns(lambda: np.copyto(out, x, casting="unsafe"))
        print(f"{'numpy' if name == 'float16' else 'ml_dtypes'} float32->{name}: {ns:.3f} ns/element")
    try:
        import torch
        torch.set_num_threads(1)
        t = torch.from_numpy(x)
        for name, dtype in [("float16", torch.float16), ("bfloat16", torch.bfloat16),
                            ("float8_e4m3fn", torch.float8_e4m3fn), ("float8_e5m2", torch.float8_e5m2)]:
            out = torch.empty(N, dtype=dtype)
            print(f"torch float32->{name}: {median_ns(lambda: out.copy_(t)):.3f} ns/element")
    except ImportError:
        print("torch: not installed")

if __name__ == "__main__":
    main()
