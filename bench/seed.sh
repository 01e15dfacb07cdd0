#!/usr/bin/env bash
# Seed-scale benchmark of the foundation (run by hand, never by the test suite):
#   1. generates the `seed` preset (1,143 orgs, 3,534 clusters) into a fresh DuckDB file,
#   2. reports rows per table, wall time, peak memory (RSS) and file size,
#   3. times a full refresh of the hourly snapshots against a bare GROUP BY of the same raw rows.
# Results: bench/results/seed-<UTC timestamp>.json and .md (and latest-seed.{json,md}).
#   bench/seed.sh [--seed N] [--repeat N]
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=42
REPEAT=3
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    *) echo "usage: bench/seed.sh [--seed N] [--repeat N]" >&2; exit 2 ;;
  esac
done

./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
. bench/lib.sh
WORK=bench/work
mkdir -p bench/results
export BYOC_DATA_DIR="$WORK"
END=$(date -u +%Y-%m-%dT%H:00)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

echo "== generating seed (seed $SEED, end $END) into $WORK"
generate_seed "$WORK" "$SEED" "$END"
WALL_MS=$GEN_WALL_MS
PEAK_KB=$GEN_PEAK_KB
FILE_BYTES=$(stat -c %s "$WORK/byoc-fleet.duckdb")

echo "== hourly rollup: full refresh vs bare GROUP BY ($REPEAT rounds)"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx8g -jar target/byoc-fleet.jar bench-rollup --repeat "$REPEAT" \
  --out "$WORK/rollup.json" >/dev/null

node - "$WORK/generate.json" "$WORK/rollup.json" "$WALL_MS" "$PEAK_KB" "$FILE_BYTES" "$STAMP" "$SEED" <<'JS'
const fs = require('fs');
const [gen, roll, wall, peak, size, stamp, seed] = process.argv.slice(2);
const g = JSON.parse(fs.readFileSync(gen)); const r = JSON.parse(fs.readFileSync(roll));
const result = {
  benchmark: 'seed-foundation', timestamp: stamp, seed: Number(seed), preset: g.preset,
  machine: { cpus: require('os').cpus().length, memory_gb: Math.round(require('os').totalmem() / 2**30) },
  generate: { wall_ms: Number(wall), in_process_ms: g.millis, peak_rss_mb: Math.round(Number(peak) / 1024),
              duckdb_file_mb: Math.round(Number(size) / 2**20), incidents: g.incidents, alerts: g.alerts,
              rows_per_table: g.rows_per_table, target_ms: 300000, within_target: Number(wall) < 300000 },
  rollup: { raw_rows: r.raw_rows, snapshot_rows: r.snapshot_rows, refresh_ms: r.refresh_millis,
            bare_group_by_ms: r.baseline_millis, median_refresh_ms: r.median_refresh_millis,
            median_bare_group_by_ms: r.median_baseline_millis, ratio: Number(r.ratio.toFixed(3)) },
};
const rows = Object.entries(g.rows_per_table).map(([t, n]) => `| ${t} | ${n.toLocaleString('en')} |`).join('\n');
const md = `# Seed benchmark ${stamp}

| measure | value |
|---|---|
| generation wall time | ${(wall / 1000).toFixed(1)} s (target < 300 s: ${result.generate.within_target ? 'met' : 'MISSED'}) |
| peak RSS | ${result.generate.peak_rss_mb} MB |
| DuckDB file | ${result.generate.duckdb_file_mb} MB |
| incidents / alerts | ${g.incidents} / ${g.alerts} |
| full hourly refresh (median) | ${r.median_refresh_millis} ms over ${r.raw_rows.toLocaleString('en')} raw rows |
| bare GROUP BY of the same rows (median) | ${r.median_baseline_millis} ms |
| refresh / bare GROUP BY | ${result.rollup.ratio} |

| table | rows |
|---|---|
${rows}
`;
fs.writeFileSync(`bench/results/seed-${stamp}.json`, JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(`bench/results/seed-${stamp}.md`, md);
fs.writeFileSync('bench/results/latest-seed.json', JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync('bench/results/latest-seed.md', md);
console.log(md);
JS
