#!/usr/bin/env python3
"""Random texts built from the characters the split patterns treat specially, Swift ids vs tiktoken's.

Each text mixes ASCII letters of both cases, apostrophes and contraction letters, digits and other
numbers, spaces, tabs, CR/LF, Unicode spaces, slashes and punctuation, combining marks, upper/lower/
title/modifier/other letters beyond ASCII, CJK, emoji with ZWJ, and U+FFFD. With --long-pieces, each
text is 100 to 3,000 characters from one small alphabet without spaces instead, so the pieces are long
enough for the heap merge. Exits 1 on any mismatch and prints the smallest failing texts. Needs the
release TokenizerBenchmark (run.sh builds it).

usage: Benchmarks/tokenizer/fuzz_check.py [--seed N] [--texts N] [--length N] [--long-pieces]
"""

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tiktoken_env  # noqa: E402

BINARY = tiktoken_env.PACKAGE_ROOT / ".build" / "release" / "TokenizerBenchmark"
ALPHABET = (
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") + list("'''sStTdDmMlLvVeErR") + list("0123456789")
    + [" "] * 12 + ["\t", "\r", "\n", "\r\n", "\n\n", "\u00a0", "\u3000", "\u2003", "\u0085", "\x0b", "\x0c"]
    + list("/./,;:!?-_()[]{}<>|\"#$%&*+=@\\^`~") + ["<|endoftext|>"]
    + ["\u0301", "\u0300", "\u0308", "\u0e31", "\u093e", "\u094d", "\u20dd", "\u0903"]  # Mn, Mc, Me
    + ["\u00e9", "\u00c9", "\u00df", "\u01c5", "\u02b0", "\u3005", "\u4e2d", "\u6587", "\u3042", "\u30ab",
       "\ud55c", "\u0645", "\u05d0", "\u0e2a", "\u0905", "\u03a3", "\u03c3", "\u0416", "\u0436", "\u017f",
       "\u212a", "\U0001d400", "\U0001d44e", "\U00020000", "\u02c6"]  # letters of every case class
    + ["\u0661", "\u00bd", "\u2460", "\u216b", "\U0001d7d9"]  # Nd, No, Nl
    + ["\U0001f642", "\U0001f468\u200d\U0001f469", "\U0001f3fd", "\ufe0f", "\u200b", "\u200d", "\ufeff",
       "\ufffd", "\x00", "\u00a7", "\u2014", "\u201c", "\u2019"]
)


LONG_PIECE_ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyz", "aeiourstln", "\u4e2d\u6587\u65e5\u672c\u8a9e", "!?.-_=*/",
    "aAbB\u00e9\u00c9\u0301", "0123456789",
]


def long_piece_text(rng):
    alphabet = rng.choice(LONG_PIECE_ALPHABETS)
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(100, 3000)))


def random_text(rng, length):
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, length)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--texts", type=int, default=3000)
    parser.add_argument("--length", type=int, default=60)
    parser.add_argument("--long-pieces", action="store_true")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    if options.long_pieces:
        texts = [long_piece_text(rng) for _ in range(options.texts)]
    else:
        texts = [random_text(rng, options.length) for _ in range(options.texts)]
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index, text in enumerate(texts):
            path = Path(folder) / f"{index:06d}.txt"
            path.write_bytes(text.encode("utf-8"))
            files.append(str(path))
        for name in ("cl100k_base", "o200k_base"):
            encoding = tiktoken_env.get_encoding(name)
            output = subprocess.run([str(BINARY), name, "--ids", *files], check=True, capture_output=True, text=True)
            lines = output.stdout.split("\n")
            bad = [text for text, line in zip(texts, lines) if line.split() != [str(i) for i in encoding.encode_ordinary(text)]]
            failures += len(bad)
            print(f"{name}: {len(texts)} random texts, {len(bad)} mismatches")
            for text in sorted(bad, key=len)[:5]:
                print(f"  {text!r}: tiktoken {encoding.encode_ordinary(text)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
