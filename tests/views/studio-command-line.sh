#!/bin/sh
# pmkv-studio's command line (issue #19, item 11), as a user meets it:
# --help answers without a display; --url is offered; a wrong --env is an error, not ignored.
set -u
studio="$1"
fail() { echo "FAIL: $*"; exit 1; }
# (a start that does open a window must not touch the user's settings, nor run forever)
XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)
export XDG_CONFIG_HOME XDG_DATA_HOME

help=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$studio" --help 2>&1) ||
  fail "--help without a display exited $?: $help"
echo "$help" | grep -q -- "--url <url>" || fail "--help names no --url: $help"
echo "$help" | grep -q "PMKV_TOKEN" || fail "--help does not say where the --url token comes from"

err=$(QT_QPA_PLATFORM=offscreen timeout 20 "$studio" --env BOGUS --redis redis://127.0.0.1:1 2>&1)
code=$?
[ "$code" -eq 2 ] || fail "--env BOGUS exited $code (expected 2): $err"
echo "$err" | grep -q -- "--env BOGUS" || fail "--env BOGUS not named: $err"

err=$(QT_QPA_PLATFORM=offscreen timeout 20 "$studio" --url http://127.0.0.1:1 --redis redis://127.0.0.1:1 2>&1)
code=$?
[ "$code" -eq 2 ] || fail "--url with --redis exited $code (expected 2): $err"
echo "ok"
