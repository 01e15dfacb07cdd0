#!/usr/bin/env bash
# API latency of the main routers under concurrent load, against the seed store (run by hand, never by
# the tests):
#   1. copies the seed store (default bench/work/byoc-fleet.duckdb, left by bench/seed.sh) into a fresh
#      bench/work/api and scores it (health history, forecasts, risk), unless --no-score,
#   2. serves it with every schedule off, signs in and groups the alerts into issues,
#   3. runs bench/ApiBench.java --suite main (JDK HttpClient, HTTP/1.1): every main router's routes and
#      the baseline routes (/api/features, a trivial JSON route behind the same filters, and a static
#      asset) in one shuffled mix, --concurrency in flight; p50/p95/p99 and requests/s per router and
#      route, and each as a ratio to the baseline,
#   4. with --jfr, records a JFR profile of the server during the warm-up and the load (bench/work/api/out/app.jfr)
#      and prints its hottest frames,
#   5. deletes the work folder unless --keep.
# Results: bench/results/api-<UTC timestamp>.{json,md} and latest-api.{json,md}.
#   bench/api.sh [--store FILE] [--concurrency N] [--requests N] [--warmup N] [--no-score] [--jfr] [--keep] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
STORE=bench/work/byoc-fleet.duckdb
CONCURRENCY=4
REQUESTS=200
WARMUP=50
SCORE=1
JFR=0
KEEP=0
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --store) STORE="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --no-score) SCORE=0; shift ;;
    --jfr) JFR=1; shift ;;
    --keep) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: bench/api.sh [--store FILE] [--concurrency N] [--requests N] [--warmup N] [--no-score] [--jfr] [--keep] [--no-build]" >&2; exit 2 ;;
  esac
done

[ "$BUILD" = 1 ] && ./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
. bench/lib.sh
bench_begin api

prepare_store "$STORE" "$WORK" "$SCORE"
serve_store "$WORK" "$WORK/out/app.log"
echo "== grouping the alerts into issues"
group_issues | tee "$WORK/out/issues.json"
if [ "$JFR" = 1 ]; then
  "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.start name=bench settings=profile >/dev/null
fi
"$JAVA" bench/ApiBench.java --suite main --baseline /api/features,/favicon.svg --base "http://127.0.0.1:$PORT" \
  --email bench@localhost --password "$PASSWORD" --concurrency "$CONCURRENCY" --requests "$REQUESTS" --warmup "$WARMUP" --out "$WORK/out/api"
APP_RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
if [ "$JFR" = 1 ]; then
  "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.dump name=bench filename="$PWD/$WORK/out/app.jfr" >/dev/null
  jfr_hot "$WORK/out/app.jfr" > "$WORK/out/hot-frames.txt"
  echo "== where the CPU went (JFR execution and native method samples, warm-up and load)"; cat "$WORK/out/hot-frames.txt"
fi
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
FACTS=$(machine_facts)
STORE_MB=$(( $(stat -c %s "$STORE") / 1048576 ))

node - "$WORK" "$STAMP" "$APP_RSS_KB" "$LOAD_BEFORE" "$LOAD_AFTER" "$FACTS" "$STORE" "$STORE_MB" "$SCORE" <<'JS'
const fs = require('fs');
const [work, stamp, appKb, loadBefore, loadAfter, facts, store, storeMb, scored] = process.argv.slice(2);
const api = JSON.parse(fs.readFileSync(`${work}/out/api.json`));
const target = 50;
const routers = Object.fromEntries(Object.entries(api.routers).filter(([k]) => k !== 'baseline'));
const missed = Object.entries(routers).filter(([, v]) => v.p95_ms >= target).map(([k]) => k);
const result = {
  benchmark: 'api', timestamp: stamp, machine: JSON.parse(facts),
  load_average: { before: loadBefore, after: loadAfter },
  store: { file: store, size_mb: Number(storeMb), scored_first: scored === '1' },
  server_rss_mb_after: Math.round(Number(appKb) / 1024),
  target_p95_ms: target, routers_meeting_target: Object.keys(routers).length - missed.length,
  routers_missing_target: missed, ...api,
};
const hot = fs.existsSync(`${work}/out/hot-frames.txt`) ? fs.readFileSync(`${work}/out/hot-frames.txt`, 'utf8') : null;
const md = `# API under load ${stamp}

Seed store ${store} (${storeMb} MB) served with every schedule off; ${result.machine.cpus} cores, git ${result.machine.git_commit}, load average ${loadBefore} before, ${loadAfter} after (shared machine).
${api.concurrency} requests in flight, ${api.requests_per_route} requests per route in one shuffled mix with the baseline routes, ${api.requests_per_s.toFixed(1)} requests/s overall.
Lists held: ${Object.entries(api.list_totals).map(([k, v]) => `${k} ${v}`).join(', ')}.
Baseline: \`/api/features\` (a constant JSON answer behind the same security filters) and \`/favicon.svg\` (a static asset), pooled.
Target (DESIGN.md §10): p95 < ${target} ms per router: met by ${result.routers_meeting_target} of ${Object.keys(routers).length}${missed.length ? `; missed by ${missed.join(', ')}` : ''}.

${fs.readFileSync(`${work}/out/api.md`, 'utf8')}
Server RSS after the load: ${result.server_rss_mb_after} MB.
${hot ? `\n## Where the CPU went (JFR execution and native method samples of the server, warm-up and load)\n\n\`\`\`\n${hot}\`\`\`\n` : ''}`;
fs.writeFileSync(`bench/results/api-${stamp}.json`, JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(`bench/results/api-${stamp}.md`, md);
fs.writeFileSync('bench/results/latest-api.json', JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync('bench/results/latest-api.md', md);
console.log(md);
JS
