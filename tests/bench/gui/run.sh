#!/usr/bin/env bash
# GUI benchmark (issue #7): the real window on 100,000 stories and 1,000,000 keys.
# Usage: tests/bench/gui/run.sh [build-dir]   (BENCH_STORIES=N, BENCH_KEYS=N for other sizes)
set -euo pipefail
build=${1:-build}
stories=${BENCH_STORIES:-100000}
keys=${BENCH_KEYS:-1000000}
bench=$build/tests/bench/gui/bench_gui
[ -x "$bench" ] || { echo "bench_gui not built (GUI off?)"; exit 0; }
work=${BENCH_DIR:-${TMPDIR:-/tmp}/pmkv-bench-gui-$stories}
if [ ! -f "$work/.complete" ]; then
  rm -rf "$work"; mkdir -p "$work"
  QT_QPA_PLATFORM=offscreen "$bench" generate "$work" "$stories"
  touch "$work/.complete"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis_dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$redis_dir" \
  >"$redis_dir/log" 2>&1 &
redis_pid=$!
trap 'kill $redis_pid 2>/dev/null; wait $redis_pid 2>/dev/null; rm -rf "$redis_dir"' EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
QT_QPA_PLATFORM=offscreen "$bench" load "$work/pm" "$port" "$keys"
echo "redis: $(redis-cli -p "$port" dbsize) keys, $(redis-cli -p "$port" info memory | grep used_memory_human | tr -d '\r')"
QT_QPA_PLATFORM=offscreen "$bench" run "$work/pm" "$port"
