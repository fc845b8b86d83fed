#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (they are measurements, not pass/fail tests).
#   scripts/bench.sh            every benchmark under tests/bench/
#   scripts/bench.sh scan diff  only these
# Builds ./build first. Sizes can be changed through each run.sh's BENCH_* variables.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j2 >/dev/null
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for dir in tests/bench/*/; do
    [ -f "$dir/run.sh" ] && names+=("$(basename "$dir")")
  done
fi
for name in "${names[@]}"; do
  script=tests/bench/$name/run.sh
  if [ ! -f "$script" ]; then
    echo "bench: no benchmark named $name (have: $(ls tests/bench | tr '\n' ' '))" >&2
    exit 64
  fi
  echo "== $name"
  bash "$script" build
done
