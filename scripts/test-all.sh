#!/usr/bin/env bash
# The whole test suite, on a fresh machine of this project's kind (Rust stable
# and nightly, Python 3.11 with pip, gcc/g++, valgrind). Installs what it needs
# itself: cargo-fuzz, the nightly miri component, cargo-deny, and a Python virtualenv
# (.venv) with maturin, pytest, hypothesis, Django, mypy and Playwright, the wasm
# target, wasm-bindgen-cli, npm packages and Debian's chromium for the browser
# module (js) and the Django consent experience in a real browser (browser,
# with axe-core), psycopg and Debian's PostgreSQL server for the records suite
# (started in a directory of its own), and the release tools (.venv-dist:
# maturin, ziglang, auditwheel).
#
#   ./scripts/test-all.sh            # everything
#   ./scripts/test-all.sh rust c     # some suites: rust c python browser records js fuzz miri deps dist
set -uo pipefail
cd "$(dirname "$0")/.."

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(rust c python browser records js fuzz miri deps dist)

declare -A script=(
  [rust]=scripts/test-rust.sh
  [c]=scripts/test-c.sh
  [python]=scripts/test-python.sh
  [browser]=scripts/test-browser.sh
  [records]=scripts/test-records.sh
  [js]=scripts/test-js.sh
  [fuzz]=scripts/fuzz-smoke.sh
  [miri]=scripts/miri.sh
  [deps]=scripts/supply-chain.sh
  [dist]=scripts/test-dist.sh
)

passed=0
failed=0
failed_names=()
for s in "${suites[@]}"; do
  if [ -z "${script[$s]:-}" ]; then
    echo "unknown suite '$s' (known: ${!script[*]})" >&2
    exit 2
  fi
  echo
  echo "######## suite: $s (${script[$s]})"
  start=$SECONDS
  if bash "${script[$s]}"; then
    passed=$((passed + 1))
    echo "######## suite $s passed in $((SECONDS - start)) s"
  else
    failed=$((failed + 1))
    failed_names+=("$s")
    echo "######## suite $s FAILED after $((SECONDS - start)) s"
  fi
done

echo
[ $failed -eq 0 ] || echo "failed suites: ${failed_names[*]}"
echo "suites: $passed passed, $failed failed"
[ $failed -eq 0 ]
