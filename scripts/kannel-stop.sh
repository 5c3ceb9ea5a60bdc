#!/usr/bin/env bash
# Stops what scripts/kannel-start.sh started and waits until the processes are gone, so their
# ports are free for a restart. Kannel first (smsbox, then bearerbox, which shuts down
# gracefully), the fake SMSC last: it reads what bearerbox already wrote to it and exits when
# the connection closes. Killing the fake SMSC first would drop messages bearerbox had already
# handed over (the fake protocol has no acknowledgements), which no real SMSC does.
set -uo pipefail
cd "$(dirname "$0")/.."
dir="${1:-.kannel}"
for p in smsbox bearerbox fakesmsc; do
  [ -f "$dir/$p.pid" ] || continue
  pid=$(cat "$dir/$p.pid")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  rm -f "$dir/$p.pid"
done
exit 0
