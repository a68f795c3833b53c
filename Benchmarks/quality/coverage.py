#!/usr/bin/env python3
"""Coverage: the share of each CUAD contract's body words that appear in at least one kept answer.

Usage: python3 Benchmarks/quality/coverage.py OUT_DIR [OUT_DIR2 ...]

OUT_DIR is a `tunedata convert ../shared/corpus/legal-pdf` (or `legal-pdf/cuad`) output folder. The
body words are CUAD's own text of each contract (`cuad/txt/NAME.txt`, the ground truth), lower-cased
words of letters and digits. A word is covered when one of the 5-word runs containing it occurs in one of
that contract's kept answers (train + validation; once counting the answers from the contract's PDF and
from CUAD's .txt of it, which `convert ../shared/corpus/legal-pdf` also reads, once the PDF's alone), so a common word is not covered by chance. Prints
one line per output folder: the mean share over the 50 contracts, over the 40 tuned on and over the 10
held out (indices 4, 9, ... of the sorted file names), and with --each the share per contract.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CUAD = os.path.join(HERE, "..", "..", "..", "shared", "corpus", "legal-pdf", "cuad")
N = 5


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def shingles(ws):
    return {tuple(ws[i:i + N]) for i in range(len(ws) - N + 1)}


def coverage(body, answer_shingles):
    covered = [False] * len(body)
    for i in range(len(body) - N + 1):
        if tuple(body[i:i + N]) in answer_shingles:
            for j in range(i, i + N):
                covered[j] = True
    return sum(covered) / max(len(body), 1)


def kept_answers(out, pdf_only=False):
    by_source = {}
    rows = []
    for split in ("train.jsonl", "validation.jsonl"):
        p = os.path.join(out, split)
        if os.path.exists(p):
            rows += [json.loads(l) for l in open(p) if l.strip()]
    provs = [json.loads(l) for l in open(os.path.join(out, "provenance.jsonl")) if l.strip()]
    for ex, prov in zip(rows, provs):
        if pdf_only and not prov["source"].lower().endswith(".pdf"):
            continue
        answer = " ".join(m["content"] for m in ex.get("messages", []) if m["role"] == "assistant")
        answer = answer or ex.get("completion", "")
        # A contract's PDF and CUAD's text of it (both in legal-pdf/cuad) count as one contract.
        by_source.setdefault(os.path.splitext(os.path.basename(prov["source"]))[0], []).append(answer)
    return by_source


def main():
    each = "--each" in sys.argv
    outs = [a for a in sys.argv[1:] if not a.startswith("--")]
    manifest = [l.rstrip("\n").split("\t") for l in open(os.path.join(CUAD, "MANIFEST.tsv"))][1:]
    pairs = sorted((row[0], row[1]) for row in manifest)
    for out, pdf_only in [(o, p) for o in outs for p in (False, True)]:
        answers = kept_answers(out, pdf_only)
        shares, tuned, held = [], [], []
        for i, (pdf, txt) in enumerate(pairs):
            body = words(open(os.path.join(CUAD, "txt", txt), errors="replace").read())
            sh = set()
            for a in answers.get(os.path.splitext(pdf)[0], []):
                sh |= shingles(words(a))
            share = coverage(body, sh)
            shares.append(share)
            (held if i % 5 == 4 else tuned).append(share)
            if each:
                print(f"  {share:.3f}  {'HELD ' if i % 5 == 4 else ''}{pdf}")
        mean = lambda xs: sum(xs) / max(len(xs), 1)
        print(f"{out} ({'PDF answers only' if pdf_only else 'PDF and CUAD text answers'}): coverage all {mean(shares):.3f} (n={len(shares)}), tuned {mean(tuned):.3f} (n={len(tuned)}), "
              f"held-out {mean(held):.3f} (n={len(held)})")


if __name__ == "__main__":
    main()
