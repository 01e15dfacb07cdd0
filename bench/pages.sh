#!/usr/bin/env bash
# Page load in Chromium of Overview, Issues and Breaking Point against the seed store (run by hand,
# never by the tests):
#   1. copies the seed store (default bench/work/byoc-fleet.duckdb, left by bench/seed.sh) into a fresh
#      bench/work/pages and scores it (health history, forecasts, risk), unless --no-score,
#   2. serves it with every schedule off and groups the alerts into issues,
#   3. runs web/e2e/pageLoad.mjs (playwright-core driving Debian's /usr/bin/chromium, as web/e2e does):
#      --loads rounds, each a cold load (fresh browser context) and a warm load (the same context
#      again) of every page, timed inside the page from navigation start to the first frame in which
#      the page's data is drawn; the baseline is the sign-in page of the same server (static),
#   4. deletes the work folder unless --keep.
# Results: bench/results/pages-<UTC timestamp>.{json,md} and latest-pages.{json,md}.
#   bench/pages.sh [--store FILE] [--loads N] [--no-score] [--keep] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
STORE=bench/work/byoc-fleet.duckdb
LOADS=20
SCORE=1
KEEP=0
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --store) STORE="$2"; shift 2 ;;
    --loads) LOADS="$2"; shift 2 ;;
    --no-score) SCORE=0; shift ;;
    --keep) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: bench/pages.sh [--store FILE] [--loads N] [--no-score] [--keep] [--no-build]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/chromium ] || { echo "pages: needs Debian's chromium (apt-get install -y chromium)" >&2; exit 3; }
[ -d web/node_modules/playwright-core ] || { echo "pages: needs web/node_modules (cd web && npm ci)" >&2; exit 3; }

[ "$BUILD" = 1 ] && ./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
. bench/lib.sh
bench_begin pages

prepare_store "$STORE" "$WORK" "$SCORE"
serve_store "$WORK" "$WORK/out/app.log"
echo "== grouping the alerts into issues"
group_issues | tee "$WORK/out/issues.json"
echo "== $LOADS rounds of cold and warm loads"
node web/e2e/pageLoad.mjs --base "http://127.0.0.1:$PORT" --email bench@localhost --password "$PASSWORD" \
  --loads "$LOADS" --out "$WORK/out/pages"
APP_RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
FACTS=$(machine_facts)
CHROMIUM=$(/usr/bin/chromium --version 2>/dev/null | head -1)

node - "$WORK" "$STAMP" "$APP_RSS_KB" "$LOAD_BEFORE" "$LOAD_AFTER" "$FACTS" "$STORE" "$CHROMIUM" <<'JS'
const fs = require('fs');
const [work, stamp, appKb, loadBefore, loadAfter, facts, store, chromium] = process.argv.slice(2);
const pages = JSON.parse(fs.readFileSync(`${work}/out/pages.json`));
const result = {
  benchmark: 'pages', timestamp: stamp, machine: { ...JSON.parse(facts), chromium },
  load_average: { before: loadBefore, after: loadAfter }, store,
  server_rss_mb_after: Math.round(Number(appKb) / 1024), ...pages,
};
const md = `# Page load in Chromium ${stamp}

Seed store ${store} served with every schedule off; ${chromium}; ${result.machine.cpus} cores, git ${result.machine.git_commit}, load average ${loadBefore} before, ${loadAfter} after (shared machine: the browser, the server and other developers' work share the cores).
${pages.loads} rounds; each round loads every page cold (fresh browser context) and warm (the same context again). Time: navigation start to the first frame in which the page's data is drawn (selectors in the JSON). Baseline: the sign-in page of the same server. Target (DESIGN.md §10): usable within ${pages.target_ms} ms.

${fs.readFileSync(`${work}/out/pages.md`, 'utf8')}
Server RSS after the loads: ${result.server_rss_mb_after} MB.
`;
fs.writeFileSync(`bench/results/pages-${stamp}.json`, JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(`bench/results/pages-${stamp}.md`, md);
fs.writeFileSync('bench/results/latest-pages.json', JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync('bench/results/latest-pages.md', md);
console.log(md);
JS
