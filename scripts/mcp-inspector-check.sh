#!/usr/bin/env bash
# Checks the MCP server with the official MCP Inspector CLI, the way a real client sees it:
#   1. starts target/byoc-fleet.jar on a free port with the tiny demo fleet in a temporary data folder,
#   2. runs `tools/list` and one `tools/call` (knowledge_search) through @modelcontextprotocol/inspector
#      (pinned; 0.15.0 is the newest that runs on Node 20) over Streamable HTTP at /mcp,
#   3. checks the answers and stops the app (only the process it started).
# Needs: a JDK >= 21 (found by ./byoc), Node 20 with npx, network access to the npm registry (or
# MCP_INSPECTOR pointing at an installed inspector CLI). Builds the jar when it is missing
# (SKIP_WEB=true skips the web app in that build).
#   scripts/mcp-inspector-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

INSPECTOR_VERSION=0.15.0
INSPECTOR=${MCP_INSPECTOR:-"npx -y @modelcontextprotocol/inspector@${INSPECTOR_VERSION}"}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-300}
EXPECTED_TOOLS=(fleet_overview fleet_clusters cluster_profile cluster_metrics knowledge_search knowledge_get
                sql_query schema_overview table_overview)

command -v node >/dev/null || { echo "mcp-inspector-check: node (20+) is needed" >&2; exit 3; }
JAVA="$(./byoc java-home)/bin/java"
if [ ! -f target/byoc-fleet.jar ]; then
  echo "== building target/byoc-fleet.jar"
  mvn -B -q -DskipTests -Dskip.web="${SKIP_WEB:-false}" package
fi

WORK=$(mktemp -d -t byoc-mcp-check-XXXXXX)
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting the app on port $PORT (BYOC_DEMO_PRESET=tiny, data in $WORK)"
BYOC_DATA_DIR="$WORK/data" BYOC_DEMO_PRESET=tiny SERVER_PORT="$PORT" DJL_CACHE_DIR="${DJL_CACHE_DIR:-$WORK/djl}" \
  "$JAVA" --enable-native-access=ALL-UNNAMED -jar target/byoc-fleet.jar serve >"$WORK/app.log" 2>&1 &
APP_PID=$!
deadline=$((SECONDS + STARTUP_TIMEOUT))
# wait_for URL PATTERN WHAT: polls URL until its body holds PATTERN, while the app lives and time is left.
wait_for() {
  until curl -fsS "$1" 2>/dev/null | grep -q "$2"; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "mcp-inspector-check: $3; last log lines:" >&2
      tail -n 40 "$WORK/app.log" >&2
      exit 1
    fi
    sleep 2
  done
}
wait_for "http://127.0.0.1:$PORT/actuator/health" '"UP"' "the app did not come up"
# The knowledge index is built in the background after start-up; the search below needs it.
wait_for "http://127.0.0.1:$PORT/api/knowledge?limit=1" '"index_synced":true' \
  "the knowledge index did not finish its start-up sync"
URL="http://127.0.0.1:$PORT/mcp"

echo "== tools/list"
$INSPECTOR --cli "$URL" --transport http --method tools/list >"$WORK/tools.json"
node - "$WORK/tools.json" "${EXPECTED_TOOLS[@]}" <<'JS'
const fs = require('fs');
const [file, ...expected] = process.argv.slice(2);
const tools = JSON.parse(fs.readFileSync(file, 'utf8')).tools;
const names = tools.map(t => t.name);
const missing = expected.filter(n => !names.includes(n));
const writable = tools.filter(t => !(t.annotations && t.annotations.readOnlyHint === true)).map(t => t.name);
if (missing.length || writable.length) {
  console.error(`missing tools: ${missing.join(', ') || 'none'}; tools without readOnlyHint: ${writable.join(', ') || 'none'}`);
  process.exit(1);
}
console.log(`${names.length} tools, all read-only: ${names.join(', ')}`);
JS

echo "== tools/call knowledge_search"
$INSPECTOR --cli "$URL" --transport http --method tools/call --tool-name knowledge_search \
  --tool-arg "query=loads fail with too many versions" --tool-arg limit=3 >"$WORK/call.json"
node - "$WORK/call.json" <<'JS'
const fs = require('fs');
const result = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const text = (result.content || []).map(c => c.text || '').join('');
const hits = result.structuredContent ? result.structuredContent.hits : JSON.parse(text).hits;
if (result.isError || !hits || !hits.some(h => h.doc_id === 'sr-ki-002')) {
  console.error('unexpected tools/call result: ' + JSON.stringify(result).slice(0, 2000));
  process.exit(1);
}
console.log(`knowledge_search answered ${hits.length} hits: ${hits.map(h => h.doc_id).join(', ')}`);
JS
echo "mcp-inspector-check: OK"
