#!/bin/sh
# Retakes the screenshots of mplug2-studio in docs/: the window at 1024x700,
# 1280x800 (the default size, shown in the README) and 1920x1080, in English
# and in Chinese, after captioning CLIP with MODEL and showing the attention
# of answer token TOKEN: docs/studio-WxH-en.png and docs/studio-WxH-zh.png.
# They are taken under Xvfb with a window manager (openbox), as a user's
# window is; each run starts from a fresh configuration folder, so that the
# user's window layout and recent files stay out of the pictures. optipng,
# when installed, makes the files smaller.
#
#   docs/screenshots.sh [STUDIO [MODEL [CLIP [TOKEN]]]]
#
# From the top of the tree, with no arguments: build/default/bin/mplug2-studio,
# the bundled demo model and resources/samples/yellow-square.mp4, token 2.
set -eu
docs=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$docs")
studio=$(realpath "${1:-$root/build/default/bin/mplug2-studio}")
model=$(realpath "${2:-$root/resources/models/demo}")
clip=$(realpath "${3:-$root/resources/samples/yellow-square.mp4}")
token=${4:-2}
sizes="1024x700 1280x800 1920x1080"
for tool in xvfb-run openbox; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is not installed" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
unset LC_ALL LC_MESSAGES

# One X server and one window manager for all of them; the screen is larger
# than the largest window, so that the window manager does not shrink it.
cat >"$home/take.sh" <<'EOF'
set -eu
openbox --sm-disable >/dev/null 2>&1 &
wm=$!
sleep 1
status=0
for lang in en_US zh_CN; do
    for size in $SIZES; do
        shot="$DOCS/studio-$size-${lang%_*}.png"
        LANG="$lang.UTF-8" LANGUAGE="$lang" XDG_CONFIG_HOME="$HOME_DIR/config-$lang-$size" \
            XDG_CACHE_HOME="$HOME_DIR/cache" QT_QPA_PLATFORM=xcb \
            "$STUDIO" --model "$MODEL" --caption --token "$TOKEN" --size "$size" --screenshot "$shot" "$CLIP" \
            || status=1
        echo "$shot"
    done
done
kill "$wm"
exit $status
EOF
DOCS=$docs STUDIO=$studio MODEL=$model CLIP=$clip TOKEN=$token SIZES=$sizes HOME_DIR=$home \
    xvfb-run -a -s "-screen 0 2560x1600x24" sh "$home/take.sh"

if command -v optipng >/dev/null; then
    for size in $sizes; do
        optipng -quiet -o2 "$docs/studio-$size-en.png" "$docs/studio-$size-zh.png"
    done
fi
