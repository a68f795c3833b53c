#!/usr/bin/env python3
"""Single-threaded encode throughput: the Swift Tokenizer beside tiktoken's encode_ordinary, same inputs.

Inputs: the CUAD contract texts (../shared/corpus/legal-pdf/cuad/txt) concatenated into one text and
encoded file by file; and pathological texts without spaces (one long pre-tokenizer piece each) at
1 MB and 2 MB, to show how time scales. Swift times come from the release `TokenizerBenchmark`
executable (build with `swift build -c release --product TokenizerBenchmark`; run.sh does it). Each
figure is the best of --repeat runs of the encoding thread's CPU time (time.thread_time here,
CLOCK_THREAD_CPUTIME_ID there), which a busy shared machine disturbs less than wall time; MB = 10^6
bytes of UTF-8. Loading the vocabulary is not timed.

usage: Benchmarks/tokenizer/bench.py [--repeat N] [--corpus DIR]
"""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tiktoken_env  # noqa: E402

ROOT = tiktoken_env.PACKAGE_ROOT
BINARY = ROOT / ".build" / "release" / "TokenizerBenchmark"
ENCODINGS = ["cl100k_base", "o200k_base"]
PATHOLOGICAL = [("one letter", "a"), ("one CJK character", "\u4e2d"), ("a word repeated", "contractbetweenparties")]


def swift_times(encoding, files, repeat):
    """(tokens, seconds) per file from the Swift benchmark executable."""
    output = subprocess.run(
        [str(BINARY), encoding, *map(str, files), "--repeat", str(repeat)],
        check=True, capture_output=True, text=True,
    ).stdout
    rows = [line.split() for line in output.splitlines() if not line.startswith("#")]
    return [(int(tokens), float(seconds)) for _, tokens, seconds, _ in rows]


def tiktoken_time(encoding, text, repeat):
    best, ids = float("inf"), []
    for _ in range(repeat):
        start = time.thread_time()
        ids = encoding.encode_ordinary(text)
        best = min(best, time.thread_time() - start)
    return len(ids), best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    options = parser.parse_args()
    if not BINARY.exists():
        sys.exit(f"{BINARY} missing: run swift build -c release --product TokenizerBenchmark")
    cuad = sorted((options.corpus / "legal-pdf" / "cuad" / "txt").glob("*.txt"))
    if not cuad:
        sys.exit(f"no CUAD texts under {options.corpus}")

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        texts = [path.read_bytes().decode("utf-8", errors="replace") for path in cuad]
        per_file = []
        for index, text in enumerate(texts):
            path = folder / f"cuad{index:03d}.txt"
            path.write_text(text, encoding="utf-8")
            per_file.append(path)
        joined = folder / "cuad-all.txt"
        joined.write_text("".join(texts), encoding="utf-8")
        inputs = [(f"CUAD, {len(texts)} files concatenated", [joined], ["".join(texts)])]
        inputs.append((f"CUAD, {len(texts)} files one by one", per_file, texts))
        for label, unit in PATHOLOGICAL:
            for megabytes in (1, 2):
                text = unit * (megabytes * 1_000_000 // len(unit.encode()))
                path = folder / f"{label.replace(' ', '-')}-{megabytes}MB.txt"
                path.write_text(text, encoding="utf-8")
                inputs.append((f"{megabytes} MB, {label}, no spaces", [path], [text]))

        print("| encoding | input | MB | tokens | Swift MB/s | tiktoken MB/s | Swift / tiktoken |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for encoding_name in ENCODINGS:
            encoding = tiktoken_env.get_encoding(encoding_name)
            encoding.encode_ordinary("warm up")
            for label, files, file_texts in inputs:
                megabytes = sum(len(text.encode()) for text in file_texts) / 1e6
                swift = swift_times(encoding_name, files, options.repeat)
                reference = [tiktoken_time(encoding, text, options.repeat) for text in file_texts]
                swift_tokens, swift_seconds = sum(t for t, _ in swift), sum(s for _, s in swift)
                tiktoken_tokens, tiktoken_seconds = sum(t for t, _ in reference), sum(s for _, s in reference)
                agree = "" if swift_tokens == tiktoken_tokens else f" (token counts differ: {tiktoken_tokens})"
                print(f"| {encoding_name} | {label} | {megabytes:.2f} | {swift_tokens}{agree} | "
                      f"{megabytes / swift_seconds:.1f} | {megabytes / tiktoken_seconds:.1f} | "
                      f"{tiktoken_seconds / swift_seconds:.2f} |")


if __name__ == "__main__":
    main()
