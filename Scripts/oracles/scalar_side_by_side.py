#!/usr/bin/env python3
"""The measurement behind Scripts/oracles/scalar-vs-softfloat (run that script, not this one).

Uses the shared harness driver (../shared/bench/scalar_vs_softfloat.py) for one process's JSON
and one callgrind run, and adds what it lacks: sub (a second C binary whose "add" is f16_sub /
f32_sub), the special-only operand set (Scripts/oracles/softfloat_scalar_special.c, which has
sub itself), formats SoftFloat lacks (--formats bfloat16,float8_e4m3fn,float8_e5m2: our rows
only), the LabCommands symbol of the timed Swift loop, and geometric means.

wall:  per benchmark, `--pairs` pairs of processes A B A B ...: A = `precision-lab bench --json
       --operands N --repetitions R NAME`, B = `softfloat_scalar --json --count N --reps R NAME`;
       each reports the median of its R runs after one untimed warm-up; the table shows the
       median over the pairs.
instr: callgrind with collection on only inside the timed loop function (warm-up + 1 run = 2N
       operations); net instructions/op = (collected − the loop function's own) / 2N, i.e. the
       instructions executed inside the soft-float call.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys

SOFTFLOAT_FORMATS = {"float16": "f16", "float32": "f32"}
OPS = ["add", "sub", "mul", "div", "sqrt", "fma"]
SWIFT_LOOP = "$s11LabCommands25ScalarOperationBenchmarksO3run_"


def names(args):
    for fmt in args.formats.split(","):
        for dist in args.sets.split(","):
            for op in OPS:
                name = f"scalar {fmt} {op} ({dist})"
                if args.only is None or args.only in name:
                    yield fmt, op, dist, name


def softfloat_side(args, fmt, op, dist, name):
    """The C binary, the benchmark name it knows this benchmark by and its loop function, or
    None for a format SoftFloat does not have."""
    if fmt not in SOFTFLOAT_FORMATS:
        return None
    short = SOFTFLOAT_FORMATS[fmt]
    if dist == "special":
        return args.softfloat_special, name, f"run_{short}_{op}"
    if op == "sub":
        return args.softfloat_sub, name.replace(" sub ", " add "), f"run_{short}_add"
    return args.softfloat, name, f"run_{short}_{op}"


def wall(args, shared):
    results = {}
    for fmt, op, dist, name in names(args):
        side = softfloat_side(args, fmt, op, dist, name)
        ours, theirs = [], []
        for _ in range(args.pairs):
            a = shared.run_json([args.ours, "bench", "--json", "--operands", str(args.operands),
                                 "--repetitions", str(args.reps), name])
            ours.append(a["ns_per_element"])
            if side:
                b = shared.run_json([side[0], "--json", "--count", str(args.operands), "--reps", str(args.reps), side[1]])
                theirs.append(b["ns_per_element"])
        results[name] = {"ours": ours, "softfloat": theirs}
        line = f"{name}: ours {statistics.median(ours):.2f} ns"
        if theirs:
            line += f", SoftFloat {statistics.median(theirs):.2f} ns"
        print(line, file=sys.stderr, flush=True)
    return results


def instr(args, shared):
    # Valgrind 3.19 cannot read the Swift toolchain's DWARF 5: run a copy without debug info
    # (the same code), kept in --out so that concurrent runs do not share it.
    stripped = os.path.join(args.out, "precision-lab-nodebug")
    subprocess.run(["objcopy", "--strip-debug", args.ours, stripped], check=True)
    operations = 2 * args.instr_operands
    results = {}
    for fmt, op, dist, name in names(args):
        total, own = shared.callgrind(
            [stripped, "bench", "--operands", str(args.instr_operands), "--repetitions", "1", name],
            SWIFT_LOOP + "*", re.escape(SWIFT_LOOP))
        results[name] = {"ours": (total - own) / operations}
        line = f"{name}: ours {results[name]['ours']:.1f}"
        side = softfloat_side(args, fmt, op, dist, name)
        if side:
            binary, c_name, loop = side
            c_total, c_own = shared.callgrind([binary, "--count", str(args.instr_operands), "--reps", "1", c_name],
                                              loop + "*", r":" + loop + r"(\.|\s|$)")
            results[name]["softfloat"] = (c_total - c_own) / operations
            line += f", SoftFloat {results[name]['softfloat']:.1f}"
        print(line + " instructions", file=sys.stderr, flush=True)
    return results


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def table(args, wall_results, instr_results):
    lines = ["| format | op | operands | ours ns/op | SoftFloat ns/op | ratio | ours instr/op | SoftFloat instr/op | ratio |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    wall_ratios, instr_ratios = [], []
    for fmt, op, dist, name in names(args):
        cells = [fmt, op, dist]
        for results, ratios, digits in [(wall_results, wall_ratios, 1), (instr_results, instr_ratios, 0)]:
            if name not in results:
                cells += ["–"] * 3
                continue
            ours = statistics.median(results[name]["ours"]) if results is wall_results else results[name]["ours"]
            cells.append(f"{ours:.{digits}f}")
            theirs = results[name].get("softfloat")
            if not theirs:
                cells += ["–"] * 2
                continue
            theirs = statistics.median(theirs) if results is wall_results else theirs
            ratios.append(ours / theirs)
            cells += [f"{theirs:.{digits}f}", f"{ours / theirs:.2f}×"]
        lines.append("| " + " | ".join(cells) + " |")
    mean = ["geometric mean", "", "", "", "", f"{geometric_mean(wall_ratios):.2f}×" if wall_ratios else "–",
            "", "", f"{geometric_mean(instr_ratios):.2f}×" if instr_ratios else "–"]
    lines.append("| " + " | ".join(mean) + " |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", required=True)
    parser.add_argument("--ours", required=True)
    parser.add_argument("--softfloat", required=True)
    parser.add_argument("--softfloat-sub", required=True)
    parser.add_argument("--softfloat-special", required=True)
    parser.add_argument("--formats", default="float16,float32",
                        help="comma-separated; formats other than float16/float32 get our rows only")
    parser.add_argument("--sets", default="random,normal", help="operand sets, comma-separated: random,normal,special")
    parser.add_argument("--out", required=True)
    parser.add_argument("--only", help="keep benchmark names containing this text")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--operands", type=int, default=10_000_000)
    parser.add_argument("--instr-operands", type=int, default=1_000_000)
    parser.add_argument("--skip-wall", action="store_true")
    parser.add_argument("--skip-instr", action="store_true")
    args = parser.parse_args()
    if min(args.pairs, args.reps, args.operands, args.instr_operands) < 1:
        parser.error("--pairs, --reps, --operands and --instr-operands must be positive")
    if not set(args.sets.split(",")) <= {"random", "normal", "special"}:
        parser.error("--sets takes random, normal and special")
    sys.path.insert(0, args.shared)
    import scalar_vs_softfloat as shared
    wall_results = {} if args.skip_wall else wall(args, shared)
    instr_results = {} if args.skip_instr else instr(args, shared)
    for file, data in [("wall.json", wall_results), ("instr.json", instr_results)]:
        if data:
            with open(os.path.join(args.out, file), "w") as handle:
                json.dump({"protocol": {k: v for k, v in vars(args).items()}, "results": data}, handle, indent=1)
    text = table(args, wall_results, instr_results)
    with open(os.path.join(args.out, "table.md"), "w") as handle:
        handle.write(text)
    print(text, end="")


if __name__ == "__main__":
    main()
