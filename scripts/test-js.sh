#!/usr/bin/env bash
# The browser module's suite (bindings/js): builds it (scripts/build-js.sh,
# which prints the size figure and fails when it is over the 40 KiB gzip
# budget), checks the TypeScript declarations (tsc),
# runs every shared vector and the API tests in Node's test runner against
# the built module, then client mode in Debian's headless Chromium
# (Playwright for Python, axe-core from npm) on a Django site with the
# per-site cache on.
#
# Installs what it needs: the wasm target, wasm-bindgen-cli (pinned), the npm
# packages of bindings/js (npm ci: axe-core, esbuild, typescript), Debian's chromium
# (apt-get, when /usr/bin/chromium is absent; needs root), and a Python venv
# (.venv, shared with scripts/test-python.sh) with the extension (maturin)
# and Playwright. No browser is downloaded.
#
#   ./scripts/test-js.sh              # everything
#   ./scripts/test-js.sh -k gpc       # extra arguments go to the browser tests' pytest
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
js=$root/bindings/js
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}

# Builds (npm ci included), prints the size figure, fails over the budget.
bash scripts/build-js.sh --check-budget

echo "== js: tsc (the declarations, and a program written against them)"
(cd "$js" && node_modules/.bin/tsc -p tests/types/tsconfig.json)

echo "== js: node --test"
(cd "$js" && node --test tests/)

if [ ! -x /usr/bin/chromium ]; then
  echo "== js: installing Debian's chromium"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version

PYTHON=${PYTHON:-python3}
venv=.venv
[ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
py="$root/$venv/bin/python"
echo "== js: installing the Python test tools"
"$py" -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt \
  -r bindings/js/tests/browser/requirements.txt
echo "== js: building the Python extension (maturin, release)"
(cd bindings/python && VIRTUAL_ENV="$root/$venv" PATH="$root/$venv/bin:$PATH" \
  "$root/$venv/bin/maturin" develop --release --locked --quiet)

echo "== js: browser tests (client mode, Chromium)"
cd "$js/tests/browser"
"$py" -m pytest -q "$@"
