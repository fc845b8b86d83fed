#!/usr/bin/env bash
# Migration benchmark (issue #5): migrate 100,000 generated stories into a fresh redis-server
# directly and through pmkv-proxy, next to `redis-cli --pipe` loading the same keys and values
# in the same run; then a full validation. Targets: direct >= 50% of redis-cli --pipe keys/s,
# through the proxy >= 45% (issue #22; #5 asked 25%), full validation >= 50,000 keys/s.
# PMKV_BENCH_REFERENCE_PMKV / PMKV_BENCH_REFERENCE_PROXY: an earlier build's pmkv and
# pmkv-proxy, migrated through in every round too (before/after, same run).
# Usage: tests/bench/migrate/run.sh [build-dir]   (BENCH_STORIES=N for another size)
set -euo pipefail
build=${1:-build}
stories=${BENCH_STORIES:-100000}
pmkv=$build/app/pmkv/pmkv
bench=$build/tests/bench/migrate/bench_migrate
source "$(dirname "$0")/../generated-tree.sh"
generated_tree migrate "$stories" "$pmkv"
find "$tree" -type f -print0 | xargs -0 cat >/dev/null  # warm the page cache
echo "tree: $tree ($projects projects x $epics epics x $per_epic stories)"
"$bench" "$tree" "$pmkv" "$build/app/pmkv-proxy/pmkv-proxy"
