#!/usr/bin/env bash
# Builds the .deb from an already built tree and checks it as a user installing it would meet
# it: the files it holds, lintian, the validators, and every program run from an extracted
# copy against the system's libraries only (versions, --help without a display, man pages,
# the bash, zsh and fish completions with a saved connection and a run).
#   check-deb.sh BUILD_DIR WORK_DIR VERSION GUI(ON|OFF)
set -euo pipefail
build=$1 work=$2 version=$3 gui=$4

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
step() { echo "== $*"; }

rm -rf "$work"
mkdir -p "$work"
root=$work/root

step "cpack -G DEB (the build tree as it is: nothing is rebuilt)"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; exit 1; }
deb=$(ls "$work"/cpack/*.deb)
echo "$deb"

step "dpkg-deb -c: every file a user needs"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
expected=(
  /usr/bin/pmkv /usr/bin/pmkv-proxy
  /usr/share/man/man1/pmkv.1.gz /usr/share/man/man1/pmkv-proxy.1.gz
  /usr/share/bash-completion/completions/pmkv /usr/share/zsh/vendor-completions/_pmkv
  /usr/share/fish/vendor_completions.d/pmkv.fish
  /usr/lib/systemd/user/pmkv-env.service
  /usr/share/doc/pmkv-studio/copyright /usr/share/doc/pmkv-studio/changelog.gz
)
programs=(pmkv pmkv-proxy)
if [ "$gui" = ON ]; then
  programs+=(pmkv-studio)
  expected+=(
    /usr/bin/pmkv-studio /usr/share/man/man1/pmkv-studio.1.gz
    /usr/share/applications/pmkv-studio.desktop
    /usr/share/metainfo/io.github.pmkv_studio.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/pmkv-studio.svg
  )
  for size in 16 22 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/pmkv-studio.png")
  done
fi
for file in "${expected[@]}"; do
  grep -qxF "$file" "$work/contents" || fail "the .deb lacks $file"
done

step "dpkg-deb -f: version and dependencies"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] ||
  fail "the .deb's version is $(dpkg-deb -f "$deb" Version), not $version"
dpkg-deb -f "$deb" Depends | grep -q 'libqt6sql6-sqlite' || fail "Depends lacks libqt6sql6-sqlite"
dpkg-deb -f "$deb" Recommends | grep -q 'qt6-svg-plugins' || fail "Recommends lacks qt6-svg-plugins"

step "lintian (errors fail)"
lintian_status=0
lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || lintian_status=$?
grep -v 'running with root' "$work/lintian.log" || true
[ "$lintian_status" -eq 0 ] || fail "lintian found errors (exit $lintian_status)"

step "extract into $root"
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin

if [ "$gui" = ON ]; then
  step "desktop-file-validate, appstreamcli validate --pedantic"
  desktop-file-validate "$root/usr/share/applications/pmkv-studio.desktop" ||
    fail "desktop-file-validate"
  metainfo=$root/usr/share/metainfo/io.github.pmkv_studio.metainfo.xml
  appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate"
  newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)
  [ "$newest" = "$version" ] || fail "the metainfo's newest release is $newest, not $version"
  for size in 16 22 24 32 48 64 128 256; do
    file "$root/usr/share/icons/hicolor/${size}x${size}/apps/pmkv-studio.png" |
      grep -q "PNG image data, $size x $size" || fail "the ${size}px icon is not a ${size}x${size} PNG"
  done
fi

# The programs run as installed: only the system's libraries, no display, a fresh home.
home=$work/home
mkdir -p "$home"
run() {
  env -i PATH="$bin:/usr/bin:/bin" HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$work" LANG=C.UTF-8 "$@"
}

step "ldd: every library resolves, none from the build tree"
for program in "${programs[@]}"; do
  libs=$(run ldd "$bin/$program")
  if grep -q 'not found' <<<"$libs"; then fail "$program: $(grep 'not found' <<<"$libs")"; fi
  if grep -qF "$build" <<<"$libs"; then fail "$program links a library of the build tree"; fi
done

step "versions agree, --help answers without a display"
[ "$(run pmkv --version)" = "pmkv $version" ] || fail "pmkv --version: $(run pmkv --version)"
[ "$(run pmkv-proxy --version)" = "pmkv-proxy $version" ] || fail "pmkv-proxy --version"
run pmkv --help >/dev/null || fail "pmkv --help"
run pmkv-proxy --help | grep -q '^Usage: pmkv-proxy' || fail "pmkv-proxy --help"
if [ "$gui" = ON ]; then
  [ "$(run pmkv-studio --version 2>&1)" = "pmkv-studio $version" ] ||
    fail "pmkv-studio --version: $(run pmkv-studio --version 2>&1)"
  run pmkv-studio --help | grep -q 'Usage: pmkv-studio' || fail "pmkv-studio --help without a display"
fi

step "man -l renders each page without a warning"
for program in "${programs[@]}"; do
  page=$root/usr/share/man/man1/$program.1.gz
  if ! MANWIDTH=80 run man --warnings -l "$page" >"$work/$program.txt" 2>"$work/$program.warnings"; then
    fail "man -l $program.1.gz"
  fi
  [ -s "$work/$program.warnings" ] && fail "man -l $program: $(cat "$work/$program.warnings")"
  grep -q "^NAME" "$work/$program.txt" || fail "$program.1 has no NAME section"
done
# pmkv(1): a section per command, each with its examples and exit codes.
for command in $(run pmkv --help | awk '/^Commands:/ {on = 1; next} /^$/ {on = 0} on {print $1}'); do
  section=$(awk -v h="PMKV ${command^^}" '$0 == h {on = 1; next} /^[A-Z]/ {on = 0} on' "$work/pmkv.txt")
  [ -n "$section" ] || { fail "pmkv.1 has no section for '$command'"; continue; }
  grep -q '^   Examples' <<<"$section" || fail "pmkv.1: '$command' has no examples"
  grep -q '^   Exit codes' <<<"$section" || fail "pmkv.1: '$command' has no exit codes"
done

step "a saved connection and a run for the completions to offer"
run pmkv conn add saved-profile redis://127.0.0.1:6379 >/dev/null 2>&1 || fail "pmkv conn add"
run pmkv generate "$work/tree/pm" --projects 1 --epics 1 --stories 2 >/dev/null ||
  fail "pmkv generate"
mkdir -p "$work/copy/pm"
run_id=$(run pmkv sync "$work/tree/pm" "$work/copy/pm" | grep -o '^run [^:]*' | cut -d' ' -f2)
[ -n "$run_id" ] || fail "pmkv sync made no run"
commands=$(run pmkv --help | awk '/^Commands:/ {on = 1; next} /^$/ {on = 0} on {print $1}' | sort)

# What each shell's completion must offer: $1 names the shell, $2 is a function printing
# what it offers for a command line, one candidate a line.
check_offers() {
  local shell=$1 offers=$2 offered
  offered=$($offers "pmkv " | grep -v '^-' | sort)
  [ "$offered" = "$commands" ] || fail "$shell: pmkv <TAB> offers $(echo $offered)"
  $offers "pmkv migrate --conn " | grep -qx saved-profile ||
    fail "$shell: pmkv migrate --conn <TAB> does not offer saved-profile"
  $offers "pmkv rollback " | grep -qxF "$run_id" ||
    fail "$shell: pmkv rollback <TAB> does not offer the run $run_id"
}

step "bash completion: commands, a saved connection, a run id"
completion=$root/usr/share/bash-completion/completions/pmkv
# shellcheck disable=SC2016 # expanded by the bash that completes
bash_offers() {
  run bash --norc --noprofile -c 'source "$1"
    COMP_LINE=$2 COMP_POINT=${#2}
    read -ra COMP_WORDS <<<"$2"
    COMP_CWORD=${#COMP_WORDS[@]}
    _pmkv
    printf "%s\n" "${COMPREPLY[@]}"' bash "$completion" "$1" 2>&1
}
run bash --norc --noprofile -c 'source "$1"; complete -p pmkv' bash "$completion" |
  grep -qx 'complete -F _pmkv pmkv' || fail "complete -p pmkv"
check_offers bash bash_offers
bash_offers "pmkv diff conn:" | grep -qx saved-profile ||
  fail "bash: pmkv diff conn:<TAB> does not offer saved-profile"

step "systemd user unit for pmkv env"
# Verified as installed: a copy whose commands name the extracted pmkv (systemd looks
# `pmkv` up in /usr/bin on a real machine). Unknown keys are only warned about: none allowed.
mkdir -p "$work/unit"
sed "s|^\(Exec[A-Za-z]*\)=pmkv |\1=$bin/pmkv |" "$root/usr/lib/systemd/user/pmkv-env.service" \
  >"$work/unit/pmkv-env.service"
if ! systemd-analyze verify --man=no "$work/unit/pmkv-env.service" >"$work/unit.log" 2>&1 ||
  [ -s "$work/unit.log" ]; then
  fail "systemd-analyze verify pmkv-env.service: $(cat "$work/unit.log")"
fi
grep -q '^WantedBy=default.target' "$root/usr/lib/systemd/user/pmkv-env.service" ||
  fail "pmkv-env.service cannot be enabled for the user session"

step "zsh completion: commands, a saved connection, a run id"
if command -v zsh >/dev/null; then
  functions=$root/usr/share/zsh/vendor-completions
  zsh -n "$functions/_pmkv" || fail "zsh -n _pmkv"
  zsh_offers() {
    run timeout 60 zsh -f "$(dirname "$0")/zsh-complete.zsh" "$1" "$functions" 2>&1
  }
  check_offers zsh zsh_offers
else
  fail "zsh is not installed (scripts/setup.sh installs it)"
fi

step "fish completion: commands, a saved connection, a run id"
if command -v fish >/dev/null; then
  fish_offers() {
    run fish --no-config -c "source $root/usr/share/fish/vendor_completions.d/pmkv.fish
      complete -C '$1'" 2>&1 | cut -f1
  }
  check_offers fish fish_offers
else
  fail "fish is not installed (scripts/setup.sh installs it)"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
