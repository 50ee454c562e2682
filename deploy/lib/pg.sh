#!/usr/bin/env bash
# A private PostgreSQL 15 + PostGIS cluster in a directory of our own, on its own port, never
# touching the system cluster. As root the server runs as the `postgres` user (initdb refuses
# root). Sourced by deploy/run, deploy/test and the scale-out scripts.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin

# Runs a command as the cluster's owner.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# First free TCP port at or above $1 on loopback.
pg_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Makes sure the cluster owner can reach $1; as root, a directory under an unreachable parent
# (such as /root) is replaced by a link to one under /var/tmp.
pg_prepare_dir() {
  local dir=$1
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
      chown postgres:postgres "$dir" 2>/dev/null || true
    fi
    if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
      local alt
      alt="/var/tmp/riskatlas-pg-$(echo "$dir" | md5sum | cut -c1-12)"
      mkdir -p "$alt" && chown postgres:postgres "$alt"
      rmdir "$dir" 2>/dev/null || true
      ln -sfn "$alt" "$dir"
    fi
  fi
}

# pg_start DIR [PORT]: initialises DIR/data on first use, starts the server, prints nothing.
# Connection facts are left in DIR/port and DIR/socket for later runs.
pg_start() {
  local dir=$1 port=${2:-}
  pg_prepare_dir "$dir"
  dir=$(cd "$dir" && pwd -P)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; return 1; }
  fi
  mkdir -p "$dir/socket" && { [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir/socket"; }
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    return 0
  fi
  if [ -z "$port" ]; then
    port=$(cat "$dir/port" 2>/dev/null || echo 5433)
    port=$(pg_free_port "$port")
  fi
  echo "$port" >"$dir/port"
  echo "$dir/socket" >"$dir/socketdir"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=${RISKATLAS_PG_FSYNC:-on} -c max_connections=200" \
    start >/dev/null || { tail -20 "$dir/server.log" >&2; return 1; }
}

pg_stop() {
  local dir=$1
  [ -f "$dir/data/PG_VERSION" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# Exports PGHOST/PGPORT/PGUSER for the cluster in DIR, and PGDATABASE=$2.
pg_env() {
  local dir=$1 db=$2
  export PGHOST
  PGHOST=$(cat "$dir/socketdir")
  export PGPORT
  PGPORT=$(cat "$dir/port")
  export PGUSER=postgres PGDATABASE=$db
}

# Creates database $1 (with PostGIS available) when missing; needs pg_env first.
pg_create_db() {
  local db=$1
  if ! psql -X -q -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    psql -X -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
  fi
}
