#!/usr/bin/env python3
"""Print sampled examples for labelling, each beside its source text.

Usage: python3 Benchmarks/quality/show.py sample-TAG.jsonl [FIRST [LAST]]

For every example: its provenance, the question, the answer's opening and end, the source text just
before and after the answer (from `tunedata extract`, cached in /tmp/quality-extract), and whether
another example of the same run has the same answer (a repeat: "twin").
"""
import hashlib
import json
import os
import re
import subprocess
import sys

from sample import load

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BINARY = os.environ.get("TUNEDATA", os.path.join(ROOT, ".build", "release", "tunedata"))
CACHE = "/tmp/quality-extract"


def fold(text):
    return " ".join(re.findall(r"\w+", text.lower()))


def source_text(source):
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, hashlib.sha1(source.encode()).hexdigest() + ".txt")
    if not os.path.exists(path):
        result = subprocess.run([BINARY, "extract", source], capture_output=True, text=True)
        with open(path, "w") as f:
            f.write(result.stdout)
    with open(path) as f:
        return f.read()


def context(answer, text):
    """Source text around the answer: 120 characters before its start and after its end."""
    squash = re.sub(r"\s+", " ", text)
    a = re.sub(r"\s+", " ", answer).strip()
    head, tail = a[:50], a[-50:]
    start = squash.find(head)
    end = squash.find(tail, max(start, 0))
    before = squash[max(0, start - 120):start] if start >= 0 else "?"
    after = squash[end + len(tail):end + len(tail) + 120] if end >= 0 else "?"
    return before, after


def answers_by_run(tag):
    seen = {}
    for name in ("pdf", "html"):
        for ex, prov in load(f"/tmp/quality-{tag}-{name}"):
            ans = next((m["content"] for m in ex.get("messages", []) if m["role"] == "assistant"), "")
            seen.setdefault(fold(ans), []).append((prov["source"], prov.get("section"), prov["template"], prov.get("line")))
    return seen


def main():
    sample = sys.argv[1]
    tag = os.path.basename(sample)[len("sample-"):-len(".jsonl")]
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    last = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    lines = list(open(os.path.join(HERE, sample) if not os.path.exists(sample) else sample))
    # A sample drawn with --run reads the convert output of that run.
    twins = answers_by_run(json.loads(lines[0]).get("run", tag) if lines else tag)
    for n, line in enumerate(lines, 1):
        if not first <= n <= last:
            continue
        row = json.loads(line)
        ans = row["assistant"]
        before, after = context(ans, source_text(row["source"]))
        others = [t for t in twins.get(fold(ans), []) if (t[0], t[2], t[3]) != (row["source"], row["template"], row["line"])]
        print(f"=== {row['id']} [{row['kind']}{' HELD' if row['held_out'] else ''}] {os.path.basename(row['source'])} "
              f"{row['split']}:{row['line']} {row['template']}#{row['variant']} sec={row['section']!r} pages={row['pages']}")
        print("Q:", row["user"][:300])
        if len(ans) <= 700:
            print("A:", ans)
        else:
            print("A:", ans[:400], " [...] ", ans[-250:], f"({len(ans)} chars)")
        print("  <<", before[-120:])
        print("  >>", after[:120])
        if others:
            # The later copy in the run's canonical order (source, then line) is the redundant one.
            later = any((t[0], t[3]) < (row["source"], row["line"]) for t in others)
            print("  TWIN:", "LATER COPY" if later else "earlier copy", [(os.path.basename(t[0])[:40], t[1], t[2], t[3]) for t in others[:3]])


if __name__ == "__main__":
    main()
