#!/usr/bin/env bash
# Style checks itself: clang-format over every C++ source that git tracks,
# with the committed .clang-format. The version is pinned (Debian 12's
# clang-format-14): another major version formats some lines differently.
#
#   checkformat.sh ROOT          exit 0 when every file is formatted, 1 otherwise
#   checkformat.sh --self-test   proves the check fails on a misformatted line
#
# Outside CI a missing clang-format-14 skips (exit 77); with CI=true it fails.
set -euo pipefail
fmt=${MPLUG2_CLANG_FORMAT:-clang-format-14}
if ! command -v "$fmt" >/dev/null 2>&1; then
  echo "checkformat: $fmt not found (packaging/install-deps.sh installs it)" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi

if [ "${1:-}" = --self-test ]; then
  here=$(cd "$(dirname "$0")" && pwd)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp "$here/../../.clang-format" "$tmp/"
  git -C "$tmp" init -q
  printf 'int answer()\n{\n    return 42;\n}\n' >"$tmp/good.cpp"
  git -C "$tmp" add .clang-format good.cpp
  "$0" "$tmp" >/dev/null || { echo "checkformat self-test: a well-formatted file was refused" >&2; exit 1; }
  printf 'int answer()\n{\n    return   42;\n}\n' >"$tmp/bad.cpp"
  git -C "$tmp" add bad.cpp
  if out=$("$0" "$tmp" 2>&1); then
    echo "checkformat self-test: a misformatted line was not caught" >&2
    exit 1
  fi
  grep -q 'bad.cpp:3' <<<"$out" || { echo "checkformat self-test: the report does not name bad.cpp:3:" >&2; echo "$out" >&2; exit 1; }
  echo "checkformat self-test: a misformatted line fails the check, as it should"
  exit 0
fi

root=${1:?usage: checkformat.sh ROOT | --self-test}
cd "$root"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.hpp')
else # an unpacked source archive: every source outside build folders
  mapfile -t files < <(find . -path ./build -prune -o -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' \) -print | sort)
fi
[ ${#files[@]} -gt 0 ] || { echo "checkformat: no C++ sources found under $root" >&2; exit 1; }
if ! "$fmt" --dry-run --Werror "${files[@]}"; then
  echo "checkformat: the lines above differ from .clang-format; fix with: git ls-files '*.cpp' '*.h' | xargs $fmt -i" >&2
  exit 1
fi
echo "checkformat: ${#files[@]} files formatted as .clang-format says ($("$fmt" --version | head -n 1))"
