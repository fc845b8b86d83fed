#!/usr/bin/env bash
# Scan benchmark (issue #2): scan a generated tree of 100,000 stories and compare with the
# same machine's sha256sum over the same files (the reference floor). Target: scan
# throughput >= 1/3 of sha256sum's.
# Usage: tests/bench/scan/run.sh [build-dir]   (BENCH_STORIES=N for another size)
set -euo pipefail
build=${1:-build}
stories=${BENCH_STORIES:-100000}
pmkv=$build/app/pmkv/pmkv
bench=$build/tests/bench/scan/bench_scan
source "$(dirname "$0")/../generated-tree.sh"
generated_tree scan "$stories" "$pmkv"
files=$(find "$tree" -type f | wc -l)
mb=$(du -sb "$tree" | awk '{printf "%.1f", $1/1e6}')
echo "tree: $tree ($files files, $mb MB on disk; $projects projects x $epics epics x $per_epic stories)"
cat "$(find "$tree" -type f | head -1)" >/dev/null  # nothing is timed cold: warm the page cache
find "$tree" -type f -print0 | xargs -0 cat >/dev/null

# Reference: sha256sum over the same files, best of 3, same file list.
best_ref=999999
for _ in 1 2 3; do
  start=$(date +%s.%N)
  find "$tree" -type f -print0 | xargs -0 sha256sum >/dev/null
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  best_ref=$(echo "if ($t < $best_ref) $t else $best_ref" | bc -l)
done
ref_fps=$(echo "$files / $best_ref" | bc -l)
printf "sha256sum: %.3f s = %.0f files/s, %.1f MB/s\n" "$best_ref" "$ref_fps" "$(echo "$mb / $best_ref" | bc -l)"

out=$("$bench" "$tree" 3)
echo "$out"
scan_s=$(echo "$out" | sed -E 's/.*: ([0-9.]+) s =.*/\1/')
ratio=$(echo "$best_ref / $scan_s" | bc -l)
printf "ratio: scan throughput = %.2f x sha256sum (target >= 0.33)\n" "$ratio"
