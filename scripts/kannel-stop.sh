#!/usr/bin/env bash
# Stops what scripts/kannel-start.sh started (fake SMSC, smsbox, bearerbox) and waits until the
# processes are gone, so their ports are free for a restart.
set -uo pipefail
cd "$(dirname "$0")/.."
dir="${1:-.kannel}"
for p in fakesmsc smsbox bearerbox; do
  [ -f "$dir/$p.pid" ] || continue
  pid=$(cat "$dir/$p.pid")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  rm -f "$dir/$p.pid"
done
exit 0
