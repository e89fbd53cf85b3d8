#!/usr/bin/env python3
"""Bit-for-bit comparison of PrecisionLab's GGUF codecs with ggml's own C code.

The reference is the compiled ggml shipped by the `libggml-python` wheel (PyPI), called through
ctypes: `ggml_quantize_chunk(type, X, dst, 0, R, C, W or NULL)` for quantization and
`dequantize_row_<type>` for dequantization. For each seed the script writes float32 matrices
(Gaussian, Laplace, Student-t(3), outlier channels and edge rows: zeros, one huge outlier,
1e-30 values, identical values, exact ties), optionally an importance-matrix vector, runs

    precision-lab quantize   --scheme gguf-T --input X.npy [--imatrix W.npy] --save-blocks OUT.bin
    precision-lab dequantize --scheme gguf-T --blocks IN.bin --shape R,C --output OUT.npy

and compares the block bytes row by row (quantize) and the float32 bits (dequantize of ggml's
own bytes). It prints, per type, rows compared and rows that differ. It also writes the golden
fixtures of the Swift tests with --fixtures PATH.

Optional tooling, not a project dependency (CI never runs it):
    pip install numpy gguf libggml-python
    Scripts/oracles/gguf_oracle.py [--binary .build/release/precision-lab] [--seeds 3]
    Scripts/oracles/gguf_oracle.py --bench          # ns/element of ggml's C quantizers
"""
import argparse
import ctypes
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import libggml

LIB_DIR = os.path.join(os.path.dirname(libggml.__file__), "lib64")
ctypes.CDLL(os.path.join(LIB_DIR, "libggml-base.so"), mode=ctypes.RTLD_GLOBAL)
GGML = ctypes.CDLL(os.path.join(LIB_DIR, "libggml-base.so"))

# name: (ggml type id, block elements, block bytes)
TYPES = {
    "q4_0": (2, 32, 18), "q4_1": (3, 32, 20), "q5_0": (6, 32, 22), "q5_1": (7, 32, 24),
    "q8_0": (8, 32, 34), "q2_K": (10, 256, 84), "q3_K": (11, 256, 110), "q4_K": (12, 256, 144),
    "q5_K": (13, 256, 176), "q6_K": (14, 256, 210), "iq2_xxs": (16, 256, 66),
    "iq2_xs": (17, 256, 74), "iq3_xxs": (18, 256, 98), "iq1_s": (19, 256, 50),
    "iq4_nl": (20, 32, 18), "iq3_s": (21, 256, 110), "iq2_s": (22, 256, 82),
    "iq4_xs": (23, 256, 136), "iq1_m": (29, 256, 56), "tq1_0": (34, 256, 54),
    "tq2_0": (35, 256, 66), "mxfp4": (39, 32, 17), "nvfp4": (40, 64, 36),
}
QUANTIZE_TYPES = ["q8_0", "q4_0", "q4_1", "q5_0", "q5_1", "q2_K", "q3_K", "q4_K", "q5_K", "q6_K",
                  "iq4_nl", "iq4_xs", "tq1_0", "tq2_0", "mxfp4", "nvfp4", "iq3_xxs", "iq2_xxs", "iq3_s", "iq2_xs", "iq2_s", "iq1_s", "iq1_m"]
DEQUANTIZE_ONLY = []
# The lattice types (IQ1/IQ2/IQ3); ggml refuses three of them without an importance matrix.
LATTICE = ["iq1_s", "iq1_m", "iq2_xxs", "iq2_xs", "iq2_s", "iq3_xxs", "iq3_s"]
REQUIRES_IMATRIX = ["iq2_xxs", "iq2_xs", "iq1_s"]

GGML.ggml_quantize_chunk.restype = ctypes.c_size_t
GGML.ggml_quantize_chunk.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64,
                                     ctypes.c_int64, ctypes.c_int64, ctypes.c_void_p]
GGML.ggml_quantize_init.argtypes = [ctypes.c_int]


def ggml_quantize(name, x, imatrix=None):
    type_id, block, size = TYPES[name]
    rows, columns = x.shape
    x = np.ascontiguousarray(x, dtype=np.float32)
    out = np.zeros(rows * columns // block * size, dtype=np.uint8)
    w = None if imatrix is None else np.ascontiguousarray(imatrix, dtype=np.float32)
    written = GGML.ggml_quantize_chunk(type_id, x.ctypes.data, out.ctypes.data, 0, rows, columns,
                                       None if w is None else w.ctypes.data)
    assert written == out.size, (name, written, out.size)
    return out.tobytes()


def ggml_dequantize(name, blocks, rows, columns):
    function = getattr(GGML, "dequantize_row_" + name)
    function.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
    source = np.frombuffer(blocks, dtype=np.uint8).copy()
    out = np.zeros(rows * columns, dtype=np.float32)
    function(source.ctypes.data, out.ctypes.data, rows * columns)
    return out.reshape(rows, columns)


def test_matrix(rng, columns):
    """Rows of every distribution plus the edge rows; returns (matrix, row labels)."""
    rows, labels = [], []
    def add(label, row):
        rows.append(np.asarray(row, dtype=np.float32)); labels.append(label)
    for _ in range(6):
        add("gaussian", rng.standard_normal(columns))
        add("laplace", rng.laplace(size=columns))
        add("student-t3", rng.standard_t(3, size=columns))
        scaled = rng.standard_normal(columns) * 0.02
        scaled[rng.integers(0, columns, 4)] *= 100
        add("outlier-channels", scaled)
        add("gaussian-1e-3", rng.standard_normal(columns) * 1e-3)
        add("gaussian-1e4", rng.standard_normal(columns) * 1e4)
    add("zeros", np.zeros(columns))
    row = rng.standard_normal(columns) * 0.01; row[columns // 3] = 1e4
    add("one-huge-outlier", row)
    add("1e-30", rng.standard_normal(columns) * 1e-30)
    add("1e-6", rng.standard_normal(columns) * 1e-6)
    add("identical", np.full(columns, 0.375))
    add("identical-negative", np.full(columns, -2.5))
    add("ties-small-integers", rng.integers(-8, 9, columns) * 0.5)
    add("ties-halves", rng.integers(-16, 17, columns) * 0.25 + 0.125)
    add("fp4-grid", rng.choice([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2.5, 3.5, 5, -0.25, -0.75, -1.25, -2.5, -5], columns))
    add("positive-only", np.abs(rng.standard_normal(columns)))
    add("negative-only", -np.abs(rng.standard_normal(columns)))
    add("sparse", rng.standard_normal(columns) * (rng.random(columns) < 0.05))
    return np.stack(rows), labels


def imatrix_vector(rng, columns):
    w = rng.gamma(0.5, 2.0, columns).astype(np.float32)
    w[rng.integers(0, columns, 3)] = 0.0
    return w


def run(binary, arguments):
    completed = subprocess.run([binary] + arguments, capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments)}: {completed.stderr.strip()}")


def compare(binary, seeds, columns_list, types):
    totals = {}
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(seeds):
            rng = np.random.default_rng(1100 + seed)
            for columns in columns_list:
                x, labels = test_matrix(rng, columns)
                rows = x.shape[0]
                x_path = os.path.join(folder, "x.npy"); np.save(x_path, x)
                w = imatrix_vector(rng, columns)
                w_path = os.path.join(folder, "w.npy"); np.save(w_path, w)
                for name in types:
                    for weighted in (False, True):
                        if not weighted and name in REQUIRES_IMATRIX:
                            continue
                        block, size = TYPES[name][1], TYPES[name][2]
                        row_bytes = columns // block * size
                        reference = ggml_quantize(name, x, w if weighted else None)
                        key = (name, "quantize" + ("+imatrix" if weighted else ""))
                        if name not in DEQUANTIZE_ONLY:
                            out = os.path.join(folder, "q.bin")
                            arguments = ["quantize", "--scheme", "gguf-" + name, "--input", x_path,
                                         "--save-blocks", out]
                            if weighted: arguments += ["--imatrix", w_path]
                            run(binary, arguments)
                            ours = open(out, "rb").read()
                            bad = [labels[r] for r in range(rows)
                                   if ours[r*row_bytes:(r+1)*row_bytes] != reference[r*row_bytes:(r+1)*row_bytes]]
                            tally(totals, key, rows, bad)
                        blocks = os.path.join(folder, "ref.bin"); open(blocks, "wb").write(reference)
                        out = os.path.join(folder, "d.npy")
                        run(binary, ["dequantize", "--scheme", "gguf-" + name, "--blocks", blocks,
                                     "--shape", f"{rows},{columns}", "--output", out])
                        ours = np.load(out).view(np.uint32)
                        theirs = ggml_dequantize(name, reference, rows, columns).view(np.uint32)
                        bad = [labels[r] for r in range(rows) if not np.array_equal(ours[r], theirs[r])]
                        tally(totals, (name, "dequantize" + ("+imatrix" if weighted else "")), rows, bad)
    print(f"{'type':<9} {'operation':<20} {'rows':>6} {'differ':>6}  first differing rows")
    for (name, operation), (count, bad) in totals.items():
        print(f"{name:<9} {operation:<20} {count:>6} {len(bad):>6}  {', '.join(sorted(set(bad))[:4])}")
    cases = sum(count for count, _ in totals.values())
    mismatches = sum(len(bad) for _, bad in totals.values())
    print(f"total: {cases} row comparisons, {mismatches} differ")
    return mismatches


def tally(totals, key, rows, bad):
    count, previous = totals.get(key, (0, []))
    totals[key] = (count + rows, previous + bad)


def fnv1a_floats(values):
    h = 0xcbf29ce484222325
    for byte in np.ascontiguousarray(values, dtype=np.float32).tobytes():
        h ^= byte
        h = (h * 0x100000001b3) & 0xffffffffffffffff
    return h


def edge_rows(rng):
    """256-element edge rows for the golden fixtures (name, values)."""
    rows = []
    rows.append(("gaussian", (rng.standard_normal(256) * 0.5).astype(np.float32)))
    rows[0][1][7] = 3.25
    rows.append(("zeros", np.zeros(256, np.float32)))
    row = (rng.standard_normal(256) * 0.01).astype(np.float32); row[100] = 1e4
    rows.append(("one huge outlier", row))
    rows.append(("1e-30 values", (rng.standard_normal(256) * 1e-30).astype(np.float32)))
    rows.append(("identical values", np.full(256, 0.375, np.float32)))
    rows.append(("exact ties", (rng.integers(-8, 9, 256) * 0.5 + 0.25).astype(np.float32)))
    rows.append(("fp4 midpoints", rng.choice([0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5.0, 6.0, -0.25, -1.75, -5.0], 256).astype(np.float32)))
    # No random draws below, so the rows above and the importance weights stay as they were.
    row = rows[0][1].copy(); row[0:32] = 0; row[96:128] = 0
    rows.append(("zero sub-blocks", row))  # IQ3_S skips their qs/signs slots
    return rows


def fixtures(path):
    """Golden blocks for the Swift tests: ggml's bytes for seeded 256-element rows, and an
    FNV-1a checksum of ggml's dequantized float32 bits for each."""
    rng = np.random.default_rng(20261202)
    rows = edge_rows(rng)
    w = imatrix_vector(rng, 256)
    version = getattr(libggml, "__version__", None) or "0.20.2 (libggml-python 0.20.2.post1)"
    lines = ["// Generated by Scripts/oracles/gguf_oracle.py --fixtures from ggml's C code",
             f"// (ggml {version}, called through ctypes); do not edit by hand.", "",
             "/// ggml_quantize_chunk bytes and dequantize_row_* checksums for seeded 256-element rows.",
             "enum GGUFGoldenBlocks {",
             "    struct Case: Sendable {",
             "        let type: String",
             "        let row: String",
             "        let weighted: Bool",
             "        /// The blocks, hex.",
             "        let blocks: String",
             "        /// FNV-1a (64-bit) of ggml's dequantized float32 values, little-endian bytes.",
             "        let dequantizedChecksum: UInt64",
             "    }",
             "    /// The rows' float32 bit patterns, by name.",
             "    static let rows: [String: [UInt32]] = ["]
    for name, values in rows:
        lines.append(f'        "{name}": [' + ", ".join(f"0x{v:08x}" for v in values.view(np.uint32)) + "],")
    lines.append("    ]")
    lines.append("    /// Importance weights (Gamma(0.5, 2) with three zeros), float32 bit patterns.")
    lines.append("    static let importance: [UInt32] = [" + ", ".join(f"0x{v:08x}" for v in w.view(np.uint32)) + "]")
    lines.append("    static let cases: [Case] = [")
    for name, values in rows:
        for t in [t for t in QUANTIZE_TYPES if t not in LATTICE] + LATTICE:
            for weighted in (False, True):
                if weighted and name != "gaussian" and t not in LATTICE:
                    continue
                if not weighted and t in REQUIRES_IMATRIX:
                    continue
                blocks = ggml_quantize(t, values[None, :], w if weighted else None)
                checksum = fnv1a_floats(ggml_dequantize(t, blocks, 1, 256))
                lines.append(f'        Case(type: "{t}", row: "{name}", weighted: {str(weighted).lower()}, '
                             f'blocks: "{blocks.hex()}", dequantizedChecksum: 0x{checksum:016x}),')
    lines.append("    ]")
    lines.append("}")
    open(path, "w").write("\n".join(lines) + "\n")
    print(f"wrote {path}")


def bench(types, columns=4096, rows=1024, repeats=5):
    """Single-threaded ns/element of ggml_quantize_chunk and dequantize_row_* (N(0,1) input).
    The types ggml quantizes only with an importance matrix are skipped (no imatrix here)."""
    rng = np.random.default_rng(7)
    x = rng.standard_normal((rows, columns)).astype(np.float32)
    print(f"ggml (libggml-python) single thread, {rows}x{columns} N(0,1), median of {repeats}")
    for name in [t for t in types if t not in REQUIRES_IMATRIX]:
        times = []
        for _ in range(repeats):
            start = time.perf_counter(); blocks = ggml_quantize(name, x); times.append(time.perf_counter() - start)
        dtimes = []
        for _ in range(repeats):
            start = time.perf_counter(); ggml_dequantize(name, blocks, rows, columns); dtimes.append(time.perf_counter() - start)
        n = rows * columns
        print(f"quantize gguf-{name:<8} {np.median(times) / n * 1e9:8.2f} ns/element   "
              f"dequantize {np.median(dtimes) / n * 1e9:6.3f} ns/element")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/precision-lab")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--columns", default="256,1024")
    parser.add_argument("--types", default=",".join(QUANTIZE_TYPES))
    parser.add_argument("--fixtures")
    parser.add_argument("--bench", action="store_true")
    arguments = parser.parse_args()
    GGML.ggml_quantize_init(0)
    if arguments.fixtures:
        fixtures(arguments.fixtures); return 0
    if arguments.bench:
        bench(arguments.types.split(",")); return 0
    columns = [int(c) for c in arguments.columns.split(",")]
    return 1 if compare(arguments.binary, arguments.seeds, columns, arguments.types.split(",")) else 0


if __name__ == "__main__":
    sys.exit(main())
