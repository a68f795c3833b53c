#!/usr/bin/env python3
"""Time `tunedata convert` of two or more builds on the same inputs, runs interleaved.

A speed regression is a question about two builds, not about a build and a figure written down on
another day: machine load, caches and the peers' versions move between days. This runs each build
on the 50 CUAD contracts and on the 990 trafilatura benchmark pages, with 1 and 2 jobs, round after
round so load falls on each build alike, and prints medians and each build's ratio to the first.

Usage (from the package root; build the old commit in a worktree first):
    git worktree add /tmp/old 6b6e926 && (cd /tmp/old && swift build -c release --product tunedata)
    python3 Benchmarks/builds.py --runs 3 /tmp/old/.build/release/tunedata .build/release/tunedata

Skips with a message when ../shared/corpus is absent. Output folders are temporary and removed.
"""
import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MEASURE = ROOT / "Benchmarks" / "measure.py"
sys.path.insert(0, str(ROOT / "Benchmarks"))
from bench import html_bench_pages  # noqa: E402  (the same pages bench.py times)


def html_folder():
    """A folder of copies of the benchmark pages bench.py reads.

    Copies, not links: builds older than `--follow-symlinks` do not read links out of the folder."""
    folder = Path(tempfile.mkdtemp(prefix="tunedata-builds-html-"))
    for source in html_bench_pages():
        shutil.copyfile(source, folder / source.name)
    return folder


def measure(command):
    out = subprocess.run([sys.executable, str(MEASURE)] + command, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["exit"] != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(command), result["stderr_tail"]))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binaries", nargs="+", help="tunedata binaries; the first is the baseline")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="the parallel run's job count")
    args = parser.parse_args()
    if not CORPUS.exists():
        print("skipped: %s is absent" % CORPUS)
        return
    inputs = [("50 CUAD contracts", CORPUS / "legal-pdf" / "cuad" / "pdf"), ("990 HTML pages", html_folder())]
    cases = [(label, folder, jobs) for label, folder in inputs for jobs in (1, args.jobs)]
    results = {}
    out = Path(tempfile.mkdtemp(prefix="tunedata-builds-"))
    try:
        for _ in range(args.runs):
            for case in cases:
                for index, binary in enumerate(args.binaries):
                    label, folder, jobs = case
                    target = out / ("%d" % index)
                    result = measure([binary, "convert", str(folder), "-o", str(target), "--jobs", str(jobs),
                                      "--quiet"])
                    results.setdefault((label, jobs, index), []).append(result)
                    shutil.rmtree(target, ignore_errors=True)
    finally:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(inputs[1][1], ignore_errors=True)
    print("| input | jobs | build | wall s | CPU s | wall ÷ first | CPU ÷ first |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for label, _, jobs in cases:
        first = None
        for index, binary in enumerate(args.binaries):
            runs = results[(label, jobs, index)]
            wall = statistics.median(r["wall"] for r in runs)
            cpu = statistics.median(r["user"] + r["sys"] for r in runs)
            first = first or (wall, cpu)
            print("| %s | %d | `%s` | %.2f | %.2f | %.2f | %.2f |"
                  % (label, jobs, binary, wall, cpu, wall / first[0], cpu / first[1]))


if __name__ == "__main__":
    main()
