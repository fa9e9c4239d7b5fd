#!/usr/bin/env bash
# The packaged manual pages say what the packaged programs print for --help:
# each page is generated again from the installed program (same generator,
# same date) and must be identical. (lintian checks that the pages render.)
set -euo pipefail
source "$(dirname "$0")/debtools.sh"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
generator="$SOURCE_DIR/packaging/man/generatemanpage.cmake"
help2man=$(command -v help2man) || fail "help2man is missing: run packaging/install-deps.sh"
check() {
  local program=$1 commands=$2 packaged="$root/usr/share/man/man1/$1.1.gz"
  local name
  # sed reads to the end: quitting early would kill zcat with SIGPIPE, which pipefail turns into a
  # silent failure whenever sed wins the race (a page past zcat's first 32 KB write, a busy machine).
  name=$(zcat "$packaged" | sed -n '/^\.SH NAME/{n;s/^[^ ]* \\- //;p}')
  cmake "-DPROGRAM=$root/usr/bin/$program" "-DNAME=$name" -DCOMMANDS=$commands -DEPOCH="$EPOCH" \
        "-DHELP2MAN=$help2man" "-DOUTPUT=$scratch/$program.1" -P "$generator"
  diff -u <(zcat "$packaged") "$scratch/$program.1" ||
    fail "the packaged $program.1 differs from $program --help (diff above)"
  echo "$program.1: in sync with --help ($(zcat "$packaged" | wc -l) lines)"
}
check mplug2 ON
check mplug2-bench ON
check mplug2-studio OFF
