#!/usr/bin/env bash
# Long fuzzing run of every cargo-fuzz target in fuzz/, one after the other,
# then a table of executions per target. Run from anywhere; works on a fresh
# clone (installs the nightly toolchain and cargo-fuzz when missing, writes
# the seed corpora from tests/vectors). Exits non-zero if a target fails to
# build or finds a crash.
#
#   FUZZ_SECONDS=600   seconds per target (default 600)
#   FUZZ_RUNS=N        also stop a target after N executions (default: no limit)
#   FUZZ_TARGETS="decode json"   targets to run (default: all, `cargo fuzz list`)
#   FUZZ_JOBS=1        targets run at once, 1 or 2 (default 1)
#   FUZZ_SANITIZER=address       cargo-fuzz sanitizer (address, none, ...)
#
# Crashes land in fuzz/artifacts/<target>/; minimize one with
#   (cd fuzz && cargo +nightly fuzz tmin <target> artifacts/<target>/crash-...)
# and copy the result to fuzz/regressions/<target>/<short-name>: `cargo test`
# then replays it (crates/cookieprefs-testkit/tests/fuzz_regressions.rs).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

FUZZ_SECONDS=${FUZZ_SECONDS:-600}
FUZZ_RUNS=${FUZZ_RUNS:-}
FUZZ_JOBS=${FUZZ_JOBS:-1}
FUZZ_SANITIZER=${FUZZ_SANITIZER:-address}
FUZZ_LABEL=${FUZZ_LABEL:-fuzz}

case $FUZZ_SECONDS in '' | *[!0-9]*) echo "FUZZ_SECONDS must be a whole number" >&2; exit 2 ;; esac
case $FUZZ_JOBS in 1 | 2) ;; *) echo "FUZZ_JOBS must be 1 or 2" >&2; exit 2 ;; esac

# Longest input libFuzzer generates, per target: a little over what the
# target can use (a value is at most 64 characters before too_long).
max_len() {
    case $1 in
        decode | differential) echo 96 ;;
        roundtrip | evaluate) echo 256 ;;
        ffi) echo 512 ;;
        cookie_header) echo 1024 ;;
        json) echo 4096 ;;
        import) echo 4200 ;;
        *) echo 1024 ;;
    esac
}

# Tools: nightly and cargo-fuzz.
if ! rustup toolchain list | grep -q '^nightly'; then
    echo "== installing the nightly toolchain"
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

# Seeds from the shared vectors (idempotent).
python3 fuzz/seeds.py

cd fuzz
TARGETS=${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}
FLAGS=(--sanitizer "$FUZZ_SANITIZER" --debug-assertions)

echo "== building the fuzz targets (nightly, sanitizer $FUZZ_SANITIZER, debug assertions)"
cargo +nightly fuzz build "${FLAGS[@]}"

LOGS=$ROOT/fuzz/artifacts/logs
mkdir -p "$LOGS"

run_target() {
    local t=$1
    local dirs=("corpus/$t")
    mkdir -p "corpus/$t"
    if [ -d "regressions/$t" ]; then dirs+=("regressions/$t"); fi
    local args=(-max_total_time="$FUZZ_SECONDS" -max_len="$(max_len "$t")" -timeout=5
        -rss_limit_mb=2048 -malloc_limit_mb=64 -print_final_stats=1)
    if [ -n "$FUZZ_RUNS" ]; then args+=(-runs="$FUZZ_RUNS"); fi
    echo "== $t: ${FUZZ_SECONDS}s${FUZZ_RUNS:+ or $FUZZ_RUNS runs}, max_len $(max_len "$t") (log: fuzz/artifacts/logs/$t.log)"
    local start=$SECONDS rc=0
    cargo +nightly fuzz run "${FLAGS[@]}" "$t" "${dirs[@]}" -- "${args[@]}" >"$LOGS/$t.log" 2>&1 || rc=$?
    echo "$rc $((SECONDS - start))" >"$LOGS/$t.status"
}

running=0
for t in $TARGETS; do
    if [ "$running" -ge "$FUZZ_JOBS" ]; then
        wait -n || true # the first target to finish frees a slot
        running=$((running - 1))
    fi
    run_target "$t" &
    running=$((running + 1))
done
wait

# Summary.
failed=0
printf '\n%-14s %14s %8s %12s %8s  %s\n' target executions seconds "execs/s" corpus result
for t in $TARGETS; do
    log=$LOGS/$t.log
    read -r rc secs <"$LOGS/$t.status"
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    execs=${execs:-0}
    corpus=$(ls "corpus/$t" | wc -l)
    # libFuzzer's own count of seconds (ours includes building the target).
    done_secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | awk '{print $5}' || true)
    secs=${done_secs:-$secs}
    rate=$((execs / (secs > 0 ? secs : 1)))
    if [ "$rc" = 0 ]; then
        result=ok
    else
        result="FAILED (exit $rc)"
        failed=1
    fi
    printf '%-14s %14s %8s %12s %8s  %s\n' "$t" "$execs" "$secs" "$rate" "$corpus" "$result"
    if [ "$rc" != 0 ]; then
        grep -m1 -E 'panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer' "$log" | sed 's/^/    /' || true
        grep -o 'Test unit written to .*' "$log" | sed 's/^/    /' || true
    fi
done
if [ "$failed" != 0 ]; then
    echo "$FUZZ_LABEL: FAILED (logs in fuzz/artifacts/logs/)" >&2
    exit 1
fi
echo "$FUZZ_LABEL: ok"
