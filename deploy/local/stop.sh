#!/usr/bin/env bash
# Stops what deploy/local/run.sh started (services, dashboard, simulator, broker). Data under ./data stays.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${AUTOIF_DATA:-$root/data}
for f in "$data"/pids/*.pid; do
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    echo "stopped $(basename "$f" .pid)"
  fi
  rm -f "$f"
done
AUTOIF_DATA=$data "$here/kafka.sh" stop
