#!/usr/bin/env bash
# The README's quick start. On a fresh Debian 12 machine:
#   packaging/quickstart.sh run    set up, build, and run the app on the bundled default
#   packaging/quickstart.sh test   set up, build, and run the whole test suite
# Set-up installs Debian packages (packaging/install-deps.sh, via sudo when not root).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
case "$mode" in
  run|test) ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if [ "$mode" = test ]; then
  packaging/install-deps.sh --servers   # the shared-index tests start PostgreSQL and Slurm
else
  packaging/install-deps.sh
fi
cmake --preset default
cmake --build --preset default

bin=build/default/bin
# The bundled demo model's sample clip (resources/samples), as the build tree mirrors the install.
sample=build/default/share/mplug2-studio/samples/two-shapes.mp4
model=build/default/share/mplug2-studio/models/demo/manifest.json
if [ "$mode" = test ]; then
  exec ctest --preset default
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "quickstart: starting the app ($bin/mplug2-studio) on the sample clip"
  if [ -f "$sample" ]; then exec "$bin/mplug2-studio" "$sample"; fi
  exec "$bin/mplug2-studio"
fi
echo "quickstart: no display (DISPLAY/WAYLAND_DISPLAY unset), so running the CLI headless instead of the GUI:"
"$bin/mplug2" --version
"$bin/mplug2" info
if [ -f "$sample" ] && [ -f "$model" ]; then
  echo "quickstart: the bundled demo model describes the sample clip $sample:"
  "$bin/mplug2" caption "$sample"
fi
