#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary folder, on
# 127.0.0.1 and a free port, as a non-root user (a dedicated one when run as root).
#
#   .ci/postgres.sh run CMD ARGS…   start a cluster, run CMD with QD_TEST_PG_URL and PGPASSWORD
#                                   exported, stop and delete the cluster whatever CMD does
#   .ci/postgres.sh start           start one; prints the `export …` lines to eval, and the folder
#   .ci/postgres.sh stop FOLDER     stop it and delete its folder
#
# Needs Debian's `postgresql` package (initdb/pg_ctl under /usr/lib/postgresql/*/bin) and the
# contrib extensions (pg_trgm). The cluster trades durability for speed (fsync off): tests only.
set -euo pipefail

PG_USER_OS=${QD_PG_OS_USER:-qdpgtest}   # the OS user the server runs as when we are root
DB_NAME=qd_test
DB_ROLE=qd_test

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bin" ] && command -v pg_config >/dev/null 2>&1; then bin=$(pg_config --bindir); fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL server binaries not found: apt-get install postgresql" >&2
    exit 1
  fi
  echo "$bin"
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$PG_USER_OS" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'PY'
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
PY
}

start() {
  local bin dir port password
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/qd-postgres.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then
    id -u "$PG_USER_OS" >/dev/null 2>&1 \
      || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER_OS"
    chown "$PG_USER_OS" "$dir"
  fi
  chmod 700 "$dir"
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
  port=$(free_port)
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown "$PG_USER_OS" "$dir/pwfile"
  as_server_user "$bin/initdb" -D "$dir/data" -U "$DB_ROLE" --pwfile="$dir/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  PGPASSWORD=$password "$bin/psql" -q -h 127.0.0.1 -p "$port" -U "$DB_ROLE" -d postgres \
    -c "CREATE DATABASE $DB_NAME" >/dev/null
  echo "export QD_TEST_PG_URL=postgresql://$DB_ROLE@127.0.0.1:$port/$DB_NAME"
  echo "export PGPASSWORD=$password"
  echo "export QD_TEST_PG_DIR=$dir"
}

stop() {
  local dir=$1 bin
  bin=$(pg_bin)
  [ -d "$dir/data" ] || { echo "no cluster in $dir" >&2; return 0; }
  as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?folder}" ;;
  run)
    shift
    eval "$(start)"
    export QD_TEST_PG_URL PGPASSWORD QD_TEST_PG_DIR
    trap 'stop "$QD_TEST_PG_DIR"' EXIT INT TERM
    echo "PostgreSQL test cluster: $QD_TEST_PG_URL" >&2
    "$@"
    ;;
  *) echo "usage: $0 run CMD… | start | stop FOLDER" >&2; exit 2 ;;
esac
