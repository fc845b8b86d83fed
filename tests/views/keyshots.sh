#!/bin/sh
# The key browser screenshots of docs/gui.md (and the read-only and PROD bands, the aligned
# mode over the demo tree, and the server panel of a Redis Cluster: SHOTS=cluster), light and
# dark:
#   cmake --build build --target keyshots && tests/views/keyshots.sh build docs
set -eu
build=${1:-build}
out=${2:-docs}
for shot in ${SHOTS:-hash zset stream list server readonly prod aligned}; do
  for theme in light dark; do
    flag=""
    [ "$theme" = dark ] && flag="--dark"
    name="key-viewer-$shot-$theme.png"
    [ "$shot" = server ] && name="server-panel-$theme.png"
    [ "$shot" = cluster ] && name="server-panel-cluster-$theme.png"
    [ "$shot" = aligned ] && name="aligned-$theme.png"
    [ "$shot" = readonly ] || [ "$shot" = prod ] && name="band-$shot-$theme.png"
    xvfb-run -a -s '-screen 0 1600x1000x24' sh -c "
      '$build/tests/views/keyshots' $shot $flag > /tmp/keyshot.\$\$ 2>&1 &
      pid=\$!
      for i in \$(seq 1 300); do grep -q ready /tmp/keyshot.\$\$ && break; sleep 0.1; done
      sleep 0.5
      timeout 10 import -window root -crop 1500x940+0+0 '$out/$name'
      wait \$pid 2>/dev/null || true; rm -f /tmp/keyshot.\$\$"
    echo "$out/$name"
  done
done
