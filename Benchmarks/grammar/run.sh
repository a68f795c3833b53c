#!/bin/sh
# Converts the three comparison corpora with a release build into OUT/{legal-pdf,legal-html,html-bench}.
# Usage: Benchmarks/grammar/run.sh OUT [BINARY]   (run from the package root; BINARY defaults to
# .build/release/tunedata). Prints the wall time of each convert.
set -eu
out=${1:?usage: run.sh OUT [BINARY]}
bin=${2:-.build/release/tunedata}
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "skipped: $corpus is absent" >&2; exit 0; }
mkdir -p "$out"
for pair in legal-pdf:legal-pdf legal-html:legal-html html-bench:html-bench/trafilatura/eval; do
    name=${pair%%:*}
    dir=$corpus/${pair#*:}
    rm -rf "${out:?}/$name"
    start=$(date +%s.%N)
    "$bin" convert "$dir" -o "$out/$name" --quiet || echo "convert $name exited $?" >&2
    end=$(date +%s.%N)
    echo "$name $(echo "$end - $start" | bc) s"
done
