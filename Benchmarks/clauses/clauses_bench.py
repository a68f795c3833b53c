#!/usr/bin/env python3
"""Clause types and contract facts on the 50 CUAD contracts, against CUAD's own annotations.

Converts ../shared/corpus/legal-pdf/cuad/pdf with the shipped templates and scores, per CUAD
category:
  recall    — contracts CUAD annotates with the category that get at least one example of that
              clause (provenance "clause") whose answer holds at least half of the words of one
              annotated span;
  precision — clause-typed examples whose answer holds at least half of the words of an annotated
              span of that category in that contract;
beside a keyword-on-headings baseline (a passage is a clause when its heading holds one of the
category's heading phrases; the answer is the whole passage), computed from `tunedata chunk
--format json`. Facts (parties, dates, governing law, renewal term...) are compared with CUAD's
`-Answer` columns after normalising. Every fifth contract by sorted file name (indices 4, 9, ...)
is held out from tuning; figures are printed for the 40 tuning contracts (in-sample), the 10
held-out ones, and all 50. With --cost, converts twice more, with and without clause and fact
finding (TUNEDATA_CLAUSES=off), and prints the CPU of each.

    python3 Benchmarks/clauses/clauses_bench.py [--binary PATH] [--cost] [--no-baseline] [--json FILE]
"""
import argparse
import ast
import csv
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CUAD = ROOT.parent / "shared" / "corpus" / "legal-pdf" / "cuad"
RULES = ROOT / "Sources" / "TuneData" / "Legal" / "Clauses" / "ClauseRules.json"
# Categories whose examples are built from facts, not clause text, are scored as facts too.
MIN_ANNOTATED = 10
# Document-level categories are answered by fact templates: their examples count for the category.
FACT_CATEGORY = {"parties": "parties", "document_name": "document-name", "agreement_date": "agreement-date", "effective_date": "effective-date",
                 "expiration_date": "expiration-date", "term": "expiration-date", "renewal_term": "renewal-term",
                 "renewal_notice": "notice-period-to-terminate-renewal", "governing_law": "governing-law"}


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def category_id(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def key(name):
    """File names differ between the PDFs and the CSV in punctuation: compare letters and digits."""
    return re.sub(r"[^a-z0-9]", "", Path(name).stem.lower())


def spans_of(cell):
    cell = cell.strip()
    if not cell or cell == "[]":
        return []
    try:
        value = ast.literal_eval(cell)
        return [s for s in value if s.strip()] if isinstance(value, list) else [cell]
    except (ValueError, SyntaxError):
        return [cell]


def matches(answer_words, span):
    span_words = set(words(span))
    return bool(span_words) and len(span_words & answer_words) * 2 >= len(span_words)


def run_convert(binary, out, env_extra=None, extra=()):
    env = dict(os.environ, **(env_extra or {}))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "convert", str(CUAD / "pdf"), "-o", str(out), "--validation-fraction", "0", "--quiet", *extra],
                   check=False, env=env, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# --- facts -------------------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30,
           "sixty": 60, "ninety": 90}


def parse_date(text):
    """(year, month, day) from 'March 1, 2020', '1st day of March, 2020', '3/1/2020', CUAD's '3/1/20'."""
    if not text:
        return None
    t = text.lower()
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", t)
    if m:
        y = int(m.group(3))
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        return (y, int(m.group(1)), int(m.group(2)))
    m = re.search(r"([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})", t)
    if m and m.group(1) in MONTHS:
        return (int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?([a-z]{3})[a-z]*,?\s+(\d{4})", t)
    if m and m.group(2) in MONTHS:
        return (int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    return None


def parse_duration(text):
    """(number, unit) from 'thirty (30) days', 'successive one (1) year', CUAD's '1 year', '12 months'."""
    if not text:
        return None
    t = text.lower()
    m = re.search(r"\((\d+)\)\s*-?\s*(?:calendar |business |consecutive |full )?(day|month|year|week)", t) or \
        re.search(r"(\d+)\s*-?\s*(?:calendar |business |consecutive |full )?(day|month|year|week)", t)
    if m:
        n, unit = int(m.group(1)), m.group(2)
    else:
        m = re.search(r"([a-z]+)\s*-?\s*(?:calendar |business |consecutive |full )?(day|month|year|week)", t)
        if not m or m.group(1) not in NUMBERS:
            return None
        n, unit = NUMBERS[m.group(1)], m.group(2)
    if unit == "year":
        n, unit = n * 12, "month"
    if unit == "week":
        n, unit = n * 7, "day"
    return (n, unit)


def norm_place(text):
    t = text.lower()
    t = re.sub(r"\b(the|state|commonwealth|province|republic|kingdom|laws?|of|federal)\b", " ", t)
    return " ".join(t.split())


def party_ok(ours, theirs, strict):
    names = [p for p in ours.split("; ") if p]
    folded = re.sub(r"\W", "", theirs.lower())
    hits = [n for n in names if re.sub(r"\W", "", n.lower())[:12] in folded]
    if not strict:
        return bool(hits)
    expected = min(2, len([p for p in theirs.split(";") if p.strip()]))
    return len(names) >= expected and len(hits) == len(names)


def fact_scores(docs, rows):
    """{fact: (hits, annotated)} per contract group."""
    results = defaultdict(lambda: [0, 0])
    detail = []
    for name, meta in docs.items():
        row = rows.get(key(name))
        if not row:
            continue
        def score(fact, theirs, ok):
            if not theirs.strip():
                return
            results[fact][1] += 1
            if ok:
                results[fact][0] += 1
            else:
                detail.append((fact, name[:40], theirs[:60]))
        theirs = row["Parties-Answer"]
        score("parties (any name, as issue 6 counted)", theirs, party_ok(meta.get("parties", ""), theirs, False))
        score("parties (every name found, ≥2)", theirs, party_ok(meta.get("parties", ""), theirs, True))
        for fact, column, ours in [("agreement date", "Agreement Date-Answer", "fact.agreement_date"),
                                   ("effective date", "Effective Date-Answer", "fact.effective_date"),
                                   ("expiration date", "Expiration Date-Answer", "fact.expiration_date")]:
            theirs = row[column]
            if parse_date(theirs) is None:
                continue   # CUAD leaves blanks ("[]/[]/20[]") or writes "perpetual": not a date to match
            score(fact, theirs, parse_date(meta.get(ours, "")) == parse_date(theirs))
        theirs = row["Governing Law-Answer"]
        ours = norm_place(meta.get("fact.governing_law", ""))
        score("governing law", theirs, bool(ours) and any(
            ours == norm_place(t) or ours in norm_place(t) or norm_place(t) in ours for t in re.split(r"[;,]", theirs) if t.strip()))
        for fact, column, ours in [("renewal term", "Renewal Term-Answer", "fact.renewal_term"),
                                   ("notice to terminate renewal", "Notice Period To Terminate Renewal- Answer", "fact.renewal_notice")]:
            theirs = row[column]
            if parse_duration(theirs) is None:
                continue
            score(fact, theirs, parse_duration(meta.get(ours, "")) == parse_duration(theirs))
    return results, detail


# --- main ---------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tunedata"))
    parser.add_argument("--cost", action="store_true", help="also convert with and without clause finding")
    parser.add_argument("--no-baseline", action="store_true", help="skip the keyword-on-headings baseline")
    parser.add_argument("--json", help="write the per-category figures here")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds of the cost measurement")
    parser.add_argument("--misses", help="print the misses and false positives of these category ids (a,b,...)")
    parser.add_argument("--reuse", help="score an earlier run's output folder instead of converting again")
    args = parser.parse_args()
    if not CUAD.exists():
        sys.exit(f"{CUAD} is absent")
    if not Path(args.binary).exists():
        debug = ROOT / ".build" / "debug" / "tunedata"
        if not debug.exists():
            sys.exit(f"{args.binary} is absent: swift build -c release")
        args.binary = str(debug)

    pdfs = sorted(os.listdir(CUAD / "pdf"))
    held_out = {name for i, name in enumerate(pdfs) if i % 5 == 4}
    rows = {}
    with open(CUAD / "master_clauses.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[key(row["Filename"])] = row
    categories = [c for c in next(iter(rows.values())) if c != "Filename" and "Answer" not in c]
    annotations = {name: {category_id(c): spans_of(rows[key(name)][c]) for c in categories}
                   for name in pdfs if key(name) in rows}

    out = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="tunedata-clauses-"))
    seconds = 0.0 if args.reuse else run_convert(args.binary, out / "on")
    print(f"output: {out}")
    manifest = json.loads((out / "on" / "manifest.json").read_text())
    provenance = [json.loads(l) for l in (out / "on" / "provenance.jsonl").read_text().splitlines()]
    train = [json.loads(l) for l in (out / "on" / "train.jsonl").read_text().splitlines()]
    examples = defaultdict(lambda: defaultdict(list))   # file → clause id → [answer words]
    answers = defaultdict(lambda: defaultdict(list))
    for line, prov in zip(train, provenance):
        clause = prov.get("clause") or FACT_CATEGORY.get(prov.get("fact"))
        if not clause or prov["template"].startswith("legal-clause-absent"):
            continue
        name = Path(prov["source"]).name
        answer = line["messages"][-1]["content"]
        examples[name][clause].append(set(words(answer)))
        answers[name][clause].append(answer)

    baseline = defaultdict(lambda: defaultdict(list))
    if not args.no_baseline:
        rules = json.loads(RULES.read_text())
        heading_rules = {category_id(r["name"]): [h.lower().replace("*", "") for h in r.get("headings", [])] for r in rules}
        for name in pdfs:
            result = subprocess.run([args.binary, "chunk", str(CUAD / "pdf" / name), "--format", "json"],
                                    capture_output=True, text=True)
            try:
                passages = json.loads(result.stdout)
            except json.JSONDecodeError:
                continue
            for passage in passages:
                heading = " " + " ".join(words(passage.get("heading") or "")) + " "
                for cid, phrases in heading_rules.items():
                    if any(" " + " ".join(words(h)) in heading for h in phrases if words(h)):
                        baseline[name][cid].append(set(words(passage["text"])))

    def score(found, names, cid):
        annotated = [n for n in names if annotations.get(n, {}).get(cid)]
        hits = sum(1 for n in annotated if any(any(matches(a, s) for s in annotations[n][cid]) for a in found[n][cid]))
        typed = [(n, a) for n in names for a in found[n][cid]]
        right = sum(1 for n, a in typed if any(matches(a, s) for s in annotations.get(n, {}).get(cid, [])))
        return len(annotated), hits, len(typed), right

    groups = [("tuning 40 (in-sample)", [n for n in pdfs if n not in held_out]), ("held-out 10", sorted(held_out)),
              ("all 50", pdfs)]
    figures = {}
    for title, names in groups:
        print(f"\n## Clause types — {title}")
        print(f"| category | annotated | recall | precision (examples) | baseline recall | baseline precision |")
        print("|---|---:|---:|---:|---:|---:|")
        frequent = []
        for c in categories:
            cid = category_id(c)
            n, hits, typed, right = score(examples, names, cid)
            bn, bhits, btyped, bright = score(baseline, names, cid)
            recall = hits / n if n else None
            precision = right / typed if typed else None
            fmt = lambda x: "–" if x is None else f"{x:.2f}"
            brec = bhits / bn if bn and not args.no_baseline else None
            bprec = bright / btyped if btyped else None
            print(f"| {c} | {n} | {fmt(recall)} ({hits}) | {fmt(precision)} ({right}/{typed}) | {fmt(brec)} | {fmt(bprec)} ({bright}/{btyped}) |")
            figures.setdefault(title, {})[cid] = dict(annotated=n, hits=hits, typed=typed, right=right,
                                                      baseline_hits=bhits, baseline_typed=btyped, baseline_right=bright)
            if title == "all 50" and n >= MIN_ANNOTATED or (title != "all 50" and sum(1 for x in pdfs if annotations.get(x, {}).get(cid)) >= MIN_ANNOTATED):
                frequent.append((n, hits, typed, right, bhits, btyped, bright))
        n = sum(f[0] for f in frequent); h = sum(f[1] for f in frequent)
        t = sum(f[2] for f in frequent); r = sum(f[3] for f in frequent)
        bh = sum(f[4] for f in frequent); bt = sum(f[5] for f in frequent); br = sum(f[6] for f in frequent)
        print(f"| **categories annotated in ≥{MIN_ANNOTATED} of 50 ({len(frequent)})** | {n} | {h / max(n, 1):.2f} | "
              f"{r / max(t, 1):.2f} ({r}/{t}) | {bh / max(n, 1):.2f} | {br / max(bt, 1):.2f} ({br}/{bt}) |")

        docs = {Path(d["source"]).name: d["metadata"] for d in manifest["documents"] if Path(d["source"]).name in names}
        results, detail = fact_scores(docs, rows)
        print(f"\nFacts — {title}: contracts whose fact matches CUAD's answer")
        for fact, (hits, total) in results.items():
            print(f"  {fact:42s} {hits:3d} of {total:3d}  ({hits / max(total, 1):.0%})")
        if title == "tuning 40 (in-sample)" and os.environ.get("FACT_MISSES"):
            for item in detail:
                print("   miss:", item)
    for cid in (args.misses or "").split(","):
        if not cid:
            continue
        print(f"\n######## {cid}")
        for name in pdfs:
            if name in held_out:
                continue   # misses are read on the tuning contracts only
            spans = annotations.get(name, {}).get(cid, [])
            got = answers[name][cid]
            ok = [any(matches(set(words(a)), s) for s in spans) for a in got]
            if spans and not any(ok):
                print(f"MISS {name[:40]}: {spans[0][:200]!r}")
            for a, good in zip(got, ok):
                if not good:
                    print(f"FALSE {name[:40]}: {a[:240]!r}")
    print(f"\nconvert CPU with clause and fact finding: {seconds:.1f} s")
    if args.cost:
        # Interleaved rounds, medians: a busy neighbour on the shared machine falls on every variant.
        old = out / "old-templates"
        old.mkdir(exist_ok=True)
        for template in (ROOT / "templates").glob("*.yaml"):
            if not template.name.startswith(("legal-clause-", "legal-fact-")):
                (old / template.name).write_bytes(template.read_bytes())
        runs = defaultdict(list)
        for _ in range(args.rounds):
            runs["off"].append(run_convert(args.binary, out / "c", {"TUNEDATA_CLAUSES": "off"}, ["--templates", str(old)]))
            runs["finding"].append(run_convert(args.binary, out / "c", None, ["--templates", str(old)]))
            runs["all"].append(run_convert(args.binary, out / "c"))
        med = {k: sorted(v)[len(v) // 2] for k, v in runs.items()}
        print(f"cost (CPU s, median of {args.rounds}): without clause/fact finding {med['off']:.2f}; "
              f"with finding, the six older templates {med['finding']:.2f} (+{(med['finding'] / med['off'] - 1) * 100:.1f}%); "
              f"with finding and every shipped template {med['all']:.2f} (+{(med['all'] / med['off'] - 1) * 100:.1f}%)")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
