#!/usr/bin/env bash
# Sets up this machine (Debian 12), builds PMKV Studio, starts the local Redis + pmkv-proxy
# pair (`pmkv env up`), migrates the bundled demo tree into it through the proxy, changes a few
# keys so that the sync states have something to show, and opens the GUI side by side.
#   scripts/run-demo.sh                 needs a display (DISPLAY or WAYLAND_DISPLAY)
#   PMKV_DEMO_PORT=8080 PMKV_DEMO_REDIS_PORT=6390 scripts/run-demo.sh
# The demo pair keeps its data in $XDG_DATA_HOME/pmkv-studio/demo-env and is stopped when the
# window closes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/setup.sh
export CCACHE_BASEDIR=$root
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2

pmkv=$root/build/app/pmkv/pmkv
port=${PMKV_DEMO_PORT:-8080}
redis_port=${PMKV_DEMO_REDIS_PORT:-6390}
data=${XDG_DATA_HOME:-$HOME/.local/share}/pmkv-studio/demo-env
demo=$root/resources/demo/pm

env_lines=$("$pmkv" env up --port "$port" --redis-port "$redis_port" --data-dir "$data")
echo "$env_lines"
trap '"$pmkv" env down --data-dir "$data" >/dev/null || true' EXIT
PMKV_TOKEN=$(echo "$env_lines" | sed -n 's/^UPSTASH_REDIS_REST_TOKEN=//p' | tr -d '"')
export PMKV_TOKEN

# Migrate through the proxy, the way the application will read it.
# Exit 1 means "done, with warnings": the demo tree has the warnings real trees have.
status=0
"$pmkv" migrate "$demo" --url "http://127.0.0.1:$port" --policy overwrite \
  --state-dir "$data/state" >/dev/null || status=$?
if [ "$status" -gt 1 ]; then
  echo "demo: the migration failed (exit $status); see the messages above" >&2
  exit "$status"
fi
# A few differences for the GUI to show: an edit made in the app, a key the files do not
# have, and a story that never reached KV.
redis_cli=(redis-cli -p "$redis_port" --no-raw)
story_key=pm:project:atlas:epic:audit-sync:story:F-AF-002
value=$("${redis_cli[@]}" --raw GET "$story_key")
"${redis_cli[@]}" SET "$story_key" "${value/\"status\":\"in_progress\"/\"status\":\"done\"}" >/dev/null
"${redis_cli[@]}" SET pm:project:atlas:epic:audit-sync:story:F-AF-999 '{"id":"F-AF-999","title":"Created in the app"}' >/dev/null
"${redis_cli[@]}" DEL pm:project:atlas:epic:audit-sync:story:F-AF-004 >/dev/null

echo "demo: opening pmkv-studio on $demo against redis://127.0.0.1:$redis_port"
"$root/build/app/pmkv-studio/pmkv-studio" "$demo" --redis "redis://127.0.0.1:$redis_port"
