#!/usr/bin/env bash
# Run a command with this checkout's throwaway PostgreSQL server up, and stop the server
# again however the command ends (success, failure, Ctrl-C).
#
#   scripts/with-postgres.sh .venv/bin/python -m pytest -n 2
#
# The command sees the server's URL in KESSEN_TEST_POSTGRES_URL (empty where PostgreSQL
# can't be had: the PostgreSQL tests then skip and say why).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

url=$("$here/postgres-for-tests.sh")
if [ -n "$url" ]; then
    trap '"$here/postgres-for-tests.sh" stop' EXIT
fi
KESSEN_TEST_POSTGRES_URL="$url" "$@"
