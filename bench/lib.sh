# Shared pieces of the benchmark scripts (sourced, not run).

# timed_java TIME_LOG ARGS...: runs the jar's java with ARGS under GNU time (peak RSS into TIME_LOG);
# without /usr/bin/time the peak is recorded as 0.
timed_java() {
  local log="$1"; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$log" "$JAVA" --enable-native-access=ALL-UNNAMED "$@"
  else
    "$JAVA" --enable-native-access=ALL-UNNAMED "$@"
    echo "Maximum resident set size (kbytes): 0" > "$log"
  fi
}

# peak_kb TIME_LOG: the peak RSS GNU time recorded, in kB.
peak_kb() {
  sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"
}

# generate_seed WORK SEED END [PRESET]: generates the seed preset (or PRESET, for a quick dry run of
# a script) into a fresh WORK/byoc-fleet.duckdb (BYOC_DATA_DIR=WORK) and sets GEN_WALL_MS and
# GEN_PEAK_KB; the report is WORK/generate.json.
generate_seed() {
  local work="$1" seed="$2" end="$3" preset="${4:-seed}"
  rm -rf "$work"; mkdir -p "$work"
  local start_ns; start_ns=$(date +%s%N)
  BYOC_DATA_DIR="$work" timed_java "$work/time.log" -Xmx12g -jar target/byoc-fleet.jar \
    generate --preset "$preset" --seed "$seed" --end "$end" --report "$work/generate.json"
  GEN_WALL_MS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  GEN_PEAK_KB=$(peak_kb "$work/time.log")
}

# free_port: a free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# copy_store SRC WORK: a fresh WORK holding a copy of the DuckDB file SRC (the original is never written).
copy_store() {
  local src="$1" work="$2"
  [ -f "$src" ] || { echo "no store at $src: run bench/seed.sh first (it leaves bench/work/byoc-fleet.duckdb)" >&2; exit 3; }
  rm -rf "$work"; mkdir -p "$work/out"
  cp "$src" "$work/byoc-fleet.duckdb"
}

# serve_store WORK LOG [JAVA_OPTS...]: serves BYOC_DATA_DIR=WORK on a free loopback port with every
# schedule off (only the load runs), signed-in as bench@localhost with a fresh password; sets APP_PID,
# PORT and PASSWORD and waits until healthy and until the knowledge index has been built at start-up
# (it embeds the starter documents on a background thread: that would load the cores during a
# measurement, and stopping the app while it runs can crash the JVM in the ONNX runtime).
# The caller stops it (kill "$APP_PID").
serve_store() {
  local work="$1" log="$2"; shift 2
  PORT=$(free_port)
  PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "== serving $work on 127.0.0.1:$PORT (schedules off)"
  BYOC_DATA_DIR="$work" BYOC_DEMO_PRESET=none BYOC_ADMIN_EMAIL=bench@localhost BYOC_ADMIN_PASSWORD="$PASSWORD" \
    SERVER_PORT="$PORT" BYOC_SNAPSHOT_REFRESH_ENABLED=false BYOC_HEALTH_SCHEDULE_ENABLED=false \
    BYOC_ANALYSIS_SCHEDULE_ENABLED=false BYOC_KNOWLEDGE_INDEX_DIR=memory BYOC_LARK_CRON=- \
    "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx4g "$@" -jar target/byoc-fleet.jar serve \
    --server.address=127.0.0.1 --byoc.agents.schedule-enabled=false --byoc.issues.schedule-enabled=false \
    >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 360); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited; log:" >&2; tail -50 "$log" >&2; exit 4; }
    sleep 0.5
  done
  for _ in $(seq 1 600); do
    grep -q "knowledge index: \|knowledge index sync at start-up failed" "$log" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited; log:" >&2; tail -50 "$log" >&2; exit 4; }
    sleep 0.5
  done
  echo "the app did not become healthy with its knowledge index built in 480 s" >&2; exit 4
}

# sign_in: an access token for bench@localhost (after serve_store).
sign_in() {
  curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"bench@localhost\",\"password\":\"$PASSWORD\"}" \
    "http://127.0.0.1:$PORT/api/auth/login" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# jar_commit: the commit a result is labelled with: HEAD, with "+uncommitted" when src/ has changes
# not committed, or "(jar older than its sources)" when a file under src/main, web/src or pom.xml
# changed after target/byoc-fleet.jar was built (as make decides): a --no-build run then measures
# other code than the label says.
jar_commit() {
  local label newer
  label="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo '+uncommitted')"
  if [ ! -f target/byoc-fleet.jar ]; then
    echo "$label (no jar)"; return
  fi
  newer=$(find src/main web/src web/index.html pom.xml -type f -newer target/byoc-fleet.jar -print -quit 2>/dev/null)
  if [ -n "$newer" ]; then
    label="$label (jar older than its sources: $newer changed after it was built)"
  fi
  echo "$label"
}

# machine_facts: JSON of the machine and commit, for a result file.
machine_facts() {
  printf '{"cpus": %s, "memory_gb": %s, "git_commit": "%s", "java": "%s"}' "$(nproc)" \
    "$(awk '/MemTotal/ {printf "%d", $2/1048576 + 0.5}' /proc/meminfo)" "$(jar_commit)" \
    "$("$JAVA" -version 2>&1 | head -1 | sed 's/"/\\"/g')"
}

# prepare_store SRC WORK SCORE: copy_store, then (SCORE=1) scores the fleet as the app would have by
# now — health scores of the last 24 hours, forecasts and risk (`score --reset --forecast`) — so the
# health, risk and breaking-point routes and the Sentinel's cliff trigger have data.
prepare_store() {
  copy_store "$1" "$2"
  if [ "$3" = 1 ]; then
    echo "== scoring the copied store (24 history hours, forecasts, risk)"
    BYOC_DATA_DIR="$2" "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx8g -jar target/byoc-fleet.jar \
      score --only pass --forecast --reset --repeat 1 --out "$2/out/score.json" >"$2/out/score.log" 2>&1
  fi
}

# group_issues: groups the alerts of the last 60 days into issues through the running app
# (POST /api/issues/rebuild), as the alert writer would have while they arrived.
group_issues() {
  local body
  body=$(printf '{"from":"%s","to":"%s"}' "$(date -u -d '-60 days' +%Y-%m-%dT%H:%M:%S)" "$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%S)")
  curl -fsS -X POST -H "Authorization: Bearer $(sign_in)" -H "Content-Type: application/json" -d "$body" \
    "http://127.0.0.1:$PORT/api/issues/rebuild"; echo
}

# jfr_hot FILE.jfr: the 20 most sampled top frames and the 20 most sampled innermost dev.byocfleet
# frames of the JFR execution samples (threads running Java) and native method samples (threads in
# native code: DuckDB's queries, but also idle threads waiting on sockets, which have no
# dev.byocfleet frame; samples of threads waiting on sockets or locks are left out): where the time
# went, and which of our code spent it.
jfr_hot() {
  "$(dirname "$JAVA")/jfr" print --stack-depth 64 --events jdk.ExecutionSample,jdk.NativeMethodSample "$1" | awk '
    /stackTrace = \[/ { inside = 1; top = ""; own = ""; next }
    inside && /^[ \t]*\]/ { inside = 0
      if (top ~ /EPoll\.wait|Net\.accept|Net\.poll|Unsafe\.park|Object\.wait|Thread\.sleep/) { idle++; next }
      n++; if (top != "") t[top]++; o[own == "" ? "(no dev.byocfleet frame)" : own]++; next }
    inside { f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f)
             if (top == "") top = f; if (own == "" && f ~ /^dev\.byocfleet\./) own = f }
    END {
      print n " execution and native method samples (" idle + 0 " more of idle threads waiting on sockets or locks left out)"
      print "top frames:"
      for (k in t) printf "%7d %5.1f%% %s\n", t[k], 100 * t[k] / n, k | "sort -rn | head -20"
      close("sort -rn | head -20"); print "innermost dev.byocfleet frame:"
      for (k in o) printf "%7d %5.1f%% %s\n", o[k], 100 * o[k] / n, k | "sort -rn | head -20"
    }'
}

# Starts a benchmark run: WORK=bench/work/<name>, STAMP, LOAD_BEFORE, APP_PID (empty until
# serve_store sets it) and, on exit, the app stopped and WORK removed unless KEEP=1.
bench_begin() {
  WORK=bench/work/$1
  STAMP=$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p bench/results
  APP_PID=""
  trap bench_cleanup EXIT
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
}

bench_cleanup() {
  if [ -n "${APP_PID:-}" ]; then
    kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 0 ]; then rm -rf "$WORK"; fi
}

# The two webhook benchmarks' targets: our app and a real Alertmanager, both on loopback.
AM_BIN=/usr/bin/prometheus-alertmanager

# require_alertmanager SCRIPT: exits 3 naming the package when Debian's Alertmanager is missing.
require_alertmanager() {
  if [ ! -x "$AM_BIN" ]; then
    echo "$1: $AM_BIN is missing: apt-get install -y prometheus-alertmanager" >&2
    exit 3
  fi
}

# start_webhook_targets WORK [NAME=VALUE ...]: starts the app (tiny demo fleet, data in WORK/data, a
# random webhook token; the arguments are more environment for it) and an Alertmanager whose receiver
# sends nothing (only its intake is measured); sets APP_PORT, AM_PORT, TOKEN, APP_PID and AM_PID.
# Logs: WORK/app.log, WORK/alertmanager.log. Returns once both answer; exits 4 with the log's tail
# when one does not within two minutes. Stop them with stop_webhook_targets.
start_webhook_targets() {
  local work="$1"; shift
  APP_PORT=$(free_port)
  AM_PORT=$(free_port)
  TOKEN="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  echo "== starting the app on 127.0.0.1:$APP_PORT (tiny demo fleet, data in $work/data)"
  env BYOC_DATA_DIR="$work/data" BYOC_DEMO_PRESET=tiny BYOC_WEBHOOK_TOKEN="$TOKEN" SERVER_PORT="$APP_PORT" \
    BYOC_SNAPSHOT_REFRESH_ENABLED=false "$@" \
    "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx2g -jar target/byoc-fleet.jar serve --server.address=127.0.0.1 \
    >"$work/app.log" 2>&1 &
  APP_PID=$!
  printf 'route:\n  receiver: blackhole\n  group_by: [alertname, cluster]\nreceivers:\n  - name: blackhole\n' \
    >"$work/alertmanager.yml"
  echo "== starting Alertmanager on 127.0.0.1:$AM_PORT"
  "$AM_BIN" --config.file="$work/alertmanager.yml" --storage.path="$work/am-data" \
    --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= >"$work/alertmanager.log" 2>&1 &
  AM_PID=$!
  local url log
  for url in "http://127.0.0.1:$AM_PORT/-/ready alertmanager" "http://127.0.0.1:$APP_PORT/actuator/health app"; do
    log="$work/${url#* }.log"; url="${url% *}"
    for _ in $(seq 1 240); do
      curl -fsS -o /dev/null "$url" 2>/dev/null && continue 2
      sleep 0.5
    done
    echo "$url did not answer; log:" >&2; tail -50 "$log" >&2; exit 4
  done
}

# stop_webhook_targets WORK KEEP_LOGS_IN: stops both, keeps their logs in KEEP_LOGS_IN, removes WORK.
stop_webhook_targets() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "${AM_PID:-}" ] && kill "$AM_PID" 2>/dev/null && wait "$AM_PID" 2>/dev/null || true
  mkdir -p "$2" && cp "$1"/*.log "$2/" 2>/dev/null || true
  rm -rf "$1"
}

# cpu_ticks PID: the process's user + system CPU so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# wait_idle PID BELOW MAX_S: waits until PID used under BELOW ticks in each of three seconds in a row,
# at most MAX_S seconds; sets IDLE_WAITED to the seconds it waited.
wait_idle() {
  local quiet=0 last now start; start=$(date +%s); last=$(cpu_ticks "$1")
  for _ in $(seq 1 "$3"); do
    sleep 1; now=$(cpu_ticks "$1")
    if [ $((now - last)) -lt "$2" ]; then quiet=$((quiet + 1)); else quiet=0; fi
    last=$now
    [ "$quiet" -ge 3 ] && break
  done
  IDLE_WAITED=$(( $(date +%s) - start ))
}
