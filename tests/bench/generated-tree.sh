# Sourced by the bench scripts. `generated_tree NAME STORIES PMKV` sets work, tree, projects,
# epics and per_epic for a tree of about STORIES stories (20 epics of 500 stories per project,
# fewer stories per epic in one project below 10,000), generated with seed 7 into
# ${BENCH_DIR:-$TMPDIR/pmkv-bench-NAME-STORIES} the first time and reused afterwards.
generated_tree() {
  local name=$1 stories=$2 pmkv=$3
  work=${BENCH_DIR:-${TMPDIR:-/tmp}/pmkv-bench-$name-$stories}
  tree=$work/pm
  epics=20
  per_epic=500
  projects=$(( (stories + epics * per_epic - 1) / (epics * per_epic) ))
  if [ "$stories" -lt $(( epics * per_epic )) ]; then
    per_epic=$(( (stories + epics - 1) / epics ))
    projects=1
  fi
  if [ ! -f "$work/.complete" ]; then
    rm -rf "$work"
    "$pmkv" generate "$tree" --projects "$projects" --epics "$epics" --stories "$per_epic" --seed 7 >/dev/null
    touch "$work/.complete"
  fi
}
