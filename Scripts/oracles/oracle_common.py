"""Helpers the oracles in this folder share (imported, never run on its own).

- `SplitMix64`: the lab's generator (PortableMath's SplitMix64), Python integers mod 2^64.
- `gaussian`, `wide`: the N(0,1) and "wide" float32 test tensors of the block-scaled oracles.
- `fp8_codes`: a float32 → FP8 cast by ml_dtypes, asserted equal to torch's cast.
- `nearest_power_of_two_exponent`: the k of the 2^k an E8M0 scale printed as its shortest
  decimal reads back to.
- `lab_quantize`: one `precision-lab quantize --input PATH --json` run, its document parsed.
- `hex_words`: float32 bit patterns as the 8-digit hex strings the fixtures store.
- `finish`: print the counts and the first failures, write the fixture, exit 1 on a failure.

    from oracle_common import SplitMix64, nearest_power_of_two_exponent
    SplitMix64(1).next()                      # 0x910a2dec89025cc1
    nearest_power_of_two_exponent(4e8)        # 28: 4e8 is the lab's shortest decimal for 2^28
"""
import json, subprocess, sys

import numpy as np

MASK = (1 << 64) - 1


class SplitMix64:
    """SplitMix64 as PortableMath spells it: state += golden gamma, then two xor-shift-multiplies."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def gaussian(rng, rows, columns):
    """N(0,1) float32 from a numpy Generator."""
    return rng.standard_normal((rows, columns)).astype(np.float32)


def wide(rng, rows, columns):
    """Rows whose magnitudes vary over 2^±40: row scale 2^U(−40,40), element magnitudes
    2^U(−12,0) times a normal."""
    row_scale = np.exp2(rng.uniform(-40, 40, (rows, 1)))
    magnitude = np.exp2(rng.uniform(-12, 0, (rows, columns)))
    return (rng.standard_normal((rows, columns)) * magnitude * row_scale).astype(np.float32)


def fp8_codes(values, numpy_type, torch_type):
    """Nearest-even FP8 codes (int64) of float32 values by ml_dtypes' cast, asserted equal to
    torch's `.to(torch_type)` on the same values."""
    import torch

    v = np.ascontiguousarray(np.asarray(values, dtype=np.float32))
    codes = v.astype(numpy_type).view(np.uint8).astype(np.int64)
    torch_codes = torch.from_numpy(v.copy()).to(torch_type).view(torch.uint8).numpy().astype(np.int64)
    assert np.array_equal(codes, torch_codes), f"ml_dtypes and torch disagree on a {torch_type} cast"
    return codes


def nearest_power_of_two_exponent(value):
    """The k of the power of two nearest `value` > 0 (ties down). The lab prints an E8M0 scale as
    the shortest decimal that rounds to it: 4e8 for 2^28 = 268 435 456 (2^29 = 536 870 912 is
    farther), so nearest_power_of_two_exponent(4e8) == 28; 0.75 gives −1."""
    k = int(np.floor(np.log2(value)))
    if value - 2.0 ** k > 2.0 ** (k + 1) - value:
        k += 1
    return k


def lab_quantize(binary, path, arguments):
    """Runs `binary quantize … --input path --json` with `arguments` (scheme and options) and
    returns the parsed JSON document."""
    out = subprocess.run([binary, "quantize"] + list(arguments) + ["--input", path, "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def hex_words(values):
    """Float32 values (or uint32 patterns) as 8-digit hex strings, row-major."""
    return [format(int(b), "08x") for b in np.asarray(values).view(np.uint32).reshape(-1)]


def finish(counts, failures, fixture=None, fixture_path=None):
    """Prints the counts and the first 20 failures, writes `fixture` to `fixture_path` if given,
    and exits 1 if anything failed (0 otherwise)."""
    print(json.dumps(counts, indent=1))
    for failure in failures[:20]:
        print("MISMATCH", failure)
    if fixture_path:
        with open(fixture_path, "w") as f:
            json.dump(fixture, f, separators=(",", ":"))
            f.write("\n")
    sys.exit(1 if failures else 0)
