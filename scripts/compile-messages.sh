#!/usr/bin/env bash
# Rebuilds the compiled translation catalogues (.mo) of the Django app and of
# the example site from their .po files, with Django's compilemessages (GNU
# gettext's msgfmt: Debian's `gettext` package, installed here when missing).
# The .mo files are committed, so that the wheel and a checkout work without
# gettext; the Python suite fails when one no longer matches its .po
# (tests/test_django_consent.py). After editing templates:
#   ./scripts/compile-messages.sh --make   # also re-extract the .po (makemessages), then translate
#   ./scripts/compile-messages.sh          # compile
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
if ! command -v msgfmt >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gettext >/dev/null
fi
py="$root/.venv/bin/python"
[ -x "$py" ] || { echo "run ./scripts/test-python.sh once first (it makes .venv with Django)" >&2; exit 2; }
for dir in bindings/python/python/cookieprefs/django examples/django_site/site_example; do
  (
    cd "$dir"
    if [ "${1:-}" = "--make" ]; then
      "$py" -m django makemessages -l fr -l en --no-location --no-obsolete
    fi
    "$py" -m django compilemessages
  )
done
