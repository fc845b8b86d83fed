#!/usr/bin/env bash
# Redis Cluster benchmark (issue #23): `pmkv migrate` of generated stories into one
# redis-server, into a 3-master cluster without replicas, and into the 3-master/3-replica
# cluster of `pmkv env up --cluster`, next to `redis-benchmark` pipelined SETs of the same size
# against each, in the same run. Prints the seconds, keys/s and the ratios (the goal: three
# masters faster than one, not slower). One server has no replica, so "three masters against
# one" is the cluster without replicas; with replicas every batch also waits (WAIT) until its
# masters' replicas have it, and six servers share the cores. None persists to disk.
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
# Nodes and their bus ports (+10000) below Linux's ephemeral range (32768-), where an outgoing
# connection could hold one.
cluster_port=$(( 20000 + RANDOM % 2000 ))
bare_port=$(( cluster_port + 8 ))  # 3 masters, no replicas: bare_port .. +2 (bus ports +10000)
cleanup() {
  redis-cli -p "$single_port" shutdown nosave >/dev/null 2>&1 || true
  for p in $(seq "$bare_port" $(( bare_port + 2 ))); do
    redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true
  done
  XDG_DATA_HOME=$scratch/xdg "$pmkv" env down >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

redis-server --port "$single_port" --bind 127.0.0.1 --save '' --appendonly no \
  --dir "$scratch" --daemonize yes --logfile "$scratch/single.log" >/dev/null
XDG_DATA_HOME=$scratch/xdg "$pmkv" env up --cluster --redis-port "$cluster_port" \
  --port $(( cluster_port + 7 )) >/dev/null
url=redis+cluster://127.0.0.1:$cluster_port
for p in $(seq "$bare_port" $(( bare_port + 2 ))); do
  mkdir -p "$scratch/bare-$p"
  redis-server --port "$p" --bind 127.0.0.1 --save '' --appendonly no --dir "$scratch/bare-$p" \
    --cluster-enabled yes --cluster-config-file nodes.conf --daemonize yes \
    --logfile "$scratch/bare-$p/redis.log" >/dev/null
done
for p in $(seq "$bare_port" $(( bare_port + 2 ))); do
  until redis-cli -p "$p" ping >/dev/null 2>&1; do sleep 0.1; done
done
redis-cli --cluster create $(for p in $(seq "$bare_port" $(( bare_port + 2 ))); do
  echo "127.0.0.1:$p"; done) --cluster-replicas 0 --cluster-yes >/dev/null
until redis-cli -p "$bare_port" cluster info | grep -q cluster_state:ok; do sleep 0.1; done
bare_url=redis+cluster://127.0.0.1:$bare_port
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
  for p in $masters $(seq "$bare_port" $(( bare_port + 2 ))); do
    redis-cli -p "$p" flushall >/dev/null
  done
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
  bare=$(migrate "$bare_url")
  flush
  three=$(migrate "$url")
  flush
  ref_one=$(benchmark -p "$single_port")
  ref_bare=$(benchmark --cluster -p "$bare_port")
  ref_three=$(benchmark --cluster -p "$cluster_port")
  flush
  python3 - "$keys" "$one" "$bare" "$three" "$ref_one" "$ref_bare" "$ref_three" "$round" <<'PY'
import sys
keys = int(sys.argv[1])
one, bare, three, ref1, refb, ref3 = map(float, sys.argv[2:8])
k1, kb, k3 = keys / one, keys / bare, keys / three
print(f"round {sys.argv[8]}: migrate one redis {one:.2f} s ({k1:,.0f} keys/s); "
      f"3 masters {bare:.2f} s ({kb:,.0f} keys/s), 3 masters/one {kb / k1:.2f}; "
      f"3 masters + 3 replicas {three:.2f} s ({k3:,.0f} keys/s), /one {k3 / k1:.2f}")
print(f"  redis-benchmark SET -P 16: one {ref1:,.0f}/s, 3 masters {refb:,.0f}/s, "
      f"3+3 {ref3:,.0f}/s; migrate/benchmark: one {k1 / ref1:.2f}, 3 masters {kb / refb:.2f}, "
      f"3+3 {k3 / ref3:.2f}")
PY
done
