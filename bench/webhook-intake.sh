#!/usr/bin/env bash
# Webhook intake benchmark (run by hand, never by the test suite): the same alerts sent to a real
# Prometheus Alertmanager's own intake (POST /api/v2/alerts, in memory) and to our webhook
# (POST /api/webhooks/alertmanager, committed to DuckDB and deduplicated), both on loopback.
# Results: bench/results/webhook-<UTC timestamp>.{json,md} and latest-webhook.{json,md}; the app's and
# Alertmanager's logs are kept in bench/work/webhook-<UTC timestamp>/.
#   bench/webhook-intake.sh [--concurrency N] [--rounds N] [--warmup-rounds N] [--max-warmup-rounds N]
#                           [--warmup-jit-share F] [--requests 1:5000,10:5000,100:1000] [--fsync-interval 100ms]
# Before measuring, the script waits until the app's start-up work (the knowledge index, the first
# scoring pass of the demo fleet) is done, so that it does not share the cores with the first rounds;
# each configuration then runs untimed rounds against both targets first: at least --warmup-rounds
# (default 1), more while the app's JIT compiler threads took over --warmup-jit-share (0.1) of its CPU
# in the last one, at most --max-warmup-rounds (12). The results list the rounds each configuration ran.
# --fsync-interval runs the app with BYOC_WEBHOOK_JOURNAL_FSYNC_INTERVAL (answer once the OS has the
# alerts, force them to disk on a timer) and writes webhook-interval-<stamp> / latest-webhook-interval.
set -euo pipefail
cd "$(dirname "$0")/.."
CONCURRENCY=4
ROUNDS=3
WARMUP_ROUNDS=1
MAX_WARMUP_ROUNDS=12
WARMUP_JIT_SHARE=0.1
REQUESTS=1:5000,10:5000,100:1000
FSYNC_INTERVAL=0ms
NAME=webhook
while [ $# -gt 0 ]; do
  case "$1" in
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --warmup-rounds) WARMUP_ROUNDS="$2"; shift 2 ;;
    --max-warmup-rounds) MAX_WARMUP_ROUNDS="$2"; shift 2 ;;
    --warmup-jit-share) WARMUP_JIT_SHARE="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --fsync-interval) FSYNC_INTERVAL="$2"; NAME=webhook-interval; shift 2 ;;
    *) echo "usage: bench/webhook-intake.sh [--concurrency N] [--rounds N] [--warmup-rounds N] [--max-warmup-rounds N] [--warmup-jit-share F] [--requests B:N,...] [--fsync-interval D]" >&2; exit 2 ;;
  esac
done
AM_BIN=/usr/bin/prometheus-alertmanager
if [ ! -x "$AM_BIN" ]; then
  echo "webhook-intake: $AM_BIN is missing: apt-get install -y prometheus-alertmanager" >&2
  exit 3
fi

./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/byoc-webhook-bench.XXXXXX")
mkdir -p bench/results
APP_PID=""; AM_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$AM_PID" ] && kill "$AM_PID" 2>/dev/null && wait "$AM_PID" 2>/dev/null || true
  mkdir -p "bench/work/$NAME-$STAMP" && cp "$WORK"/*.log "bench/work/$NAME-$STAMP/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port)
AM_PORT=$(free_port)
TOKEN="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

wait_for() { # url what
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "webhook-intake: $2 did not come up; log:" >&2; tail -50 "$WORK/$2.log" >&2; exit 4
}

echo "== starting the app on 127.0.0.1:$APP_PORT (tiny demo fleet, data in $WORK/data)"
BYOC_DATA_DIR="$WORK/data" BYOC_DEMO_PRESET=tiny BYOC_WEBHOOK_TOKEN="$TOKEN" SERVER_PORT="$APP_PORT" \
  BYOC_SNAPSHOT_REFRESH_ENABLED=false BYOC_WEBHOOK_JOURNAL_FSYNC_INTERVAL="$FSYNC_INTERVAL" \
  "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g -jar target/byoc-fleet.jar serve --server.address=127.0.0.1 \
  >"$WORK/app.log" 2>&1 &
APP_PID=$!

# Alertmanager's receiver sends nothing: only its intake is measured.
cat >"$WORK/alertmanager.yml" <<YML
route:
  receiver: blackhole
  group_by: ['alertname', 'cluster']
receivers:
  - name: blackhole
YML
echo "== starting Alertmanager on 127.0.0.1:$AM_PORT"
"$AM_BIN" --config.file="$WORK/alertmanager.yml" --storage.path="$WORK/am-data" \
  --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= >"$WORK/alertmanager.log" 2>&1 &
AM_PID=$!
wait_for "http://127.0.0.1:$AM_PORT/-/ready" alertmanager
wait_for "http://127.0.0.1:$APP_PORT/actuator/health" app

# Start-up work (the knowledge index's embeddings, the first scoring pass) runs in the background
# after the health check answers: wait until the app uses less than a tenth of a core for three
# seconds in a row (at most two minutes), so the timed rounds do not share the cores with it.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
IDLE_WAIT_START=$(date +%s)
QUIET=0; LAST=$(cpu_ticks "$APP_PID")
for _ in $(seq 1 120); do
  sleep 1
  NOW=$(cpu_ticks "$APP_PID")
  if [ $((NOW - LAST)) -lt 10 ]; then QUIET=$((QUIET + 1)); else QUIET=0; fi
  LAST=$NOW
  [ "$QUIET" -ge 3 ] && break
done
IDLE_WAITED=$(( $(date +%s) - IDLE_WAIT_START ))
echo "== the app was idle after ${IDLE_WAITED} s"

AM_VERSION=$("$AM_BIN" --version 2>&1 | head -1)
"$JAVA" bench/WebhookIntakeBench.java \
  --am "http://127.0.0.1:$AM_PORT/api/v2/alerts" \
  --ours "http://127.0.0.1:$APP_PORT/api/webhooks/alertmanager" \
  --token "$TOKEN" --concurrency "$CONCURRENCY" --rounds "$ROUNDS" --warmup-rounds "$WARMUP_ROUNDS" --requests "$REQUESTS" \
  --max-warmup-rounds "$MAX_WARMUP_ROUNDS" --warmup-jit-share "$WARMUP_JIT_SHARE" \
  --am-pid "$AM_PID" --app-pid "$APP_PID" \
  --out "bench/results/$NAME-$STAMP" \
  --meta "timestamp=$STAMP" --meta "waited_for_idle_app_s=$IDLE_WAITED" --meta "journal_fsync_interval=$FSYNC_INTERVAL" --meta "alertmanager=$AM_VERSION" \
  --meta "java=$("$JAVA" -version 2>&1 | head -1)" --meta "cpus=$(nproc)" \
  --meta "store=DuckDB file on $(df -T "$WORK" | awk 'NR==2 {print $2}')" \
  --meta "git=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')"
cp "bench/results/$NAME-$STAMP.json" "bench/results/latest-$NAME.json"
cp "bench/results/$NAME-$STAMP.md" "bench/results/latest-$NAME.md"
echo "== results: bench/results/$NAME-$STAMP.{json,md}"
