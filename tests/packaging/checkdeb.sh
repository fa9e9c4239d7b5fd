#!/usr/bin/env bash
# The package's control data (dpkg-deb -I) and file list (dpkg-deb -c): the
# right name, version and dependencies; every file we mean to ship and nothing
# else; sane owners and modes; icons of the sizes their folders claim.
set -euo pipefail
source "$(dirname "$0")/debtools.sh"

dpkg-deb -I "$deb"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = mplug2-studio ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$VERSION" ] || fail "Version '$(field Version)' is not the project version $VERSION"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
for f in Maintainer Description Homepage Section Priority Installed-Size; do
  [ -n "$(field $f)" ] || fail "control field $f is empty"
done
# Explicit run-time needs, and what dpkg-shlibdeps must have found in the binaries.
depends=$(field Depends)
for dep in libopenblas0-openmp libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 libqt6core6 libqt6widgets6 libtorch \
           libavformat libc6; do
  grep -Eq "(^|, )$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
# Servers are the user's (or their lab's) business: the package needs their client drivers only.
for server in postgresql postgresql-15 slurm-wlm slurmd munge; do
  grep -Eq "(^|, )$server( |,|$)" <<<"$depends" && fail "Depends names a server, $server: $depends"
done

# Entries as "mode owner path", directories without their trailing slash.
dpkg-deb -c "$deb" | awk '{ p = $6; sub(/\/$/, "", p); print $1, $2, p }' > "$scratch/list"
cut -d' ' -f3 "$scratch/list" | grep -v '^\.$' | sort > "$scratch/paths"
awk '$1 !~ /^d/ { print $3 }' "$scratch/list" | sort > "$scratch/files"

expected=(
  ./usr/bin/mplug2 ./usr/bin/mplug2-studio ./usr/bin/mplug2-bench
  ./usr/share/applications/$APP_ID.desktop
  ./usr/share/metainfo/$APP_ID.metainfo.xml
  ./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg
  ./usr/share/man/man1/mplug2.1.gz ./usr/share/man/man1/mplug2-studio.1.gz
  ./usr/share/man/man1/mplug2-bench.1.gz
  ./usr/share/doc/mplug2-studio/copyright ./usr/share/doc/mplug2-studio/changelog.gz
  ./usr/share/lintian/overrides/mplug2-studio
  ./usr/$DATA_DIR/vocab/bert-base-uncased-vocab.txt
  ./usr/$DATA_DIR/vocab/README.md
  ./usr/$DATA_DIR/vocab/LICENSE-Apache-2.0.txt
)
for size in $ICON_SIZES; do
  expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png")
done
# Model bundles and sample media, file for file, once they are in resources/.
for tree in models samples; do
  if [ -d "$SOURCE_DIR/resources/$tree" ]; then
    while IFS= read -r f; do
      expected+=("./usr/$DATA_DIR/$tree/$f")
    done < <(cd "$SOURCE_DIR/resources/$tree" && find . -type f -printf '%P\n')
  fi
done
# Our dlopen plug-ins, as built.
for f in "$BUILD_DIR/$PLUGIN_DIR"/*.so; do
  [ -e "$f" ] && expected+=("./usr/$PLUGIN_DIR/$(basename "$f")")
done
printf '%s\n' "${expected[@]}" | sort > "$scratch/expected"
missing=$(comm -23 "$scratch/expected" "$scratch/files")
[ -z "$missing" ] || fail "missing from the package:"$'\n'"$missing"
unexpected=$(comm -13 "$scratch/expected" "$scratch/files")
[ -z "$unexpected" ] || fail "files nobody asked for in the package:"$'\n'"$unexpected"$'\n'"(data goes through \
mplug2_add_data*(), dlopen plug-ins through mplug2_add_plugin(): cmake/InstallLayout.cmake)"

# Ownership and modes: root-owned; programs 0755, data and plug-ins 0644
# (Debian policy for shared objects), folders 0755.
awk '$2 != "root/root" { print "owner", $0 }
     $1 ~ /^d/ && $1 != "drwxr-xr-x" { print "mode", $0 }
     $1 ~ /^-/ && $3 ~ /^\.\/usr\/bin\// && $1 != "-rwxr-xr-x" { print "mode", $0 }
     $1 ~ /^-/ && $3 !~ /^\.\/usr\/bin\// && $1 != "-rw-r--r--" { print "mode", $0 }' \
  "$scratch/list" > "$scratch/bad"
[ ! -s "$scratch/bad" ] || fail "bad owners or modes:"$'\n'"$(cat "$scratch/bad")"

# The unpacked files: icons have the size of their folder; data is what is in the sources.
dpkg-deb -x "$deb" "$scratch/root"
for size in $ICON_SIZES; do
  png="$scratch/root/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  file -b "$png" | grep -q "^PNG image data, $size x $size," || fail "$png: $(file -b "$png")"
done
cmp "$SOURCE_DIR/resources/vocab/bert-base-uncased-vocab.txt" \
    "$scratch/root/usr/$DATA_DIR/vocab/bert-base-uncased-vocab.txt" || fail "vocabulary differs"
grep -q "<release version=\"$VERSION\"" "$scratch/root/usr/share/metainfo/$APP_ID.metainfo.xml" ||
  fail "the AppStream release is not $VERSION"
# The software centre advertises exactly the media types the menu entry opens.
metainfo="$scratch/root/usr/share/metainfo/$APP_ID.metainfo.xml"
desktop_types=$(sed -n 's/^MimeType=//p' "$scratch/root/usr/share/applications/$APP_ID.desktop" | tr ';' '\n' | sed '/^$/d' | sort)
metainfo_types=$(sed -n 's|^ *<mediatype>\([^<]*\)</mediatype>$|\1|p' "$metainfo" | sort)
[ -n "$desktop_types" ] && [ "$desktop_types" = "$metainfo_types" ] ||
  fail "media types differ: desktop file [$desktop_types] vs metainfo [$metainfo_types]"
zcat "$scratch/root/usr/share/doc/mplug2-studio/changelog.gz" | head -n 1 | grep -q "^mplug2-studio ($VERSION) " ||
  fail "the Debian changelog does not start with version $VERSION"
echo "checkdeb: $(wc -l < "$scratch/files") files as expected; Depends: $depends"
