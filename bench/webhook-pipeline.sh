#!/usr/bin/env bash
# Webhook pipeline benchmark (run by hand, never by the test suite): what a webhook alert costs in
# all, not only until its answer. The same fresh alerts go to a real Alertmanager's own intake
# (POST /api/v2/alerts) and to our webhook; each target's process CPU is read from /proc from before
# the first request until the process is idle again (three quiet seconds), so ours includes loading
# the alerts into DuckDB and grouping them into issues, which run after the answers. Reports CPU per
# alert (while sending, after, in all), the time until idle, and ours per thread.
#   bench/webhook-pipeline.sh [--alerts N] [--batch B] [--connections C] [--warmup-alerts N]
# Results: bench/results/webhook-pipeline-<UTC timestamp>.{json,md} and latest-webhook-pipeline.{json,md}.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ALERTS=300000; BATCH=100; CONNECTIONS=3; WARMUP=300000
while [ $# -gt 0 ]; do
  case "$1" in
    --alerts) ALERTS="$2"; shift 2 ;;
    --batch) BATCH="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --warmup-alerts) WARMUP="$2"; shift 2 ;;
    *) echo "usage: bench/webhook-pipeline.sh [--alerts N] [--batch B] [--connections C] [--warmup-alerts N]" >&2; exit 2 ;;
  esac
done
require_alertmanager webhook-pipeline
./byoc build >/dev/null
JAVA="$(./byoc java-home)/bin/java"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/byoc-pipeline-bench.XXXXXX")
APP_PID=""; AM_PID=""
trap 'stop_webhook_targets "$WORK" "bench/work/webhook-pipeline-$STAMP"' EXIT
start_webhook_targets "$WORK"
# idle PID: waits until PID used under 5 ticks in each of three seconds in a row (at most 10 minutes)
idle() { wait_idle "$1" 5 600; }
threads() { python3 - "$1" <<'PY'
import collections, json, os, re, sys
pid = sys.argv[1]; out = collections.Counter()
for t in os.listdir(f'/proc/{pid}/task'):
    try:
        s = open(f'/proc/{pid}/task/{t}/stat').read()
    except OSError:
        continue
    name = re.sub(r'\d+', 'N', s[s.index('(') + 1:s.rindex(')')])
    f = s[s.rindex(')') + 2:].split()
    out[name] += int(f[11]) + int(f[12])
print(json.dumps(out))
PY
}
send() { python3 bench/webhook_pipeline_send.py "$1" "$2" "$TOKEN" "$3" "$BATCH" "$CONNECTIONS" "$4"; }
echo "== waiting until both are idle"; idle "$APP_PID"; idle "$AM_PID"
echo "== warm-up: $WARMUP alerts to each (not counted)"
send ours "$APP_PORT" "$WARMUP" "warm-$STAMP" >/dev/null; send am "$AM_PORT" "$WARMUP" "warm-$STAMP" >/dev/null
idle "$APP_PID"; idle "$AM_PID"
HZ=$(getconf CLK_TCK)
measure() { # target port pid -> one JSON object
  local t0 t1 t2 s0 s1 s2 th0 th1 th2 sent
  th0=$(threads "$3"); t0=$(cpu_ticks "$3"); s0=$(date +%s%N)
  sent=$(send "$1" "$2" "$ALERTS" "run-$STAMP")
  t1=$(cpu_ticks "$3"); s1=$(date +%s%N); th1=$(threads "$3")
  idle "$3"
  t2=$(cpu_ticks "$3"); s2=$(date +%s%N); th2=$(threads "$3")
  python3 - "$1" "$ALERTS" "$HZ" "$t0" "$t1" "$t2" "$s0" "$s1" "$s2" "$sent" "$th0" "$th1" "$th2" <<'PY'
import json, sys
target, alerts, hz, t0, t1, t2, s0, s1, s2 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *map(int, sys.argv[4:10])
sent, th0, th1, th2 = (json.loads(a) for a in sys.argv[10:14])
# a thread that ended after the sending (the journal writer stops after a second with nothing to do)
# is gone from /proc at the end: its figure is what it had used by the end of the sending
th2 = {k: max(th1.get(k, 0), th2.get(k, 0)) for k in set(th1) | set(th2)}
us = lambda ticks: ticks / hz * 1e6 / alerts
threads = {k: round(us(v - th0.get(k, 0)), 2) for k, v in sorted(th2.items(), key=lambda kv: -(kv[1] - th0.get(kv[0], 0)))
           if v - th0.get(k, 0) > 0}
print(json.dumps({'target': target, 'alerts': alerts, 'send_s': round((s1 - s0) / 1e9, 3),
                  'until_idle_s': round((s2 - s0) / 1e9 - 3, 3), 'cpu_us_per_alert_while_sending': round(us(t1 - t0), 2),
                  'cpu_us_per_alert_after': round(us(t2 - t1), 2), 'cpu_us_per_alert': round(us(t2 - t0), 2),
                  'cpu_us_per_alert_without_jit': round(us(t2 - t0) - sum(v for k, v in threads.items() if 'Compiler' in k), 2),
                  'refused_and_retried': sent['refused'], 'errors': sent['errors'], 'threads_us_per_alert': threads}))
PY
}
echo "== timed: $ALERTS alerts in requests of $BATCH over $CONNECTIONS connections, Alertmanager then ours"
AM_JSON=$(measure am "$AM_PORT" "$AM_PID")
OURS_JSON=$(measure ours "$APP_PORT" "$APP_PID")
mkdir -p bench/results
OUT="bench/results/webhook-pipeline-$STAMP"
python3 - "$OUT" "$AM_JSON" "$OURS_JSON" "$STAMP" "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')" \
  "$("$AM_BIN" --version 2>&1 | head -1)" "$BATCH" "$CONNECTIONS" "$WARMUP" <<'PY'
import json, sys
out, am, ours, stamp, git, amv, batch, conns, warm = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), *sys.argv[4:]
ratio = ours['cpu_us_per_alert'] / am['cpu_us_per_alert']
doc = {'benchmark': 'webhook-pipeline', 'timestamp': stamp, 'git': git, 'alertmanager': amv, 'batch': int(batch),
       'connections': int(conns), 'warmup_alerts': int(warm), 'alertmanager_run': am, 'ours_run': ours,
       'ratio_cpu_per_alert': round(ratio, 3),
       'ratio_until_idle': round(ours['until_idle_s'] / am['until_idle_s'], 3)}
open(out + '.json', 'w').write(json.dumps(doc, indent=2) + '\n')
row = lambda r: (f"| {r['target']} | {r['alerts']:,} | {r['send_s']:.1f} | {r['until_idle_s']:.1f} | "
                 f"{r['cpu_us_per_alert_while_sending']:.1f} | {r['cpu_us_per_alert_after']:.1f} | {r['cpu_us_per_alert']:.1f} | "
                 f"{r['cpu_us_per_alert_without_jit']:.1f} | "
                 f"{r['refused_and_retried']} / {r['errors']} |")
top = ', '.join(f'{k} {v}' for k, v in list(ours['threads_us_per_alert'].items())[:8])
md = f"""# Webhook pipeline benchmark {stamp}

What a webhook alert costs in all: the same fresh alerts, in requests of {batch} over {conns} connections, to
Alertmanager's own intake (`POST /api/v2/alerts`, in memory) and to ours (`POST /api/webhooks/alertmanager`:
journaled, answered, then loaded into DuckDB and grouped into issues). Each process's CPU is read from
`/proc` from before the first request until it was idle again (three quiet seconds, not counted in the
time), after {int(warm):,} untimed alerts to each. Git {git}; {amv}.

| target | alerts | sending s | until idle s | CPU µs per alert while sending | after | in all | in all without JIT compiler threads | refused / errors |
|---|---|---|---|---|---|---|---|---|
{row(am)}
{row(ours)}

Ours / Alertmanager: CPU per alert **{ratio:.2f}** ({ours['cpu_us_per_alert_without_jit'] / am['cpu_us_per_alert_without_jit']:.2f} without
JIT compiler threads: Alertmanager is compiled ahead of time, ours still compiles after the warm-up), time
until idle {doc['ratio_until_idle']:.2f}.

Ours per thread (µs of CPU per alert, from `/proc/<pid>/task`; names cut to 15 characters by Linux;
alert-listeners is issue grouping, alert-store-loa the loader into DuckDB, alert-store-wri the journal writer,
ForkJoinPool the request handlers): {top}.
"""
open(out + '.md', 'w').write(md)
print(md)
PY
cp "$OUT.json" bench/results/latest-webhook-pipeline.json
cp "$OUT.md" bench/results/latest-webhook-pipeline.md
echo "== results: $OUT.{json,md}"
