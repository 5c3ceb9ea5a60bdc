#!/usr/bin/env bash
# Starts rspamd for the pre-flight spam score (E5) with ops/rspamd/ on 127.0.0.1:11333, in the
# foreground of a background job, and waits until /ping answers (first start ~15 s compiling
# rules, later ~1 s). Prints the SPAM_CHECK_URL to export. Idempotent: an rspamd already
# answering on the port is reused. Stop it with: kill "$(cat "$RSPAMD_DIR/rspamd.pid")".
set -euo pipefail
cd "$(dirname "$0")/.."
url="http://127.0.0.1:11333"
if curl -fsS -m 2 "$url/ping" >/dev/null 2>&1; then echo "$url"; exit 0; fi
command -v rspamd >/dev/null || { echo "rspamd is not installed (apt-get install -y rspamd)" >&2; exit 1; }
dir="${RSPAMD_DIR:-$PWD/.data/rspamd}"
mkdir -p "$dir/db" "$dir/run"
# -i: CI runs as root; the worker only listens on 127.0.0.1.
nohup rspamd -f -i -c "$PWD/ops/rspamd/rspamd.conf" \
  --var CONFDIR=/etc/rspamd --var LOCAL_CONFDIR="$PWD/ops/rspamd" \
  --var DBDIR="$dir/db" --var RUNDIR="$dir/run" --var LOGDIR="$dir" \
  >"$dir/rspamd.log" 2>&1 &
echo $! >"$dir/rspamd.pid"
for _ in $(seq 1 90); do
  if curl -fsS -m 2 "$url/ping" >/dev/null 2>&1; then echo "$url"; exit 0; fi
  kill -0 "$(cat "$dir/rspamd.pid")" 2>/dev/null || { echo "rspamd exited:" >&2; tail -n 30 "$dir/rspamd.log" >&2; exit 1; }
  sleep 1
done
echo "rspamd did not answer on $url/ping within 90 s:" >&2
tail -n 30 "$dir/rspamd.log" >&2
exit 1
