#!/usr/bin/env bash
# Browser suite: the example portal (examples/django_site) on a live server on
# 127.0.0.1, driven in Debian's headless Chromium by Playwright for Python,
# with axe-core (WCAG 2.1 A/AA) on the banner, the preferences page and the
# policy page. Every scenario of docs/PYTHON.md "Tested in a real browser".
#
# Installs what it needs: Debian's chromium (apt-get, when /usr/bin/chromium
# is absent; needs root), the Python tools into .venv (as test-python.sh,
# plus tests/browser/requirements.txt), the extension (maturin), and axe-core
# from tests/browser/package-lock.json (npm ci). No browser is downloaded.
#
#   ./scripts/test-browser.sh                 # every scenario
#   ./scripts/test-browser.sh -k gpc          # extra arguments go to pytest
# Screenshots of each state go to $BROWSER_SCREENSHOTS (default
# target/browser-screenshots; not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [ ! -x /usr/bin/chromium ]; then
  echo "== browser: installing Debian's chromium"
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
echo "== browser: installing the test tools"
"$py" -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt \
  -r tests/browser/requirements.txt

echo "== browser: building the extension (maturin, release)"
(cd bindings/python && VIRTUAL_ENV="$root/$venv" PATH="$root/$venv/bin:$PATH" \
  "$root/$venv/bin/maturin" develop --release --locked --quiet)

echo "== browser: axe-core (npm ci)"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

export BROWSER_SCREENSHOTS=${BROWSER_SCREENSHOTS:-$root/target/browser-screenshots}
echo "== browser: pytest (screenshots: $BROWSER_SCREENSHOTS)"
cd tests/browser
status=0
"$py" -m pytest -q "$@" || status=$?
echo "screenshots: $BROWSER_SCREENSHOTS"
exit $status
