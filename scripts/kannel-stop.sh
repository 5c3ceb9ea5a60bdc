#!/usr/bin/env bash
# Stops what scripts/kannel-start.sh started and waits until the processes are gone, so their
# ports are free for a restart. bearerbox first: it shuts down gracefully, acknowledging to
# smsbox what it has stored, and smsbox answers those sendsms calls before it goes. Stopping
# smsbox first aborts it (SIGINT/SIGTERM) with sendsms calls in flight whose messages bearerbox
# may already hold, so the caller cannot know whether they were accepted (our fault test saw
# 15 such in 10,000), and delivery reports for them find no smsbox and are dropped. The fake
# SMSC last: it reads what bearerbox already wrote to it and exits when the connection closes;
# killing it first would drop messages bearerbox had handed over (the fake protocol has no
# acknowledgements), which no real SMSC does.
set -uo pipefail
cd "$(dirname "$0")/.."
dir="${1:-.kannel}"
for p in bearerbox smsbox fakesmsc; do
  [ -f "$dir/$p.pid" ] || continue
  pid=$(cat "$dir/$p.pid")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  rm -f "$dir/$p.pid"
done
exit 0
