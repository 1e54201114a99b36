#!/usr/bin/env bash
# The core crate's public API against its checked-in snapshot,
# crates/cookieprefs/public-api.txt (one line per item: path and signature,
# fields, variants, constants, trait impls with the auto traits; made by
# scripts/public_api.py from nightly rustdoc's JSON, all features on).
#
#   ./scripts/public-api.sh                      # check: fails on any difference
#   COOKIEPREFS_BLESS=1 ./scripts/public-api.sh  # accept the current API
#
# A difference that only adds lines is new API (a minor release before 1.0 is
# not needed: a patch, 0.Y.Z+1, may add). Any removed or changed line is a
# break for users of the last release: the check says so, and the version's
# compatibility part must change (0.Y -> 0.Y+1) before blessing it.
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=crates/cookieprefs/public-api.txt
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target/api}

cargo +nightly rustdoc -q -p cookieprefs --lib --all-features --locked -- \
  -Z unstable-options --output-format json
current=$(mktemp)
trap 'rm -f "$current"' EXIT
python3 scripts/public_api.py "$CARGO_TARGET_DIR/doc/cookieprefs.json" >"$current"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
compat() { # 0.Y.Z -> 0.Y, X.Y.Z -> X
  local major minor
  IFS=. read -r major minor _ <<<"$1"
  if [ "$major" = 0 ]; then echo "0.$minor"; else echo "$major"; fi
}

if [ "${COOKIEPREFS_BLESS:-}" = 1 ]; then
  { echo "# cookieprefs $version public API (scripts/public-api.sh; do not edit)"; cat "$current"; } >"$snapshot"
  echo "public-api: wrote $snapshot ($(wc -l <"$current") items)"
  exit 0
fi

base=$(sed -n '1s/^# cookieprefs \([^ ]*\) public API.*/\1/p' "$snapshot")
if diff -q <(tail -n +2 "$snapshot") "$current" >/dev/null; then
  echo "public-api: $(wc -l <"$current") items, as in $snapshot ($base)"
  exit 0
fi
removed=$(comm -23 <(tail -n +2 "$snapshot" | LC_ALL=C sort) <(LC_ALL=C sort "$current"))
added=$(comm -13 <(tail -n +2 "$snapshot" | LC_ALL=C sort) <(LC_ALL=C sort "$current"))
[ -z "$added" ] || printf 'public-api: new or changed items:\n%s\n' "$(sed 's/^/  + /' <<<"$added")"
if [ -n "$removed" ]; then
  printf 'public-api: removed or changed items (a break for users of %s):\n%s\n' "$base" "$(sed 's/^/  - /' <<<"$removed")"
  if [ "$(compat "$version")" = "$(compat "$base")" ]; then
    echo "public-api: BREAKING change within $(compat "$base").x: restore the items, or raise the version (workspace Cargo.toml) to the next compatibility step, then bless" >&2
    exit 1
  fi
fi
echo "public-api: the API differs from $snapshot; if intended, record it: COOKIEPREFS_BLESS=1 ./scripts/public-api.sh" >&2
exit 1
