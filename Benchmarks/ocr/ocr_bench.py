#!/usr/bin/env python3
"""OCR quality and speed on CUAD contracts rendered to images without their text layer.

For each chosen contract (the held-out ones: every fifth CUAD PDF by sorted file name, indices 4, 9,
14, ..., shortest first until --pages pages are reached):
  1. born-digital: `tunedata extract --ocr never` reads the PDF's text layer;
  2. scanned: every page is rendered at 300 dpi in grayscale (`pdftoppm -r 300 -gray`) and packed
     into an image-only PDF (`img2pdf`), which `tunedata extract` (default `--ocr auto`) OCRs;
  3. both texts are scored against CUAD's own text of the contract (`txt/NAME.txt`): word
     precision, recall and F1 over lower-cased words (a multiset, so line breaks do not matter).
Speed is pages per CPU second of the OCR run (= pages per second per core; Tesseract runs one
thread per page worker).

Needs poppler-utils and img2pdf (Debian) and tesseract-ocr-eng. Usage:
    python3 Benchmarks/ocr/ocr_bench.py [--pages 20] [--binary .build/release/tunedata]
"""
import argparse
import collections
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CUAD = os.path.join(ROOT, "..", "shared", "corpus", "legal-pdf", "cuad")
WORD = re.compile(r"[a-z0-9]+")


def words(text):
    return collections.Counter(WORD.findall(text.lower()))


def score(candidate, truth):
    overlap = sum((candidate & truth).values())
    precision = overlap / max(1, sum(candidate.values()))
    recall = overlap / max(1, sum(truth.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(binary, args):
    result = subprocess.run([binary] + args, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {result.stderr.strip()}")
    return result.stdout, result.stderr


def page_count(binary, pdf):
    import json

    out, _ = run(binary, ["extract", pdf, "--ocr", "never", "--format", "json"])
    return json.loads(out).get("pageCount") or 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20, help="stop adding contracts at this many pages")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "tunedata"))
    options = parser.parse_args()
    for tool in ("pdftoppm", "img2pdf"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install poppler-utils img2pdf")
    if not os.path.isdir(CUAD):
        sys.exit(f"skipped: {CUAD} is absent")
    pdfs = sorted(os.listdir(os.path.join(CUAD, "pdf")))
    held_out = [name for index, name in enumerate(pdfs) if index % 5 == 4]
    sized = sorted((page_count(options.binary, os.path.join(CUAD, "pdf", n)), n) for n in held_out)
    chosen, total = [], 0
    for pages, name in sized:
        if pages == 0 or total >= options.pages:
            continue
        chosen.append((name, pages))
        total += pages

    rows = []
    ocr_cpu = ocr_wall = 0.0
    born_all, ocr_all, truth_all = collections.Counter(), collections.Counter(), collections.Counter()
    with tempfile.TemporaryDirectory() as scratch:
        for name, pages in chosen:
            pdf = os.path.join(CUAD, "pdf", name)
            txt = os.path.join(CUAD, "txt", os.path.splitext(name)[0] + ".txt")
            truth = words(open(txt, encoding="utf-8", errors="replace").read())
            born, _ = run(options.binary, ["extract", pdf, "--ocr", "never"])
            prefix = os.path.join(scratch, "page")
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", pdf, prefix], check=True)
            images = sorted(f for f in os.listdir(scratch) if f.startswith("page") and f.endswith(".png"))
            scanned = os.path.join(scratch, "scanned.pdf")
            subprocess.run(["img2pdf", "--output", scanned] + [os.path.join(scratch, f) for f in images], check=True)
            for f in images:
                os.remove(os.path.join(scratch, f))
            cpu, wall = cpu_of_children(), time.monotonic()
            ocr, _ = run(options.binary, ["extract", scanned, "--time-limit", "900"])
            ocr_cpu += cpu_of_children() - cpu
            ocr_wall += time.monotonic() - wall
            born_words, ocr_words = words(born), words(ocr)
            born_all += born_words
            ocr_all += ocr_words
            truth_all += truth
            rows.append((name, pages, score(born_words, truth), score(ocr_words, truth)))

    print(f"{'contract':60} {'pages':>5}  {'born P/R/F1':>17}  {'OCR P/R/F1':>17}")
    for name, pages, born, ocr in rows:
        print(
            f"{name[:60]:60} {pages:5d}  {born[0]:.3f} {born[1]:.3f} {born[2]:.3f}  {ocr[0]:.3f} {ocr[1]:.3f} {ocr[2]:.3f}"
        )
    born, ocr = score(born_all, truth_all), score(ocr_all, truth_all)
    print(f"{'all (word-weighted)':60} {total:5d}  {born[0]:.3f} {born[1]:.3f} {born[2]:.3f}  {ocr[0]:.3f} {ocr[1]:.3f} {ocr[2]:.3f}")
    print(
        f"OCR speed: {total / ocr_cpu:.2f} pages per CPU second (per core), {total / ocr_wall:.2f} pages/s wall on "
        f"{os.cpu_count()} cores"
    )
    print(f"target word F1 >= 0.97 on clean 300-dpi renders: {'met' if ocr[2] >= 0.97 else 'NOT met'}")


if __name__ == "__main__":
    main()
