#!/usr/bin/env bash
# Builds the Swift tokenizer benchmark in release and prints its throughput beside tiktoken 0.14's,
# then (with --check) compares ids with tiktoken on the whole corpus.
# Needs python3 with tiktoken==0.14.0 (pip install tiktoken==0.14.0) and ../shared/corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product TokenizerBenchmark >/dev/null
python3 Benchmarks/tokenizer/bench.py "$@"
