#!/usr/bin/env bash
# Sentinel run time over the seed fleet (run by hand, never by the tests):
#   1. copies the seed store (default bench/work/byoc-fleet.duckdb, left by bench/seed.sh) into a fresh
#      bench/work/sentinel and scores it (24 hours of health scores, so the cliff trigger has two hours
#      to compare), unless --no-score,
#   2. `bench-sentinel` (SentinelBenchmark): after one untimed round of each, --repeat rounds alternate
#      a full Sentinel pass as of --at (default: the newest alert start in the store) with a bare SQL
#      read of the same signal rows (the firing alerts of the lookback window with their cluster's
#      tier, and the health scores of the two hours the cliff trigger compares); the tasks each pass
#      opens are deleted after it (untimed), so every round opens the same tasks; then the same with
#      a 24-hour lookback (--wide-lookback), which gives the pass many more alerts to look at,
#   3. deletes the work folder unless --keep.
# Results: bench/results/sentinel-<UTC timestamp>.{json,md} and latest-sentinel.{json,md}.
#   bench/sentinel.sh [--store FILE] [--repeat N] [--at 2026-11-29T05:00] [--no-score] [--keep] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
STORE=bench/work/byoc-fleet.duckdb
REPEAT=5
AT=()
SCORE=1
KEEP=0
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --store) STORE="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --at) AT=(--at "$2"); shift 2 ;;
    --no-score) SCORE=0; shift ;;
    --keep) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: bench/sentinel.sh [--store FILE] [--repeat N] [--at TIME] [--no-score] [--keep] [--no-build]" >&2; exit 2 ;;
  esac
done

[ "$BUILD" = 1 ] && ./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
. bench/lib.sh
bench_begin sentinel

prepare_store "$STORE" "$WORK" "$SCORE"
echo "== Sentinel pass against a bare read of its signal rows ($REPEAT rounds), default 1-hour lookback"
BYOC_DATA_DIR="$WORK" timed_java "$WORK/out/default.time" -Xmx4g -jar target/byoc-fleet.jar bench-sentinel \
  --repeat "$REPEAT" "${AT[@]}" --out "$WORK/out/default.json" >/dev/null
echo "== the same with a 24-hour lookback"
BYOC_DATA_DIR="$WORK" timed_java "$WORK/out/wide.time" -Xmx4g -jar target/byoc-fleet.jar bench-sentinel \
  --repeat "$REPEAT" "${AT[@]}" --lookback PT24H --out "$WORK/out/wide.json" >/dev/null
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
FACTS=$(machine_facts)

node - "$WORK" "$STAMP" "$LOAD_BEFORE" "$LOAD_AFTER" "$FACTS" "$STORE" "$(peak_kb "$WORK/out/default.time")" <<'JS'
const fs = require('fs');
const [work, stamp, loadBefore, loadAfter, facts, store, peakKb] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(`${work}/out/${f}.json`));
const runs = { lookback_1h: read('default'), lookback_24h: read('wide') };
const result = {
  benchmark: 'sentinel', timestamp: stamp, machine: JSON.parse(facts),
  load_average: { before: loadBefore, after: loadAfter }, store,
  peak_rss_mb: Math.round(Number(peakKb) / 1024), ...runs,
};
const row = (name, r) => `| ${name} | ${r.at} | ${r.signal_rows} | ${r.tasks_opened} | ${r.median_sentinel_millis} (${r.sentinel_millis.join(', ')}) | ${r.median_baseline_millis} (${r.baseline_millis.join(', ')}) | ${r.ratio.toFixed(2)} |`;
const md = `# Sentinel over the seed fleet ${stamp}

Seed store ${store}, scored first; ${result.machine.cpus} cores, git ${result.machine.git_commit}, load average ${loadBefore} before, ${loadAfter} after (shared machine).
Medians of ${runs.lookback_1h.sentinel_millis.length} rounds, the pass and its baseline alternating in one process (\`bench-sentinel\`); each pass's tasks are deleted after it, untimed. No target in DESIGN.md §10 (the Sentinel runs every 15 minutes).

| alert lookback | as of | signal rows (baseline) | tasks a pass opens | Sentinel pass, median ms (rounds) | bare SQL read, median ms (rounds) | ratio |
|---|---|---|---|---|---|---|
${row('1 hour (default)', runs.lookback_1h)}
${row('24 hours', runs.lookback_24h)}

Peak RSS of the 1-hour run's JVM (Spring context included): ${result.peak_rss_mb} MB.
`;
fs.writeFileSync(`bench/results/sentinel-${stamp}.json`, JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(`bench/results/sentinel-${stamp}.md`, md);
fs.writeFileSync('bench/results/latest-sentinel.json', JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync('bench/results/latest-sentinel.md', md);
console.log(md);
JS
