#!/usr/bin/env bash
# kill -9 during sustained webhook intake (run by hand, never by the test suite): starts the jar on a
# fresh data folder, has senders deliver Alertmanager notifications and retry each until it gets a
# 2xx, kills the app with SIGKILL mid-intake, restarts it on the same data, lets the senders finish,
# redelivers everything once more and checks the DuckDB file: every acknowledged alert exactly once,
# the redelivery inserts nothing. Exit status 0 when that holds.
# Results: bench/results/reliability-<UTC timestamp>.{json,md} and latest-reliability.{json,md}; the
# app's logs are kept in bench/work/reliability-<UTC timestamp>/.
#   bench/reliability.sh [--senders N] [--before-kill-s S] [--after-restart-s S]
set -euo pipefail
cd "$(dirname "$0")/.."
SENDERS=4
BEFORE_KILL=6
AFTER_RESTART=6
while [ $# -gt 0 ]; do
  case "$1" in
    --senders) SENDERS="$2"; shift 2 ;;
    --before-kill-s) BEFORE_KILL="$2"; shift 2 ;;
    --after-restart-s) AFTER_RESTART="$2"; shift 2 ;;
    *) echo "usage: bench/reliability.sh [--senders N] [--before-kill-s S] [--after-restart-s S]" >&2; exit 2 ;;
  esac
done

./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/byoc-reliability-bench.XXXXXX")
mkdir -p bench/results "$WORK/data"
cleanup() {
  mkdir -p "bench/work/reliability-$STAMP" && cp "$WORK"/*.log "bench/work/reliability-$STAMP/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# the DuckDB driver the jar ships, to read the file once the app has stopped
unzip -q -j -o target/byoc-fleet.jar 'BOOT-INF/lib/duckdb_jdbc-*.jar' -d "$WORK"
DUCKDB_JAR=$(ls "$WORK"/duckdb_jdbc-*.jar | head -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TOKEN="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

set +e
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$DUCKDB_JAR" bench/ReliabilityKill.java \
  --java "$JAVA" --jar target/byoc-fleet.jar --data "$WORK/data" --port "$PORT" --token "$TOKEN" \
  --senders "$SENDERS" --before-kill-s "$BEFORE_KILL" --after-restart-s "$AFTER_RESTART" \
  --out "bench/results/reliability-$STAMP.json"
STATUS=$?
set -e
[ -f "bench/results/reliability-$STAMP.json" ] || { echo "reliability: no result (exit $STATUS)" >&2; exit 1; }
RESULT="bench/results/reliability-$STAMP.json"
field() { grep -o "\"$1\": [^,}]*" "$RESULT" | sed 's/.*: //; s/"//g'; }
cat >"bench/results/reliability-$STAMP.md" <<MD
# kill -9 during webhook intake — $STAMP

| | |
|---|---|
| senders (each retries a notification until 2xx) | $(field senders) |
| notifications sent / acknowledged (2xx) | $(field notifications_sent) / $(field notifications_acknowledged) |
| acknowledged before each kill | $(field acknowledged_at_kill) |
| alerts per notification | $(field alerts_per_notification) |
| alerts stored | $(field alerts_stored) |
| acknowledged alerts missing | **$(field acknowledged_alerts_missing)** |
| alerts stored more than once | **$(field alerts_stored_more_than_once)** |
| alerts inserted by redelivering everything | **$(field redelivery_inserted)** |
| deliveries refused or failed (retried) | $(field deliveries_refused_or_failed) |
| seconds from kill -9 to healthy again (all kills) | $(field seconds_from_kill_to_healthy) |
| passed | **$(field passed)** |

Machine: $(nproc) cores, load average $LOAD_BEFORE before; $("$JAVA" -version 2>&1 | head -1); DuckDB file
on $(df -T "$WORK" | awk 'NR==2 {print $2}'); git $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes').
Re-run: \`bench/reliability.sh [--senders N] [--before-kill-s S] [--after-restart-s S]\`.
MD
cp "$RESULT" bench/results/latest-reliability.json
cp "bench/results/reliability-$STAMP.md" bench/results/latest-reliability.md
echo "== results: bench/results/reliability-$STAMP.{json,md}"
exit $STATUS
