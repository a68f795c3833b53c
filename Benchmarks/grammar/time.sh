#!/bin/sh
# Median wall and CPU (user + system) time of `convert` on ../shared/corpus/legal-pdf for one or more
# binaries, runs interleaved so machine load falls on each alike; CPU time needs /usr/bin/time (Debian
# package `time`) and is steadier than wall time on a loaded machine. Usage (from the package root):
#   Benchmarks/grammar/time.sh RUNS BINARY...      e.g. time.sh 3 /tmp/old-tunedata .build/release/tunedata
set -eu
runs=${1:?usage: time.sh RUNS BINARY...}
shift
corpus=../shared/corpus/legal-pdf
[ -d "$corpus" ] || { echo "skipped: $corpus is absent" >&2; exit 0; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
    n=0
    for bin in "$@"; do
        start=$(date +%s.%N)
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f "%U %S" -o "$out/cpu" "$bin" convert "$corpus" -o "$out/run" --quiet >/dev/null 2>&1 || true
            awk '{print $1 + $2}' "$out/cpu" >> "$out/cpu.$n"
        else
            "$bin" convert "$corpus" -o "$out/run" --quiet >/dev/null 2>&1 || true
        fi
        end=$(date +%s.%N)
        echo "$(echo "$end - $start" | bc)" >> "$out/times.$n"
        rm -rf "$out/run"
        n=$((n + 1))
    done
    i=$((i + 1))
done
n=0
for bin in "$@"; do
    median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
    cpu=""
    [ -f "$out/cpu.$n" ] && cpu=", CPU median $(median "$out/cpu.$n") s"
    echo "$bin: wall median $(median "$out/times.$n") s$cpu over $runs runs"
    n=$((n + 1))
done
