#!/usr/bin/env bash
# Supply-chain checks with cargo-deny (deny.toml): licenses, bans and sources
# always; security advisories when the advisory database can be fetched. A
# machine that cannot reach it says so loudly ("advisories: SKIPPED") rather
# than passing in silence; set COOKIEPREFS_REQUIRE_ADVISORIES=1 to make that
# a failure (release builds).
set -euo pipefail
cd "$(dirname "$0")/.."

DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -q " $DENY_VERSION\$"; then
  echo "== supply-chain: installing cargo-deny $DENY_VERSION"
  cargo install --locked --quiet "cargo-deny@$DENY_VERSION"
fi

echo "== supply-chain: licenses, bans, sources"
cargo deny --locked check --hide-inclusion-graph licenses bans sources

echo "== supply-chain: advisories"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if cargo deny --locked check --hide-inclusion-graph advisories 2>"$log"; then
  cat "$log"
  echo "advisories: checked"
elif grep -qiE "failed to (fetch|clone|open)|unable to (fetch|clone)|advisory database|could not resolve|network|connect" "$log" \
  && ! grep -q "error\[vulnerability\]\|error\[unsound\]\|error\[unmaintained\]\|error\[yanked\]" "$log"; then
  tail -n 5 "$log"
  echo "advisories: SKIPPED: the advisory database could not be fetched on this machine"
  if [ "${COOKIEPREFS_REQUIRE_ADVISORIES:-0}" = 1 ]; then
    exit 1
  fi
else
  cat "$log"
  echo "advisories: FAILED"
  exit 1
fi
