#!/bin/sh
# The wizard screenshots of docs/gui.md, light and dark:
#   cmake --build build --target wizardshots && tests/wizards/shots.sh build docs
# Each shot runs the wizard against its own redis-server and pmkv-proxy on a virtual screen.
set -eu
build=${1:-build}
out=${2:-docs}
for shot in dashboard backup-choose backup-report backup-restore archive-checklist \
            archive-report diff-sides diff-result diff-aligned localenv; do
  for theme in light dark; do
    flag=""
    [ "$theme" = dark ] && flag="--dark"
    xvfb-run -a -s '-screen 0 1600x1000x24' sh -c "
      '$build/tests/wizards/wizardshots' $shot $flag > /tmp/wizardshot.\$\$ 2>&1 &
      pid=\$!
      for i in \$(seq 1 300); do grep -q ready /tmp/wizardshot.\$\$ && break; sleep 0.1; done
      sleep 0.5
      timeout 10 import -window root -crop 1100x760+0+0 '$out/wizard-$shot-$theme.png'
      wait \$pid 2>/dev/null || true; rm -f /tmp/wizardshot.\$\$"
    echo "$out/wizard-$shot-$theme.png"
  done
done
