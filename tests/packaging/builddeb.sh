#!/usr/bin/env bash
# Builds the .deb from the existing build with CPack (nothing is recompiled
# when the build is up to date) into $DEB_DIR, for the other packaging tests.
set -euo pipefail
rm -rf "$DEB_DIR"
mkdir -p "$DEB_DIR"
cpack -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$DEB_DIR/cpack" > "$DEB_DIR/cpack.log" 2>&1 \
  || { cat "$DEB_DIR/cpack.log"; exit 1; }
debs=("$DEB_DIR"/cpack/*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || { echo "builddeb: expected one .deb, got: ${debs[*]}" >&2; exit 1; }
mv "${debs[0]}" "$DEB_DIR/"
rm -rf "$DEB_DIR/cpack"
ls -l "$DEB_DIR"/*.deb
