#!/usr/bin/env python3
"""CPU cost per byte of `tunedata convert` on one-paragraph inputs against ordinary ones.

Writes, for text and HTML, SIZE bytes of legal-style sentences once as ordinary paragraphs (six
sentences each) and once as a single paragraph (a single <p> for HTML, no blank line for text),
converts each with one job, and prints CPU seconds (user + system of the child, steadier than wall
time on a shared machine) and the ratio one-paragraph ÷ ordinary (target ≤ 1.5). With --huge it also
converts a 54 MB one-line page under the default 60 s time limit.

    python3 Benchmarks/paragraphs/bench.py [--size-mb 5] [--huge] [--tunedata .build/release/tunedata]
"""
import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import tempfile
import time

WORDS = ("the licensee shall keep the software confidential and shall not disclose it to any third party "
         "without prior written consent of the licensor except as required by applicable law or a court order "
         "within thirty days of the notice under section 4.2 of this agreement").split()


def sentences(size, seed=1):
    rng = random.Random(seed)
    result, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))).capitalize() + "."
        result.append(sentence)
        total += len(sentence) + 1
    return result


def inputs(size):
    lines = sentences(size)
    paragraphs = [" ".join(lines[i:i + 6]) for i in range(0, len(lines), 6)]
    return {
        ("text", "ordinary"): ("contract.txt", "\n\n".join(paragraphs)),
        ("text", "one paragraph"): ("contract.txt", " ".join(lines)),
        ("html", "ordinary"): ("page.html", "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                               + "</article></body></html>"),
        ("html", "one paragraph"): ("page.html", "<html><body><article><p>" + " ".join(lines)
                                    + "</p></article></body></html>"),
    }


def convert(binary, folder, extra=()):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run([binary, "convert", folder, "-o", folder + "-out", "--jobs", "1", "--quiet", *extra],
                            capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, result


def main():
    parser = argparse.ArgumentParser()
    default = ".build/release/tunedata" if os.path.exists(".build/release/tunedata") else ".build/debug/tunedata"
    parser.add_argument("--tunedata", default=default)
    parser.add_argument("--size-mb", type=float, default=5)
    parser.add_argument("--huge", action="store_true", help="also convert a 54 MB one-line page")
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="tunedata-paragraphs-")
    try:
        measured = {}
        for (kind, shape), (name, text) in inputs(int(args.size_mb * (1 << 20))).items():
            folder = os.path.join(root, f"{kind}-{shape.replace(' ', '-')}")
            os.makedirs(folder)
            with open(os.path.join(folder, name), "w") as handle:
                handle.write(text)
            cpu, wall, result = convert(args.tunedata, folder)
            measured[(kind, shape)] = cpu
            print(f"{kind:<5} {shape:<14} {args.size_mb:g} MB  cpu {cpu:6.2f} s  wall {wall:6.2f} s  exit {result.returncode}")
        for kind in ("text", "html"):
            ratio = measured[(kind, "one paragraph")] / measured[(kind, "ordinary")]
            print(f"{kind}: one paragraph ÷ ordinary, CPU = {ratio:.2f} (target ≤ 1.5)")
        if args.huge:
            folder = os.path.join(root, "huge")
            os.makedirs(folder)
            lines = sentences(54 << 20)
            with open(os.path.join(folder, "statute.html"), "w") as handle:
                handle.write("<html><body><p>" + " ".join(lines) + "</p></body></html>")
            cpu, wall, result = convert(args.tunedata, folder)
            with open(os.path.join(folder + "-out", "manifest.json")) as handle:
                counts = json.load(handle)["inputs"]
            outcome = "converted" if counts["converted"] == 1 else f"skipped: {counts['skippedByReason']}"
            load = os.getloadavg()[0]
            print(f"54 MB one-line page: cpu {cpu:.1f} s, wall {wall:.1f} s, {outcome} "
                  f"(load average {load:.1f} on {os.cpu_count()} cores)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
