#!/usr/bin/env bash
# Rust checks: formatting, clippy (warnings are errors), rustdoc (warnings are
# errors) and every Rust test of the workspace (unit, integration, doc, CLI,
# shared vectors and their freshness, fuzz regression replays, differential
# decoding, property tests, header freshness; the last four via the
# crates/cookieprefs-testkit member, which --workspace includes).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== rust: cargo fmt --check"
cargo fmt --all -- --check
echo "== rust: clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
# The browser module's page build (bindings/js, feature `page`) too.
cargo clippy -p cookieprefs-wasm --features page --all-targets --locked -- -D warnings
echo "== rust: rustdoc -D warnings"
# The C ABI's library is also named `cookieprefs`: document it on its own so
# the two do not collide in target/doc.
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --exclude cookieprefs-ffi --no-deps --locked
RUSTDOCFLAGS="-D warnings" cargo doc -p cookieprefs-ffi --no-deps --locked
echo "== rust: cargo test"
# The Python extension crate is tested through pytest (scripts/test-python.sh).
cargo test --workspace --exclude cookieprefs-python --locked
