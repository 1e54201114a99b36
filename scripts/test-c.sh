#!/usr/bin/env bash
# C and C++ suite: builds libcookieprefs (release), then compiles the C99 and
# C++17 consumers of include/cookieprefs.h with -Wall -Wextra -Wpedantic
# -Werror, links them statically and dynamically, runs them plainly, under
# ASan+UBSan and under valgrind, and pushes every shared vector through the C
# ABI. The header's freshness is checked by `cargo test` (scripts/test-rust.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in cc c++ make valgrind python3; do
  command -v "$tool" >/dev/null || { echo "test-c: $tool is required" >&2; exit 1; }
done

echo "== c: cargo build --release -p cookieprefs-ffi"
cargo build --release --locked -p cookieprefs-ffi
make -C tests/c clean >/dev/null
make -C tests/c check
echo "c suite: 1 passed, 0 failed"
