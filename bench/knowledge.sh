#!/usr/bin/env bash
# Knowledge Lake benchmark (run by hand, never by the test suite):
#   1. makes N documents from the starter corpus (deterministic variations, default 10,000),
#   2. times embedding their passages alone (baseline) and building the Lucene index from them
#      (embedding + BM25 + HNSW vectors, persisted in a folder), then reopening that index,
#   3. times searches of the 88 labelled evaluation queries: BM25 alone (baseline), vectors alone,
#      hybrid, and hybrid filtered by kind and version; p50/p95/p99 wall time and CPU per search.
# Results: bench/results/knowledge-<UTC timestamp>.{json,md} and latest-knowledge.{json,md}.
#   bench/knowledge.sh [--docs N] [--seed N] [--rounds N] [--reuse-index] [--no-embed-baseline]
# The index stays in bench/work/knowledge/index with a manifest (documents, seed, corpus hash, model,
# chunker, layout, build figures). --reuse-index skips step 2 and searches that index when the manifest
# matches (refused otherwise), reporting the build figures of the run that built it.
# --no-embed-baseline builds without the embedding-alone baseline (half the build time).
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=10000
SEED=42
ROUNDS=5
REUSE=""
BASELINE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) DOCS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --reuse-index) REUSE="--reuse-index"; shift ;;
    --no-embed-baseline) BASELINE="--no-embed-baseline"; shift ;;
    *) echo "usage: bench/knowledge.sh [--docs N] [--seed N] [--rounds N] [--reuse-index] [--no-embed-baseline]" >&2
       exit 2 ;;
  esac
done

./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
WORK=bench/work/knowledge
if [ -n "$REUSE" ]; then
  rm -f "$WORK/result.json" "$WORK/stderr.log"
else
  rm -rf "$WORK"
fi
mkdir -p "$WORK" bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
QUERIES=src/test/resources/knowledge/eval/queries.jsonl,src/test/resources/knowledge/eval/held-out-queries.jsonl

echo "== knowledge index at $DOCS documents (seed $SEED, $ROUNDS rounds of searches${REUSE:+, reusing the index})"
# jdk.incubator.vector lets Lucene use SIMD for vector distances, as a production JVM should.
"$JAVA" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx4g -jar target/byoc-fleet.jar \
  bench-knowledge --docs "$DOCS" --seed "$SEED" --rounds "$ROUNDS" --queries "$QUERIES" \
  --index-dir "$WORK/index" --out "$WORK/result.json" --run-id "$STAMP" $REUSE $BASELINE \
  >/dev/null 2>"$WORK/stderr.log" || { tail -n 5 "$WORK/stderr.log" >&2; exit 1; }
INDEX_BYTES=$(du -sb "$WORK/index" | cut -f1)

node - "$WORK/result.json" "$INDEX_BYTES" "$STAMP" "$SEED" <<'JS'
const fs = require('fs');
const [file, indexBytes, stamp, seed] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(file));
const commit = require('child_process').execSync('git rev-parse --short HEAD').toString().trim();
const result = { benchmark: 'knowledge', timestamp: stamp, commit, seed: Number(seed),
  machine: { cpus: r.cpus, memory_gb: Math.round(require('os').totalmem() / 2**30),
             load_average_1m: r.load_average.map(l => Number(l.toFixed(2))) },
  documents: r.documents, passages: r.passages, index_mb: Number((indexBytes / 2**20).toFixed(1)),
  build: { built_by_run: r.built_by_run, index_reused: r.index_reused, index_ms: r.build_millis,
           embed_only_ms: r.embed_only_millis,
           index_over_embed: r.build_over_embed == null ? null : Number(r.build_over_embed.toFixed(3)),
           reopen_ms: r.reopen_millis },
  search: Object.fromEntries(Object.entries(r.search).map(([k, v]) => [k, {
    samples: v.samples, p50_ms: +v.p50.toFixed(2), p95_ms: +v.p95.toFixed(2), p99_ms: +v.p99.toFixed(2),
    mean_ms: +v.mean.toFixed(2), cpu_ms_per_search: +v.cpu_ms_per_search.toFixed(2) }])),
  hybrid_p95_over_bm25_p95: Number(r.hybrid_p95_over_bm25_p95.toFixed(2)),
  target: { search_p95_ms: 20, hybrid_within_target: r.search.hybrid.p95 < 20 } };
const rows = Object.entries(result.search).map(([k, v]) =>
  `| ${k} | ${v.samples} | ${v.p50_ms} | ${v.p95_ms} | ${v.p99_ms} | ${v.cpu_ms_per_search} |`).join('\n');
const from = r.index_reused ? ` (from run ${r.built_by_run}; this run reused its index)` : '';
const md = `# Knowledge benchmark ${stamp}

${result.documents.toLocaleString('en')} documents (${result.passages.toLocaleString('en')} passages) made from the starter corpus, seed ${seed}, at ${commit}; ${result.machine.cpus} CPUs, load average ${result.machine.load_average_1m.join(' → ')} (1 min, before → after).

| measure | value |
|---|---|
| index build (embedding + Lucene, persisted) | ${(r.build_millis / 1000).toFixed(1)} s${from} |
| embedding the same passages alone (baseline) | ${r.embed_only_millis == null ? 'not measured' : (r.embed_only_millis / 1000).toFixed(1) + ' s' + from} |
| build / embedding alone | ${result.build.index_over_embed ?? 'n/a'} |
| reopen the persisted index and read its revisions | ${r.reopen_millis} ms |
| index on disk | ${result.index_mb} MB |
| hybrid p95 / BM25 p95 | ${result.hybrid_p95_over_bm25_p95} |
| hybrid p95 under the 20 ms target | ${result.target.hybrid_within_target ? 'met' : 'MISSED'} |

Searches: cold ones forget the cached query vectors first (as the first search of a text); \`hybrid_warm\` finds its
query vector cached (a repeated search); \`query_embedding\` is the query embedding alone. The target is judged on cold hybrid.

| search (top 5) | samples | p50 ms | p95 ms | p99 ms | CPU ms per search |
|---|---|---|---|---|---|
${rows}
`;
fs.writeFileSync(`bench/results/knowledge-${stamp}.json`, JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(`bench/results/knowledge-${stamp}.md`, md);
fs.writeFileSync('bench/results/latest-knowledge.json', JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync('bench/results/latest-knowledge.md', md);
console.log(md);
JS
