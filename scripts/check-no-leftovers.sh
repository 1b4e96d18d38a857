#!/usr/bin/env bash
# Fails when a process started from this checkout outlived the tests: one whose working
# folder is in the checkout, or whose command line names the checkout or its PostgreSQL
# folder.  .ci/run calls it after `make test`.
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)
pg_dir="/tmp/kessen-test-postgres-$(printf '%s' "$checkout" | cksum | cut -d' ' -f1)"

# This script and the shells that called it are not leftovers.
spared=" $$ "
pid=$$
while [ "$pid" -gt 1 ]; do
    pid=$(awk '{print $4}' "/proc/$pid/stat" 2>/dev/null || echo 1)
    spared="$spared$pid "
done

left=""
for proc in /proc/[0-9]*; do
    pid=${proc#/proc/}
    case "$spared" in *" $pid "*) continue ;; esac
    cwd=$(readlink "$proc/cwd" 2>/dev/null || true)
    cmd=$( { tr "\0" " " <"$proc/cmdline"; } 2>/dev/null || true)
    [ -n "$cmd" ] || continue
    case "$cwd/" in "$checkout"/*) left="$left$pid $cmd"$'\n'; continue ;; esac
    case "$cmd" in *"$checkout"* | *"$pg_dir"*) left="$left$pid $cmd"$'\n' ;; esac
done

if [ -n "$left" ]; then
    echo "check-no-leftovers: processes outlived the tests:" >&2
    printf '%s' "$left" >&2
    exit 1
fi
echo "check-no-leftovers: no process left behind"
