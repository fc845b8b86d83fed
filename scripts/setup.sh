#!/usr/bin/env bash
# Installs every Debian package PMKV Studio needs to build, test, benchmark and run.
# Idempotent: packages already present are left alone. Run as root (or with sudo).
set -euo pipefail

packages=(
  # toolchain
  cmake ninja-build g++ pkg-config ccache clang-format file bc
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools
  libqt6sql6-sqlite libgl-dev
  # libraries
  qtkeychain-qt6-dev libhiredis-dev nlohmann-json3-dev libarchive-dev
  # SHA-256 of backups and plans through libcrypto (QCryptographicHash without it)
  libssl-dev
  # reading 100,000 small files a few system calls at a time (plain calls without it)
  liburing-dev
  # real services and clients the tests start
  redis-server redis-tools
  # the TLS tests make a throw-away certificate authority
  openssl
  # secrets in tests, GUI checks, screenshots
  gnome-keyring dbus-daemon dbus-x11 libsecret-tools xvfb xauth x11-utils imagemagick
  fonts-dejavu-core
  # packaging: PNG icons from the SVG, the .deb's checks (lintian, validators, man pages,
  # systemd-analyze for the user unit, zsh and fish for the completions)
  librsvg2-bin desktop-file-utils appstream dpkg-dev fakeroot lintian man-db systemd zsh fish
  # fuzzing runtime
  clang libclang-rt-14-dev
)

# Node.js + npm run the real @upstash/redis client in the conformance tests. Some machines
# carry a Node.js build that bundles npm and conflicts with Debian's npm package: only ask
# Debian for them when no npm is on the PATH.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
