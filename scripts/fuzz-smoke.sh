#!/usr/bin/env bash
# Short fuzzing smoke run: every target for FUZZ_SECONDS (default 10, at most
# 30) seconds, seeded from tests/vectors and replaying fuzz/regressions/.
# Installs the nightly toolchain and cargo-fuzz when missing. Exits non-zero
# on a build failure or a crash. For long runs use scripts/fuzz.sh.
#
#   FUZZ_SECONDS=10 scripts/fuzz-smoke.sh
#   FUZZ_TARGETS="decode differential" scripts/fuzz-smoke.sh
set -euo pipefail

FUZZ_SECONDS=${FUZZ_SECONDS:-10}
case $FUZZ_SECONDS in '' | *[!0-9]*) echo "FUZZ_SECONDS must be a whole number" >&2; exit 2 ;; esac
if [ "$FUZZ_SECONDS" -gt 30 ]; then
    echo "fuzz-smoke: FUZZ_SECONDS=$FUZZ_SECONDS capped at 30 (use scripts/fuzz.sh for long runs)" >&2
    FUZZ_SECONDS=30
fi

FUZZ_SECONDS=$FUZZ_SECONDS FUZZ_RUNS='' FUZZ_LABEL=fuzz-smoke \
    exec "$(dirname "${BASH_SOURCE[0]}")/fuzz.sh"
