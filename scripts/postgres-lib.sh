# A throwaway PostgreSQL server for the records suite and load run, sourced
# by scripts/test-records.sh and scripts/load-records.sh:
#
#   . scripts/postgres-lib.sh
#   pg_start            # installs Debian's server if missing, starts one
#   trap pg_stop EXIT   # stops it and deletes its directory
#
# The server lives entirely in a new directory under $TMPDIR (its data, its
# log and its Unix socket); it listens on no TCP port and trusts local
# connections, so it is reachable only through that socket, by role
# `cookieprefs`. pg_start exports PGHOST (the socket directory), PGPORT and
# PGUSER for libpq, psql and Django. Nothing outside that directory is
# touched, except Debian's packages when the server has to be installed.
# Run as root, the server runs as the `postgres` user the package creates
# (initdb refuses root), else as `nobody`.
#
# PG_OPTIONS adds server settings (e.g. "-c fsync=off" for tests).

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d"
}

pg_install() {
  [ -n "$(pg_bindir)" ] && return 0
  echo "== postgres: installing Debian's postgresql server"
  if [ "$(id -u)" != 0 ]; then
    echo "postgres: the server is not installed and installing it needs root (apt-get install postgresql)" >&2
    return 1
  fi
  # policy-rc.d (present in containers) keeps the package from starting its
  # own cluster; this script never uses that cluster either way.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null ||
    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null; }
  [ -n "$(pg_bindir)" ] || { echo "postgres: no initdb under /usr/lib/postgresql after installing" >&2; return 1; }
}

pg_start() {
  pg_install || return 1
  local bindir
  bindir=$(pg_bindir)
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/cookieprefs-pg.XXXXXX")
  PG_RUN=()
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id -u "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$PG_DIR"
    PG_RUN=(runuser -u "$user" --)
  fi
  echo "== postgres: $("$bindir/postgres" --version) in $PG_DIR"
  # From inside the directory: the server's user may not be able to enter
  # the caller's working directory.
  (cd "$PG_DIR" && "${PG_RUN[@]}" "$bindir/initdb" -D "$PG_DIR/data" -U cookieprefs --auth=trust \
    --encoding=UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1) ||
    { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # shellcheck disable=SC2086  # PG_OPTIONS is a list of options
  (cd "$PG_DIR" && "${PG_RUN[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$PG_DIR' -c port=5432 ${PG_OPTIONS:-}" start >/dev/null) ||
    { cat "$PG_DIR/server.log" >&2; return 1; }
  export PGHOST=$PG_DIR PGPORT=5432 PGUSER=cookieprefs
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || return 0
  local bindir
  bindir=$(pg_bindir)
  (cd "$PG_DIR" && "${PG_RUN[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1) || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
