#!/usr/bin/env python3
"""What the legal templates make of the 50 CUAD contracts (issue 6's measurements).

Converts ../shared/corpus/legal-pdf/cuad/pdf with the shipped templates (no balancing, no validation
split) and reports: examples per template and per document, the share of passages with a section
label, definitions found per contract, parties and agreement dates found compared with CUAD's own
annotations (master_clauses.csv), and groundedness checked independently of tunedata's own check:
every assistant answer taken from the text must occur in `tunedata extract` output of its file.

    python3 Benchmarks/templates/cuad_stats.py [--binary .build/release/tunedata]
"""
import argparse
import csv
import json
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CUAD = ROOT.parent / "shared" / "corpus" / "legal-pdf" / "cuad"


def fold(text):
    return " ".join(text.split())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tunedata"))
    args = parser.parse_args()
    if not CUAD.exists():
        sys.exit(f"{CUAD} is absent")
    out = Path(tempfile.mkdtemp(prefix="tunedata-cuad-"))
    subprocess.run([args.binary, "convert", str(CUAD / "pdf"), "-o", str(out), "--validation-fraction", "0", "--quiet"], check=False)
    manifest = json.loads((out / "manifest.json").read_text())
    provenance = [json.loads(l) for l in (out / "provenance.jsonl").read_text().splitlines()]
    train = [json.loads(l) for l in (out / "train.jsonl").read_text().splitlines()]

    docs = manifest["documents"]
    before = manifest["dataset"]["before"]["byTemplate"]
    after = Counter(p["template"] for p in provenance)
    print(f"Documents converted: {len(docs)} of {manifest['inputs']['seen']}; passages {manifest['passages']}; "
          f"examples generated {manifest['examples']['generated']}, kept {len(train)}")
    print(f"Dropped: {manifest['examples']['dropped']}")
    print("\nExamples per template (generated → kept):")
    for name in sorted(before, key=lambda n: -before[n]):
        print(f"  {name:22s} {before[name]:6d} → {after.get(name, 0):6d}")
    per_doc = Counter(p["source"] for p in provenance)
    counts = sorted(per_doc.get(d["source"], 0) for d in docs)
    print(f"\nExamples per document (kept): min {counts[0]}, median {statistics.median(counts):.0f}, max {counts[-1]}")
    labelled = sum(d["labelledPassages"] for d in docs)
    print(f"Passages with a section label: {labelled} of {manifest['passages']} ({labelled / max(manifest['passages'], 1):.1%})")
    definitions = sorted(d["definitions"] for d in docs)
    print(f"Definitions found per contract: min {definitions[0]}, median {statistics.median(definitions):.0f}, "
          f"max {definitions[-1]}, total {sum(definitions)}; contracts with none: {sum(1 for x in definitions if x == 0)}")

    # CUAD's annotations: parties and agreement date per contract.
    annotations = {}
    with open(CUAD / "master_clauses.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            annotations[row["Filename"]] = row
    party_hits = party_total = date_hits = date_total = 0
    for d in docs:
        name = Path(d["source"]).name
        row = annotations.get(name)
        if not row:
            continue
        ours = d["metadata"].get("parties", "")
        theirs = row.get("Parties-Answer", "")
        if theirs.strip():
            party_total += 1
            names = [p for p in ours.split("; ") if p]
            if names and any(re.sub(r"\W", "", n.lower())[:12] in re.sub(r"\W", "", theirs.lower()) for n in names):
                party_hits += 1
        date = row.get("Agreement Date-Answer", "").strip()
        if date:
            date_total += 1
            if d["metadata"].get("agreement_date"):
                date_hits += 1
    print(f"Parties found that match CUAD's annotation: {party_hits} of {party_total} contracts")
    print(f"Agreement date found where CUAD annotates one: {date_hits} of {date_total} contracts")

    # Independent groundedness check: answers built from text occur in the extracted text.
    texts = {}
    grounded = checked = 0
    failures = []
    for example, prov in zip(train, provenance):
        if prov["template"] not in ("legal-section-qa", "legal-definition", "generic-qa", "heading-summary"):
            continue
        source = prov["source"]
        if source not in texts:
            extracted = subprocess.run([args.binary, "extract", source], capture_output=True, text=True).stdout
            texts[source] = fold(extracted)
        answer = example["messages"][-1]["content"]
        checked += 1
        if all(fold(part) in texts[source] for part in answer.split("\n\n")):
            grounded += 1
        else:
            failures.append((source, prov["section"], answer[:80]))
    print(f"Grounded answers (independent check against `tunedata extract`): {grounded} of {checked} ({grounded / max(checked, 1):.1%})")
    for failure in failures[:5]:
        print("  not found:", failure)


if __name__ == "__main__":
    main()
