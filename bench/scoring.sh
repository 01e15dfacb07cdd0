#!/usr/bin/env bash
# Seed-scale benchmark of health scoring, risk and capacity forecasts (run by hand, never by the tests):
#   1. generates the `seed` preset (1,143 orgs, 3,534 clusters) into a fresh bench/work/scoring,
#   2. times a full-fleet pass (health scores + forecasts + risk) against bare DuckDB aggregations of
#      the same snapshot rows, alternating in one process (`score` command), and measures the peak RSS
#      of each side alone in its own process,
#   3. serves the store and measures API p50/p95/p99 of the health, risk, critical-clusters and
#      analysis routers under concurrent load (bench/ApiBench.java --suite scoring, JDK HttpClient),
#   4. deletes the work folder (unless --keep).
# Results: bench/results/scoring-<UTC timestamp>.{json,md} and latest-scoring.{json,md}.
#
# What a timed round writes, against what the running app writes (checked 2026-11-30, perf/scoring5):
#   - every round stores the same hour again: its health scores (~3,300 rows), forecasts (~16,500) and
#     risk snapshots (~3,300) replace the rows the round before stored, so each round deletes ~23,000
#     rows. The app's hourly pass scores a new hour and writes its scores and risk beside the earlier
#     hours (its delete of that hour finds nothing; nothing deletes old scores or risk), and refreshes
#     forecasts only when the newest are 6 hours old (byoc.analysis.refresh-hours), deleting then
#     the forecasts older than 30 days (keep-days): on a store in steady state one earlier run, as
#     many rows as it writes. So a round deletes the ~6,700 score and risk rows a production pass does
#     not, and forecasts every round where production does every sixth hour: it measures the hour
#     with a forecast refresh, and a little more than that hour does, never less.
#   - the checkpoint: a pass writes ~11 MB into DuckDB's write-ahead log; DuckDB checkpoints it into
#     the file in whichever commit takes the log past 16 MB (wal_autocheckpoint), in the app often an
#     API or webhook write. The bench runs CHECKPOINT after every round, timed as the pass's last step
#     and counted in it ("checkpoint"), so every round pays for checkpointing its own writes (and the
#     deleted rows above); "pass_without_checkpoint" is the pass as reported before, in which the
#     automatic checkpoints fell into one step or another and the per-step medians mostly left them out.
#   - the forecasts' hourly values (since 2026-11-30 09:00, dev.byocfleet.analysis.CapacityHours): the
#     forecasts keep every capacity series' hourly values of the window in memory and read only the
#     hours that are new or changed. Until 2026-11-30 15:00 every refresh found the changed hours by a
#     per-hour fingerprint of the whole window (one aggregation of its rows by hour); on the embedded
#     store the writers of the snapshot table (the hourly rollup, the demo generator, the evaluation)
#     now report the hours they change (dev.byocfleet.metrics.SnapshotChanges) and the fingerprint of
#     the whole window is taken once a day, after a start and after a write of unknown extent.
#     Forecasting the same hour again would read no hour at all, so every timed round first forgets the
#     newest refresh-hours (6) hours: it reads what the app's refresh reads six hours after the one
#     before. "forecast_verified" times the refresh that fingerprints the whole window too, in rounds
#     of its own after the others ("pass_verified": the pass with that refresh). The untimed first
#     round reads the whole window (the app's first refresh after a start does too): "first_round".
#   bench/scoring.sh [--seed N] [--repeat N] [--concurrency N] [--requests N] [--keep] [--no-build] [--preset tiny]
#                    [--store FILE]  (copy an already generated seed store instead of generating one)
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=42
REPEAT=5
CONCURRENCY=4
REQUESTS=300
KEEP=0
BUILD=1
PRESET=seed # --preset tiny: a quick dry run of the script, not a result
STORE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) SEED="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --preset) PRESET="$2"; shift 2 ;;
    --store) STORE="$2"; shift 2 ;;
    *) echo "usage: bench/scoring.sh [--seed N] [--repeat N] [--concurrency N] [--requests N] [--keep] [--no-build]" >&2; exit 2 ;;
  esac
done

[ "$BUILD" = 1 ] && ./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
. bench/lib.sh
bench_begin scoring
END=$(date -u +%Y-%m-%dT%H:00)
GIT_COMMIT=$(jar_commit)

if [ -n "$STORE" ]; then
  # a copy, so the original is never touched; its generation figures are not re-measured
  echo "== copying the generated store $STORE into $WORK"
  rm -rf "$WORK"; mkdir -p "$WORK"
  cp "$STORE" "$WORK/byoc-fleet.duckdb"
  GEN_WALL_MS=0; GEN_PEAK_KB=0
  echo '{"preset":"seed (copied from --store, not generated in this run)"}' > "$WORK/generate.json"
else
  echo "== generating $PRESET (seed $SEED, end $END) into $WORK"
  generate_seed "$WORK" "$SEED" "$END" "$PRESET"
fi
export BYOC_DATA_DIR="$WORK"
mkdir -p "$WORK/out"

echo "== the pass alone: scores the recent history afresh, then $REPEAT timed rounds, and one back-test"
timed_java "$WORK/out/pass.time" -Xmx8g -jar target/byoc-fleet.jar score --only pass --forecast --reset --backtest \
  --repeat "$REPEAT" --out "$WORK/out/pass.json" >/dev/null
echo "== the bare aggregations alone ($REPEAT rounds)"
timed_java "$WORK/out/bare.time" -Xmx8g -jar target/byoc-fleet.jar score --only bare --forecast \
  --repeat "$REPEAT" --out "$WORK/out/bare.json" >/dev/null
echo "== pass against bare aggregations, alternating in one process ($REPEAT rounds)"
timed_java "$WORK/out/both.time" -Xmx8g -jar target/byoc-fleet.jar score --forecast \
  --repeat "$REPEAT" --out "$WORK/out/both.json" >/dev/null

serve_store "$WORK" "$WORK/out/app.log"
"$JAVA" bench/ApiBench.java --suite scoring --base "http://127.0.0.1:$PORT" --email bench@localhost --password "$PASSWORD" \
  --concurrency "$CONCURRENCY" --requests "$REQUESTS" --out "$WORK/out/api"
APP_RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

node - "$WORK" "$STAMP" "$SEED" "$GEN_WALL_MS" "$GEN_PEAK_KB" "$APP_RSS_KB" "$LOAD_BEFORE" "$LOAD_AFTER" "$GIT_COMMIT" <<'JS'
const fs = require('fs');
const os = require('os');
const [work, stamp, seed, genMs, genKb, appKb, loadBefore, loadAfter, gitCommit] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(`${work}/out/${f}`));
const peakMb = (f) => Math.round(Number(fs.readFileSync(`${work}/out/${f}`, 'utf8')
  .match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1] ?? 0) / 1024);
const gen = JSON.parse(fs.readFileSync(`${work}/generate.json`)), pass = read('pass.json'), bare = read('bare.json');
const both = read('both.json'), api = read('api.json');
const backtest = pass.backtest;
const rss = { pass_mb: peakMb('pass.time'), bare_mb: peakMb('bare.time'), both_mb: peakMb('both.time') };
rss.pass_vs_bare = rss.bare_mb ? Number((rss.pass_mb / rss.bare_mb).toFixed(3)) : null;
const result = {
  benchmark: 'scoring', timestamp: stamp, git_commit: gitCommit, seed: Number(seed), preset: gen.preset,
  machine: { cpus: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30) },
  load_average: { before: loadBefore, after: loadAfter },
  generate: { wall_ms: Number(genMs), peak_rss_mb: Math.round(Number(genKb) / 1024) },
  as_of: both.as_of, clusters: both.clusters, rows: both.rows, repeat: both.repeat,
  alternating: { medians_ms: both.medians, ratios: both.ratios, millis: both.millis,
                 cpu_medians_ms: both.cpu_medians, cpu_ratios: both.cpu_ratios, cpu_millis: both.cpu_millis },
  first_round: { millis: both.first_round_millis, cpu_millis: both.first_round_cpu_millis },
  pass_alone: { medians_ms: pass.medians, history_hours_filled: pass.history_hours_filled,
                history_ms: pass.history_millis },
  bare_alone: { medians_ms: bare.medians },
  peak_rss: rss,
  backtest: backtest ? { overall: backtest.overall, by_metric: backtest.by_metric, millis: backtest.millis } : null,
  api: { ...api, server_rss_mb_after: Math.round(Number(appKb) / 1024) },
  targets: { pass_vs_bare_same_rows: 1.5, api_p95_ms: 50 },
  notes: 'Every round stores the same hour again, replacing (deleting) the ~23,000 score, forecast and risk rows the '
    + 'round before stored, and ends with a timed CHECKPOINT counted in the pass (pass_without_checkpoint: as reported '
    + 'before). The app\'s hourly pass writes a new hour of scores and risk beside the earlier ones and refreshes '
    + 'forecasts every sixth hour, deleting then the run older than keep-days: a round measures the hour with a '
    + 'forecast refresh plus ~6,700 deleted rows production does not delete. See the header of bench/scoring.sh.',

};
const m = both.medians, r = both.ratios, f = (v) => (v == null ? '—' : Number(v).toLocaleString('en'));
const cm = both.cpu_medians ?? {}, cr = both.cpu_ratios ?? {};
const worstP95 = Math.max(...Object.values(api.routers).map((x) => x.p95_ms));
const md = `# Scoring benchmark ${stamp}

${gen.preset} preset (seed ${seed}): ${f(both.clusters)} clusters scored as of ${both.as_of}; git ${gitCommit}; ${os.cpus().length} cores, load average ${loadBefore} before, ${loadAfter} after.
Medians of ${both.repeat} rounds, the pass and its baseline alternating in one process (\`score --forecast\`).

| step | median ms | snapshot rows read | baseline (bare aggregation, same rows) | ratio | CPU ms (process), ours / baseline | CPU ratio |
|---|---|---|---|---|---|---|
| health scores (24 h window) | ${f(m.score)} | ${f(both.rows.score_window)} | ${f(m.bare_score_window)} | ${r.score_vs_bare_score_window} | ${f(cm.score)} / ${f(cm.bare_score_window)} | ${cr.score_vs_bare_score_window ?? '—'} |
| capacity forecasts (${both.rows.forecast_window ? 'lookback' : '—'}) | ${f(m.forecast)} | ${f(both.rows.forecast_window)} | ${f(m.bare_forecast_window)} | ${r.forecast_vs_bare_forecast_window} | ${f(cm.forecast)} / ${f(cm.bare_forecast_window)} | ${cr.forecast_vs_bare_forecast_window ?? '—'} |
| risk | ${f(m.risk)} | (the pass's scores and breaches from memory) | | | ${f(cm.risk)} | |
| checkpoint (CHECKPOINT of the round's writes) | ${f(m.checkpoint)} | | | | ${f(cm.checkpoint)} | |
| **full pass** (scores + forecasts + risk + checkpoint) | **${f(m.pass)}** | | ${f(m.bare_score_window + m.bare_forecast_window)} | **${r.pass_vs_bare_same_rows}** (target ≤ 1.5) | ${f(cm.pass)} / ${f(cm.bare_score_window + cm.bare_forecast_window)} | ${cr.pass_vs_bare_same_rows ?? '—'} |
| full pass with the forecasts' whole-window fingerprint (the app's refresh once a day, after a start or an unreported write) | ${f(m.pass_verified)} | | ${f(m.bare_score_window + m.bare_forecast_window)} | ${r.pass_verified_vs_bare_same_rows ?? '—'} | forecasts ${f(cm.forecast_verified)} | |
| full pass without the checkpoint (as reported before 2026-11-30 06:00) | ${f(m.pass_without_checkpoint)} | | ${f(m.bare_score_window + m.bare_forecast_window)} | ${r.pass_without_checkpoint_vs_bare_same_rows} | ${f(cm.pass_without_checkpoint)} / ${f(cm.bare_score_window + cm.bare_forecast_window)} | ${cr.pass_without_checkpoint_vs_bare_same_rows ?? '—'} |
| full pass vs a bare 7-day aggregation | | ${f(both.rows['7d'])} | ${f(m.bare_7d)} | ${r.pass_vs_bare_7d} | ${f(cm.pass)} / ${f(cm.bare_7d)} | ${cr.pass_vs_bare_7d ?? '—'} |

Every round stores the same hour again (deleting the ~23,000 rows the round before stored) and ends with a timed CHECKPOINT; the app's hourly pass writes a new hour beside the others and forecasts every sixth hour: see the header of bench/scoring.sh.
The forecasts keep the fleet's hourly capacity values in memory between refreshes and read only the hours that are new or changed (on the embedded store, the hours the snapshot table's writers report; the whole window's per-hour fingerprint once a day: forecasts ${f(m.forecast_verified)} ms with it, ${f(m.forecast)} ms without); every timed round forgets the newest refresh-hours (6) hours first, so it reads what the app's refresh reads six hours after the one before. The untimed first round reads the whole window, as the app's first refresh after a start does: forecasts ${f(both.first_round_millis?.forecast)} ms (CPU ${f(both.first_round_cpu_millis?.forecast)} ms) in that round.

CPU ms: the process's CPU time during each step (every thread, DuckDB's too), median of the same rounds; waiting for a core on the shared machine does not inflate it as it does wall time.

| peak RSS (each side alone, own JVM, -Xmx8g) | MB |
|---|---|
| pass (also scores ${pass.history_hours_filled} history hours in ${f(pass.history_millis)} ms, and one back-test) | ${rss.pass_mb} |
| bare aggregations | ${rss.bare_mb} |
| pass / bare | ${rss.pass_vs_bare} |

Back-test: ${backtest ? `hit rate ${backtest.overall.hit_rate}, MAE ${backtest.overall.mae_days} days, ${backtest.overall.actual_breaches} actual breaches, ${backtest.overall.false_alarms} false alarms, ${f(backtest.millis)} ms` : 'not run'}.

## API under load (${api.concurrency} in flight, ${api.requests_per_route} requests per route, ${api.requests_per_s.toFixed(0)} requests/s; worst router p95 ${worstP95.toFixed(1)} ms, target < 50 ms)

${fs.readFileSync(`${work}/out/api.md`, 'utf8')}
${Number(genMs) ? `Seed generation: ${(Number(genMs) / 1000).toFixed(1)} s, peak RSS ${result.generate.peak_rss_mb} MB.` : 'Seed store copied (--store), not generated in this run.'} Server RSS after the load: ${result.api.server_rss_mb_after} MB.
`;
fs.writeFileSync(`bench/results/scoring-${stamp}.json`, JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(`bench/results/scoring-${stamp}.md`, md);
fs.writeFileSync('bench/results/latest-scoring.json', JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync('bench/results/latest-scoring.md', md);
console.log(md);
JS
