#!/usr/bin/env python3
"""Shares of good / flawed / bad per template and document kind, and the quality gate's precision
and recall on the labels.

Usage: python3 Benchmarks/quality/score.py [TAG ...]   (default: before after)

Joins sample-TAG.jsonl with labels-TAG.tsv. For the gate, runs the QualityBenchmark executable
(`swift build -c release --product QualityBenchmark`) over sample-before.jsonl: the before sample is
the one drawn before the gate existed, so every example it drops there would have been in the output.
Precision: share of the gate's drops labelled bad. Recall: share of the bad examples the gate drops,
over all bad ones and over those whose defects are the gate's to catch (not REPEAT, TITLE, HEADING,
LOCATE, CRUMB, KIND, which are fixed at their source instead).
"""
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GATE_CODES = {"CUT", "TOC", "TABLE", "SIG", "REDACT", "FURN", "XREF", "GARBLE"}


def load(tag):
    sample = {}
    path = os.path.join(HERE, f"sample-{tag}.jsonl")
    if not os.path.exists(path):
        return None
    for line in open(path):
        row = json.loads(line)
        sample[row["id"]] = row
    labels = {}
    lpath = os.path.join(HERE, f"labels-{tag}.tsv")
    if not os.path.exists(lpath):
        return None
    for n, line in enumerate(open(lpath)):
        if n == 0 or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t") + ["", ""]
        labels[parts[0]] = (parts[1], set(c for c in parts[2].split(",") if c))
    return [(sample[i], labels[i]) for i in sample if i in labels]


def shares(rows):
    c = collections.Counter(grade for _, (grade, _) in rows)
    n = max(len(rows), 1)
    return f"{len(rows):4d}  good {100*c['good']/n:5.1f}%  flawed {100*c['flawed']/n:5.1f}%  bad {100*c['bad']/n:5.1f}%"


def table(tag, rows):
    print(f"== {tag}: {shares(rows)}")
    for key in ("template", "kind"):
        groups = collections.defaultdict(list)
        for r in rows:
            groups[r[0][key]].append(r)
        for name in sorted(groups):
            print(f"   {key:8s} {name:24s} {shares(groups[name])}")
    contract = [r for r in rows if r[0]["kind"] == "contract"]
    print(f"   CUAD tuned    {shares([r for r in contract if not r[0]['held_out']])}")
    print(f"   CUAD held-out {shares([r for r in contract if r[0]['held_out']])}")
    codes = collections.Counter(c for _, (_, cs) in rows for c in cs)
    print("   defects:", ", ".join(f"{c} {n}" for c, n in codes.most_common()))


def gate(rows):
    binary = os.path.join(ROOT, ".build", "release", "QualityBenchmark")
    if not os.path.exists(binary):
        print("gate: build it first: swift build -c release --product QualityBenchmark")
        return
    out = subprocess.run([binary, os.path.join(HERE, "sample-before.jsonl")], capture_output=True, text=True,
                         check=True).stdout
    verdicts = {}
    for line in out.splitlines():
        parts = line.split("\t")
        verdicts[parts[0]] = parts[1] if len(parts) > 1 else ""
    dropped = [r for r in rows if verdicts.get(r[0]["id"])]
    bad = [r for r in rows if r[1][0] == "bad"]
    gate_bad = [r for r in bad if r[1][1] & GATE_CODES]
    tp = [r for r in dropped if r[1][0] == "bad"]
    tp_or_flawed = [r for r in dropped if r[1][0] != "good"]
    print(f"== quality gate on the before labels: drops {len(dropped)} of {len(rows)}")
    print(f"   precision {len(tp)}/{len(dropped)} = {len(tp)/max(len(dropped),1):.2f} (bad), "
          f"{len(tp_or_flawed)}/{len(dropped)} = {len(tp_or_flawed)/max(len(dropped),1):.2f} (bad or flawed)")
    print(f"   recall {len(tp)}/{len(bad)} = {len(tp)/max(len(bad),1):.2f} of all bad; "
          f"{len([r for r in gate_bad if verdicts.get(r[0]['id'])])}/{len(gate_bad)} = "
          f"{len([r for r in gate_bad if verdicts.get(r[0]['id'])])/max(len(gate_bad),1):.2f} of bad with a gate defect "
          f"({'/'.join(sorted(GATE_CODES))})")
    by_reason = collections.Counter(verdicts[r[0]["id"]] for r in dropped)
    for reason, n in by_reason.most_common():
        grades = collections.Counter(r[1][0] for r in dropped if verdicts[r[0]["id"]] == reason)
        print(f"   {reason:28s} {n:3d}  ({', '.join(f'{g} {k}' for g, k in grades.most_common())})")
    for r in dropped:
        if r[1][0] == "good":
            print(f"   dropped a good one: {r[0]['id']} {verdicts[r[0]['id']]}")


def main():
    tags = sys.argv[1:] or ["before", "after"]
    for tag in tags:
        rows = load(tag)
        if rows:
            table(tag, rows)
    before = load("before")
    if before:
        gate(before)


if __name__ == "__main__":
    main()
