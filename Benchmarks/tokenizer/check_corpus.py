#!/usr/bin/env python3
"""Compares the Swift tokenizer's ids with tiktoken's on the whole shared corpus; exits 1 on any mismatch.

Texts: every CUAD .txt in ../shared/corpus/legal-pdf/cuad/txt and every trafilatura benchmark page
(../shared/corpus/html-bench/trafilatura/eval/*.html.gz, the raw HTML decoded as UTF-8 with
replacement). Each text is written once as UTF-8 to a temporary folder, so both sides read identical
bytes. Swift ids come from one release `TokenizerBenchmark E --ids FILE...` process per encoding
(`swift build -c release --product TokenizerBenchmark`), or with --cli PATH from the command line,
`PATH tokens --ids --encoding E FILE`, one process per text (e.g. --cli .build/debug/tunedata).

usage: Benchmarks/tokenizer/check_corpus.py [--cli PATH] [--corpus DIR] [--limit N]
"""

import argparse
import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tiktoken_env  # noqa: E402

ROOT = tiktoken_env.PACKAGE_ROOT
ENCODINGS = ["cl100k_base", "o200k_base"]


def corpus_texts(corpus, limit):
    cuad = sorted((corpus / "legal-pdf" / "cuad" / "txt").glob("*.txt"))
    pages = sorted((corpus / "html-bench" / "trafilatura" / "eval").glob("*.html.gz"))
    if limit:
        cuad, pages = cuad[:limit], pages[:limit]
    for path in cuad:
        yield path.name, path.read_bytes().decode("utf-8", errors="replace")
    for path in pages:
        yield path.name, gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def swift_ids_per_file(encoding, files, cli):
    if cli is None:
        output = subprocess.run(
            [str(ROOT / ".build" / "release" / "TokenizerBenchmark"), encoding, "--ids", *map(str, files)],
            check=True, capture_output=True, text=True,
        ).stdout
        return [line.split() for line in output.split("\n")[: len(files)]]
    result = []
    for path in files:
        output = subprocess.run(
            [str(cli), "tokens", "--ids", "--encoding", encoding, str(path)],
            check=True, capture_output=True, text=True,
        ).stdout
        result.append(output.split())
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", type=Path, help="a tunedata binary: check `tunedata tokens --ids` instead")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files of each set")
    options = parser.parse_args()
    if not options.corpus.is_dir():
        sys.exit(f"corpus not found: {options.corpus}")

    with tempfile.TemporaryDirectory() as folder:
        names, files, texts = [], [], []
        for index, (name, text) in enumerate(corpus_texts(options.corpus, options.limit)):
            path = Path(folder) / f"{index:05d}.txt"
            path.write_bytes(text.encode("utf-8"))
            names.append(name)
            files.append(path)
            texts.append(text)
        total_mismatches = 0
        for encoding_name in ENCODINGS:
            encoding = tiktoken_env.get_encoding(encoding_name)
            swift = swift_ids_per_file(encoding_name, files, options.cli)
            mismatches = 0
            tokens = 0
            for name, text, swift_ids in zip(names, texts, swift):
                expected = [str(i) for i in encoding.encode_ordinary(text)]
                tokens += len(expected)
                if swift_ids != expected:
                    mismatches += 1
                    first = next((i for i, (a, b) in enumerate(zip(swift_ids, expected)) if a != b),
                                 min(len(swift_ids), len(expected)))
                    print(f"MISMATCH {encoding_name} {name}: {len(swift_ids)} vs {len(expected)} tokens, "
                          f"first difference at token {first}: swift {swift_ids[first:first + 5]} "
                          f"tiktoken {expected[first:first + 5]}")
            print(f"{encoding_name}: {len(files)} texts, {tokens} tokens, {mismatches} mismatching texts")
            total_mismatches += mismatches
        sys.exit(1 if total_mismatches else 0)


if __name__ == "__main__":
    main()
