#!/usr/bin/env python3
"""Report page benchmark: build time, size and browser timings of report.html at 1,000 and 100,000 examples.

  Benchmarks/report/bench.py [--sizes 1000,100000] [--runs 3] [--build-runs N] [--binary PATH] [--work DIR]

(from the package root). In one run:
  1. converts corpus-samples/ with the tunedata binary (release build by default) into WORK/seed: real
     examples, provenance, drops and manifest;
  2. for each size N, writes a synthetic dataset folder WORK/N by repeating the seed's examples with
     numbered text (so no two are equal), spread over N/50 documents (every tenth in validation), with
     5 % drops (duplicates of kept examples, near-duplicates, balance caps, each carrying its conversation
     as `dropped.jsonl` does) and a manifest scaled to match;
  3. times `tunedata report WORK/N` (builds report.html from the folder's files: reads, counts tokens,
     renders), and compares the page's size with the JSONL it describes (train + validation + dropped) and with
     all the folder's JSONL (plus provenance and drops);
  4. opens the page in headless Chromium (Selenium, Debian's chromium-driver) RUNS times and measures:
     first rows (navigation start to the first page of rows drawn, `performance.now()`), open (all read:
     navigation start to every block read and every control live; and Selenium's wall time for `get`,
     which waits for the load event), filter (choose a template, then a drop reason, in the filters:
     synchronous update plus forced layout), search (type a word: first search builds the search index; includes
     the page's 150 ms typing pause), next page, sort by tokens, and the JS heap after opening.
Prints one Markdown table (medians of the runs). Needs the same packages as the browser test:
chromium, chromium-driver, `pip install selenium`.
"""
import argparse
import copy
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "ReportBrowser"))
from report_check import browser, read_jsonl, wait_for  # noqa: E402

EXAMPLES_PER_DOCUMENT = 50
DROP_SHARE = 0.05


def release_binary():
    subprocess.run(["swift", "build", "-c", "release", "--product", "tunedata"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "tunedata")


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")


def synthesize(seed, folder, count):
    """A dataset folder of `count` kept examples made from the seed's, with the seed's manifest scaled."""
    os.makedirs(folder, exist_ok=True)
    seed_provenance = read_jsonl(os.path.join(seed, "provenance.jsonl"))
    seed_lines = read_jsonl(os.path.join(seed, "train.jsonl"))
    with open(os.path.join(seed, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    train, validation, provenance, lines = [], [], [], []
    by_document, by_template, by_category = {}, {}, {}
    for k in range(count):
        base = seed_provenance[k % len(seed_provenance)]
        line = copy.deepcopy(seed_lines[k % len(seed_lines)])
        for message in line["messages"]:
            if message["role"] != "system":
                message["content"] += f" [{k}]"
        document = k // EXAMPLES_PER_DOCUMENT
        split = "validation" if document % 10 == 9 else "train"
        target = validation if split == "validation" else train
        target.append(line)
        lines.append(line)
        source = f"docs/contract-{document:05d}.pdf"
        p = dict(base, split=split, line=len(target), source=source, document=f"{document:016x}", passage=k,
                 pages=[1 + (k % EXAMPLES_PER_DOCUMENT) // 5])
        provenance.append(p)
        by_document[source] = by_document.get(source, 0) + 1
        by_template[p["template"]] = by_template.get(p["template"], 0) + 1
        by_category[p.get("category", "(none)")] = by_category.get(p.get("category", "(none)"), 0) + 1
    order = sorted(range(len(provenance)), key=lambda i: provenance[i]["split"] != "train")
    provenance = [provenance[i] for i in order]
    lines = [lines[i] for i in order]
    dropped = []
    reasons = ["exact_duplicate", "near_duplicate", "balance_cap"]
    for j in range(int(count * DROP_SHARE)):
        kept = provenance[(j * 37) % len(provenance)]
        kept_line = lines[(j * 37) % len(provenance)]
        reference = {key: kept[key] for key in ("source", "document", "passage", "template")}
        reason = reasons[j % 3]
        drop = {"reason": reason, "example": dict(reference, variant=kept["variant"] + 10),
                "detail": {"exact_duplicate": "answer", "near_duplicate": "similarity 0.91",
                           "balance_cap": "document cap 40 (x)"}[reason]}
        if reason != "balance_cap":
            drop["duplicateOf"] = dict(reference, variant=kept["variant"])
        # Drops carry their conversation: an exact duplicate shares the kept answer, a near one differs
        # in a word, a capped one is its own.
        messages = copy.deepcopy(kept_line["messages"])
        for message in messages:
            if message["role"] == "user" or (reason != "exact_duplicate" and message["role"] == "assistant"):
                message["content"] += f" (variant {j})"
        drop["messages"] = messages
        dropped.append(drop)
    write_jsonl(os.path.join(folder, "train.jsonl"), train)
    write_jsonl(os.path.join(folder, "validation.jsonl"), validation)
    write_jsonl(os.path.join(folder, "provenance.jsonl"), provenance)
    write_jsonl(os.path.join(folder, "dropped.jsonl"), dropped)
    counts = {}
    for d in dropped:
        counts[d["reason"]] = counts.get(d["reason"], 0) + 1
    documents = len(by_document)
    manifest["examples"].update(generated=count + len(dropped), train=len(train), validation=len(validation),
                                dropped=counts)
    manifest["inputs"].update(seen=documents, converted=documents, pages=documents * 10)
    manifest["dataset"].update(trainExamples=len(train), validationExamples=len(validation),
                               trainDocuments=documents - documents // 10, validationDocuments=documents // 10,
                               droppedCounts=counts, warnings=[])
    distribution = {"byDocument": by_document, "byTemplate": by_template, "byCategory": by_category}
    manifest["dataset"]["after"] = distribution
    manifest["dataset"]["before"] = distribution
    manifest["documents"] = [{"source": s, "document": "", "format": "pdf", "title": f"Contract {i}", "pages": 10,
                              "passages": 10, "labelledPassages": 10, "definitions": 0,
                              "examples": n, "ungrounded": 0, "warnings": [], "metadata": {}}
                             for i, (s, n) in enumerate(sorted(by_document.items()))]
    manifest["validation"] = {"train.jsonl": manifest["validation"]["train.jsonl"]}
    with open(os.path.join(folder, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)


def single_block(page, out):
    """The page as main wrote it before rows came in blocks: every row in the one data block, the script
    last (the page's script reads both forms), for an A/B comparison at the same machine load."""
    with open(page, encoding="utf-8") as f:
        html = f.read()
    script_at = html.index("<script>(function")
    script_end = html.index("</script>", script_at) + len("</script>")
    script = html[script_at:script_end]
    html = html[:script_at] + html[script_end:]
    blocks = re.findall(r'<script type="application/json" id="report-rows-\d+">(.*?)</script>', html, re.S)
    html = re.sub(r'<script type="application/json" id="report-rows-\d+">.*?</script>', "", html, flags=re.S)
    start = html.index('id="report-data">') + len('id="report-data">')
    end = html.index("</script>", start)
    table = json.loads(html[start:end])
    for column in table["columns"]:
        if column.get("block"):
            first = column.pop("firstBlock")
            column.pop("block")
            column["values"] = [row for block in blocks[first:] for row in json.loads(block)]
    data = json.dumps(table, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    html = html[:start] + data + html[end:]
    html = html.replace("</main></body>", "</main>" + script + "</body>")
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)


def size(folder, *names):
    return sum(os.path.getsize(os.path.join(folder, n)) for n in names if os.path.exists(os.path.join(folder, n)))


def measure_browser(driver, url, runs):
    samples = {"first rows": [], "open (all read)": [], "open (Selenium get)": [], "filter": [],
               "filter by drop reason": [], "search (first)": [],
               "search (again)": [], "next page": [], "sort by tokens": [], "heap MB": []}
    for _ in range(runs):
        driver.get("about:blank")
        started = time.perf_counter()
        driver.get(url)
        wait_for(driver, lambda: driver.execute_script("return document.body.dataset.ready") == "true", timeout=60)
        samples["open (Selenium get)"].append((time.perf_counter() - started) * 1000)
        # A page from before the rows were split into blocks draws its first rows when it is all read.
        samples["first rows"].append(float(driver.execute_script(
            "return document.body.dataset.firstRowsMs || document.body.dataset.readyMs")))
        samples["open (all read)"].append(float(driver.execute_script("return document.body.dataset.readyMs")))
        samples["heap MB"].append(driver.execute_script(
            "return performance.memory ? performance.memory.usedJSHeapSize / 1048576 : 0"))
        samples["filter"].append(driver.execute_script("""
            var s = document.getElementById('filter-template'); s.selectedIndex = 2;
            var t = performance.now(); s.dispatchEvent(new Event('change'));
            document.body.offsetHeight; return performance.now() - t;"""))
        samples["filter by drop reason"].append(driver.execute_script("""
            document.getElementById('clear').click();
            var s = document.getElementById('filter-reason'); s.selectedIndex = 1;
            var t = performance.now(); s.dispatchEvent(new Event('change'));
            document.body.offsetHeight; return performance.now() - t;"""))
        for key, word in (("search (first)", "agreement"), ("search (again)", "customer")):
            before = driver.find_element("id", "status").text
            started = time.perf_counter()
            driver.execute_script("""var b = document.getElementById('search'); b.value = arguments[0];
                b.dispatchEvent(new Event('input'));""", word)
            wait_for(driver, lambda: driver.find_element("id", "status").text != before, timeout=60)
            samples[key].append((time.perf_counter() - started) * 1000)
        driver.find_element("id", "clear").click()
        samples["next page"].append(driver.execute_script("""
            var b = document.querySelector('#pager-top button:last-child'); var t = performance.now();
            b.click(); document.body.offsetHeight; return performance.now() - t;"""))
        samples["sort by tokens"].append(driver.execute_script("""
            var s = document.getElementById('sort'); s.value = 'tokens:desc'; var t = performance.now();
            s.dispatchEvent(new Event('change')); document.body.offsetHeight; return performance.now() - t;"""))
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        if errors:
            raise SystemExit(f"console errors: {errors[:3]}")
    return {k: statistics.median(v) for k, v in samples.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--single-block", action="store_true",
                        help="also time the same page with every row in one data block (as before blocks)")
    parser.add_argument("--build-runs", type=int, help="times `tunedata report` is timed (default: RUNS)")
    parser.add_argument("--binary", help="a tunedata binary (default: build the release one)")
    parser.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "tunedata-report-bench"))
    args = parser.parse_args()
    binary = args.binary or release_binary()
    seed = os.path.join(args.work, "seed")
    shutil.rmtree(seed, ignore_errors=True)
    subprocess.run([binary, "convert", "corpus-samples", "-o", seed, "--quiet"], cwd=ROOT, check=True)
    driver = browser(1280, 1000)
    rows = []
    try:
        for count in [int(s) for s in args.sizes.split(",")]:
            folder = os.path.join(args.work, str(count))
            shutil.rmtree(folder, ignore_errors=True)
            synthesize(seed, folder, count)
            builds, cpu = [], []
            for _ in range(args.build_runs or args.runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run([binary, "report", folder], check=True, stdout=subprocess.DEVNULL)
                builds.append(time.perf_counter() - started)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            page = size(folder, "report.html")
            jsonl = size(folder, "train.jsonl", "validation.jsonl", "dropped.jsonl")
            everything = size(folder, "train.jsonl", "validation.jsonl", "provenance.jsonl", "dropped.jsonl")
            timings = measure_browser(driver, "file://" + os.path.join(folder, "report.html"), args.runs)
            rows.append((count, statistics.median(builds), statistics.median(cpu), page, jsonl, everything, timings))
            if args.single_block:
                single = os.path.join(folder, "report-single-block.html")
                single_block(os.path.join(folder, "report.html"), single)
                timings = measure_browser(driver, "file://" + single, args.runs)
                rows.append((f"{count:,} (one block)", 0, 0, size(folder, "report-single-block.html"), jsonl,
                             everything, timings))
    finally:
        driver.quit()
    keys = list(rows[0][6].keys())
    print(f"load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| examples | `tunedata report` wall (CPU) | report.html | ÷ train+validation+dropped JSONL | ÷ all JSONL | "
          + " | ".join(k + (" (ms)" if k != "heap MB" else "") for k in keys) + " |")
    print("|" + "---|" * (5 + len(keys)))
    for count, build, cpu, page, jsonl, everything, timings in rows:
        count = f"{count:,}" if isinstance(count, int) else count
        print(f"| {count} | {build:.2f} s ({cpu:.2f} s) | {page / 1e6:.1f} MB | {page / jsonl:.2f}× | {page / everything:.2f}× | "
              + " | ".join(f"{timings[k]:.0f}" for k in keys) + " |")


if __name__ == "__main__":
    main()
