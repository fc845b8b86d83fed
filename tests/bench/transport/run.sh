#!/usr/bin/env bash
# Transport benchmark (issue #4): GET/SET of 1.5 KB values through RedisStore (direct) and
# UpstashRestStore (through pmkv-proxy), batches of 1, 100 and 1000, and the ratio to
# `redis-benchmark -P 16 -d 1500 -t get,set` on the same machine in the same run, and REST SET
# batches of 1000 against `redis-cli --pipe` (the migration reference of issue #5).
# Usage: tests/bench/transport/run.sh [build-dir]   (BENCH_SECONDS=N per case, default 1.5)
set -euo pipefail
build=${1:-build}
"$build/tests/bench/transport/bench_transport" "${BENCH_SECONDS:-1.5}"
