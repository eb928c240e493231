#!/usr/bin/env bash
# A throw-away PostgreSQL/PostGIS cluster for the store tests: initdb + pg_ctl in DIR, listening
# on a Unix socket in DIR only (no TCP), trust authentication for the test role, a database
# `maillage_test` with the postgis extension. CTest starts and stops it (tests/CMakeLists.txt).
#   scripts/pg-test-cluster.sh start DIR   # socket in DIR/socket, role and database maillage_test
#   scripts/pg-test-cluster.sh stop DIR    # stops the server and removes DIR
#   scripts/pg-test-cluster.sh halt DIR    # stops the server at once, as a crash would; keeps DIR
#   scripts/pg-test-cluster.sh resume DIR  # starts a halted server again on the same data
# Without the server binaries, `start` says so and exits 0 (the PostgreSQL cases then skip),
# unless MAILLAGE_REQUIRE_PG=1 (CI, scripts/test.sh): then it fails.
set -euo pipefail

action=${1:?usage: pg-test-cluster.sh start|stop|halt|resume DIR}
dir=${2:?usage: pg-test-cluster.sh start|stop|halt|resume DIR}
role=maillage_test
database=maillage_test

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  if [ "$action" = start ] && [ "${MAILLAGE_REQUIRE_PG:-0}" = 1 ]; then
    echo "pg-test-cluster: PostgreSQL server binaries not found (install postgresql-15 postgresql-15-postgis-3)" >&2
    exit 1
  fi
  echo "pg-test-cluster: PostgreSQL server binaries not found: the PostgreSQL store tests will be skipped"
  exit 0
fi

# initdb refuses to run as root: the server then runs as the `postgres` system user.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_server() {
  as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c fsync=off -c full_page_writes=off" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
}

case "$action" in
start)
  # A cluster left by an interrupted run is stopped first.
  [ -f "$dir/data/postmaster.pid" ] && as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir/socket"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
  chmod 755 "$dir" "$dir/socket"
  as_server_user "$bindir/initdb" -D "$dir/data" -U "$role" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # fsync off: a test cluster does not need durability, and it is much faster.
  start_server
  "$bindir/psql" -X -q -h "$dir/socket" -U "$role" -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $database" >/dev/null
  "$bindir/psql" -X -q -h "$dir/socket" -U "$role" -d "$database" -v ON_ERROR_STOP=1 \
    -c "CREATE EXTENSION postgis" >/dev/null
  echo "pg-test-cluster: running, socket in $dir/socket, role and database $database"
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
  rm -rf "$dir"
  ;;
halt)
  as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  ;;
resume)
  start_server
  ;;
*)
  echo "usage: pg-test-cluster.sh start|stop|halt|resume DIR" >&2
  exit 2
  ;;
esac
