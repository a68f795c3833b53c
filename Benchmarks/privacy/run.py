#!/usr/bin/env python3
"""Per-type precision and recall of `tunedata scan` and its peers on the labelled privacy set.

Builds the set (build_set.py), runs `tunedata scan --format json` over it, and in the same run
the peers that install from PyPI and run offline: detect-secrets (secrets) and scrubadub
(personal data). A peer that cannot be imported is skipped with the reason printed.

Scoring, per passage line and type (the twin untouched passage is the baseline, so real values
already in a passage never count for or against an inserted one):
  inserted  a hit when the line has more findings of the type than its untouched twin;
            findings of other types beyond the twin's are false positives.
  decoy     every finding beyond the twin's is a false positive (near-misses must not match).
  untouched findings are true only where real_values.tsv (checked by hand) lists a real value
            of that type in the passage; the rest are false positives on real legal text.
Ours is scored in-sample and on CUAD's held-out fifth separately; the peers on the whole set.
Give the peers' Python with --peer-python.
"""
import argparse, collections, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

PEER_SCRIPT = r'''
import json, sys, collections
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
which = sys.argv[2]
out = []
if which == "detect-secrets":
    # Its file scan (thresholds and filters applied), one file per passage (it merges equal
    # secrets within a file).
    import os, tempfile
    from detect_secrets import SecretsCollection
    from detect_secrets.settings import default_settings
    folder = tempfile.mkdtemp()
    with default_settings():
        for index, text in enumerate(texts):
            path = os.path.join(folder, f"passage-{index}.txt")
            with open(path, "w") as f:
                f.write(text + "\n")
            secrets = SecretsCollection()
            secrets.scan_file(path)
            out.append(dict(collections.Counter(secret.type for _, secret in secrets)))
            os.unlink(path)
    os.rmdir(folder)
else:
    import scrubadub
    scrubber = scrubadub.Scrubber()
    try:
        scrubber.add_detector(scrubadub.detectors.DateOfBirthDetector)
    except Exception as error:
        print(f"scrubadub: date of birth detector unavailable ({error})", file=sys.stderr)
    for text in texts:
        out.append(dict(collections.Counter(f.type for f in scrubber.iter_filth(text))))
json.dump(out, sys.stdout)
'''

# Peer types mapped onto ours; detect-secrets' findings count as a secret of whatever type was inserted.
SCRUBADUB_TYPES = {"email": "email", "phone": "phone", "social_security_number": "ssn", "credit_card": "payment_card",
                   "date_of_birth": "date_of_birth", "credential": "password", "url": None, "twitter": None}
SECRET_TYPES = {"private_key", "aws_access_key", "aws_secret_key", "google_api_key", "github_token", "slack_token",
                "openai_key", "stripe_key", "jwt", "password", "secret_token"}
CHECKSUM_TYPES = {"ssn", "payment_card", "iban", "routing_number"}

def ours(tunedata, set_path):
    run = subprocess.run([tunedata, "scan", set_path, "--format", "json"], capture_output=True, text=True)
    findings = json.loads(run.stdout)["findings"]
    lines = collections.defaultdict(collections.Counter)
    for f in findings:
        lines[f["line"]][f["type"]] += 1
    return lines

def peer(python, name, set_path):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(PEER_SCRIPT)
    run = subprocess.run([python, f.name, set_path, name], capture_output=True, text=True)
    os.unlink(f.name)
    if run.returncode != 0:
        return None, run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "failed"
    per_line = json.loads(run.stdout)
    lines = collections.defaultdict(collections.Counter)
    for index, types in enumerate(per_line, 1):
        for t, c in types.items():
            mapped = "secret" if name == "detect-secrets" else SCRUBADUB_TYPES.get(t, t)
            if mapped:
                lines[index][mapped] += c
    return lines, run.stderr.strip()

def score(lines, labels, real, covers, secret_peer=False):
    """Per type: [tp, fp, fn] on inserted/decoy lines, and [true, false] findings on untouched lines."""
    twin = {}
    for index, label in enumerate(labels, 1):
        base = label["id"].rsplit("/", 1)[0]
        if label["kind"] == "untouched":
            twin[base] = index
    table = collections.defaultdict(lambda: [0, 0, 0])
    untouched = collections.defaultdict(lambda: [0, 0])
    for index, label in enumerate(labels, 1):
        base = label["id"].rsplit("/", 1)[0]
        found = lines.get(index, collections.Counter())
        if label["kind"] == "ignored":
            continue
        if label["kind"] == "untouched":
            for t, c in found.items():
                true = min(c, real.get((label["id"].rsplit("/", 1)[0], t), 0))
                untouched[t][0] += true
                untouched[t][1] += c - true
            continue
        base_found = lines.get(twin[base], collections.Counter())
        extra = {t: c - base_found.get(t, 0) for t, c in found.items() if c > base_found.get(t, 0)}
        for t in label["types"]:
            key = "secret" if secret_peer else t
            if not covers(t):
                continue
            if extra.get(key, 0) > 0:
                table[t][0] += 1
                extra[key] -= 1
            else:
                table[t][2] += 1
        for t, c in extra.items():
            if c > 0:
                attributed = (label["types"][0] if label["types"] else label["decoy"]) if secret_peer else t
                table[attributed][1] += c
    return table, untouched

def ratio(a, b):
    return f"{a / b:.3f}" if b else "—"

def subset(labels, keep):
    """The labels with every line `keep` rejects blanked (line numbers stay aligned)."""
    return [label if keep(label) else dict(label, kind="ignored", types=[]) for label in labels]

def targets_line(table, untouched, types):
    misses = [t for t in types if (lambda tp, fp, fn: tp + fn and tp / (tp + fn) < (0.99 if t in CHECKSUM_TYPES | SECRET_TYPES else 0.95))(*table.get(t, [0, 0, 0]))]
    true, false = sum(v[0] for v in untouched.values()), sum(v[1] for v in untouched.values())
    return ("recall " + ("met" if not misses else "missed for " + ", ".join(misses))
            + f"; untouched precision {ratio(true, true + false)} (target 0.98)")

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tunedata", default=os.path.join(ROOT, ".build", "release", "tunedata"))
    parser.add_argument("--peer-python", default=sys.executable, help="a Python with detect-secrets and scrubadub")
    parser.add_argument("--out", default="/tmp/tunedata-privacy-bench")
    parser.add_argument("--per-source", type=int, default=16)
    parser.add_argument("--types-per-passage", type=int, default=20)
    parser.add_argument("--no-peers", action="store_true", help="score tunedata only")
    parser.add_argument("--in-sample-only", action="store_true", help="score only what tuning may look at")
    args = parser.parse_args()
    build = subprocess.run([sys.executable, os.path.join(HERE, "build_set.py"), "--out", args.out, "--tunedata",
                            args.tunedata, "--per-source", str(args.per_source),
                            "--types-per-passage", str(args.types_per_passage)], capture_output=True, text=True)
    print(build.stdout.strip() or build.stderr.strip())
    if "skipped" in build.stdout or build.returncode != 0:
        return
    set_path = os.path.join(args.out, "set.jsonl")
    labels = [json.loads(l) for l in open(os.path.join(args.out, "labels.jsonl"))]
    real = {}
    with open(os.path.join(HERE, "real_values.tsv")) as f:
        for row in f:
            if row.strip() and not row.startswith("#"):
                passage, t, count = row.rstrip("\n").split("\t")[:3]
                real[(passage, t)] = int(count)
    # Every fifth CUAD contract (indices 4, 9, ...) is never looked at while tuning; court texts,
    # the GDPR and the other CUAD contracts are (in-sample).
    in_sample = subset(labels, lambda l: not l["held_out"])
    held_out = subset(labels, lambda l: l["held_out"])
    types = sorted({t for l in labels for t in l["types"]})
    found = ours(args.tunedata, set_path)
    parts = {"in-sample": score(found, in_sample, real, lambda t: True)}
    if not args.in_sample_only:
        parts["held-out"] = score(found, held_out, real, lambda t: True)
    peers = {}
    for name, covers in [("detect-secrets", lambda t: t in SECRET_TYPES),
                         ("scrubadub", lambda t: t in set(SCRUBADUB_TYPES.values()))]:
        if args.no_peers or args.in_sample_only:
            break
        lines, message = peer(args.peer_python, name, set_path)
        if lines is None:
            print(f"{name}: skipped ({message})")
            continue
        if message:
            print(message)
        peers[name] = score(lines, labels, real, covers, secret_peer=(name == "detect-secrets"))
    print()
    header = ["type"] + [f"{p} n | {p} P | {p} R" for p in parts] + [f"{n} P | {n} R (whole set)" for n in peers]
    print(" | ".join(header))
    print("---|" + "---|---|---|" * len(parts) + "---|---|" * len(peers))
    for t in types:
        cells = []
        for p in parts:
            tp, fp, fn = parts[p][0].get(t, [0, 0, 0])
            cells += [str(tp + fn), ratio(tp, tp + fp), ratio(tp, tp + fn)]
        for n in peers:
            tp, fp, fn = peers[n][0].get(t, [0, 0, 0])
            covered = tp + fn > 0
            cells += [ratio(tp, tp + fp) if covered else "—", ratio(tp, tp + fn) if covered else "n/a"]
        print(f"{t} | " + " | ".join(cells))
    print()
    print("Untouched real legal text: findings true/false, precision")
    for name, (table, untouched) in list(parts.items()) + [(f"{n} (whole set)", r) for n, r in peers.items()]:
        passages = sum(1 for l in (in_sample if name == "in-sample" else held_out if name == "held-out" else labels)
                       if l["kind"] == "untouched")
        true, false = sum(v[0] for v in untouched.values()), sum(v[1] for v in untouched.values())
        detail = ", ".join(f"{t} {v[0]}/{v[1]}" for t, v in sorted(untouched.items()))
        print(f"  {name}: {passages} passages, {true} true, {false} false, precision {ratio(true, true + false)} ({detail})")
    print()
    for name, (table, untouched) in parts.items():
        print(f"targets ({name}): " + targets_line(table, untouched, types))

if __name__ == "__main__":
    main()
