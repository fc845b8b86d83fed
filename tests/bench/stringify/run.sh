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
source "$(dirname "$0")/../generated-tree.sh"
generated_tree stringify "$stories" "$pmkv"
"$bench" "$tree" 5
