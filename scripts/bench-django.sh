#!/usr/bin/env bash
# Django benchmark (not part of the test suite): the example portal's home
# page through Django's WSGI handler, with and without cookieprefs (valid
# cookie and banner hidden; no cookie and banner shown), in its own
# virtualenv (.venv-bench). Figures: docs/PERFORMANCE.md "Django".
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
"$venv/bin/python" bindings/python/benches/bench_django.py --quiet -o "$out/with.json" "$@"
"$venv/bin/python" bindings/python/benches/bench_django.py --quiet --without -o "$out/without.json" "$@"
"$venv/bin/python" - "$out/with.json" "$out/without.json" <<'PY'
import sys
import pyperf

rows = {}
for path in sys.argv[1:]:
    for b in pyperf.BenchmarkSuite.load(path).get_benchmarks():
        rows[b.get_name()] = b.median()
print("| request | without cookieprefs | with cookieprefs | cookieprefs costs | target |")
print("|---|---|---|---|---|")
for state, target in (("hidden", "≤ 30 µs"), ("shown", "≤ 120 µs")):
    base = rows[f"home page, banner {state}: without cookieprefs"]
    cost = rows[f"home page, banner {state}: with cookieprefs"]
    print(f"| home page, banner {state} | {base * 1e6:,.0f} µs | {cost * 1e6:,.0f} µs | {(cost - base) * 1e6:,.1f} µs | {target} |")
PY
