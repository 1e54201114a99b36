#!/usr/bin/env bash
# Python and Django suite. On a fresh machine (Python 3.10+ with pip, nothing
# else) it creates .venv at the repo root, installs the pinned tools, builds
# the extension with maturin and installs it, checks the type stubs with
# mypy.stubtest and runs pytest (shared vectors, properties, every exception,
# the Django app through Django's test client, the example site).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  echo "== python: creating $venv"
  "$PYTHON" -m venv "$venv"
fi
py="$venv/bin/python"
echo "== python: installing the test tools"
"$py" -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt

echo "== python: building the extension (maturin, release)"
(cd bindings/python && VIRTUAL_ENV="$PWD/../../$venv" PATH="$PWD/../../$venv/bin:$PATH" \
  "$PWD/../../$venv/bin/maturin" develop --release --locked --quiet)

echo "== python: mypy.stubtest"
"$py" -m mypy.stubtest cookieprefs._native

echo "== python: pytest"
cd bindings/python
"../../$py" -m pytest -q
