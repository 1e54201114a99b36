#!/usr/bin/env bash
# Consent records suite (the `records` suite of test-all.sh): the tests of
# cookieprefs.django.records (recording through a save view, history by
# consent id, a database failure during a save, the read-only admin, export
# and purge, what is kept of the request, settings, migrations) run twice,
# with the records test project (bindings/python/tests/records_site):
#
#   1. on SQLite (in memory), the default database;
#   2. on PostgreSQL: Debian's server, installed with apt-get when missing,
#      started in a new directory of its own under $TMPDIR on a Unix socket
#      (no TCP port), and stopped and deleted on exit (scripts/postgres-lib.sh).
#
# It builds the extension into .venv as scripts/test-python.sh does, and
# installs the pinned PostgreSQL driver (bindings/python/requirements-records.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

PYTHON=${PYTHON:-python3}
venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  echo "== records: creating $venv"
  "$PYTHON" -m venv "$venv"
fi
py=$root/$venv/bin/python
echo "== records: installing the test tools and the PostgreSQL driver"
"$py" -m pip install --quiet --disable-pip-version-check \
  -r bindings/python/requirements-test.txt -r bindings/python/requirements-records.txt
echo "== records: building the extension (maturin, release)"
(cd bindings/python && VIRTUAL_ENV="$root/$venv" PATH="$root/$venv/bin:$PATH" \
  "$root/$venv/bin/maturin" develop --release --locked --quiet)

. scripts/postgres-lib.sh
trap pg_stop EXIT

run_tests() { # run_tests DATABASE
  echo "== records: pytest on $1"
  (cd bindings/python && COOKIEPREFS_TEST_DATABASE=$1 "$py" -m pytest -q \
    --ds tests.records_site.settings tests/test_records.py)
}

status=0
run_tests sqlite || status=1
# Tests only: a server that loses its data on a crash is fine, and faster.
PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" pg_start
run_tests postgresql || status=1
[ $status -eq 0 ] && echo "== records: passed on SQLite and PostgreSQL" || echo "== records: FAILED" >&2
exit $status
