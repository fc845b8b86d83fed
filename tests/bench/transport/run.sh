#!/usr/bin/env bash
# Transport benchmark (issues #4, #22): GET/SET of 1.5 KB values through RedisStore (direct) and
# UpstashRestStore (through pmkv-proxy), batches of 1, 100, 1000 and 5000, and the ratio to
# `redis-benchmark -P 16 -d 1500 -t get,set` on the same machine in the same run, REST SET
# batches of 1000 against `redis-cli --pipe`, and plain QNetworkAccessManager against pmkv-proxy.
# With PMKV_BENCH_REFERENCE=<bench_transport of a build before #22> (the hand-written HTTP
# client), compare.py runs that one and this one alternately instead and prints this build's
# REST figures over the reference's, measured in the same run (ROUNDS=N, default 3).
# Usage: tests/bench/transport/run.sh [build-dir]   (BENCH_SECONDS=N per case, default 1.5;
# BENCH_CASES="rest SET 1000,rest GET 1000" runs those cases only, for profiling one path)
set -euo pipefail
build=${1:-build}
bench="$build/tests/bench/transport/bench_transport"
if [[ -n "${PMKV_BENCH_REFERENCE:-}" ]]; then
    exec python3 "$(dirname "$0")/compare.py" "$PMKV_BENCH_REFERENCE" "$bench"
fi
"$bench" "${BENCH_SECONDS:-1.5}"
