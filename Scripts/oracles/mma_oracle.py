#!/usr/bin/env python3
"""Compare `precision-lab mma --unit U` (line mode) with Microsoft's MMA-Sim on random cases.

MMA-Sim (github.com/microsoft/MMA-Sim, arXiv 2511.10909) is a bit-accurate Python model of tensor
cores and matrix cores, validated on real GPUs. This script is an oracle only: CI never runs it.

    pip install torch numpy            # CPU is enough
    git clone https://github.com/microsoft/MMA-Sim /tmp/mmasim
    Scripts/oracles/mma_oracle.py --mmasim /tmp/mmasim --binary .build/debug/precision-lab \
        --cases 500 --fixture Tests/MatrixUnitsTests/Fixtures/mma-sim-cases.txt

For every unit of `mma --list` it draws cases in five families — normal (exponents near 1),
wide (any finite code), cancellation (pairs of products that cancel, and a C that cancels the
first product), specials (NaN, inf, zeros sprinkled in), subnormals — runs MMA-Sim one dot product
at a time (m = n = 1) and precision-lab once per unit, and counts mismatches per unit. NaN results
match any NaN. Units MMA-Sim cannot compute (e2m1 operands at K = 32) are reported as skipped.

Two adaptations of MMA-Sim, both described in Sources/MatrixUnits/README.md:
- its CDNA1/CDNA2 pairwise path asserts float32 operands; f16/bf16 operands are widened to float32
  (exact) after its input flush, as the instruction intends;
- the e2m1 K=64 units take packed bytes (low nibble first), which this script builds.
"""
import argparse
import random
import re
import subprocess
import sys

FORMATS = {
    # name: (bits, exponent bits, mantissa bits, non-finite kind)
    "float64": (64, 11, 52, "ieee"), "float32": (32, 8, 23, "ieee"), "float16": (16, 5, 10, "ieee"),
    "bfloat16": (16, 8, 7, "ieee"), "float8_e4m3fn": (8, 4, 3, "fn"), "float8_e5m2": (8, 5, 2, "ieee"),
    "float8_e4m3fnuz": (8, 4, 3, "fnuz"), "float8_e5m2fnuz": (8, 5, 2, "fnuz"),
    "float4_e2m1fn": (4, 2, 1, "none"), "float8_e8m0fnu": (8, 8, 0, "e8m0"),
}
ARCH = {"volta": "Volta", "turing": "Turing", "ampere": "Ampere", "ada": "Ada Lovelace", "hopper": "Hopper",
        "blackwell": "Blackwell", "rtx-blackwell": "RTX Blackwell", "cdna1": "CDNA1", "cdna2": "CDNA2", "cdna3": "CDNA3"}
FAMILIES = ["normal", "wide", "cancellation", "specials", "subnormals"]


def bias(fmt):
    bits, e, m, kind = FORMATS[fmt]
    if kind == "fnuz":
        return 1 << (e - 1)
    return (1 << (e - 1)) - 1


def is_nan(fmt, code):
    bits, e, m, kind = FORMATS[fmt]
    mag = code & ((1 << (bits - 1)) - 1)
    if kind == "ieee":
        return (mag >> m) == (1 << e) - 1 and mag & ((1 << m) - 1) != 0
    if kind == "fn":
        return mag == (1 << (bits - 1)) - 1
    if kind == "fnuz":
        return code == 1 << (bits - 1)
    if kind == "e8m0":
        return code == 0xFF
    return False


def finite_code(rng, fmt, family):
    """A random finite code of `fmt` from one case family."""
    bits, e, m, kind = FORMATS[fmt]
    if kind == "e8m0":
        return rng.randrange(117, 138) if family != "wide" else rng.randrange(0, 255)
    top = (1 << e) - 1
    max_biased = top - 1 if kind == "ieee" else top
    while True:
        sign = rng.randrange(2)
        if family == "subnormals" and rng.random() < 0.6:
            biased = 0
        elif family == "wide":
            biased = rng.randrange(0, max_biased + 1)
        else:
            b = bias(fmt)
            biased = max(0, min(max_biased, b + rng.randrange(-2, 3)))
        mant = rng.randrange(1 << m) if m else 0
        code = (sign << (bits - 1)) | (biased << m) | mant
        if not is_nan(fmt, code):
            return code


def special_code(rng, fmt):
    bits, e, m, kind = FORMATS[fmt]
    sign = rng.randrange(2) << (bits - 1)
    choices = [sign]  # zeros
    if kind == "ieee":
        choices += [sign | (((1 << e) - 1) << m), sign | (((1 << e) - 1) << m) | rng.randrange(1, 1 << m)]
    elif kind == "fn":
        choices += [sign | ((1 << (bits - 1)) - 1)]
    elif kind == "fnuz":
        choices = [0, 1 << (bits - 1)]
    return rng.choice(choices)


def operand(rng, fmt, family, tf32):
    code = finite_code(rng, fmt, family)
    if tf32:
        code = (code & ~0x1FFF) | rng.randrange(1 << 13)
    return code


def draw_case(rng, unit, family):
    k, a_fmt, b_fmt, c_fmt = unit["k"], unit["a"], unit["b"], unit["c"]
    tf32 = unit["tf32"]
    a = [operand(rng, a_fmt, family, tf32) for _ in range(k)]
    b = [operand(rng, b_fmt, family, tf32) for _ in range(k)]
    c = finite_code(rng, c_fmt, family if family != "cancellation" else "normal")
    if rng.random() < 0.15:
        c = 0
    if family == "cancellation":
        sign_a = 1 << (FORMATS[a_fmt][0] - 1)
        for j in range(0, k - 1, 2):
            a[j + 1] = a[j]
            b[j + 1] = b[j] ^ (1 << (FORMATS[b_fmt][0] - 1))
            if rng.random() < 0.5 and FORMATS[b_fmt][2] > 0:
                b[j + 1] ^= 1  # last-bit perturbation: a tiny residue survives
        if rng.random() < 0.5:
            c = 0
        del sign_a
    if family == "specials":
        for values, fmt in ((a, a_fmt), (b, b_fmt)):
            for i in range(k):
                if rng.random() < 0.08:
                    values[i] = special_code(rng, fmt)
        if rng.random() < 0.2:
            c = special_code(rng, c_fmt)
    scales_a = scales_b = []
    if unit["scale"]:
        s_fmt, block, ue4m3 = unit["scale"]
        count = k // block
        def scale():
            if ue4m3:
                code = finite_code(rng, "float8_e4m3fn", "wide" if family == "wide" else "normal") & 0x7F
                if family == "specials" and rng.random() < 0.1:
                    code = rng.choice([0x7F, 0x00])
                return code | (rng.randrange(2) << 7 if rng.random() < 0.2 else 0)
            code = finite_code(rng, "float8_e8m0fnu", "wide" if family == "wide" else "normal")
            if family == "specials" and rng.random() < 0.1:
                code = 0xFF
            return code
        scales_a = [scale() for _ in range(count)]
        scales_b = [scale() for _ in range(count)]
        if unit["k"] == 64 and family == "specials" and FORMATS[c_fmt][3] == "ieee" and not is_nan(c_fmt, c):
            # MMA-Sim has no rule for an infinite C in the mxf4nvf4 units (it raises).
            if (c >> 23) & 0xFF == 0xFF:
                c = 0
    return a, b, c, scales_a, scales_b


def hexcodes(values, fmt):
    digits = max(1, (FORMATS[fmt][0] + 3) // 4)
    return " ".join(format(v, "0%dx" % digits) for v in values)


def line_of(unit, case):
    a, b, c, sa, sb = case
    parts = [hexcodes(a, unit["a"]), hexcodes(b, unit["b"]), hexcodes([c], unit["c"])]
    if unit["scale"]:
        s_fmt = unit["scale"][0]
        parts += [hexcodes(sa, s_fmt), hexcodes(sb, s_fmt)]
    return " ; ".join(parts)


class MMASim:
    def __init__(self, path):
        sys.path.insert(0, path)
        import torch
        from mmasim.simulator import amd, nv_ptx
        from mmasim.simulator import arithmetic
        self.torch, self.nv, self.amd = torch, nv_ptx, amd
        original = arithmetic.pairwise_dot
        amd.pairwise_dot = lambda a, b, flush=False: original(a.float(), b.float(), flush)
        t = torch
        self.dtype = {"float64": (t.float64, t.int64), "float32": (t.float32, t.int32),
                      "float16": (t.float16, t.int16), "bfloat16": (t.bfloat16, t.int16),
                      "float8_e4m3fn": (t.float8_e4m3fn, t.uint8), "float8_e5m2": (t.float8_e5m2, t.uint8),
                      "float8_e4m3fnuz": (t.float8_e4m3fnuz, t.uint8), "float8_e5m2fnuz": (t.float8_e5m2fnuz, t.uint8),
                      "float8_e8m0fnu": (t.float8_e8m0fnu, t.uint8)}

    def tensor(self, codes, fmt, shape):
        t = self.torch
        dtype, view = self.dtype[fmt]
        bits = FORMATS[fmt][0]
        signed = [c - (1 << bits) if view != t.uint8 and c >> (bits - 1) else c for c in codes]
        return t.tensor(signed, dtype=view).view(dtype).reshape(shape)

    def instruction(self, name):
        arch_name, instr = name.split(":", 1)
        arch = ARCH[arch_name]
        if arch_name.startswith("cdna"):
            return self.amd.mfma(arch, instr[len("mfma."):])
        if instr.startswith("tcgen05.mma.block_scale."):
            return self.nv.tcgen05mma_block_scale(arch, instr[len("tcgen05.mma.block_scale."):])
        if instr.startswith("tcgen05.mma."):
            return self.nv.tcgen05mma(arch, instr[len("tcgen05.mma."):])
        if instr.startswith("wgmma."):
            return self.nv.wgmma(arch, instr[len("wgmma."):])
        if instr.startswith("mma.block_scale."):
            return self.nv.mma_block_scale(arch, instr[len("mma.block_scale."):])
        return self.nv.mma(arch, instr[len("mma."):])

    def run(self, unit, instruction, case):
        t = self.torch
        a, b, c, sa, sb = case
        k = unit["k"]
        instruction.m = instruction.n = 1
        if unit["a"] == "float4_e2m1fn":
            A = t.tensor([a[i] | a[i + 1] << 4 for i in range(0, k, 2)], dtype=t.uint8).reshape(1, k // 2)
            B = t.tensor([b[i] | b[i + 1] << 4 for i in range(0, k, 2)], dtype=t.uint8).reshape(k // 2, 1)
        else:
            A = self.tensor(a, unit["a"], (1, k))
            B = self.tensor(b, unit["b"], (k, 1))
        C = self.tensor([c], unit["c"], (1, 1))
        if unit["scale"]:
            s_fmt, block, ue4m3 = unit["scale"]
            fmt = "float8_e4m3fn" if ue4m3 else s_fmt
            D = instruction(A, B, C, self.tensor(sa, fmt, (1, k // block)), self.tensor(sb, fmt, (k // block, 1)))
        else:
            D = instruction(A, B, C)
        dtype, view = self.dtype[unit["d"]]
        bits = FORMATS[unit["d"]][0]
        return int(D.reshape(1).view(view)[0].item()) & ((1 << bits) - 1)


def parse_list(text):
    units = []
    for row in text.splitlines():
        fields = row.split()
        name, k = fields[0], int(fields[1][2:])
        get = lambda key: fields[fields.index(key) + 1]
        a, b = get("A"), get("B")
        tf32 = a.startswith("tf32")
        a = "float32" if tf32 else a
        b = "float32" if b.startswith("tf32") else b
        scale = None
        if "scale" in fields:
            s, block = get("scale").split("/")
            scale = ("float8_e4m3fn" if s == "ue4m3" else s, int(block), s == "ue4m3")
        units.append({"name": name, "k": k, "a": a, "b": b, "c": get("C"), "d": get("D"), "tf32": tf32, "scale": scale})
    return units


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mmasim", required=True, help="a checkout of github.com/microsoft/MMA-Sim")
    parser.add_argument("--binary", default=".build/debug/precision-lab")
    parser.add_argument("--cases", type=int, default=500, help="cases per unit (split over the five families)")
    parser.add_argument("--seed", type=int, default=20251114)
    parser.add_argument("--units", default=".", help="regular expression selecting unit names")
    parser.add_argument("--fixture", help="write a small fixture of MMA-Sim results here")
    parser.add_argument("--fixture-cases", type=int, default=5, help="fixture cases per unit (one per family)")
    args = parser.parse_args()

    sim = MMASim(args.mmasim)
    units = [u for u in parse_list(subprocess.run([args.binary, "mma", "--list"], check=True, capture_output=True,
                                                   text=True).stdout) if re.search(args.units, u["name"])]
    fixture = []
    total_cases = total_mismatches = 0
    print("unit\tcases\tmismatches")
    for unit in units:
        if unit["k"] == 32 and "float4_e2m1fn" in (unit["a"], unit["b"]):
            print(f"{unit['name']}\tskipped (MMA-Sim cannot compute e2m1 operands at K = 32)")
            continue
        rng = random.Random(f"{args.seed} {unit['name']}")
        instruction = sim.instruction(unit["name"])
        cases = [draw_case(rng, unit, FAMILIES[i % len(FAMILIES)]) for i in range(args.cases)]
        expected = [sim.run(unit, instruction, case) for case in cases]
        lines = [line_of(unit, case) for case in cases]
        result = subprocess.run([args.binary, "mma", "--unit", unit["name"]], input="\n".join(lines) + "\n",
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(f"{unit['name']}\tprecision-lab failed: {result.stderr.strip()}")
            total_mismatches += len(cases)
            total_cases += len(cases)
            continue
        got = [int(x, 16) for x in result.stdout.split()]
        mismatches = 0
        for line, want, have in zip(lines, expected, got):
            same = want == have or (is_nan(unit["d"], want) and is_nan(unit["d"], have))
            if not same:
                mismatches += 1
                if mismatches <= 3:
                    print(f"  MISMATCH {unit['name']}: {line} -> MMA-Sim {want:x}, precision-lab {have:x}", file=sys.stderr)
        print(f"{unit['name']}\t{len(cases)}\t{mismatches}", flush=True)
        total_cases += len(cases)
        total_mismatches += mismatches
        for line, want in list(zip(lines, expected))[: args.fixture_cases]:
            fixture.append(f"{unit['name']}\t{line}\t{want:x}")
    print(f"total\t{total_cases}\t{total_mismatches}")
    if args.fixture:
        with open(args.fixture, "w") as out:
            out.write("# unit<TAB>line<TAB>D code from MMA-Sim c785138 (Scripts/oracles/mma_oracle.py)\n")
            out.write("\n".join(fixture) + "\n")
    return 1 if total_mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
