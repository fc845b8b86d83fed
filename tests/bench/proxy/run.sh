#!/usr/bin/env bash
# Proxy benchmark (issue #3): SET/GET of 1.5 KB values through pmkv-proxy with pipelines of
# 1, 100 and 1000 commands versus the same redis-server directly (our hiredis client with the
# same pipeline depths, and redis-benchmark -P 16 when installed), in one run.
# Target: a 1000-command pipeline through the proxy >= 50% of direct pipelined throughput.
# Usage: tests/bench/proxy/run.sh [build-dir] [--quick]
set -euo pipefail
build=${1:-build}
shift || true
exec "$build/tests/bench/proxy/bench_proxy" "$build/app/pmkv-proxy/pmkv-proxy" "$@"
