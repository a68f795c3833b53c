#!/usr/bin/env python3
"""Draw a fixed-seed sample of examples from `tunedata convert` over the shared legal corpus.

Usage (from the project root):
  python3 Benchmarks/quality/sample.py --tag before --seed 16001 [--size 300] [--binary .build/release/tunedata]

Runs `convert` on ../shared/corpus/legal-pdf and ../shared/corpus/legal-html into /tmp/quality-TAG-{pdf,html}
(reused when present, unless --fresh), pools train and validation examples with their provenance, draws
--size of them with Python's random.Random(seed), and writes Benchmarks/quality/sample-TAG.jsonl: one line
per drawn example with its provenance (source, document, passage, template, variant, section, pages),
the document kind by corpus folder, whether it is a held-out CUAD contract, and the user and assistant text.
Labels go in labels-TAG.tsv beside it (see RUBRIC.md); `score.py` joins the two.

--run RUN reuses the convert output of another tag (/tmp/quality-RUN-{pdf,html}); --held-out-only draws
only from the examples of the held-out CUAD contracts (the target's "contracts the tool has never seen").
"""
import argparse
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
INPUTS = {"pdf": os.path.join(CORPUS, "legal-pdf"), "html": os.path.join(CORPUS, "legal-html")}


def corpus_kind(source):
    """The document kind a lawyer would give the file, by the corpus folder it sits in (ground truth)."""
    s = source.replace("\\", "/")
    name = os.path.basename(s).lower()
    if "/cuad/" in s:
        return "contract"
    if "freelaw" in s or "scotus" in name or "dsp-" in name:
        return "opinion/filing"
    if "eurlex" in s or "dmca" in name or "federal-register" in name or "verordening" in name:
        return "regulation/statute" if "ingekomen" not in name else "other"
    if "scancode" in s:
        return "policy/terms"
    return "other"


def held_out_contracts():
    """CUAD contracts at indices 4, 9, 14, ... of the sorted file names: never used for tuning."""
    names = sorted(n for n in os.listdir(os.path.join(INPUTS["pdf"], "cuad", "pdf")) if n.lower().endswith(".pdf"))
    return {stem(n) for i, n in enumerate(names) if i % 5 == 4}


def stem(path):
    """The contract's name without folder and extension: its PDF and CUAD's text of it share it."""
    return os.path.splitext(os.path.basename(path))[0]


def run_convert(binary, name, path, out, fresh):
    if fresh or not os.path.exists(os.path.join(out, "manifest.json")):
        subprocess.run([binary, "convert", path, "-o", out], check=True, stdout=subprocess.DEVNULL)


def load(out):
    examples = []
    for split in ("train.jsonl", "validation.jsonl"):
        p = os.path.join(out, split)
        if os.path.exists(p):
            with open(p) as f:
                examples += [json.loads(line) for line in f if line.strip()]
    with open(os.path.join(out, "provenance.jsonl")) as f:
        provenance = [json.loads(line) for line in f if line.strip()]
    assert len(examples) == len(provenance), (out, len(examples), len(provenance))
    return list(zip(examples, provenance))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tag", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "tunedata"))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--run", help="reuse the convert output of this tag (default: --tag)")
    parser.add_argument("--held-out-only", action="store_true")
    args = parser.parse_args()
    held = held_out_contracts()
    pool = []
    for name, path in INPUTS.items():
        out = f"/tmp/quality-{args.run or args.tag}-{name}"
        run_convert(args.binary, name, path, out, args.fresh)
        pool += load(out)
    if args.held_out_only:
        pool = [item for item in pool if stem(item[1].get("source", "")) in held]
    rng = random.Random(args.seed)
    drawn = rng.sample(range(len(pool)), min(args.size, len(pool)))
    path = os.path.join(HERE, f"sample-{args.tag}.jsonl")
    with open(path, "w") as f:
        for n, i in enumerate(drawn, 1):
            example, prov = pool[i]
            messages = example.get("messages", [])
            user = next((m["content"] for m in messages if m["role"] == "user"), example.get("prompt", ""))
            answer = next((m["content"] for m in messages if m["role"] == "assistant"), example.get("completion", ""))
            source = prov.get("source", "")
            row = {
                "id": f"{args.tag}-{n:03d}", "source": source, "document": prov.get("document"),
                "split": prov.get("split"), "line": prov.get("line"), "template": prov.get("template"), "variant": prov.get("variant"),
                "section": prov.get("section"), "pages": prov.get("pages"), "kind": corpus_kind(source),
                "held_out": stem(source) in held, "run": args.run or args.tag, "user": user, "assistant": answer,
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} of {len(pool)} examples -> {path}")


if __name__ == "__main__":
    sys.exit(main())
