#!/usr/bin/env bash
# Django benchmark (not part of the test suite): the example portal's home
# page through Django's WSGI handler, with and without cookieprefs (valid
# cookie and banner hidden; no cookie and banner shown), in its own
# virtualenv (.venv-bench): pyperf medians of the worker's CPU time, and
# instructions per request counted by callgrind (valgrind), which a busy
# machine does not disturb. Figures: docs/PERFORMANCE.md "Django".
#   ./scripts/bench-django.sh            # full pyperf runs (a few minutes)
#   ./scripts/bench-django.sh --fast     # quicker, noisier
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-bench
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  maturin==1.16.0 pyperf==2.10.0 Django==5.2.19
(cd bindings/python && VIRTUAL_ENV="$PWD/../../$venv" PATH="$PWD/../../$venv/bin:$PATH" \
  "$PWD/../../$venv/bin/maturin" develop --release --locked --quiet)
out=$(mktemp -d)
bench=bindings/python/benches/bench_django.py
# 1. pyperf: the worker thread's CPU time per request.
"$venv/bin/python" $bench --quiet -o "$out/with.json" "$@"
"$venv/bin/python" $bench --quiet --without -o "$out/without.json" "$@"
# 2. callgrind: instructions per request (repeatable on a busy machine):
#    (count of 250 requests - count of 50) / 200, so that start-up cancels out.
if command -v valgrind >/dev/null; then
  for variant in with without; do
    flag=""
    [ $variant = without ] && flag=--without
    for state in hidden hidden-all shown; do
      for n in 50 250; do
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$venv/bin/python" $bench $flag --requests $n $state \
          2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' > "$out/ir-$variant-$state-$n"
      done
    done
  done
fi
"$venv/bin/python" - "$out" <<'PY'
import os
import sys
import pyperf

out = sys.argv[1]
rows = {}
for name in ("with", "without"):
    for b in pyperf.BenchmarkSuite.load(os.path.join(out, f"{name}.json")).get_benchmarks():
        rows[b.get_name()] = b.median()


def ir(variant, state):
    try:
        counts = [int(open(os.path.join(out, f"ir-{variant}-{state}-{n}")).read()) for n in (50, 250)]
    except (OSError, ValueError):
        return None
    return (counts[1] - counts[0]) / 200


STATES = (
    ("hidden", "banner hidden, video refused (placeholder)", "≤ 30 µs"),
    ("hidden-all", "banner hidden, everything granted", "≤ 30 µs"),
    ("shown", "banner shown", "≤ 120 µs"),
)
print("| home page | without cookieprefs | with cookieprefs | cookieprefs costs | target |")
print("|---|---|---|---|---|")
for state, label, target in STATES:
    base = rows[f"home page, {state}: without cookieprefs"]
    cost = rows[f"home page, {state}: with cookieprefs"]
    print(f"| {label}: CPU time | {base * 1e6:,.0f} µs | {cost * 1e6:,.0f} µs | {(cost - base) * 1e6:,.1f} µs | {target} |")
for state, label, target in STATES:
    base, cost = ir("without", state), ir("with", state)
    if base is None or cost is None:
        continue
    # Instructions turned into time at the baseline page's own rate.
    rate = base / rows[f"home page, {state}: without cookieprefs"]
    print(f"| {label}: instructions | {base:,.0f} | {cost:,.0f} | {cost - base:,.0f} "
          f"(≈ {(cost - base) / rate * 1e6:,.1f} µs at {rate / 1e9:.2f} G/s) | {target} |")
PY
