#!/usr/bin/env bash
# Sets up this machine (Debian 12), builds PMKV Studio, starts the local Redis + pmkv-proxy
# pair (`pmkv env up`), copies the bundled demo tree into a workspace of its own (the archive
# wizard renames pm/ to pm-backup/, and the repository's copy must stay as it is), and opens
# the GUI on it against the proxy over REST, the path the application takes to Upstash.
# The key space starts empty: Migrate, Compare, Back Up, Archive, Roll Back, the phases and the
# activity are in the Migration menu.
#   scripts/run-demo.sh                 needs a display (DISPLAY or WAYLAND_DISPLAY)
#   scripts/run-demo.sh --dark          arguments after the script's go to pmkv-studio
#   PMKV_DEMO_PORT=8080 PMKV_DEMO_REDIS_PORT=6390 scripts/run-demo.sh
#   PMKV_DEMO_FRESH=1 scripts/run-demo.sh    starts over: a new workspace and an empty key space
#   PMKV_DEMO_MIGRATED=1 scripts/run-demo.sh migrates first and changes three keys, so that the
#                                            sync states have something to show
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
workspace=$data/workspace
url=http://127.0.0.1:$port

if [ "${PMKV_DEMO_FRESH:-0}" = 1 ]; then
  "$pmkv" env down --data-dir "$data" >/dev/null 2>&1 || true
  rm -rf "$data"
fi
if [ ! -d "$workspace/pm" ] && [ ! -d "$workspace/pm-backup" ]; then
  mkdir -p "$workspace"
  cp -R "$root/resources/demo/pm" "$workspace/pm"
fi
folder=$workspace/pm
[ -d "$folder" ] || folder=$workspace/pm-backup # archived in an earlier demo

env_lines=$("$pmkv" env up --port "$port" --redis-port "$redis_port" --data-dir "$data")
echo "$env_lines"
trap '"$pmkv" env down --data-dir "$data" >/dev/null || true' EXIT
PMKV_TOKEN=$(echo "$env_lines" | sed -n 's/^UPSTASH_REDIS_REST_TOKEN=//p' | tr -d '"')
export PMKV_TOKEN

if [ "${PMKV_DEMO_MIGRATED:-0}" = 1 ]; then
  # Exit 1 means "done, with warnings": the demo tree has the warnings real trees have.
  status=0
  # (journaled in the default state folder, where the app's Activity and Roll Back find it)
  "$pmkv" migrate "$folder" --url "$url" --policy overwrite >/dev/null || status=$?
  if [ "$status" -gt 1 ]; then
    echo "demo: the migration failed (exit $status); see the messages above" >&2
    exit "$status"
  fi
  # An edit made in the app, a key the files do not have, and a story that never reached KV.
  redis_cli=(redis-cli -p "$redis_port" --no-raw)
  story_key=pm:project:atlas:epic:audit-sync:story:F-AF-002
  value=$("${redis_cli[@]}" --raw GET "$story_key")
  "${redis_cli[@]}" SET "$story_key" "${value/\"status\":\"in_progress\"/\"status\":\"done\"}" >/dev/null
  "${redis_cli[@]}" SET pm:project:atlas:epic:audit-sync:story:F-AF-999 '{"id":"F-AF-999","title":"Created in the app"}' >/dev/null
  "${redis_cli[@]}" DEL pm:project:atlas:epic:audit-sync:story:F-AF-004 >/dev/null
fi

echo "demo: opening pmkv-studio on $folder against $url (pmkv-proxy over REST)"
# (further arguments go to the app: --dark, --read-only, --select <file>; PMKV_DEMO_ENV=PROD)
"$root/build/app/pmkv-studio/pmkv-studio" "$folder" --url "$url" --env "${PMKV_DEMO_ENV:-DEV}" "$@"
