#!/usr/bin/env bash
# Starts Kannel (bearerbox + smsbox) and its fake SMSC on 127.0.0.1 for local use and tests.
#   scripts/kannel-start.sh [run-dir]        (default .kannel/)
# Ports and credentials come from the environment (defaults below); the rendered kannel.conf,
# logs, pids and the fake SMSC's output (fakesmsc.log: one line per message part the SMSC received)
# are written to the run dir. Stop with scripts/kannel-stop.sh [run-dir].
set -euo pipefail
cd "$(dirname "$0")/.."
export KANNEL_RUN_DIR="$(mkdir -p "${1:-.kannel}" && cd "${1:-.kannel}" && pwd)"
export KANNEL_ADMIN_PORT="${KANNEL_ADMIN_PORT:-13000}"
export KANNEL_SMSBOX_PORT="${KANNEL_SMSBOX_PORT:-13001}"
export KANNEL_SENDSMS_PORT="${KANNEL_SENDSMS_PORT:-13013}"
export KANNEL_FAKESMSC_PORT="${KANNEL_FAKESMSC_PORT:-13010}"
export KANNEL_ADMIN_PASSWORD="${KANNEL_ADMIN_PASSWORD:-vk-admin}"
export KANNEL_USERNAME="${KANNEL_USERNAME:-viestikone}"
export KANNEL_PASSWORD="${KANNEL_PASSWORD:-vk-secret}"
export KANNEL_MAX_PARTS="${KANNEL_MAX_PARTS:-6}"
export KANNEL_QUEUE_LIMIT="${KANNEL_QUEUE_LIMIT:-1000}"
export KANNEL_INBOUND_URL="${KANNEL_INBOUND_URL:-http://127.0.0.1:3000/api/webhooks/sms/kannel/inbound}"
if [ -n "${KANNEL_THROUGHPUT:-}" ]; then
  export KANNEL_THROUGHPUT_LINE="throughput = ${KANNEL_THROUGHPUT}"
else
  export KANNEL_THROUGHPUT_LINE=""
fi
FAKESMSC=/usr/lib/kannel/test/fakesmsc
for bin in bearerbox smsbox envsubst; do
  command -v "$bin" >/dev/null || { echo "kannel-start: $bin not found (apt-get install kannel kannel-extras gettext-base)" >&2; exit 1; }
done
[ -x "$FAKESMSC" ] || { echo "kannel-start: $FAKESMSC not found (apt-get install kannel-extras)" >&2; exit 1; }

conf="$KANNEL_RUN_DIR/kannel.conf"
mkdir -p "$KANNEL_RUN_DIR/store"
envsubst < ops/kannel/kannel.conf.template > "$conf"
bearerbox -v 4 "$conf" > "$KANNEL_RUN_DIR/bearerbox.out" 2>&1 &
echo $! > "$KANNEL_RUN_DIR/bearerbox.pid"
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$KANNEL_ADMIN_PORT/status.txt?password=$KANNEL_ADMIN_PASSWORD" >/dev/null && break
  sleep 0.1
done
smsbox -v 4 "$conf" > "$KANNEL_RUN_DIR/smsbox.out" 2>&1 &
echo $! > "$KANNEL_RUN_DIR/smsbox.pid"
# The fake SMSC logs every message part it receives ("Got message N: <from to type text>") to
# fakesmsc.log (debug place "receive" only); tests count those lines.
"$FAKESMSC" -H 127.0.0.1 -r "$KANNEL_FAKESMSC_PORT" -m 0 -v 0 -D receive "x y text z" >> "$KANNEL_RUN_DIR/fakesmsc.log" 2>&1 &
echo $! > "$KANNEL_RUN_DIR/fakesmsc.pid"
for _ in $(seq 1 100); do
  status=$(curl -sf "http://127.0.0.1:$KANNEL_ADMIN_PORT/status.txt?password=$KANNEL_ADMIN_PASSWORD" || true)
  if grep -q "online" <<<"$status" && curl -s -o /dev/null "http://127.0.0.1:$KANNEL_SENDSMS_PORT/"; then
    echo "kannel: ready (sendsms http://127.0.0.1:$KANNEL_SENDSMS_PORT/cgi-bin/sendsms, run dir $KANNEL_RUN_DIR)"
    exit 0
  fi
  sleep 0.1
done
echo "kannel-start: not ready after 10 s; see $KANNEL_RUN_DIR/*.log" >&2
exit 1
