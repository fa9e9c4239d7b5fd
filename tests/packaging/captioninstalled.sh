#!/usr/bin/env bash
# `mplug2 caption` on a bundled sample, run from the unpacked package with the
# bundled default model: the installed files alone must give a caption, and
# the same one as the build tree gives.
set -euo pipefail
source "$(dirname "$0")/debtools.sh"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
cd "$scratch"
run() {
  env -i PATH=/usr/bin:/bin HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" LC_ALL=C.UTF-8 "$@"
}

data="$root/usr/$DATA_DIR"
sample=$(find "$data/samples" -type f \( -iname '*.mp4' -o -iname '*.webm' -o -iname '*.mkv' \
           -o -iname '*.png' -o -iname '*.jpg' \) 2>/dev/null | sort | head -n 1 || true)
if [ -z "$sample" ] || [ -z "$(find "$data/models" -type f 2>/dev/null | head -n 1)" ]; then
  fail "the package has no bundled model or no sample under $data"
fi

# Compare the caption texts only: timings and device names may differ.
texts() { grep -o '"text": *"[^"]*"' | sed 's/^"text": *//'; }
installed=$(run "$root/usr/bin/mplug2" caption --json "$sample") || fail "installed mplug2 caption failed"
echo "installed: $installed"
built=$(run "$BUILD_DIR/bin/mplug2" caption --json "$SOURCE_DIR/resources/samples/${sample#"$data/samples/"}") ||
  fail "build-tree mplug2 caption failed"
[ -n "$(texts <<<"$installed" | tr -d '"')" ] || fail "no caption text in: $installed"
[ "$(texts <<<"$installed")" = "$(texts <<<"$built")" ] ||
  fail "installed and build-tree captions differ: $(texts <<<"$installed") vs $(texts <<<"$built")"
echo "captioninstalled: $(basename "$sample"): $(texts <<<"$installed" | head -n 1)"
