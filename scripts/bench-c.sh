#!/usr/bin/env bash
# C ABI benchmark (not part of the test suite), next to the Rust figures for
# the same operations measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p cookieprefs-ffi
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
cc -std=c99 -O2 -Wall -Wextra -Wpedantic -Werror -Iinclude tests/c/bench.c target/release/libcookieprefs.a \
  -lpthread -ldl -lm -o "$build/bench"
"$build/bench"
cargo bench -q -p cookieprefs --bench codec -- --warm-up-time 1 --measurement-time 3 'decode\+state|encode_into_buffer' 2>/dev/null |
  sed -n 's/^\([a-z_+]*\) *time: *\[[^ ]* [^ ]* \([^ ]*\) \([^ ]*\).*/Rust: \1 \2 \3 (criterion estimate)/p'
