package dev.byocfleet.security;

import dev.byocfleet.reliability.ReliabilityAppTestBase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on the web app and the API, CORS closed by default, and /mcp's Origin check. */
class WebSecurityIT extends ReliabilityAppTestBase {

    private static final String INITIALIZE = """
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25",
             "capabilities": {}, "clientInfo": {"name": "origin-check", "version": "1"}}}""";

    @Test
    void theWebAppAndTheApiSendTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/issues/42", "/api/fleet/summary", "/api/webhooks/alertmanager"}) {
            // the webhook route is answered ahead of the security chains, by its own endpoint
            HttpResponse<String> r = path.startsWith("/api/webhooks/")
                    ? send("POST", path, Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8))
                    : send("GET", path, Map.of(), null);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "script-src 'self'",
                            "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-eval"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void corsIsClosedToOtherOrigins() throws Exception {
        String token = adminToken();
        HttpResponse<String> preflight = send("OPTIONS", "/api/fleet/summary", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"), null);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
        HttpResponse<String> read = send("GET", "/api/fleet/summary", Map.of("Origin", "https://evil.example",
                "Authorization", "Bearer " + token), null);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        HttpResponse<String> webhook = send("OPTIONS", "/api/webhooks/alertmanager", Map.of("Origin",
                "https://evil.example", "Access-Control-Request-Method", "POST"), null);
        assertThat(webhook.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void mcpRefusesForeignOriginsWith403AndAcceptsNoOriginAndConfiguredOnes() throws Exception {
        String token = adminToken();
        for (String foreign : new String[] {"https://evil.example", "null", "http://localhost:" + port,
                "http://127.0.0.1:" + port, ALLOWED_ORIGIN + ".evil.example"}) {
            HttpResponse<String> r = initialize(token, foreign);
            assertThat(r.statusCode()).as(foreign).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).contains("Origin");
        }
        // refused before authentication: a foreign page learns nothing, with or without a token
        assertThat(initialize(null, "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(initialize(token, null).statusCode()).isEqualTo(200);
        assertThat(initialize(token, ALLOWED_ORIGIN).statusCode()).isEqualTo(200);
        assertThat(initialize(token, ALLOWED_ORIGIN.toUpperCase() + "/").statusCode()).isEqualTo(200);
        assertThat(initialize(null, ALLOWED_ORIGIN).statusCode()).isEqualTo(401);
    }

    @Test
    void mcpAnswersMalformedMessagesWith400AndAJsonRpcError() throws Exception {
        String token = adminToken();
        for (String body : new String[] {"{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
                + "{\"protocolVersion\": \"2025-11-25\", \"capabilities\": [], \"clientInfo\": {\"name\": \"x\", \"version\": \"1\"}}}",
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\"}", "{\"jsonrpc\": \"\", \"id\": 1, \"method\": \"x\"}",
                "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": {\"protocolVersion\": \"2025-11-25\", "
                        + "\"capabilities\": {}, \"clientInfo\": \"me\"}}", "[1]", "{\"a\": 1} trailing"}) {
            Map<String, String> h = new LinkedHashMap<>(Map.of("Content-Type", "application/json",
                    "Accept", "application/json, text/event-stream", "Authorization", "Bearer " + token));
            HttpResponse<String> r = send("POST", "/mcp", h, body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).at("/error/code").asInt()).as(body).isIn(-32700, -32600, -32602);
        }
    }

    private HttpResponse<String> initialize(String token, String origin) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json, text/event-stream");
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            h.put("Origin", origin);
        }
        return send("POST", "/mcp", h, INITIALIZE.getBytes(StandardCharsets.UTF_8));
    }
}
