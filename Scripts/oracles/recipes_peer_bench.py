#!/usr/bin/env python3
"""Side-by-side peer timings for the block-scaled `quantize …` benchmarks of issue #12: torchao
0.18's CPU `to_mx` (MXFP4 and MXFP8 E4M3 under each ScaleCalculationMode) and `nvfp4_quantize`
(tensor scale on and off), and DeepGEMM's `per_token_cast_to_fp8` (1 × 128, float32 and UE8M0
scales; torch eager code, written out below from deep_gemm/utils/math.py), on one 4096 × 4096
N(0,1) float32 matrix, torch pinned to one thread, ns/element (median of REPEATS runs after
one warm-up). Compare with `precision-lab bench 'quantize mx'` on the same machine.

Optional tooling, not a project dependency:  pip install torch torchao==0.18.0 numpy
Timings depend on the machine and never go into Reports/.

    python3 Scripts/oracles/recipes_peer_bench.py [ROWS COLUMNS] [--repeats 5]
"""
import argparse, time, warnings

warnings.filterwarnings("ignore")
import torch
from torchao.prototype.mx_formats.mx_tensor import to_mx, ScaleCalculationMode
from torchao.prototype.mx_formats.nvfp4_tensor import nvfp4_quantize

MODES = {"floor": ScaleCalculationMode.FLOOR, "ceil": ScaleCalculationMode.CEIL,
         "even": ScaleCalculationMode.EVEN, "rceil": ScaleCalculationMode.RCEIL}


def ceil_to_ue8m0(sf):
    return torch.pow(2.0, torch.ceil(torch.log2(sf.abs())))


def per_token_cast_to_fp8(x, use_ue8m0):
    """DeepGEMM's 1 × 128 cast (columns a multiple of 128 here, so no padding)."""
    m, n = x.shape
    view = x.view(m, -1, 128)
    amax = view.abs().float().amax(dim=2).view(m, -1).clamp(1e-4)
    sf = amax / 448.0
    if use_ue8m0:
        sf = ceil_to_ue8m0(sf)
    return (view * (1.0 / sf.unsqueeze(2))).to(torch.float8_e4m3fn).view(m, n), sf


def median_ns(step, elements, repeats):
    step()
    runs = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        step()
        runs.append(time.perf_counter_ns() - start)
    return sorted(runs)[len(runs) // 2] / elements


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="?", default=4096)
    parser.add_argument("columns", type=int, nargs="?", default=4096)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    x = torch.randn(args.rows, args.columns, generator=torch.Generator().manual_seed(4096), dtype=torch.float32)
    n = x.numel()
    copy = torch.empty_like(x)
    print(f"torch {torch.__version__}, 1 thread, {args.rows} x {args.columns} float32, median of {args.repeats}")
    print(f"memcpy float32 (torch copy_): {median_ns(lambda: copy.copy_(x), n, args.repeats):.2f} ns/element")
    for name, dtype in (("mxfp4", torch.float4_e2m1fn_x2), ("mxfp8-e4m3", torch.float8_e4m3fn)):
        for rule, mode in MODES.items():
            ns = median_ns(lambda: to_mx(x, dtype, 32, mode), n, args.repeats)
            print(f"torchao to_mx {name} {rule}: {ns:.2f} ns/element")
    amax = x.abs().max()
    per_tensor_scale = (amax / (448.0 * 6.0)).to(torch.float32)
    ns = median_ns(lambda: nvfp4_quantize(x, 16, per_tensor_scale), n, args.repeats)
    print(f"torchao nvfp4_quantize (tensor scale on): {ns:.2f} ns/element")
    ns = median_ns(lambda: nvfp4_quantize(x, 16, None), n, args.repeats)
    print(f"torchao nvfp4_quantize (tensor scale off): {ns:.2f} ns/element")
    for ue8m0 in (False, True):
        ns = median_ns(lambda: per_token_cast_to_fp8(x, ue8m0), n, args.repeats)
        print(f"DeepGEMM per_token_cast_to_fp8 1x128 ({'ue8m0' if ue8m0 else 'float32'} scales): {ns:.2f} ns/element")


if __name__ == "__main__":
    main()
