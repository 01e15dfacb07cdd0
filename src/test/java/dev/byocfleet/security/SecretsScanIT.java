package dev.byocfleet.security;

import dev.byocfleet.ingest.Payloads;
import dev.byocfleet.ingest.lark.LarkReplayServer;
import dev.byocfleet.ingest.lark.LarkReplayServer.Reply;
import dev.byocfleet.reliability.LogTee;
import dev.byocfleet.reliability.ReliabilityAppTestBase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full run with every secret set to a known value: sign-in, refresh, users, webhooks (right and
 * wrong credentials that contain the real ones), a Lark pipeline run against the replay server (a
 * good window and one where Lark refuses the token), notification channels with secrets and their
 * test deliveries, an external MCP server with a secret header and a token in its URL, Looker embedding, the OpenAPI
 * document and the actuator (Prometheus with its scrape token). Then the start-up log, the log of
 * the run and every response (headers and body) are searched for each secret, and the stored
 * channel and MCP server rows for the credentials users saved.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsScanIT extends ReliabilityAppTestBase {

    static final String CHANNEL_SECRET = "s3cret-channel-bearer-a0f5c2";
    static final String LARK_BOT_SECRET = "s3cret-lark-bot-sign-77e0d1";
    static final String MCP_HEADER_SECRET = "s3cret-mcp-header-2a9c44";
    static final String MCP_URL_TOKEN = "s3cret-mcp-url-query-5b81e7";

    private final List<String> responses = new ArrayList<>();

    private HttpResponse<String> call(String method, String path, Map<String, String> headers, String body) throws Exception {
        HttpResponse<String> r = send(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        responses.add(method + " " + path + " -> " + r.statusCode() + " " + r.headers().map() + "\n" + r.body());
        return r;
    }

    @Test
    void noSecretAppearsInTheLogOrInAnyResponse(CapturedOutput output) throws Exception {
        LARK.route(LarkReplayServer.TOKEN_PATH, r -> Reply.ok("{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\""
                + LARK_TENANT_TOKEN + "\",\"expire\":7200}"));
        ObjectNode page = (ObjectNode) JSON.readTree(Payloads.bytes("lark/constructed-alert-channel-page.json"));
        ((ObjectNode) page.get("data")).put("has_more", false).remove("page_token");
        LARK.route(LarkReplayServer.MESSAGES_PATH, r -> Reply.ok(page.toString()));
        LARK.route("/hook", r -> Reply.ok("{\"code\":0,\"msg\":\"success\"}"));
        Map<String, String> json = Map.of("Content-Type", "application/json");

        HttpResponse<String> login = call("POST", "/api/auth/login", json,
                JSON.writeValueAsString(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)));
        assertThat(login.statusCode()).isEqualTo(200);
        String token = JSON.readTree(login.body()).get("access_token").asString();
        String refresh = JSON.readTree(login.body()).get("refresh_token").asString();
        call("POST", "/api/auth/login", json, JSON.writeValueAsString(Map.of("email", ADMIN_EMAIL, "password", "x" + ADMIN_PASSWORD)));
        call("POST", "/api/auth/login", json, JSON.writeValueAsString(Map.of("email", ADMIN_PASSWORD, "password", ADMIN_PASSWORD)));
        call("POST", "/api/auth/refresh", json, JSON.writeValueAsString(Map.of("refresh_token", refresh)));
        Map<String, String> admin = new LinkedHashMap<>(json);
        admin.put("Authorization", "Bearer " + token);
        call("GET", "/api/auth/me", admin, null);
        call("GET", "/api/auth/users", admin, null);
        call("GET", "/api/fleet/summary", Map.of("Authorization", "Bearer " + JWT_SECRET), null);

        byte[] am = Payloads.bytes("alertmanager/alertmanager-firing.json");
        assertThat(call("POST", "/api/webhooks/alertmanager", webhookHeaders("alertmanager", am), new String(am, StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        call("POST", "/api/webhooks/alertmanager", Map.of("Content-Type", "application/json", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("alertmanager:" + WEBHOOK_BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8))),
                new String(am, StandardCharsets.UTF_8));
        call("POST", "/api/webhooks/alertmanager", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + WEBHOOK_TOKEN + "-but-longer"), new String(am, StandardCharsets.UTF_8));
        call("POST", "/api/webhooks/alertmanager", Map.of("Content-Type", "application/json",
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(("alertmanager:" + WEBHOOK_TOKEN)
                        .getBytes(StandardCharsets.UTF_8))), new String(am, StandardCharsets.UTF_8));
        byte[] grafana = Payloads.bytes("grafana/grafana-docs-firing.json");
        call("POST", "/api/webhooks/grafana", webhookHeaders("grafana", grafana), new String(grafana, StandardCharsets.UTF_8));
        Map<String, String> badSignature = new LinkedHashMap<>(webhookHeaders("grafana", grafana));
        badSignature.put("X-Grafana-Alerting-Signature", GRAFANA_HMAC_SECRET);
        call("POST", "/api/webhooks/grafana", badSignature, new String(grafana, StandardCharsets.UTF_8));

        HttpResponse<String> run = call("POST", "/api/ingest/lark/runs", admin,
                "{\"from\": \"2026-11-27T00:00:00Z\", \"to\": \"2026-11-28T00:00:00Z\"}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        assertThat(LARK.requests(LarkReplayServer.TOKEN_PATH)).anySatisfy(r -> assertThat(r.body()).contains(LARK_APP_SECRET));
        LARK.route(LarkReplayServer.MESSAGES_PATH, r -> Reply.of(400, "{\"code\":99991663,\"msg\":\"Invalid access token "
                + "for authorization: " + r.authorization() + "\"}"));
        call("POST", "/api/ingest/lark/runs", admin, "{\"from\": \"2026-11-26T00:00:00Z\", \"to\": \"2026-11-27T00:00:00Z\"}");
        call("GET", "/api/ingest/lark/runs", admin, null);

        String webhook = JSON.writeValueAsString(Map.of("name", "ops hook", "kind", "webhook", "auth", "bearer",
                "url", LARK.baseUrl() + "/hook", "secret", CHANNEL_SECRET));
        HttpResponse<String> created = call("POST", "/api/settings/channels", admin, webhook);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String channelId = JSON.readTree(created.body()).get("channel_id").asString();
        String bot = JSON.writeValueAsString(Map.of("name", "ops bot", "kind", "lark_bot",
                "url", LARK.baseUrl() + "/hook", "secret", LARK_BOT_SECRET));
        String botId = JSON.readTree(call("POST", "/api/settings/channels", admin, bot).body()).get("channel_id").asString();
        call("GET", "/api/settings/channels", admin, null);
        call("POST", "/api/settings/channels/" + channelId + "/test", admin, "");
        call("POST", "/api/settings/channels/" + botId + "/test", admin, "");
        assertThat(LARK.requests("/hook")).hasSizeGreaterThanOrEqualTo(2);
        call("PUT", "/api/settings/channels/" + channelId, admin, JSON.writeValueAsString(Map.of("name", "ops hook",
                "kind", "webhook", "auth", "hmac", "url", LARK.baseUrl() + "/hook")));

        // an external MCP server with a secret header; the replay server does not speak MCP, so the probe
        // reports it unreachable, and that reason must not carry the header either
        LARK.route("/mcp", r -> Reply.of(401, "{\"error\":\"unauthorized\"}"));
        // and a token in its URL's query, which answers show masked
        HttpResponse<String> mcp = call("POST", "/api/chat/mcp-servers", admin, JSON.writeValueAsString(Map.of("name", "scan",
                "url", LARK.baseUrl() + "/mcp?key=" + MCP_URL_TOKEN,
                "headers", Map.of("Authorization", "Bearer " + MCP_HEADER_SECRET))));
        assertThat(mcp.statusCode()).as(mcp.body()).isEqualTo(201);
        String shownUrl = JSON.readTree(mcp.body()).get("url").asString();
        assertThat(shownUrl).isEqualTo(LARK.baseUrl() + "/mcp?key=***");
        call("GET", "/api/chat/mcp-servers", admin, null);
        call("GET", "/api/chat/mcp-servers/scan/tools", admin, null);
        call("PUT", "/api/chat/mcp-servers/scan", admin, JSON.writeValueAsString(Map.of("url", shownUrl)));
        call("PUT", "/api/chat/mcp-servers/scan", admin, JSON.writeValueAsString(Map.of("writable", false)));
        call("GET", "/api/chat/mcp-servers/scan/tools", admin, null);
        call("GET", "/api/chat/mcp-servers", admin, null);
        assertThat(LARK.requests("/mcp")).anySatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + MCP_HEADER_SECRET))
                .as("the URL kept its token through both updates").allSatisfy(r -> assertThat(r.query()).containsEntry("key", MCP_URL_TOKEN));
        call("GET", "/actuator/prometheus", Map.of("Authorization", "Bearer " + PROMETHEUS_TOKEN), null);

        call("GET", "/api/looker/config", admin, null);
        call("POST", "/api/looker/embed-url", admin, "{\"dashboard_id\": \"7\"}");
        for (String path : List.of("/api/features", "/api/docs/openapi.json", "/actuator/health", "/actuator/info",
                "/actuator/metrics", "/actuator/prometheus", "/actuator/env", "/actuator/configprops")) {
            call("GET", path, admin, null);
        }

        Map<String, String> secrets = new LinkedHashMap<>(Map.of("admin password", ADMIN_PASSWORD, "JWT secret", JWT_SECRET,
                "webhook token", WEBHOOK_TOKEN, "webhook basic password", WEBHOOK_BASIC_PASSWORD,
                "Grafana HMAC secret", GRAFANA_HMAC_SECRET, "Lark app secret", LARK_APP_SECRET,
                "Lark tenant token", LARK_TENANT_TOKEN, "LLM API key", LLM_API_KEY,
                "Looker embed secret", LOOKER_EMBED_SECRET, "channel secrets", CHANNEL_SECRET + "|" + LARK_BOT_SECRET));
        secrets.put("MCP header secret", MCP_HEADER_SECRET);
        secrets.put("MCP URL query token", MCP_URL_TOKEN);
        secrets.put("Prometheus scrape token", PROMETHEUS_TOKEN);
        secrets.put("secrets key", SECRETS_KEY);
        String log = LogTee.text() + output.getAll();
        assertThat(log).as("the captured log").contains("Started", "lark");
        List<String> leaks = new ArrayList<>();
        for (var secret : secrets.entrySet()) {
            for (String value : secret.getValue().split("\\|")) {
                if (log.contains(value)) {
                    leaks.add(secret.getKey() + " in the log: ..." + around(log, value));
                }
                for (String response : responses) {
                    if (response.contains(value)) {
                        leaks.add(secret.getKey() + " in the response " + response.substring(0, Math.min(120, response.length())));
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();

        // at rest: the credentials users saved are not in the store in plaintext
        String stored = String.join("\n", jdbc.queryForList(
                "SELECT CAST(config AS VARCHAR) FROM alerts.notification_channels", String.class))
                + String.join("\n", jdbc.queryForList("SELECT headers FROM alerts.chat_mcp_servers", String.class))
                + String.join("\n", jdbc.queryForList("SELECT url FROM alerts.chat_mcp_servers", String.class));
        assertThat(stored).contains("enc:v1:").doesNotContain(CHANNEL_SECRET, LARK_BOT_SECRET, MCP_HEADER_SECRET, MCP_URL_TOKEN,
                "/hook", "/mcp");
    }

    private static String around(String text, String value) {
        int at = text.indexOf(value);
        return text.substring(Math.max(0, at - 150), Math.min(text.length(), at + value.length() + 50));
    }
}
