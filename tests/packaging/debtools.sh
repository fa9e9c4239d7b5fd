# Shared by the packaging test scripts: the package under test and helpers.
deb=$(echo "$DEB_DIR"/*.deb)
[ -f "$deb" ] || { echo "no .deb in $DEB_DIR (the packaging-deb test builds it)" >&2; exit 1; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# A scratch folder removed on exit.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
