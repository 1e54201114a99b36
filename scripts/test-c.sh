#!/usr/bin/env bash
# C and C++ suite: builds libcookieprefs (release), then compiles the C99 and
# C++17 consumers of include/cookieprefs.h with -Wall -Wextra -Wpedantic
# -Werror, links them statically and dynamically, runs them plainly, under
# ASan+UBSan and under valgrind, and pushes every shared vector through the C
# ABI. The header's freshness is checked by `cargo test` (scripts/test-rust.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in cc c++ make valgrind python3 pkg-config; do
  command -v "$tool" >/dev/null || { echo "test-c: $tool is required" >&2; exit 1; }
done

echo "== c: cargo build --release -p cookieprefs-ffi"
cargo build --release --locked -p cookieprefs-ffi
make -C tests/c clean >/dev/null
make -C tests/c check

echo "== c: install into a temporary prefix and build the example with pkg-config"
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
./scripts/install-c.sh "$prefix"
# shellcheck disable=SC2046
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" cc -std=c99 -Wall -Wextra -Wpedantic -Werror examples/c/banner.c \
  $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs cookieprefs) -o "$prefix/banner"
"$prefix/banner" 'cookies_preferences=BAADCdcJ1w5Q' 2026-11-24 | grep -q 'banner: hide'
echo "installed library and pkg-config file work"
echo "c suite: 1 passed, 0 failed"
