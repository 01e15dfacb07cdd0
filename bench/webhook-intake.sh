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
. bench/lib.sh
require_alertmanager webhook-intake

./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/byoc-webhook-bench.XXXXXX")
mkdir -p bench/results
APP_PID=""; AM_PID=""
trap 'stop_webhook_targets "$WORK" "bench/work/$NAME-$STAMP"' EXIT
start_webhook_targets "$WORK" BYOC_WEBHOOK_JOURNAL_FSYNC_INTERVAL="$FSYNC_INTERVAL"

# Start-up work (the knowledge index's embeddings, the first scoring pass) runs in the background
# after the health check answers: wait until the app uses less than a tenth of a core for three
# seconds in a row (at most two minutes), so the timed rounds do not share the cores with it.
wait_idle "$APP_PID" 10 120
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
