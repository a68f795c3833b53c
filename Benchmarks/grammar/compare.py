#!/usr/bin/env python3
"""Compares two sets of `tunedata convert` outputs made by run.sh (before and after a change).

Usage: compare.py BEFORE AFTER [--show N]

For each corpus folder and each of train, validation, provenance and dropped (JSONL), prints the
number of lines only in BEFORE and only in AFTER (a changed line counts once on each side), and
with --show N the first N changed line pairs, so every difference can be traced to its cause.
"""
import difflib
import re
import sys
from pathlib import Path

FILES = ["train.jsonl", "validation.jsonl", "provenance.jsonl", "dropped.jsonl"]


LINE_NUMBER = re.compile(r'"line":[0-9]+,')


def lines(path):
    """The file's lines; provenance without its line numbers, which shift after any removed line."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    if path.name == "provenance.jsonl":
        text = LINE_NUMBER.sub("", text)
    return text.splitlines()


def main():
    args = sys.argv[1:]
    show = 0
    if "--show" in args:
        at = args.index("--show")
        show = int(args[at + 1])
        del args[at : at + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    before, after = Path(args[0]), Path(args[1])
    total = 0
    for corpus in sorted(p.name for p in before.iterdir() if p.is_dir()):
        for name in FILES:
            old, new = lines(before / corpus / name), lines(after / corpus / name)
            removed, added = [], []
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
                if op != "equal":
                    removed += old[i1:i2]
                    added += new[j1:j2]
            total += len(removed) + len(added)
            print(f"{corpus:12} {name:18} {len(old):6} lines  -{len(removed):<5} +{len(added)}")
            for old_line, new_line in list(zip(removed, added))[:show]:
                print(f"    - {old_line[:400]}\n    + {new_line[:400]}")
    print(f"changed lines: {total}")


if __name__ == "__main__":
    main()
