#!/usr/bin/env bash
# Proxy under hostile load (issue #21 item 7): idle connections that never send a byte and a
# client asking again and again for a value larger than --max-response, while another client
# times a simple GET. Prints figures (not a pass/fail): the GET's latency throughout (target
# under 50 ms) and pmkv-proxy's peak memory (target under --max-response + 64 MiB).
# Usage: tests/bench/proxyload/run.sh [build-dir] [--seconds N] [--idle N] [--value-mib N]
set -euo pipefail
build=${1:-build}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/load.py" --proxy "$build/app/pmkv-proxy/pmkv-proxy" "$@"
