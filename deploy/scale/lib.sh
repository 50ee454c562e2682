#!/usr/bin/env bash
# The scale-out stack on loopback, all under one directory: a PostgreSQL primary and a
# streaming replica (pg_basebackup), pgbouncer in front of both, two riskatlas instances (reads
# to the replica, writes to the primary) and nginx caching tiles in front of the instances.
# Sourced by deploy/scale/up, deploy/scale/down and tests/scale/scale-test.
set -euo pipefail

SCALE_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$SCALE_HERE/../lib/pg.sh"

# A port the kernel says is free now (bind to port 0).
scale_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A directory the services can write: nginx and pgbouncer (which refuses root) run as the
# cluster's owner, like PostgreSQL itself.
scale_owned_dir() {
  mkdir -p "$@"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$@"; fi
}

# scale_wait_port PORT SECONDS: until something accepts connections on 127.0.0.1:PORT.
scale_wait_port() {
  local port=$1 tries=$(($2 * 10))
  for _ in $(seq 1 "$tries"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "scale: nothing listens on port $port after $2 s" >&2
  return 1
}

# scale_fill TEMPLATE OUT: replaces @DIR@, @PORT_A@, … with the values in the SCALE_* variables.
scale_fill() {
  sed -e "s|@DIR@|$SCALE_DIR|g" -e "s|@DB@|$SCALE_DB|g" \
    -e "s|@PRIMARY_PORT@|$SCALE_PRIMARY_PORT|g" -e "s|@REPLICA_PORT@|$SCALE_REPLICA_PORT|g" \
    -e "s|@PGBOUNCER_PORT@|$SCALE_PGBOUNCER_PORT|g" -e "s|@NGINX_PORT@|$SCALE_NGINX_PORT|g" \
    -e "s|@PORT_A@|$SCALE_PORT_A|g" -e "s|@PORT_B@|$SCALE_PORT_B|g" "$1" >"$2"
}

# The primary with the demo loaded, then a replica cloned from it. SCALE_APPLY_DELAY (e.g. 2s)
# makes the replica replay each commit that much later (recovery_min_apply_delay): the test
# uses it to hold open the window in which the primary has notified a change the replica does
# not show yet.
scale_databases() {
  local bin=$1
  pg_start "$SCALE_DIR/primary" "$SCALE_PRIMARY_PORT"
  pg_env "$SCALE_DIR/primary" "$SCALE_DB"
  pg_create_db "$SCALE_DB"
  PGOPTIONS="-c client_min_messages=warning" "$bin" setup --log-level warn \
    >"$SCALE_DIR/setup.log" 2>&1 || { cat "$SCALE_DIR/setup.log" >&2; return 1; }
  # initdb's pg_hba.conf already trusts local replication connections; -R writes
  # standby.signal and primary_conninfo, so the copy starts as a streaming standby.
  pg_prepare_dir "$SCALE_DIR/replica"
  pg_as_owner "$PG_BIN/pg_basebackup" -h "$(cat "$SCALE_DIR/primary/socketdir")" \
    -p "$SCALE_PRIMARY_PORT" -U postgres -D "$SCALE_DIR/replica/data" -R -X stream -c fast
  # Feedback: vacuum on the primary keeps row versions a replica query still reads, so tile
  # queries are not cancelled by replay (they would answer 503).
  printf "hot_standby_feedback = on\nrecovery_min_apply_delay = '%s'\n" \
    "${SCALE_APPLY_DELAY:-0}" | pg_as_owner tee -a "$SCALE_DIR/replica/data/postgresql.auto.conf" >/dev/null
  pg_start "$SCALE_DIR/replica" "$SCALE_REPLICA_PORT"
  for _ in $(seq 1 100); do
    [ "$(psql -X -At -h 127.0.0.1 -p "$SCALE_REPLICA_PORT" -d "$SCALE_DB" \
      -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = t ] && return 0
    sleep 0.1
  done
  echo "scale: the replica does not accept connections" >&2
  return 1
}

scale_pgbouncer() {
  scale_owned_dir "$SCALE_DIR/pgbouncer"
  echo '"postgres" ""' >"$SCALE_DIR/pgbouncer/userlist.txt"
  scale_fill "$SCALE_HERE/pgbouncer.ini.in" "$SCALE_DIR/pgbouncer/pgbouncer.ini"
  pg_as_owner /usr/sbin/pgbouncer -q "$SCALE_DIR/pgbouncer/pgbouncer.ini" \
    >>"$SCALE_DIR/pgbouncer/stdout.log" 2>&1 &
  scale_wait_port "$SCALE_PGBOUNCER_PORT" 10
}

# scale_instance BIN NAME PORT [serve options…]: one riskatlas, writes through pgbouncer to the
# primary, reads through pgbouncer from the replica. Its pid goes to $SCALE_DIR/NAME.pid.
scale_instance() {
  local bin=$1 name=$2 port=$3
  shift 3
  local bouncer="host=127.0.0.1 port=$SCALE_PGBOUNCER_PORT user=postgres"
  "$bin" serve --host 127.0.0.1 --port "$port" \
    --db "$bouncer dbname=riskatlas" --db-read-dsn "$bouncer dbname=riskatlas_ro" "$@" \
    >"$SCALE_DIR/$name.log" 2>&1 &
  echo $! >"$SCALE_DIR/$name.pid"
}

scale_nginx() {
  scale_owned_dir "$SCALE_DIR/nginx" "$SCALE_DIR/nginx/cache" "$SCALE_DIR/nginx/tmp"
  scale_fill "$SCALE_HERE/nginx.conf.in" "$SCALE_DIR/nginx/nginx.conf"
  pg_as_owner /usr/sbin/nginx -p "$SCALE_DIR/nginx" -c "$SCALE_DIR/nginx/nginx.conf" \
    -e "$SCALE_DIR/nginx/error.log" >>"$SCALE_DIR/nginx/stdout.log" 2>&1 &
  scale_wait_port "$SCALE_NGINX_PORT" 10
}

# scale_up DIR BIN [serve options for both instances…]: starts everything and writes the ports
# to DIR/state (sourced by scale_down and the test).
scale_up() {
  SCALE_DIR=$1
  local bin=$2
  shift 2
  SCALE_DB=riskatlas_scale
  SCALE_PRIMARY_PORT=$(pg_free_port 5561)
  SCALE_REPLICA_PORT=$(pg_free_port $((SCALE_PRIMARY_PORT + 1)))
  SCALE_PGBOUNCER_PORT=$(scale_free_port)
  SCALE_PORT_A=$(scale_free_port)
  SCALE_PORT_B=$(scale_free_port)
  SCALE_NGINX_PORT=${SCALE_NGINX_PORT:-$(scale_free_port)}
  mkdir -p "$SCALE_DIR"
  chmod 755 "$SCALE_DIR"
  declare -p SCALE_DIR SCALE_DB SCALE_PRIMARY_PORT SCALE_REPLICA_PORT SCALE_PGBOUNCER_PORT \
    SCALE_PORT_A SCALE_PORT_B SCALE_NGINX_PORT | sed 's/^declare -- //' >"$SCALE_DIR/state"
  scale_databases "$bin"
  scale_pgbouncer
  scale_instance "$bin" riskatlas-a "$SCALE_PORT_A" "$@"
  scale_instance "$bin" riskatlas-b "$SCALE_PORT_B" "$@"
  scale_wait_port "$SCALE_PORT_A" 30
  scale_wait_port "$SCALE_PORT_B" 30
  scale_nginx
}

# scale_stop_pid FILE SIGNAL: signals the process whose pid FILE holds and waits for it to go.
scale_stop_pid() {
  local file=$1 sig=$2 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill "-$sig" "$pid" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$file"
}

# scale_down DIR: stops what scale_up started in DIR, front to back; leaves DIR in place.
scale_down() {
  local dir=$1
  [ -f "$dir/state" ] || return 0
  scale_stop_pid "$dir/nginx/nginx.pid" QUIT
  scale_stop_pid "$dir/riskatlas-a.pid" TERM
  scale_stop_pid "$dir/riskatlas-b.pid" TERM
  scale_stop_pid "$dir/pgbouncer/pgbouncer.pid" TERM
  pg_stop "$dir/replica"
  pg_stop "$dir/primary"
}
