#!/usr/bin/env python3
"""Compares the lab's TOML reader (TOMLReader, behind SpecLoader) with Python's tomllib.

    Scripts/oracles/toml_oracle.py [--count N] [--seed S] [--keep DIR] [--write-fixtures]

tomllib (Python 3.11+ standard library) is an independent TOML 1.0 parser. The script writes
N documents (default 5000) to a folder: the Experiments/*.toml specs as they are, random
mutations of them (characters deleted, inserted, replaced; lines repeated, swapped, cut), and
grammar-built documents (every key, string, number and table form, with keys drawn from a
small pool so that redefinitions happen, a third of them mutated too). Then it runs

    TOML_ORACLE_DIR=DIR swift test --filter TOMLOracleDump

(a test that is skipped unless that variable is set; it writes DIR/NAME.swift.json with the
reader's result in toml-test's tagged JSON) and compares, document by document:

- tomllib refuses  -> the lab must refuse (any message);
- tomllib reads    -> the lab must read the same values (strings code point by code point,
                      floats bit for bit, any NaN equal), except a date or time (refused by the
                      lab with "dates and times are not used…") and an integer beyond 64 bits
                      (refused with "does not fit in 64 bits").

It prints the counts and the first differences; exit 1 if any. --write-fixtures also writes
the small fixed set of documents in FIXTURES to Tests/ExperimentRunnerTests/Fixtures/toml/ with
tomllib's reading (NAME.json), for the Swift tests that run without Python.
"""
import argparse
import datetime
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INT64 = (-(1 << 63), (1 << 63) - 1)

# ---------------------------------------------------------------------------------------------
# tomllib's reading as tagged JSON


def tagged(value):
    """toml-test's tagged form: tables are dicts, arrays lists, scalars {"type", "value"}."""
    if isinstance(value, dict):
        return {key: tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [tagged(item) for item in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        text = "nan" if math.isnan(value) else ("inf" if value == math.inf else "-inf" if value == -math.inf else repr(value))
        return {"type": "float", "value": text}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    raise TypeError(type(value))


def refusals(value):
    """Why the lab refuses a document tomllib reads: a date or time, an integer beyond 64 bits
    (the set of reasons found; the lab names the first in the text)."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return set().union(*map(refusals, value))
    if isinstance(value, (datetime.date, datetime.time)):
        return {"dates and times"}
    if isinstance(value, int) and not isinstance(value, bool) and not INT64[0] <= value <= INT64[1]:
        return {"does not fit in 64 bits"}
    return set()


def same(expected, actual):
    """Tagged JSON equality; floats by value and sign, any NaN equal."""
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(map(same, expected, actual))
    if not isinstance(expected, dict) or not isinstance(actual, dict):
        return False
    if set(expected) == {"type", "value"} and isinstance(expected.get("type"), str):
        if expected["type"] == "float" and actual.get("type") == "float":
            a, b = float(expected["value"]), float(actual["value"])
            return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
        return expected == actual
    return expected.keys() == actual.keys() and all(same(expected[key], actual[key]) for key in expected)


def read_with_tomllib(text):
    """('valid', tagged) | ('refused', why) | ('invalid', message)."""
    try:
        value = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return "invalid", str(error)
    why = refusals(value)
    return ("refused", " or ".join(sorted(why))) if why else ("valid", tagged(value))

# ---------------------------------------------------------------------------------------------
# Documents


KEY_POOL = ["a", "b", "c", "kind", "x-y", "_1", "0", "1", "parameters", "checks"]
TOKENS = ["[", "]", "{", "}", "=", '"', "'", "#", ".", ",", "\n", "\\", " ", "0", "1", "e", "_", "+",
          "-", ":", "x", "\t", "\r", "\r\n", "\x00", "\x7f", "\x1b", "é", "😀", '"""', "'''", "inf", "nan",
          "true", "1979-05-27", "07:32:00", "[[", "]]", "\\u", "\\U0001F600", "\\n", "a = 1", "\n[a]\n"]


def bare_key(r):
    if r.random() < 0.7:
        return r.choice(KEY_POOL)
    return "".join(r.choice("abcXYZ019_-") for _ in range(r.randint(1, 6)))


def basic_chars(r, multiline=False):
    parts = []
    for _ in range(r.randint(0, 8)):
        parts.append(r.choice(["a", "Z", " ", "\t", "é", "×", "😀", "#", "=", "'", "[", "]", "\\n", "\\t", '\\"',
                               "\\\\", "\\b", "\\f", "\\r", "\\u00e9", "\\u0000", "\\U0001F600", "\\U0010FFFF"]
                              + (["\n", '"', '""', "\\\n   ", "\\  \n\n  x"] if multiline else [])))
    return "".join(parts)


def literal_chars(r, multiline=False):
    pool = ["a", " ", "\t", "é", "\\", "\\n", '"', "#", "😀"] + (["\n", "'", "''"] if multiline else [])
    return "".join(r.choice(pool) for _ in range(r.randint(0, 8)))


def key_part(r):
    roll = r.random()
    if roll < 0.75:
        return bare_key(r)
    if roll < 0.9:
        return '"' + basic_chars(r) + '"'
    return "'" + literal_chars(r) + "'"


def key(r):
    return r.choice([".", " . ", ".\t"]).join(key_part(r) for _ in range(r.choice([1, 1, 1, 2, 2, 3])))


def digits(r, alphabet, count):
    text = r.choice(alphabet.lstrip("0") or alphabet)
    for _ in range(count - 1):
        text += ("_" if r.random() < 0.2 else "") + r.choice(alphabet)
    return text


def integer(r):
    roll = r.random()
    if roll < 0.1:
        return r.choice(["0", "+0", "-0", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                         "-9223372036854775809", "0x7FFFFFFFFFFFFFFF", "0x8000000000000000", "0o777", "0b0"])
    if roll < 0.25:
        prefix, alphabet = r.choice([("0x", "0123456789abcdefABCDEF"), ("0o", "01234567"), ("0b", "01")])
        return prefix + "".join(r.choice(alphabet) for _ in range(r.randint(1, 3))) + digits(r, alphabet, r.randint(1, 20))[1:]
    return r.choice(["", "+", "-"]) + digits(r, "0123456789", r.choice([r.randint(1, 12), r.randint(17, 20)]))


def float_text(r):
    roll = r.random()
    if roll < 0.15:
        return r.choice(["inf", "+inf", "-inf", "nan", "+nan", "-nan", "0.0", "-0.0", "1e400", "-1e-400", "5e-324",
                         "1.7976931348623157e308", "0e0", "1E06", "3.14159_26"])
    text = r.choice(["", "+", "-"]) + r.choice(["0", digits(r, "0123456789", r.randint(1, 6))])
    form = r.choice(["frac", "exp", "both"])
    if form in ("frac", "both"):
        text += "." + "".join(r.choice("0123456789") for _ in range(1)) + digits(r, "0123456789", r.randint(1, 17))[1:]
    if form in ("exp", "both"):
        text += r.choice("eE") + r.choice(["", "+", "-"]) + r.choice("0123456789") + digits(r, "0123456789", r.randint(1, 3))[1:]
    return text


def string(r):
    kind = r.random()
    if kind < 0.45:
        return '"' + basic_chars(r) + '"'
    if kind < 0.7:
        return "'" + literal_chars(r) + "'"
    if kind < 0.88:
        return '"""' + r.choice(["", "\n"]) + basic_chars(r, True) + r.choice(['"""', '""""', '"""""'])
    return "'''" + r.choice(["", "\n"]) + literal_chars(r, True) + r.choice(["'''", "''''", "'''''"])


def blank(r, newlines):
    parts = [r.choice(["", " ", "\t"])]
    if newlines and r.random() < 0.4:
        parts.append(r.choice(["\n", "# note ] , ×\n", "\n\n  "]))
    return "".join(parts)


def value(r, depth):
    roll = r.random()
    if depth < 4 and roll < 0.12:
        items = [value(r, depth + 1) for _ in range(r.randint(0, 4))]
        body = ",".join(blank(r, True) + item + blank(r, True) for item in items)
        if items and r.random() < 0.3:
            body += "," + blank(r, True)
        return "[" + body + blank(r, True) + "]"
    if depth < 4 and roll < 0.2:
        pairs = [key(r) + " = " + value(r, depth + 1) for _ in range(r.randint(0, 3))]
        return "{" + blank(r, False) + ", ".join(pairs) + blank(r, False) + "}"
    if roll < 0.45:
        return string(r)
    if roll < 0.65:
        return integer(r)
    if roll < 0.85:
        return float_text(r)
    if roll < 0.99:
        return r.choice(["true", "false"])
    return r.choice(["1979-05-27", "1979-05-27T07:32:00Z", "07:32:00", "1979-05-27 07:32:00.999+01:00"])


def grammar_document(r):
    lines = []
    for _ in range(r.randint(0, 4)):
        lines.append(key(r) + r.choice([" = ", "=", " =\t"]) + value(r, 0) + r.choice(["", "  # c", " #"]))
    for _ in range(r.randint(0, 5)):
        header = r.choice(["[{}]", "[{}]", "[[{}]]", "[ {} ]"]).format(key(r))
        lines.append(header + r.choice(["", " # header"]))
        for _ in range(r.randint(0, 3)):
            lines.append(r.choice(["", "  "]) + key(r) + " = " + value(r, 0))
        if r.random() < 0.2:
            lines.append("")
    return r.choice(["\n", "\r\n"]).join(lines) + r.choice(["", "\n"])


def mutate(r, text):
    for _ in range(r.randint(1, 3)):
        roll = r.random()
        position = r.randint(0, len(text))
        if roll < 0.3 and text:
            text = text[:position] + text[position + r.randint(1, 3):]
        elif roll < 0.6:
            text = text[:position] + r.choice(TOKENS) + text[position:]
        elif roll < 0.75 and text:
            text = text[:position] + r.choice(TOKENS) + text[position + 1:]
        else:
            lines = text.split("\n")
            i, j = r.randrange(len(lines)), r.randrange(len(lines))
            choice = r.random()
            if choice < 0.4:
                lines.insert(j, lines[i])
            elif choice < 0.8:
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines = lines[:i]
            text = "\n".join(lines)
    return text


def documents(count, seed):
    r = random.Random(seed)
    specs = {}
    folder = os.path.join(ROOT, "Experiments")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                specs[name[:-5]] = handle.read()
    result = {"spec-" + name: text for name, text in specs.items()}
    names = sorted(specs)
    index = 0
    while len(result) < count:
        index += 1
        if index % 2:
            result[f"mutated-{index:06d}"] = mutate(r, specs[r.choice(names)])
        else:
            text = grammar_document(r)
            result[f"grammar-{index:06d}"] = mutate(r, text) if r.random() < 0.33 else text
    return result

# ---------------------------------------------------------------------------------------------
# Fixtures for the Swift tests (tomllib's reading, committed)

FIXTURES = {
    "keys": 'bare_key-1 = 1\n"quoted ×" = 2\n\'literal \\n\' = 3\na . "b" . c = 4\n"" = 5\n3.14159 = "pi"\n',
    "strings": 'basic = "tab\\t quote\\" back\\\\ \\u00e9 \\U0001F600 \\b\\f\\r\\n"\nliteral = \'C:\\Users\\x\'\n'
               'multi = """\nline one\n  line two \\\n      joined\\\n\nend"""\nquotes = """a "" b """""\n'
               "multiliteral = '''\nraw \\n\n''''\ncrlf = \"\"\"a\r\nb\"\"\"\r\n",
    "numbers": "a = +99\nb = -17\nc = 1_000_000\nd = 0xDEAD_beef\ne = 0o755\nf = 0b1101_0110\ng = -9223372036854775808\n"
               "h = 6.626e-34\ni = -0.0\nj = 1E06\nk = 224_617.445_991\nl = inf\nm = -inf\nn = nan\no = 1e400\np = 5e-324\n",
    "arrays": "a = [ 1, [2, [3, [4]]], 'x', {y = 1}, ]\nb = [\n  # comment ]\n  1,  # one\n  2\n]\nc = []\nd = [[], [[]]]\n",
    "tables": "[a.b.c]\nx = 1\n[a]\ny = 2\nb.z = 3\n[[d.e]]\nv = 1\n[d.e.f]\nw = 2\n[[d.e]]\nv = 2\n"
              "[g]\nh = { i = 1, j.k = [1, 2], l = {} }\n",
    "spec-rounding": open(os.path.join(ROOT, "Experiments", "rounding-one-third.toml"), encoding="utf-8").read(),
    "bad-duplicate-key": "a = 1\nb = 2\na = 3\n",
    "bad-table-twice": "[a]\nx = 1\n[a]\ny = 2\n",
    "bad-dotted-then-header": "[a]\nb.c = 1\n[a.b]\n",
    "bad-inline-extended": "a = {b = 1}\na.c = 2\n",
    "bad-static-array-appended": "a = []\n[[a]]\n",
    "bad-value-terminator": "kind = \"accumulation\"\n[parameters]\ncounts = ]\n",
    "bad-escape": 'a = "\\x41"\n',
    "bad-leading-zero": "a = 012\n",
    "bad-inline-newline": "a = {b = 1,\n c = 2}\n",
    "bad-control-in-comment": "# \x7f\na = 1\n",
    "refused-date": "a = 1979-05-27T07:32:00Z\n",
    "refused-integer": "a = 9223372036854775808\n",
}


def write_fixtures():
    folder = os.path.join(ROOT, "Tests", "ExperimentRunnerTests", "Fixtures", "toml")
    os.makedirs(folder, exist_ok=True)
    for name, text in FIXTURES.items():
        outcome, payload = read_with_tomllib(text)
        with open(os.path.join(folder, name + ".toml"), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as handle:
            json.dump({outcome: payload}, handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.write("\n")
    print(f"wrote {len(FIXTURES)} fixtures to {os.path.relpath(folder, ROOT)}")

# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="write the documents and results here (kept) instead of a temporary folder")
    parser.add_argument("--write-fixtures", action="store_true")
    arguments = parser.parse_args()
    if arguments.write_fixtures:
        write_fixtures()

    folder = arguments.keep or tempfile.mkdtemp(prefix="toml-oracle-")
    os.makedirs(folder, exist_ok=True)
    docs = documents(arguments.count, arguments.seed)
    for name, text in docs.items():
        with open(os.path.join(folder, name + ".toml"), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    environment = dict(os.environ, TOML_ORACLE_DIR=os.path.abspath(folder))
    run = subprocess.run(["nice", "-n", "5", "swift", "test", "--filter", "TOMLOracleDump"], cwd=ROOT, env=environment,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if run.returncode != 0:
        print(run.stdout[-4000:])
        sys.exit("swift test --filter TOMLOracleDump failed")

    counts = {"valid": 0, "invalid": 0, "refused": 0}
    differences = []
    for name, text in docs.items():
        outcome, payload = read_with_tomllib(text)
        path = os.path.join(folder, name + ".swift.json")
        if not os.path.exists(path):
            differences.append((name, "no result from the Swift reader (did it trap?)"))
            continue
        with open(path, encoding="utf-8") as handle:
            swift = json.load(handle)
        counts[outcome] += 1
        if outcome == "valid":
            if "ok" not in swift:
                differences.append((name, f"tomllib reads it, the lab says: {swift['error']} (line {swift['line']})"))
            elif not same(payload, swift["ok"]):
                differences.append((name, f"values differ:\n  tomllib {json.dumps(payload, ensure_ascii=False)[:600]}\n"
                                          f"  lab     {json.dumps(swift['ok'], ensure_ascii=False)[:600]}"))
        elif outcome == "refused":
            if "ok" in swift or not any(why in swift["error"] for why in payload.split(" or ")):
                differences.append((name, f"the lab should refuse it ({payload}); it says {swift}"))
        elif "ok" in swift:
            differences.append((name, f"tomllib refuses it ({payload}); the lab reads it"))

    kinds = {prefix: sum(name.startswith(prefix) for name in docs) for prefix in ("spec-", "mutated-", "grammar-")}
    print(f"{len(docs)} documents ({kinds['spec-']} specs, {kinds['mutated-']} mutated specs, {kinds['grammar-']} grammar-built; seed {arguments.seed}):")
    print(f"  tomllib reads {counts['valid']} (the lab reads the same values), refuses {counts['invalid']} (the lab refuses too), "
          f"reads {counts['refused']} that the lab refuses by design (dates, integers beyond 64 bits)")
    print(f"  differences: {len(differences)}")
    for name, what in differences[:10]:
        print(f"--- {name}.toml: {what}\n{docs[name]!r}"[:1500])
    if not arguments.keep:
        shutil.rmtree(folder)
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
