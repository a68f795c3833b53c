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

With --prose the body is CUAD's text without the paragraphs that are not prose a lawyer would have a
model recite, judged on CUAD's text alone (not by the tool's gate): signature blocks (two or more
By:/Name:/Title: labels, or a signature rule with a label; and the testimonium, "IN WITNESS WHEREOF"
and the rest of its paragraph), contents pages (a "table of contents" line or
three lines ending in a page number or dotted leader), paragraphs under half letters (tables, fee grids), regulation clause tables (four or more
"FAR 52.202-1 Jul-04" rows),
and redaction runs (three or more [*]/[***] marks making up a fifth of the words). Both definitions are
printed when --prose is given: the plain one first.
"""
import os
import re
import sys

from sample import load

HERE = os.path.dirname(os.path.abspath(__file__))
CUAD = os.path.join(HERE, "..", "..", "..", "shared", "corpus", "legal-pdf", "cuad")
N = 5


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def shingles(ws):
    return {tuple(ws[i:i + N]) for i in range(len(ws) - N + 1)}


def coverage(segments, answer_shingles):
    covered_words, total = 0, 0
    for body in segments:
        covered = [False] * len(body)
        for i in range(len(body) - N + 1):
            if tuple(body[i:i + N]) in answer_shingles:
                for j in range(i, i + N):
                    covered[j] = True
        covered_words += sum(covered)
        total += len(body)
    return covered_words / max(total, 1)


SIGNATURE_LABEL = re.compile(r"(?i)\b(?:by|name|title|its|date|witness|signature)\s*:")
PAGE_TAIL = re.compile(r"(?m)(?:\.{4,}|\s{3,})\s*[0-9ivx]{1,4}\s*$")
WITNESS = re.compile(r"(?i)in witness whereof")
REDACTION = re.compile(r"\[\s*\*+\s*\]|\*{3,}")
# A regulation clause table read as text: a clause number followed by its date or the next number
# ("FAR 52.202-1 Jul-04 Definitions ... FAR 52.203-3 Apr-84 Gratuities").
CLAUSE_TABLE_ROW = re.compile(r"\b[A-Z]{2,6}\s+[0-9]{1,3}\.[0-9]{3}-[0-9]{1,5}\s+(?:[A-Z][a-z]{2}[- ][0-9]{2}\b|[A-Z]{2,6}\s+[0-9]{1,3}\.[0-9]{3}-)")


def is_prose(paragraph):
    """Whether a paragraph of CUAD's text is body prose (see --prose)."""
    text = paragraph.strip()
    if not text:
        return False
    labels = len(SIGNATURE_LABEL.findall(text))
    if labels >= 2 or (labels >= 1 and "_____" in text):
        return False
    if "table of contents" in text.lower() or len(PAGE_TAIL.findall(text)) >= 3:
        return False
    visible = [c for c in text if not c.isspace()]
    if visible and sum(c.isalpha() for c in visible) < 0.5 * len(visible):
        return False
    if len(CLAUSE_TABLE_ROW.findall(text)) >= 4:
        return False
    marks = len(REDACTION.findall(text))
    if marks >= 3 and marks >= 0.2 * max(len(text.split()), 1):
        return False
    return True


def body_segments(text, prose):
    """The body as runs of words: the whole text, or each run of consecutive prose paragraphs (so no
    5-word run spans a removed paragraph)."""
    if not prose:
        return [words(text)]
    segments, run = [], []
    for paragraph in re.split(r"\n\s*\n", text):
        # CUAD's text often runs the signature block into the last paragraph: the prose before
        # "IN WITNESS WHEREOF" is body, the witness clause and the signatures after it are not.
        # The testimonium itself ("IN WITNESS WHEREOF, the parties have executed this Agreement as of
        # the date first above written.") is the execution formula, the signature block's first line.
        witness = WITNESS.search(paragraph)
        if witness:
            run += words(paragraph[:witness.start()])
            if run:
                segments.append(run)
                run = []
            continue
        if is_prose(paragraph):
            run += words(paragraph)
        elif run:
            segments.append(run)
            run = []
    return segments + ([run] if run else [])


def kept_answers(out, pdf_only=False):
    by_source = {}
    for ex, prov in load(out):
        if pdf_only and not prov["source"].lower().endswith(".pdf"):
            continue
        answer = " ".join(m["content"] for m in ex.get("messages", []) if m["role"] == "assistant")
        answer = answer or ex.get("completion", "")
        # A contract's PDF and CUAD's text of it (both in legal-pdf/cuad) count as one contract.
        by_source.setdefault(os.path.splitext(os.path.basename(prov["source"]))[0], []).append(answer)
    return by_source


def main():
    each = "--each" in sys.argv
    definitions = (False, True) if "--prose" in sys.argv else (False,)
    outs = [a for a in sys.argv[1:] if not a.startswith("--")]
    manifest = [l.rstrip("\n").split("\t") for l in open(os.path.join(CUAD, "MANIFEST.tsv"))][1:]
    pairs = sorted((row[0], row[1]) for row in manifest)
    for out, pdf_only, prose in [(o, p, b) for o in outs for b in definitions for p in (False, True)]:
        answers = kept_answers(out, pdf_only)
        shares, tuned, held = [], [], []
        for i, (pdf, txt) in enumerate(pairs):
            body = body_segments(open(os.path.join(CUAD, "txt", txt), errors="replace").read(), prose)
            sh = set()
            for a in answers.get(os.path.splitext(pdf)[0], []):
                sh |= shingles(words(a))
            share = coverage(body, sh)
            shares.append(share)
            (held if i % 5 == 4 else tuned).append(share)
            if each:
                print(f"  {share:.3f}  {'HELD ' if i % 5 == 4 else ''}{pdf}")
        mean = lambda xs: sum(xs) / max(len(xs), 1)
        what = ("PDF answers only" if pdf_only else "PDF and CUAD text answers") + (", prose body" if prose else "")
        print(f"{out} ({what}): coverage all {mean(shares):.3f} (n={len(shares)}), tuned {mean(tuned):.3f} (n={len(tuned)}), "
              f"held-out {mean(held):.3f} (n={len(held)})")


if __name__ == "__main__":
    main()
