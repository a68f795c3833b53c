#!/usr/bin/env python3
"""Word P/R/F1 of `tunedata extract` on DOCX/ODT files whose text is known, with pandoc as the peer.

The fixtures (fixtures.py) are legal documents written as XML by hand: numbered articles, sections
and clauses (Word's "Article IV", "Section 2.1", "(a)", "(ii)"), tracked changes, a comment, hidden
text, a footnote, a table. The truth is what Word shows; list numbers are words of the truth, so a
tool that drops them loses recall. Also reported: the share of the truth's number labels found.

    python3 Benchmarks/office/bench.py [--tunedata .build/release/tunedata]
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402

WORD = re.compile(r"\([a-z0-9]+\)|[a-z0-9]+(?:\.[0-9]+)*")
LABEL = re.compile(r"^(?:\([a-z0-9]+\)|[0-9]+(?:\.[0-9]+)*\.?|article [ivxlc]+|section [0-9.]+)", re.I)


def words(text):
    return WORD.findall(text.lower())


def scores(output, truth):
    got, want = collections.Counter(words(output)), collections.Counter(words(truth))
    common = sum((got & want).values())
    precision = common / max(1, sum(got.values()))
    recall = common / max(1, sum(want.values()))
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return precision, recall, f1


def labels_found(output, truth):
    """Share of the truth's numbered lines whose label ("Section 2.1", "(a)", "3.") starts a line of the output."""
    lines = [line.strip() for line in re.split(r"\n+", output) if line.strip()]
    starts = collections.Counter(m.group(0).lower() for line in lines if (m := LABEL.match(line)))
    wanted = [m.group(0).lower() for line in truth.split("\n\n") if (m := LABEL.match(line))]
    found = 0
    for label in wanted:
        if starts[label] > 0:
            starts[label] -= 1
            found += 1
    return found, len(wanted)


def main():
    parser = argparse.ArgumentParser()
    default = ".build/release/tunedata" if os.path.exists(".build/release/tunedata") else ".build/debug/tunedata"
    parser.add_argument("--tunedata", default=default)
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    folder = tempfile.mkdtemp(prefix="tunedata-office-")
    rows = []
    try:
        for name, data, truth in fixtures.all_fixtures():
            path = os.path.join(folder, name)
            with open(path, "wb") as handle:
                handle.write(data)
            tools = [("tunedata", [args.tunedata, "extract", path])]
            if pandoc:
                tools.append(("pandoc", [pandoc, "--track-changes=accept", "-t", "plain", "--wrap=none", path]))
            for tool, command in tools:
                result = subprocess.run(command, capture_output=True, text=True)
                output = result.stdout if result.returncode == 0 else ""
                p, r, f = scores(output, truth)
                found, wanted = labels_found(output, truth)
                rows.append((name, tool, p, r, f, found, wanted, result.returncode))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{'file':<16} {'tool':<9} {'P':>6} {'R':>6} {'F1':>6} {'labels':>9}")
    for name, tool, p, r, f, found, wanted, code in rows:
        note = "" if code == 0 else f"  (exit {code})"
        print(f"{name:<16} {tool:<9} {p:6.3f} {r:6.3f} {f:6.3f} {found:>4}/{wanted:<4}{note}")
    if not pandoc:
        print("pandoc not installed (apt-get install pandoc): peer column missing")


if __name__ == "__main__":
    main()
