#!/usr/bin/env bash
# Redis Cluster benchmark (issue #23): `pmkv migrate` of generated stories into a local
# 3-master/3-replica cluster (`pmkv env up --cluster`) and into one redis-server, next to
# `redis-benchmark` pipelined SETs of the same size against each, in the same run. Prints the
# seconds, keys/s and the ratios (the goal: three masters faster than one, not slower).
# Both without persistence, so neither pays for its disk.
# Usage: tests/bench/cluster/run.sh [build-dir]   (BENCH_STORIES=N, ROUNDS=N)
set -euo pipefail
build=${1:-build}
stories=${BENCH_STORIES:-100000}
rounds=${ROUNDS:-2}
pmkv=$(realpath "$build/app/pmkv/pmkv")
source "$(dirname "$0")/../generated-tree.sh"
generated_tree migrate "$stories" "$pmkv"
find "$tree" -type f -print0 | xargs -0 cat >/dev/null  # warm the page cache

scratch=$(mktemp -d)
single_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cluster_port=$(( 20000 + RANDOM % 30000 ))
cleanup() {
  redis-cli -p "$single_port" shutdown nosave >/dev/null 2>&1 || true
  XDG_DATA_HOME=$scratch/xdg "$pmkv" env down >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

redis-server --port "$single_port" --bind 127.0.0.1 --save '' --appendonly no \
  --dir "$scratch" --daemonize yes --logfile "$scratch/single.log" >/dev/null
XDG_DATA_HOME=$scratch/xdg "$pmkv" env up --cluster --redis-port "$cluster_port" \
  --port $(( cluster_port + 7 )) >/dev/null
url=redis+cluster://127.0.0.1:$cluster_port
for p in $(seq "$cluster_port" $(( cluster_port + 5 ))); do
  redis-cli -p "$p" config set appendonly no >/dev/null
done
masters=$(for p in $(seq "$cluster_port" $(( cluster_port + 5 ))); do
  if redis-cli -p "$p" role | head -1 | grep -q master; then echo "$p"; fi; done)
keys=$("$pmkv" plan "$tree" --redis "redis://127.0.0.1:$single_port" --json \
  | python3 -c 'import json,sys;print(json.load(sys.stdin)["counts"]["create"])')
bytes=$(du -sb "$tree" | cut -f1)
size=$(( bytes / keys ))
echo "tree: $tree, $keys keys, about $size bytes a value; cluster $url"

flush() {
  redis-cli -p "$single_port" flushall >/dev/null
  for p in $masters; do redis-cli -p "$p" flushall >/dev/null; done
}
migrate() {  # $1 = --redis address; prints seconds
  local state; state=$(mktemp -d -p "$scratch")
  local start end
  start=$(date +%s.%N)
  "$pmkv" migrate "$tree" --redis "$1" --state-dir "$state" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
benchmark() {  # redis-benchmark SET, pipelined 16, same count and size; prints requests/s
  redis-benchmark "$@" -t set -n "$keys" -d "$size" -P 16 -r 1000000 -q 2>/dev/null \
    | tr '\r' '\n' | grep -o 'SET: [0-9.]*' | tail -1 | cut -d' ' -f2
}

for round in $(seq "$rounds"); do
  flush
  one=$(migrate "redis://127.0.0.1:$single_port")
  flush
  three=$(migrate "$url")
  flush
  ref_one=$(benchmark -p "$single_port")
  ref_three=$(benchmark --cluster -p "$cluster_port")
  flush
  python3 - "$keys" "$one" "$three" "$ref_one" "$ref_three" "$round" <<'PY'
import sys
keys, one, three, ref1, ref3, rnd = int(sys.argv[1]), *map(float, sys.argv[2:6]), sys.argv[6]
k1, k3 = keys / one, keys / three
print(f"round {rnd}: migrate one redis {one:.2f} s ({k1:,.0f} keys/s), cluster {three:.2f} s "
      f"({k3:,.0f} keys/s), cluster/one {k3 / k1:.2f}; redis-benchmark SET -P 16: one "
      f"{ref1:,.0f}/s, cluster {ref3:,.0f}/s; migrate/benchmark: one {k1 / ref1:.2f}, "
      f"cluster {k3 / ref3:.2f}")
PY
done
