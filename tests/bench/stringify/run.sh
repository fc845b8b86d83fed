#!/usr/bin/env bash
# JsStringify benchmark (issue #5): every value the migration writes, and every value it
# makes again from the files while it writes, goes through JsStringify. Prints MB/s on one
# thread over a generated tree's files in memory, next to nlohmann::json parse + dump of the
# same files in the same run. No target: a figure to watch.
# Usage: tests/bench/stringify/run.sh [build-dir]   (BENCH_STORIES=N for another size)
set -euo pipefail
build=${1:-build}
stories=${BENCH_STORIES:-30000}
pmkv=$build/app/pmkv/pmkv
bench=$build/tests/bench/stringify/bench_stringify
work=${BENCH_DIR:-${TMPDIR:-/tmp}/pmkv-bench-stringify-$stories}
tree=$work/pm
epics=20
per_epic=500
projects=$(( (stories + epics * per_epic - 1) / (epics * per_epic) ))
if [ ! -f "$work/.complete" ]; then
  rm -rf "$work"
  "$pmkv" generate "$tree" --projects "$projects" --epics "$epics" --stories "$per_epic" --seed 7 >/dev/null
  touch "$work/.complete"
fi
"$bench" "$tree" 5
