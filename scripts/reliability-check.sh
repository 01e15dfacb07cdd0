#!/usr/bin/env bash
# The kill -9 check of bench/reliability.sh in a short, fixed form for `mvn verify` (integration-test
# phase, after `package`; -Dskip.reliability=true or -DskipTests skip it): runs bench/ReliabilityKill.java
# against the jar just built, on a fresh data folder — 4 senders deliver 30 Alertmanager notifications
# (300 alerts) and retry each until a 2xx, the app is killed with SIGKILL mid-intake (once half of them
# were acknowledged) and restarted on the same DuckDB file, then everything is redelivered. Fails (exit status 1) when an
# acknowledged alert is missing or stored twice, or the redelivery inserts anything. No network;
# stops what it started and deletes its temporary folder. Output: target/reliability-check.json.
#   scripts/reliability-check.sh [JAR]
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=$(realpath "${1:-target/byoc-fleet.jar}")
[ -f "$JAR" ] || { echo "reliability-check: $JAR is missing; build it first (mvn package)" >&2; exit 2; }
JAVA_HOME=${JAVA_HOME:-$(./byoc java-home)}
WORK=$(mktemp -d -t byoc-reliability-check-XXXXXX)
DRIVER_PID=""
cleanup() {
  # the driver kills the app processes it started when it exits (a JVM shutdown hook)
  if [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null; then
    kill "$DRIVER_PID" 2>/dev/null || true
    wait "$DRIVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the DuckDB driver the jar ships, to read the file once the app has stopped
DUCKDB_ENTRY=$("$JAVA_HOME/bin/jar" -tf "$JAR" | grep -m1 '^BOOT-INF/lib/duckdb_jdbc-.*\.jar$')
(cd "$WORK" && "$JAVA_HOME/bin/jar" -xf "$JAR" "$DUCKDB_ENTRY")
mkdir -p "$WORK/data" target

echo "== reliability-check: kill -9 during webhook intake (logs in $WORK until it ends)"
# No demo fleet and no knowledge corpus: the check is about the alert intake, and each restart is quicker.
BYOC_KNOWLEDGE_STARTER_CORPUS=false DJL_CACHE_DIR="$WORK/djl" \
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$WORK/$DUCKDB_ENTRY" bench/ReliabilityKill.java \
  --java "$JAVA_HOME/bin/java" --jar "$JAR" --data "$WORK/data" --port 0 --preset none \
  --senders 4 --notifications 30 --kills 1 --pause-ms 40 --out target/reliability-check.json &
DRIVER_PID=$!
set +e
wait "$DRIVER_PID"
STATUS=$?
set -e
DRIVER_PID=""
if [ "$STATUS" -ne 0 ]; then
  echo "reliability-check: FAILED (exit $STATUS); the app's last log lines:" >&2
  for log in "$WORK"/app-*.log; do [ -f "$log" ] && { echo "--- $log" >&2; tail -n 40 "$log" >&2; }; done
fi
exit "$STATUS"
