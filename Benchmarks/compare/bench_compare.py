#!/usr/bin/env python3
"""Throughput and peak memory of `tunedata compare` against a local server answering in 200 ms.

Writes a dataset folder of N validation questions (chat lines shaped as tunedata's legal-section-qa
writes them, plus provenance), starts fake_openai.py with --latency-ms, and runs
`tunedata compare DIR --base M --tuned M --concurrency C` under /usr/bin/time to read the peak
resident set. Runs each size in --sizes so that memory per question can be read off.

    python3 Benchmarks/compare/bench_compare.py                    # 240 and 960 questions, concurrency 8
    python3 Benchmarks/compare/bench_compare.py --sizes 120 --concurrency 4
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
PARAGRAPH = ("The Supplier shall deliver the Goods to the Premises within thirty (30) days of the date of the "
             "Order, and risk in the Goods passes to the Customer on delivery. ")


def write_dataset(folder, count):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "validation.jsonl", "w") as lines, open(folder / "provenance.jsonl", "w") as provenance:
        for index in range(1, count + 1):
            answer = f"Section {index}. " + PARAGRAPH * (1 + index % 4)
            lines.write(json.dumps({"messages": [
                {"role": "system", "content": "You are a legal assistant. Answer by quoting the provision exactly."},
                {"role": "user", "content": f"What does Section {index} of the Supply Agreement provide?"},
                {"role": "assistant", "content": answer}]}) + "\n")
            provenance.write(json.dumps({"split": "validation", "line": index, "source": "in/supply.pdf",
                                         "document": "d1", "pages": [1 + index // 3], "section": f"Section {index}",
                                         "template": "legal-section-qa", "variant": 1}) + "\n")


def binary(path):
    if path:
        return path
    for build in ("release", "debug"):
        candidate = ROOT / ".build" / build / "tunedata"
        if candidate.exists():
            return str(candidate)
    sys.exit("build tunedata first: swift build -c release --product tunedata")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="240,960", help="question counts, comma-separated")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency-ms", type=int, default=200)
    parser.add_argument("--binary", help="the tunedata executable (default: .build/release, then .build/debug)")
    args = parser.parse_args()
    tunedata = binary(args.binary)
    server = subprocess.Popen([sys.executable, str(ROOT / "Benchmarks/compare/fake_openai.py"), "--port", "0",
                               "--latency-ms", str(args.latency_ms)], stdout=subprocess.PIPE, text=True)
    base_url = server.stdout.readline().split()[-1]
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="bench-compare-"))
    env = dict(os.environ, OPENAI_BASE_URL=base_url, OPENAI_API_KEY="sk-bench-local")
    print(f"tunedata: {tunedata}")
    print(f"server: fake_openai.py, {args.latency_ms} ms per answer; concurrency {args.concurrency} "
          f"(each question asks both models at once)")
    print(f"{'questions':>9} {'seconds':>8} {'questions/s':>12} {'peak RSS MB':>12}")
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            folder = scratch / f"n{size}"
            write_dataset(folder, size)
            started = time.monotonic()
            run = subprocess.run(["/usr/bin/time", "-v", tunedata, "compare", str(folder), "--base", "gpt-4o-mini",
                                  "--tuned", "ft:gpt-4o-mini:bench", "--concurrency", str(args.concurrency)],
                                 env=env, capture_output=True, text=True)
            elapsed = time.monotonic() - started
            if run.returncode != 0:
                sys.exit(run.stdout + run.stderr)
            rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1)) / 1024
            print(f"{size:>9} {elapsed:>8.2f} {size / elapsed:>12.1f} {rss:>12.1f}")
    finally:
        server.terminate()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
