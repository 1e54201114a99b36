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

. scripts/browser-lib.sh
browser_setup browser tests/browser/requirements.txt

echo "== browser: axe-core (npm ci)"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

export BROWSER_SCREENSHOTS=${BROWSER_SCREENSHOTS:-$root/target/browser-screenshots}
echo "== browser: pytest (screenshots: $BROWSER_SCREENSHOTS)"
cd tests/browser
status=0
"$py" -m pytest -q "$@" || status=$?
echo "screenshots: $BROWSER_SCREENSHOTS"
exit $status
