#!/usr/bin/env bash
# ctest entry for the conformance suite: the real @upstash/redis client against pmkv-proxy and
# a real redis-server (both started by conformance.test.mjs on free loopback ports).
#   run.sh /path/to/pmkv-proxy
#   PMKV_CONFORMANCE_CLUSTER=1 run.sh /path/to/pmkv-proxy   the same over a local Redis Cluster
# Needs `npm ci --prefix tests/conformance` first (installs the pinned client).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
proxy="$(realpath -m "${1:?usage: run.sh /path/to/pmkv-proxy}")"
if ! command -v node >/dev/null; then
  echo "conformance: node is not installed (Node.js 18+ is needed for fetch and node:test)" >&2
  exit 1
fi
if [ ! -f "$here/node_modules/@upstash/redis/package.json" ]; then
  echo "conformance: $here/node_modules is missing: run 'npm ci --prefix tests/conformance' first" >&2
  exit 1
fi
if ! command -v redis-server >/dev/null; then
  echo "conformance: redis-server is not installed" >&2
  exit 1
fi
if [ "${PMKV_CONFORMANCE_CLUSTER:-}" = 1 ] && ! command -v redis-cli >/dev/null; then
  echo "conformance: redis-cli is not installed (it creates the cluster)" >&2
  exit 1
fi
if [ ! -x "$proxy" ]; then
  echo "conformance: $proxy is not built (ninja pmkv-proxy)" >&2
  exit 1
fi
cd "$here"
PMKV_PROXY_BIN="$proxy" exec node --test --test-concurrency=1 conformance.test.mjs
