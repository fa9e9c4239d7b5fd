#!/usr/bin/env bash
# Installs the package into a throwaway root (dpkg-deb -x) and runs the
# programs from there with a bare environment: they must work from the
# unpacked files alone, finding shared libraries through the system and our
# plug-ins and data relative to themselves (no rpath, no LD_LIBRARY_PATH).
# Installing for real would change a shared machine; instead apt resolves the
# package's dependencies in simulation.
set -euo pipefail
source "$(dirname "$0")/debtools.sh"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
cd "$scratch"
run() {
  env -i PATH=/usr/bin:/bin HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" \
      QT_QPA_PLATFORM=offscreen LC_ALL="${RUN_LOCALE:-C.UTF-8}" "$@"
}

for program in mplug2 mplug2-bench mplug2-studio; do
  exe="$root/usr/bin/$program"
  if readelf -d "$exe" | grep -Eq '\((RPATH|RUNPATH)\)'; then
    fail "$program carries a library search path: $(readelf -d "$exe" | grep -E 'RPATH|RUNPATH')"
  fi
  version=$(run "$exe" --version 2>/dev/null)
  [ "$version" = "$program $VERSION" ] || fail "$program --version printed '$version'"
  echo "installed $program --version: $version"
done
for plugin in "$root/usr/$PLUGIN_DIR"/*.so; do
  [ -e "$plugin" ] || continue
  ! readelf -d "$plugin" | grep -Eq '\((RPATH|RUNPATH)\)' || fail "$plugin carries a library search path"
  ! ldd "$plugin" | grep -q 'not found' || fail "$plugin needs libraries that are missing: $(ldd "$plugin")"
done

# The installed CLI locates its data and plug-ins inside the unpacked root.
info=$(run "$root/usr/bin/mplug2" info --json)
grep -Fq "\"data_dir\":\"$root/usr/$DATA_DIR\"" <<<"$info" || fail "data_dir is not in the root: $info"
grep -Fq "\"plugin_dir\":\"$root/usr/$PLUGIN_DIR\"" <<<"$info" || fail "plugin_dir is not in the root: $info"

# The translations are compiled into the GUI: its Chinese help comes from the binary alone.
help_zh=$(RUN_LOCALE=zh_CN.UTF-8 run "$root/usr/bin/mplug2-studio" --help 2>/dev/null)
grep -q "探索 mPLUG-2" <<<"$help_zh" || fail "no Chinese text in the installed GUI's help: $help_zh"

# Every dependency is satisfiable here (simulation only: nothing is installed).
apt-get -s -q --no-install-recommends install "$deb" > "$scratch/apt" 2>&1 ||
  fail "apt cannot install the package:"$'\n'"$(cat "$scratch/apt")"
grep -E '^(Inst|Conf) ' "$scratch/apt" || true
echo "runinstalled: programs run from $root; dependencies resolve"
