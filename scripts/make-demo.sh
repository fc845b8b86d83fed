#!/usr/bin/env bash
# Regenerates resources/demo/pm: the bundled demo tree. Deterministic (fixed seed), about the
# size of a real tree, plus the two quirks every real tree has: a manager id that is not in
# people.json, and an epic whose storyIds miss a story file.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pmkv=${PMKV:-$here/build/app/pmkv/pmkv}
out=$here/resources/demo/pm
rm -rf "$out"
"$pmkv" generate "$out" --projects 2 --epics 8 --stories 27 --seed 2026
python3 - "$out" <<'PY'
import json, sys, pathlib
root = pathlib.Path(sys.argv[1])
def edit(path, change):
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False))
epic = sorted(root.glob("atlas/*/epic.json"))[0]
edit(epic, lambda d: d.update(manager="person-1765257859386-420"))
second = sorted(root.glob("borealis/*/epic.json"))[1]
edit(second, lambda d: d.update(storyIds=d["storyIds"][:-1]))
PY
echo "demo tree written to $out"
