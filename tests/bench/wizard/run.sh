#!/usr/bin/env bash
# Wizard benchmark (issue #18): a 100,000-story migration started from the migrate wizard
# against `pmkv migrate` on the same tree, each into a fresh redis-server behind pmkv-proxy
# (REST). Targets: the wizard within 10% of `pmkv migrate`; no GUI-thread stall over 100 ms.
# Usage: tests/bench/wizard/run.sh [build-dir]   (BENCH_STORIES=N, BENCH_RUNS=N)
set -euo pipefail
build=${1:-build}
stories=${BENCH_STORIES:-100000}
pmkv=$build/app/pmkv/pmkv
bench=$build/tests/bench/wizard/bench_wizard
[ -x "$bench" ] || { echo "bench_wizard not built (GUI off?)"; exit 0; }
source "$(dirname "$0")/../generated-tree.sh"
generated_tree migrate "$stories" "$pmkv"
find "$tree" -type f -print0 | xargs -0 cat >/dev/null  # warm the page cache
echo "tree: $tree ($projects projects x $epics epics x $per_epic stories)"
QT_QPA_PLATFORM=offscreen "$bench" "$tree" "$pmkv"
