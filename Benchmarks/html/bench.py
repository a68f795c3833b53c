#!/usr/bin/env python3
"""Scoring side of the HTML benchmark (see README.md).

  bench.py prepare CORPUS WORKDIR     decompress the pages, write WORKDIR/{bench,legal}.list
  bench.py trafilatura WORKDIR        run trafilatura (fast and fallback modes), time it, save outputs
  bench.py score CORPUS WORKDIR       score every output file, print the table

Snippet scoring is trafilatura's own (tests/eval_gate.py): whitespace-normalised substring match;
each `with` snippet found is a true positive, else a false negative; each `without` snippet found is
a false positive. Legal pages are scored by word-level F1 against scancode's exact licence text.
"""
import collections
import gzip
import json
import os
import re
import sys
import time


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def bench_pages(corpus):
    root = os.path.join(corpus, "html-bench", "trafilatura")
    with open(os.path.join(root, "evaldata.json"), encoding="utf-8") as f:
        evaldata = json.load(f)
    for url, item in evaldata.items():
        for sub in ("cache", "eval"):  # cache/ before eval/, as trafilatura's evaluate.py resolves
            path = os.path.join(root, sub, item["file"] + ".gz")
            if os.path.isfile(path):
                yield url, item, path
                break


def legal_pages(corpus):
    root = os.path.join(corpus, "legal-html", "scancode-licensedb")
    for name in sorted(os.listdir(os.path.join(root, "html"))):
        key = name[: -len(".html")]
        truth = os.path.join(root, "truth", key + ".LICENSE")
        if os.path.isfile(truth):
            yield key, os.path.join(root, "html", name), truth


def prepare(corpus, work):
    os.makedirs(os.path.join(work, "pages"), exist_ok=True)
    names = []
    for index, (url, item, path) in enumerate(bench_pages(corpus)):
        out = os.path.join(work, "pages", f"{index:04d}.html")
        with gzip.open(path, "rb") as src, open(out, "wb") as dst:
            dst.write(src.read())
        names.append((out, url))
    with open(os.path.join(work, "bench.list"), "w") as f:
        f.write("".join(p + "\n" for p, _ in names))
    with open(os.path.join(work, "bench.urls.json"), "w") as f:
        json.dump({p: u for p, u in names}, f)
    with open(os.path.join(work, "legal.list"), "w") as f:
        f.write("".join(p + "\n" for _, p, _ in legal_pages(corpus)))


def run_trafilatura(work):
    import trafilatura

    summary = {}
    for listname in ("bench", "legal"):
        paths = open(os.path.join(work, listname + ".list")).read().split()
        pages = [open(p, "rb").read() for p in paths]
        for mode, fast in (("fast", True), ("fallback", False)):
            outputs = {}
            start = time.perf_counter()
            for path, page in zip(paths, pages):
                try:
                    outputs[path] = trafilatura.extract(
                        page, fast=fast, include_comments=False, include_tables=True, include_formatting=False
                    )
                except Exception:
                    outputs[path] = None
            summary[f"{listname}-{mode}"] = time.perf_counter() - start
            with open(os.path.join(work, f"trafilatura-{mode}.{listname}.json"), "w") as f:
                json.dump(outputs, f)
    with open(os.path.join(work, "trafilatura-timing.json"), "w") as f:
        json.dump(summary, f)


def snippet_scores(corpus, work, outputs):
    urls = json.load(open(os.path.join(work, "bench.urls.json")))
    by_url = {url: item for url, item, _ in bench_pages(corpus)}
    tp = fp = fn = 0
    for path, url in urls.items():
        item = by_url[url]
        result = outputs.get(path)
        text = norm(result) if isinstance(result, str) and result else ""
        t = sum(1 for w in item["with"] if text and norm(w) in text)
        f = sum(1 for w in item["without"] if text and norm(w) in text)
        tp, fp, fn = tp + t, fp + f, fn + len(item["with"]) - t
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0
    return precision, recall, f1


def words(text):
    return collections.Counter(re.findall(r"\w+", (text or "").lower()))


def legal_scores(corpus, outputs):
    f1s = []
    for key, html, truth in legal_pages(corpus):
        expected = words(open(truth, encoding="utf-8", errors="replace").read())
        got = words(outputs.get(html) or "")
        overlap = sum((expected & got).values())
        p = overlap / sum(got.values()) if got else 0
        r = overlap / sum(expected.values()) if expected else 0
        f1s.append(2 * p * r / (p + r) if p + r else 0)
    return sum(f1s) / len(f1s), min(f1s)


def score(corpus, work):
    rows = []
    timing = json.load(open(os.path.join(work, "trafilatura-timing.json")))
    swift = json.load(open(os.path.join(work, "tunedata-timing.json")))
    for name in ("tunedata", "trafilatura-fast", "trafilatura-fallback"):
        bench = json.load(open(os.path.join(work, f"{name}.bench.json")))
        legal = json.load(open(os.path.join(work, f"{name}.legal.json")))
        p, r, f1 = snippet_scores(corpus, work, bench)
        mean, worst = legal_scores(corpus, legal)
        seconds = swift["bench"]["extract_seconds"] if name == "tunedata" else timing["bench-" + name.split("-", 1)[1]]
        rows.append((name, p, r, f1, mean, worst, seconds))
    parse = swift["bench"]["parse_seconds"]
    pages = swift["bench"]["pages"]
    print(f"trafilatura benchmark: {pages} pages; scancode legal pages: word-level F1 vs truth\n")
    print(f"{'extractor':<22}{'precision':>10}{'recall':>8}{'F1':>8}{'legal F1':>10}{'worst':>8}{'seconds':>9}{'pages/s':>9}")
    for name, p, r, f1, mean, worst, seconds in rows:
        print(f"{name:<22}{p:>10.4f}{r:>8.4f}{f1:>8.4f}{mean:>10.4f}{worst:>8.4f}{seconds:>9.2f}{pages / seconds:>9.1f}")
    ours = rows[0][6]
    print(f"\nlibxml2 bare parse (same process, same pages): {parse:.2f} s")
    print(f"tunedata full extraction / bare parse:        {ours / parse:.2f}x")
    print(f"speed-up over trafilatura fast:               {rows[1][6] / ours:.1f}x")
    print(f"speed-up over trafilatura fallback (default): {rows[2][6] / ours:.1f}x")
    xmllint = os.path.join(work, "xmllint-seconds")
    if os.path.isfile(xmllint):
        print(f"xmllint --html --noout over all pages:        {float(open(xmllint).read()):.2f} s")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    elif command == "trafilatura":
        run_trafilatura(sys.argv[2])
    elif command == "score":
        score(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
