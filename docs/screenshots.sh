#!/bin/sh
# Retakes the README's screenshots of mplug2-studio under Xvfb: the window
# after captioning CLIP with MODEL, showing the attention of answer token
# TOKEN, once in English and once in Chinese. A fresh configuration folder
# keeps the user's window layout and recent files out of the pictures.
#
#   docs/screenshots.sh build/default/bin/mplug2-studio MODEL CLIP [TOKEN]
set -eu
studio=$1
model=$2
clip=$3
token=${4:-2}
docs=$(cd "$(dirname "$0")" && pwd)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
unset LC_ALL LC_MESSAGES
for lang in en_US zh_CN; do
    LANG="$lang.UTF-8" LANGUAGE="$lang" XDG_CONFIG_HOME="$home/config-$lang" XDG_CACHE_HOME="$home/cache" \
        QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$studio" --model "$model" --caption --token "$token" --screenshot "$docs/studio-${lang%_*}.png" "$clip"
done
