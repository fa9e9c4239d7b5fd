#!/usr/bin/env bash
# Makes the seed corpus of media-fuzzer with the ffmpeg CLI: one tiny file
# per container/codec and picture format, each prefixed by the option byte
# that routes it (see mediafuzzer.cpp): videos twice, as 0x03 (4 'middle'
# frames) and 0x75 (6 frames uniform by time, transformed, then re-read in
# another order); pictures as 0x80. Nothing binary is committed.
#
#   tests/fuzz/make-media-seeds.sh OUTDIR
set -euo pipefail
out=${1:?usage: make-media-seeds.sh OUTDIR}
mkdir -p "$out"
if ! command -v ffmpeg >/dev/null; then
  echo "make-media-seeds: the ffmpeg command-line tool is not installed" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=(-f lavfi -i testsrc2=size=32x24:rate=5 -t 0.6)
ff() { ffmpeg -y -v error "$@" </dev/null; }

ff "${src[@]}" -c:v libx264 -g 2 -bf 1 "$tmp/h264.mp4"
ff "${src[@]}" -c:v libx264 -movflags +faststart "$tmp/h264fast.mov"
ff "${src[@]}" -c:v libx265 -x265-params log-level=none "$tmp/h265.mkv" || true
ff "${src[@]}" -c:v libvpx -deadline realtime "$tmp/vp8.webm"
ff "${src[@]}" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 "$tmp/vp9.webm"
ff "${src[@]}" -c:v libaom-av1 -cpu-used 8 "$tmp/av1.mkv" || true
ff "${src[@]}" -c:v mpeg4 -bf 1 "$tmp/mpeg4.avi"
ff "${src[@]}" -c:v mjpeg "$tmp/mjpeg.avi"
ff "${src[@]}" "$tmp/anim.gif"
ff "${src[@]}" -c:v libx264 -f mpegts "$tmp/h264.ts"
ff "${src[@]}" -c:v libx264 -metadata:s:v rotate=90 "$tmp/rotated.mp4"
ff -f lavfi -i testsrc2=size=32x24:rate=25 -frames:v 6 -vf "settb=1/1000,setpts='N*N*20'" -fps_mode vfr \
   -c:v libx264 "$tmp/vfr.mkv"
ff -f lavfi -i sine -t 0.2 "$tmp/audio.m4a"
for f in "$tmp"/*; do
  { printf '\x03'; cat "$f"; } > "$out/video-$(basename "$f")"
  { printf '\x75'; cat "$f"; } > "$out/video-reread-$(basename "$f")"
done

ff -f lavfi -i testsrc=size=24x16 -frames:v 1 "$tmp/p.png"
ff -f lavfi -i testsrc=size=24x16 -frames:v 1 "$tmp/p.jpg"
ff -f lavfi -i testsrc=size=24x16 -frames:v 1 "$tmp/p.bmp"
ff -f lavfi -i testsrc=size=24x16 -frames:v 1 -pix_fmt rgb24 "$tmp/p.tiff"
ff -f lavfi -i testsrc=size=24x16 -frames:v 1 -c:v libwebp "$tmp/p.webp"
for f in "$tmp"/p.*; do
  { printf '\x80'; cat "$f"; } > "$out/picture-$(basename "$f")"
done
echo "make-media-seeds: $(ls "$out" | wc -l) seeds in $out"
