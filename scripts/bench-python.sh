#!/usr/bin/env bash
# Python benchmark (not part of the test suite): cookieprefs decode/encode
# against django-cookie-consent's codec and a hand-rolled base64 + struct codec,
# in one pyperf run, in its own virtualenv (.venv-bench).
#   ./scripts/bench-python.sh            # full pyperf run (a few minutes)
#   ./scripts/bench-python.sh --fast     # quicker, noisier
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-bench
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  maturin==1.16.0 pyperf==2.10.0 Django==5.2.19 django-cookie-consent==1.0.0
(cd bindings/python && VIRTUAL_ENV="$PWD/../../$venv" PATH="$PWD/../../$venv/bin:$PATH" \
  "$PWD/../../$venv/bin/maturin" develop --release --locked --quiet)
out=$(mktemp -d)
"$venv/bin/python" bindings/python/benches/bench_codec.py --quiet -o "$out/bench.json" "$@"
"$venv/bin/python" - "$out/bench.json" <<'PY'
import sys
import pyperf

suite = pyperf.BenchmarkSuite.load(sys.argv[1])
rows = {b.get_name(): b.median() for b in suite.get_benchmarks()}
print("| benchmark | median | vs cookieprefs |")
print("|---|---|---|")
for name, median in rows.items():
    op = name.split(":")[0]
    base = rows[f"{op}: cookieprefs"]
    print(f"| {name} | {median * 1e9:,.0f} ns | {median / base:.1f}x |")
PY
