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
