#!/usr/bin/env bash
# Sets up this machine (Debian 12), builds PMKV Studio, starts a local Redis + pmkv-proxy on
# loopback, and opens the GUI on the bundled demo pm/ tree (resources/demo/pm).
#   scripts/run-demo.sh            needs a display (DISPLAY or WAYLAND_DISPLAY)
#   PMKV_DEMO_PORT=8080 PMKV_DEMO_REDIS_PORT=6390   ports of the local pair
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/setup.sh
export CCACHE_BASEDIR=$root
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2

port=${PMKV_DEMO_PORT:-8080}
redis_port=${PMKV_DEMO_REDIS_PORT:-6390}
state=${XDG_RUNTIME_DIR:-/tmp}/pmkv-demo
mkdir -p "$state"
token=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')

echo "demo: starting redis-server on 127.0.0.1:$redis_port (data in $state)"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$state" --save '' \
  --appendonly no --daemonize yes --pidfile "$state/redis.pid" --logfile "$state/redis.log"
PMKV_PROXY_TOKEN=$token build/app/pmkv-proxy/pmkv-proxy --listen "127.0.0.1:$port" \
  --redis "redis://127.0.0.1:$redis_port" 2>"$state/proxy.log" &
proxy_pid=$!
cleanup() {
  kill "$proxy_pid" 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT
echo "demo: pmkv-proxy on http://127.0.0.1:$port (token for this run only)"
echo "demo: opening pmkv-studio on resources/demo/pm"
build/app/pmkv-studio/pmkv-studio "$root/resources/demo/pm"
