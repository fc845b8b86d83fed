#!/usr/bin/env bash
# Diff benchmark (issue #6): 100,000 entities on both sides, in memory, 1% changed.
# Prints the comparison time and peak memory against the size of the data.
# Targets: comparison < 1 s, peak memory < 3x the data (both sides' value bytes).
# Usage: tests/bench/diff/run.sh [build-dir]   (BENCH_ENTITIES=N for another size)
set -euo pipefail
build=${1:-build}
"$build/tests/bench/diff/bench_diff" "${BENCH_ENTITIES:-100000}" "${BENCH_CHANGED:-0.01}"
