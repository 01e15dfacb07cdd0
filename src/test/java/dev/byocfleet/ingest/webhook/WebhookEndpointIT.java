package dev.byocfleet.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.ingest.Payloads;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The webhooks over real HTTP: what senders see, and that no bad input gets a 5xx or stores anything. */
class WebhookEndpointIT extends WebhookAppTestBase {

    static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
    }

    static String sign(byte[] body, String timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        if (timestamp != null) {
            mac.update((timestamp + ":").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static Map<String, String> signed(byte[] body) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        Map<String, String> h = new HashMap<>(bearer());
        h.put("X-Grafana-Alerting-Timestamp", ts);
        h.put("X-Grafana-Alerting-Signature", sign(body, ts));
        return h;
    }

    @Test
    void theCapturedAlertmanagerRequestIsStoredOnceAndItsRedeliveryAddsNothing() throws Exception {
        Map<String, Object> captured = JsonPath.read(Payloads.text("alertmanager/captured-request-headers.json"),
                "$['alertmanager-truncated-bearer.json'].headers");
        Map<String, String> headers = new HashMap<>();
        captured.forEach((k, v) -> {
            if (!k.equals("Host") && !k.equals("Content-Length")) {
                headers.put(k, v.toString());
            }
        });
        headers.put("Authorization", "Bearer " + TOKEN);
        byte[] body = Payloads.bytes("alertmanager/alertmanager-firing.raw.txt");
        HttpResponse<String> first = post("/api/webhooks/alertmanager", headers, body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JsonPath.<Map<String, Object>>read(first.body(), "$")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "received", 2, "inserted", 2, "duplicates", 0, "unmapped", 0, "truncated_alerts", 0));
        HttpResponse<String> again = post("/api/webhooks/alertmanager", headers, body);
        assertThat(JsonPath.<Integer>read(again.body(), "$.duplicates")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(again.body(), "$.inserted")).isZero();
        assertThat(jdbc.queryForList("SELECT cluster_id FROM alerts.lark_alerts WHERE fingerprint IN "
                + "('ec288b1f7b341c49', 'a82954635e8180b6') AND status = 'firing'", String.class))
                .containsExactly("c-sr01", "c-sr01");
    }

    @Test
    void basicAuthWorksAsWellAsTheToken() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(("alertmanager:" + BASIC_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = post("/api/webhooks/alertmanager", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), Payloads.bytes("alertmanager/demo-tiny-firing.json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(r.body(), "$.received")).isEqualTo(1);
    }

    @Test
    void grafanaTheWorkedExampleSignatureIsAcceptedAndAStaleTimestampIsNot() throws Exception {
        byte[] body = Payloads.bytes("grafana/hmac-example.body.json");
        Map<String, String> bodyOnly = new HashMap<>(bearer());
        bodyOnly.put("X-Grafana-Alerting-Signature", "69a218bfa5c1c0943f4b13a3b14e656d1b4e888389559ce5ea6646ad8e51cf31");
        assertThat(post("/api/webhooks/grafana", bodyOnly, body).statusCode()).isEqualTo(200);
        Map<String, String> stale = new HashMap<>(bearer());
        stale.put("X-Grafana-Alerting-Timestamp", "1764390602");
        stale.put("X-Grafana-Alerting-Signature", "ee742a5910aa76b0fa7763dbd9e93b15d905e4f84155b22e09b407c5fc5e163b");
        HttpResponse<String> r = post("/api/webhooks/grafana", stale, body);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(JsonPath.<String>read(r.body(), "$.detail")).contains("away from our clock");
        HttpResponse<String> unsigned = post("/api/webhooks/grafana", bearer(), body);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(JsonPath.<String>read(unsigned.body(), "$.parameter")).isEqualTo("signature");
        HttpResponse<String> fresh = post("/api/webhooks/grafana", signed(body), body);
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(fresh.body(), "$.duplicates")).isEqualTo(1);
    }

    @Test
    void refusalsAreProblemDetailsWithTheRightStatus() throws Exception {
        byte[] ok = Payloads.bytes("alertmanager/alertmanager-resolved.json");
        HttpResponse<String> noAuth = post("/api/webhooks/alertmanager", Map.of("Content-Type", "application/json"), ok);
        assertThat(noAuth.statusCode()).isEqualTo(401);
        assertThat(noAuth.headers().allValues("WWW-Authenticate")).isNotEmpty();
        assertThat(noAuth.headers().firstValue("Content-Type")).contains("application/problem+json");

        HttpResponse<String> form = post("/api/webhooks/alertmanager", Map.of("Authorization", "Bearer " + TOKEN,
                "Content-Type", "application/x-www-form-urlencoded"), ok);
        assertThat(form.statusCode()).isEqualTo(415);

        byte[] big = ("{\"alerts\":[],\"pad\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> large = post("/api/webhooks/alertmanager", bearer(), big);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(JsonPath.<String>read(large.body(), "$.detail")).contains("1048576 bytes");

        byte[] bad = "{\"alerts\":[{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"},{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"},{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-29T04:30:02Z\"},{\"status\":\"firing\",\"labels\":{}}]}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> shape = post("/api/webhooks/alertmanager", bearer(), bad);
        assertThat(shape.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(shape.body(), "$.parameter")).isEqualTo("alerts[3].startsAt");
        assertThat(JsonPath.<Integer>read(shape.body(), "$.status")).isEqualTo(400);

        assertThat(post("/api/webhooks/nagios", bearer(), ok).statusCode()).isEqualTo(404);
    }

    @Test
    void twoHundredMalformedBodiesPerWebhookGetA4xxAndStoreNothing() throws Exception {
        int before = storedAlerts();
        List<String> failures = new ArrayList<>();
        List<byte[]> am = MalformedBodies.from(Payloads.bytes("alertmanager/alertmanager-firing.json"), "4", List.of(), 200);
        for (byte[] body : am) {
            check(failures, "alertmanager", bearer(), body);
        }
        JsonNodeFactory n = JsonNodeFactory.instance;
        List<Map.Entry<String, List<JsonNode>>> grafanaFields = List.of(
                Map.entry("values", List.of(n.arrayNode(), n.stringNode("A=1"), n.numberNode(1),
                        n.objectNode().put("A", "1"), n.objectNode().put("A", true))),
                Map.entry("orgId", List.of(n.stringNode("1"), n.numberNode(-1), n.numberNode(1.5))),
                Map.entry("dashboardURL", List.of(n.numberNode(1), n.objectNode())),
                Map.entry("panelURL", List.of(n.arrayNode())),
                Map.entry("silenceURL", List.of(n.booleanNode(true))),
                Map.entry("valueString", List.of(n.numberNode(1))));
        List<byte[]> grafana = MalformedBodies.from(Payloads.bytes("grafana/derived-grafana-resolved.json"), "1",
                grafanaFields, 200);
        for (byte[] body : grafana) {
            check(failures, "grafana", signed(body), body);
        }
        assertThat(am).hasSizeGreaterThanOrEqualTo(200);
        assertThat(grafana).hasSizeGreaterThanOrEqualTo(200);
        assertThat(failures).isEmpty();
        assertThat(storedAlerts()).isEqualTo(before);
    }

    private void check(List<String> failures, String source, Map<String, String> headers, byte[] body) throws Exception {
        HttpResponse<String> r = post("/api/webhooks/" + source, headers, body);
        if (r.statusCode() != 400 && r.statusCode() != 413) {
            String shown = new String(body, StandardCharsets.UTF_8);
            failures.add(source + " " + r.statusCode() + " for " + shown.substring(0, Math.min(300, shown.length())));
        } else if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add(source + " answered " + r.statusCode() + " without a problem detail");
        }
    }

    @Test
    void theOpenApiDocumentListsTheWebhookAndAlertEndpoints() throws Exception {
        HttpResponse<String> doc = HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/docs/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JsonPath.<Map<String, Object>>read(doc.body(), "$.paths").keySet())
                .contains("/api/webhooks/{source}", "/api/alerts", "/api/alerts/{messageId}");
        assertThat(JsonPath.<Map<String, Object>>read(doc.body(), "$.components.schemas.WebhookReceipt.properties").keySet())
                .containsExactlyInAnyOrder("received", "inserted", "duplicates", "unmapped", "truncated_alerts");
        assertThat(JsonPath.<List<String>>read(doc.body(), "$.paths['/api/alerts'].get.parameters[*].name"))
                .contains("from", "to", "source", "status", "severity", "cluster_id", "org_id", "tier", "q", "unparsed");
    }

    @Test
    void aJsonReceiptForAnEmptyNotification() throws Exception {
        HttpResponse<String> r = post("/api/webhooks/alertmanager", bearer(),
                "{\"version\":\"4\",\"status\":\"resolved\",\"alerts\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(r.body()).get("received").asInt()).isZero();
    }
}
