#!/usr/bin/env bash
# Checks the MCP server with the official MCP Inspector CLI, the way a real client sees it:
#   1. starts target/byoc-fleet.jar on a free port with the tiny demo fleet in a temporary data folder
#      and a first admin (BYOC_ADMIN_EMAIL / BYOC_ADMIN_PASSWORD, a fresh random password),
#   2. signs in (POST /api/auth/login) for a bearer token and checks that /mcp refuses a request without one,
#   3. runs `tools/list` and one `tools/call` (knowledge_search) through @modelcontextprotocol/inspector
#      (pinned; 0.15.0 is the newest that runs on Node 20) over Streamable HTTP at /mcp,
#   4. checks the answers and stops what it started (only those processes).
# The 0.15.0 CLI cannot send headers (no --header option, its HTTP transport takes no request
# options), so it talks to a small local forwarder that adds "Authorization: Bearer <token>" to
# every request and streams the answers back unchanged.
# Needs: a JDK >= 21 (found by ./byoc), Node 20 with npx, network access to the npm registry (or
# MCP_INSPECTOR pointing at an installed inspector CLI). Builds the jar when it is missing
# (SKIP_WEB=true skips the web app in that build).
#   scripts/mcp-inspector-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

INSPECTOR_VERSION=0.15.0
INSPECTOR=${MCP_INSPECTOR:-"npx -y @modelcontextprotocol/inspector@${INSPECTOR_VERSION}"}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-300}
EXPECTED_TOOLS=(fleet_overview fleet_clusters cluster_profile cluster_metrics cluster_health fleet_risk cluster_risk
                cluster_alerts knowledge_search knowledge_get sql_query schema_overview table_overview)

command -v node >/dev/null || { echo "mcp-inspector-check: node (20+) is needed" >&2; exit 3; }
JAVA="$(./byoc java-home)/bin/java"
if [ ! -f target/byoc-fleet.jar ]; then
  echo "== building target/byoc-fleet.jar"
  mvn -B -q -DskipTests -Dskip.web="${SKIP_WEB:-false}" package
fi

WORK=$(mktemp -d -t byoc-mcp-check-XXXXXX)
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
PORT=$(free_port)
ADMIN_EMAIL="mcp-check@localhost"
ADMIN_PASSWORD="mcp-check-$(node -e "console.log(require('crypto').randomBytes(18).toString('base64url'))")"
APP_PID=""
FORWARDER_PID=""
# stop PID: TERM, up to 30 s, then KILL; only processes this script started.
stop() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$1" 2>/dev/null || break; sleep 1; done
    kill -9 "$1" 2>/dev/null || true
  fi
}
cleanup() {
  stop "$FORWARDER_PID"
  stop "$APP_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting the app on port $PORT (BYOC_DEMO_PRESET=tiny, data in $WORK)"
BYOC_DATA_DIR="$WORK/data" BYOC_DEMO_PRESET=tiny SERVER_PORT="$PORT" DJL_CACHE_DIR="${DJL_CACHE_DIR:-$WORK/djl}" \
  BYOC_ADMIN_EMAIL="$ADMIN_EMAIL" BYOC_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$JAVA" --enable-native-access=ALL-UNNAMED -jar target/byoc-fleet.jar serve >"$WORK/app.log" 2>&1 &
APP_PID=$!
deadline=$((SECONDS + STARTUP_TIMEOUT))
# wait_for URL PATTERN WHAT [CURL_ARGS...]: polls URL until its body holds PATTERN, while the app lives and time is left.
wait_for() {
  until curl -fsS "${@:4}" "$1" 2>/dev/null | grep -q "$2"; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "mcp-inspector-check: $3; last log lines:" >&2
      tail -n 40 "$WORK/app.log" >&2
      exit 1
    fi
    sleep 2
  done
}
wait_for "http://127.0.0.1:$PORT/actuator/health" '"UP"' "the app did not come up"

echo "== signing in as $ADMIN_EMAIL"
# The password reaches curl through the environment and stdin, never a command line.
TOKEN=$(CHECK_EMAIL="$ADMIN_EMAIL" CHECK_PASSWORD="$ADMIN_PASSWORD" \
          node -e 'console.log(JSON.stringify({email: process.env.CHECK_EMAIL, password: process.env.CHECK_PASSWORD}))' \
        | curl -fsS -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$PORT/api/auth/login" \
        | node -e 'const a = JSON.parse(require("fs").readFileSync(0, "utf8")); if (!a.access_token) process.exit(1); console.log(a.access_token)') \
  || { echo "mcp-inspector-check: signing in failed; last log lines:" >&2; tail -n 40 "$WORK/app.log" >&2; exit 1; }
AUTH_HEADER="Authorization: Bearer $TOKEN"

# The knowledge index is built in the background after start-up; the search below needs it.
wait_for "http://127.0.0.1:$PORT/api/knowledge?limit=1" '"index_synced":true' \
  "the knowledge index did not finish its start-up sync" -H "$AUTH_HEADER"

echo "== /mcp without a token is refused"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  -H 'Accept: application/json, text/event-stream' --data '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' \
  "http://127.0.0.1:$PORT/mcp")
if [ "$status" != "401" ]; then
  echo "mcp-inspector-check: /mcp without a token answered $status, expected 401" >&2
  exit 1
fi

# The forwarder: every request to 127.0.0.1:FORWARD_PORT goes to the app with the bearer token added.
FORWARD_PORT=$(free_port)
BYOC_MCP_TOKEN="$TOKEN" node - "$PORT" "$FORWARD_PORT" >"$WORK/forwarder.log" 2>&1 <<'JS' &
const http = require('http');
const [target, listen] = process.argv.slice(2).map(Number);
http.createServer((req, res) => {
  const headers = { ...req.headers, host: `127.0.0.1:${target}`, authorization: `Bearer ${process.env.BYOC_MCP_TOKEN}` };
  const upstream = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
  req.pipe(upstream);
}).listen(listen, '127.0.0.1', () => console.log(`forwarding ${listen} -> ${target}`));
JS
FORWARDER_PID=$!
until grep -q forwarding "$WORK/forwarder.log" 2>/dev/null; do
  kill -0 "$FORWARDER_PID" 2>/dev/null || { echo "mcp-inspector-check: the forwarder did not start" >&2; cat "$WORK/forwarder.log" >&2; exit 1; }
  sleep 0.2
done
URL="http://127.0.0.1:$FORWARD_PORT/mcp"

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
