#!/bin/sh
# HTML extraction benchmark: tunedata vs trafilatura 2.x on the same pages, in one run.
# Needs python3 with trafilatura (pip install trafilatura lxml_html_clean) and xmllint
# (libxml2-utils). Usage: Benchmarks/html/run.sh [WORKDIR]   (from the package root)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
WORK=${1:-${TMPDIR:-/tmp}/tunedata-html-bench}
HERE=$ROOT/Benchmarks/html
mkdir -p "$WORK"

echo "building (release)..." >&2
(cd "$ROOT" && swift build -c release --product HTMLBenchmark >&2)
BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)/HTMLBenchmark

python3 "$HERE/bench.py" prepare "$CORPUS" "$WORK"

echo "tunedata..." >&2
B=$("$BIN" "$WORK/bench.list" "$WORK/tunedata.bench.json")
L=$("$BIN" "$WORK/legal.list" "$WORK/tunedata.legal.json")
printf '{"bench": %s, "legal": %s}\n' "$B" "$L" > "$WORK/tunedata-timing.json"

echo "xmllint..." >&2
python3 - "$WORK" <<'PY'
import subprocess, sys, time
work = sys.argv[1]
paths = open(f"{work}/bench.list").read().split()
start = time.perf_counter()
subprocess.run(["xmllint", "--html", "--noout", *paths], stderr=subprocess.DEVNULL, check=False)
open(f"{work}/xmllint-seconds", "w").write(str(time.perf_counter() - start))
PY

if [ -z "${SKIP_TRAFILATURA:-}" ] || [ ! -f "$WORK/trafilatura-timing.json" ]; then
    echo "trafilatura (fast and fallback modes; a few minutes)..." >&2
    python3 "$HERE/bench.py" trafilatura "$WORK"
fi
python3 "$HERE/bench.py" score "$CORPUS" "$WORK"
