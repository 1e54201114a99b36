#!/usr/bin/env bash
# Runs the core crate's unit tests, the fuzz regression replays and the
# differential decoding test (both in crates/cookieprefs-testkit) and the C ABI crate's tests under Miri
# (undefined behaviour, out-of-bounds and use-after-free checks; the C ABI
# crate is where the `unsafe` lives).
# Installs the nightly toolchain with the miri and rust-src components when
# missing. Slow tests are skipped under Miri (`#[cfg_attr(miri, ignore)]`)
# and property tests run a handful of cases, so this takes about a minute
# once built.
# Exits non-zero on any failure.
#
#   MIRIFLAGS=...   extra Miri flags (default: -Zmiri-strict-provenance)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "== installing the nightly toolchain"
    rustup toolchain install nightly --profile minimal
fi
installed=$(rustup +nightly component list --installed)
for c in miri rust-src; do
    if ! grep -q "^$c" <<<"$installed"; then
        echo "== installing the nightly $c component"
        rustup +nightly component add "$c"
    fi
done

export MIRIFLAGS=${MIRIFLAGS:--Zmiri-strict-provenance}
cargo +nightly miri setup

start=$SECONDS
echo "== miri: cookieprefs unit tests"
cargo +nightly miri test -p cookieprefs --lib
echo "== miri: cookieprefs fuzz findings"
cargo +nightly miri test -p cookieprefs --test fuzz_findings
echo "== miri: fuzz regressions (cookieprefs-testkit, ffi included)"
# Reads fuzz/regressions/: needs file system access.
MIRIFLAGS="$MIRIFLAGS -Zmiri-disable-isolation" cargo +nightly miri test -p cookieprefs-testkit --test fuzz_regressions
echo "== miri: differential decoding (cookieprefs-testkit, a few proptest cases)"
MIRIFLAGS="$MIRIFLAGS -Zmiri-disable-isolation" cargo +nightly miri test -p cookieprefs-testkit --test differential
echo "== miri: cookieprefs-ffi (C ABI) tests"
cargo +nightly miri test -p cookieprefs-ffi --lib --tests
echo "miri: ok in $((SECONDS - start)) s"
