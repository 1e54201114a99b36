#!/usr/bin/env bash
# The browser module's suite (bindings/js): builds it (scripts/build-js.sh,
# which prints the size figure against issue 14's 40 KiB gzip budget and
# fails when what a page downloads is over it), checks the TypeScript declarations (tsc),
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

# Builds both builds (npm ci included), prints the size figures, fails over the budget.
bash scripts/build-js.sh --check-budget

echo "== js: tsc (the declarations, and a program written against them)"
(cd "$js" && node_modules/.bin/tsc -p tests/types/tsconfig.json)

echo "== js: node --test"
(cd "$js" && node --test tests/)

. scripts/browser-lib.sh
browser_setup js bindings/js/tests/browser/requirements.txt

echo "== js: browser tests (client mode, Chromium)"
cd "$js/tests/browser"
"$py" -m pytest -q "$@"
