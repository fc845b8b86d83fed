#!/bin/sh
# Runs a test inside its own D-Bus session with a fresh, unlocked gnome-keyring (the Secret
# Service QtKeychain talks to on Linux), its files under KEYRING_DIR in the build tree.
# Usage: run-with-keyring.sh KEYRING_DIR TEST [ARGS...]
set -eu
dir=$1
shift
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "run-with-keyring.sh: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus-daemon gnome-keyring)" >&2
  exit 1
fi
rm -rf "$dir"
mkdir -p "$dir/data" "$dir/runtime"
chmod 700 "$dir/runtime"
export XDG_DATA_HOME="$dir/data"
export XDG_RUNTIME_DIR="$dir/runtime"
export PMKV_TEST_KEYRING_DIR="$dir"
exec dbus-run-session -- sh -c '
  echo -n pmkv-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
  exec "$@"' sh "$@"
