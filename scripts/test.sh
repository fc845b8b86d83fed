#!/usr/bin/env bash
# Sets up this machine (Debian 12) and runs the whole test suite through ctest.
#   scripts/test.sh            build in ./build and run every test (fault runs included)
#   PMKV_TEST_LABELS_EXCLUDE= scripts/test.sh    also run the `fuzz` label (needs a -DPMKV_FUZZ=ON clang build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh
# The conformance suite drives the real @upstash/redis client, pinned by the lock file.
if [ -f tests/conformance/package-lock.json ]; then
  echo "test: installing the pinned npm packages for the conformance suite"
  npm ci --prefix tests/conformance --no-audit --no-fund --loglevel=error
fi

# ccache shares objects between the two build trees below: paths relative to the checkout,
# and the build folder left out of the hash (with -g it is part of it by default).
export CCACHE_BASEDIR=$root
export CCACHE_NOHASHDIR=1
echo "test: building (GUI on) in build/"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2
# The headless build (storage, pmkv, pmkv-proxy, tests without a display) must build too.
echo "test: building headless (-DPMKV_BUILD_GUI=OFF) in build-headless/"
cmake -S . -B build-headless -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPMKV_BUILD_GUI=OFF >/dev/null
cmake --build build-headless -j2

exclude=${PMKV_TEST_LABELS_EXCLUDE-fuzz}
echo "test: running ctest${exclude:+ (labels excluded: $exclude)}"
ctest --test-dir build --output-on-failure -j2 --timeout 600 ${exclude:+-LE "$exclude"}
