#!/usr/bin/env bash
# Load run of consent records (not part of CI; figures in
# docs/PERFORMANCE.md, "Consent records under load"). Bounded: the whole
# script is killed after LOAD_TIMEOUT seconds (default 600).
#
# - PostgreSQL: Debian's server, installed when missing, started in a new
#   directory under $TMPDIR on a Unix socket with its default (durable)
#   settings, and deleted on exit (scripts/postgres-lib.sh);
# - LOAD_SITE=example (the default): the example portal
#   (examples/django_site, DEBUG off, EXAMPLE_DATABASE=postgresql), its
#   shipped save view (/cookies/save/, JSON) writing the record and the
#   cookie; LOAD_SITE=records: the records test project
#   (bindings/python/tests/records_site), whose /save/ does the same and
#   whose /save-unrecorded/ is the baseline without records. Migrated into
#   the server and served by gunicorn (pinned) with LOAD_WORKERS sync
#   workers (default 4) on 127.0.0.1, persistent database connections;
# - scripts/load_records.py: LOAD_CLIENTS threads (default 50) post
#   LOAD_SAVES choices (default 10,000), each as a new visitor, then check
#   on the database: exactly LOAD_SAVES records, as many distinct consent
#   ids, and each response's record holding the cookie value it set.
#
# Needs .venv with the extension: run ./scripts/test-records.sh (or
# ./scripts/test-python.sh) first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LOAD_INNER:-}" ]; then
  LOAD_INNER=1 exec timeout --kill-after=10 "${LOAD_TIMEOUT:-600}" "$0" "$@"
fi

GUNICORN_VERSION=27.0.1
root=$PWD
py=$root/.venv/bin/python
if ! "$py" -c "import cookieprefs" 2>/dev/null; then
  echo "load-records: run ./scripts/test-records.sh first (it builds .venv with cookieprefs)" >&2
  exit 2
fi
"$py" -m pip install --quiet --disable-pip-version-check \
  -r bindings/python/requirements-records.txt "gunicorn==$GUNICORN_VERSION"

. scripts/postgres-lib.sh
server=
log=$(mktemp)
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  pg_stop
  rm -f "$log"
}
trap cleanup EXIT INT TERM
pg_start
"$(pg_bindir)/createdb" cookieprefs

export LOAD_WORKERS=${LOAD_WORKERS:-4}
LOAD_PORT=$("$py" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
export LOAD_PORT
case "${LOAD_SITE:-example}" in
  example)
    export EXAMPLE_DATABASE=postgresql DJANGO_DEBUG=0 DJANGO_SETTINGS_MODULE=site_example.settings
    export LOAD_PATH=/cookies/save/
    (cd examples/django_site && "$py" manage.py migrate --verbosity 0)
    "$py" -m gunicorn --chdir examples/django_site --bind "127.0.0.1:$LOAD_PORT" --workers "$LOAD_WORKERS" \
      --backlog 256 --log-level warning --error-logfile "$log" --capture-output site_example.wsgi:application &
    ;;
  records)
    export COOKIEPREFS_TEST_DATABASE=postgresql COOKIEPREFS_CONN_MAX_AGE=600
    export DJANGO_SETTINGS_MODULE=tests.records_site.settings LOAD_PATH=/save/
    (cd bindings/python && PYTHONPATH=. "$py" -m django migrate --verbosity 0)
    "$py" -m gunicorn --chdir bindings/python --bind "127.0.0.1:$LOAD_PORT" --workers "$LOAD_WORKERS" \
      --backlog 256 --log-level warning --error-logfile "$log" --capture-output tests.records_site.wsgi:application &
    ;;
  *) echo "load-records: LOAD_SITE is example or records" >&2; exit 2 ;;
esac
server=$!

echo "== load-records: ${LOAD_CLIENTS:-50} clients, ${LOAD_SAVES:-10000} saves, $LOAD_WORKERS gunicorn workers, $(nproc) cores"
status=0
"$py" scripts/load_records.py || status=$?
if [ -s "$log" ]; then
  echo "== gunicorn error log (the records' logger writes here too)"
  cat "$log"
  grep -q "consent record not written" "$log" && status=1
fi
exit "$status"
