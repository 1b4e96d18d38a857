#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests, of this checkout's own.
#
#   url=$(scripts/postgres-for-tests.sh)      start (or reuse) it; prints its URL
#   scripts/postgres-for-tests.sh stop        stop it and delete its data
#
# `make test` runs the suite through scripts/with-postgres.sh, which starts it and stops it
# again however the tests end.  Its folder is /tmp/kessen-test-postgres-<checkout hash>
# and its port a free one picked at start, so two checkouts never share a server.
#
# Prints one line on stdout, the URL to put in KESSEN_TEST_POSTGRES_URL (everything else
# goes to stderr), and writes the same URL to $KESSEN_PG_DIR/url.
#
# As root on Debian (CI) it installs the `postgresql` package when it is missing; the
# server runs as the `postgres` user from a data folder of its own, listening on
# 127.0.0.1:$KESSEN_PG_PORT only, with trust authentication (tests only).  Elsewhere,
# without PostgreSQL, it prints nothing and exits 0: the PostgreSQL tests then skip and
# say why.  KESSEN_REQUIRE_POSTGRES=1 makes that a failure instead.
set -euo pipefail

CHECKOUT=$(cd "$(dirname "$0")/.." && pwd)
DIR="${KESSEN_PG_DIR:-/tmp/kessen-test-postgres-$(printf '%s' "$CHECKOUT" | cksum | cut -d' ' -f1)}"
DB="${KESSEN_PG_DB:-kessen_test}"

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

if [ -n "${KESSEN_PG_PORT:-}" ]; then
    PORT="$KESSEN_PG_PORT"
elif [ -f "$DIR/port" ]; then
    PORT=$(cat "$DIR/port")  # a server of this checkout's that is already up
else
    PORT=$(free_port)
fi
URL="postgresql+psycopg://postgres@127.0.0.1:${PORT}/${DB}"

say() { echo "postgres-for-tests: $*" >&2; }

give_up() {
    say "$*"
    if [ "${KESSEN_REQUIRE_POSTGRES:-0}" = 1 ]; then
        exit 1
    fi
    say "the PostgreSQL tests will be skipped"
    exit 0
}

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then
        echo "$dir"
    elif command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
    fi
}

# Run a PostgreSQL program as the user that owns the data (never as root).
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

BIN=$(find_bin)

if [ "${1:-}" = stop ]; then
    if [ -n "$BIN" ] && [ -f "$DIR/data/PG_VERSION" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$DIR"
    say "stopped"
    exit 0
fi

if [ -z "$BIN" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing postgresql (apt-get)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends postgresql >&2
        BIN=$(find_bin)
    fi
    [ -n "$BIN" ] || give_up "PostgreSQL is not installed (needs root and apt-get to install it)"
fi

if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    give_up "there is no postgres user to run the server as"
fi

mkdir -p "$DIR"
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$DIR"
fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
    say "creating a cluster in $DIR/data"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 \
            --locale=C >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; give_up "initdb failed"; }
fi

if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    say "starting the server on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off" >&2 \
        || { tail -n 20 "$DIR/server.log" >&2 || true; give_up "the server did not start"; }
fi

if ! as_owner "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -tAq \
    -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    as_owner "$BIN/createdb" -h "$DIR" -p "$PORT" -U postgres "$DB" >&2
fi

echo "$URL" >"$DIR/url"
echo "$PORT" >"$DIR/port"
say "ready: $URL"
echo "$URL"
