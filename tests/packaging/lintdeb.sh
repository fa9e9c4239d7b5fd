#!/usr/bin/env bash
# Lintian on the package: no errors. Warnings are printed (and counted) but do
# not fail; deliberate ones are overridden in packaging/debian with a reason.
set -euo pipefail
source "$(dirname "$0")/debtools.sh"
# lintian refuses to run as root unless told; it only reads the file.
status=0
lintian --allow-root --display-info --fail-on error "$deb" > "$scratch/lintian" 2>&1 || status=$?
cat "$scratch/lintian"
for level in E W I; do
  echo "lintian: $(grep -c "^$level: " "$scratch/lintian" || true) tags of level $level"
done
[ "$status" = 0 ] || fail "lintian reported errors (exit $status)"
