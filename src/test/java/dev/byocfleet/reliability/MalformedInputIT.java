package dev.byocfleet.reliability;

import dev.byocfleet.ingest.Payloads;
import dev.byocfleet.security.ApiRoutes;
import dev.byocfleet.security.ApiRoutes.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * A seeded corpus of hostile input against every endpoint that reads one (in-process, one
 * context): at least 1,000 bodies for each webhook (with valid credentials and signatures) and for
 * each route that reads a JSON body, at least 1,000 query strings for each route with query
 * parameters, wrong content types everywhere. No answer is a 5xx; every refusal is a problem
 * detail that says what is wrong, and a refused body changes no table.
 */
class MalformedInputIT extends ReliabilityAppTestBase {

    static final int PER_ENDPOINT = Integer.getInteger("corpus.size", 1_000);
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "image/png", "", "application/json+x");
    /** Tables that background bookkeeping writes whatever a request does (webhook tallies per hour). */
    private static final List<String> BOOKKEEPING = List.of("alerts.ingest_runs");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private String token;

    @BeforeEach
    void signIn() throws Exception {
        token = adminToken();
    }

    @Test
    void webhooksRefuseEveryMalformedBodyWithAProblemAndStoreNothingOfIt() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var sample : Map.of("alertmanager", "alertmanager/alertmanager-firing.json",
                "grafana", "grafana/grafana-docs-firing.json").entrySet()) {
            String source = sample.getKey();
            List<byte[]> bodies = HostileBodies.from(Payloads.bytes(sample.getValue()), source.hashCode(), PER_ENDPOINT);
            long before = storedAlerts();
            for (byte[] body : bodies) {
                MockHttpServletRequestBuilder b = request(HttpMethod.POST, "/api/webhooks/" + source).content(body);
                webhookHeaders(source, body).forEach(b::header);
                MockHttpServletResponse r = mvc.perform(b).andReturn().getResponse();
                if (r.getStatus() < 400) {
                    // a body taken as valid is loaded from the journal just after its answer
                    awaitStored();
                }
                long after = storedAlerts();
                judge(failures, "POST /api/webhooks/" + source, body, r, after - before);
                before = after;
            }
            for (String type : CONTENT_TYPES) {
                byte[] body = Payloads.bytes(sample.getValue());
                MockHttpServletRequestBuilder b = request(HttpMethod.POST, "/api/webhooks/" + source).content(body);
                webhookHeaders(source, body).forEach((k, v) -> {
                    if (!k.equals("Content-Type")) {
                        b.header(k, v);
                    }
                });
                if (!type.isEmpty()) {
                    b.contentType(type);
                }
                MockHttpServletResponse r = mvc.perform(b).andReturn().getResponse();
                if (r.getStatus() != 415) {
                    failures.add("POST /api/webhooks/" + source + " as '" + type + "': " + r.getStatus());
                }
            }
        }
        assertThat(failures).isEmpty();
        long appended = rowsAppended();
        long stored = storedAlerts();
        byte[] valid = Notifications.alertmanager("corpus-control", 1, 2);
        mvc.perform(request(HttpMethod.POST, "/api/webhooks/alertmanager").content(valid)
                .headers(org.springframework.http.HttpHeaders.readOnlyHttpHeaders(toHeaders(webhookHeaders("alertmanager", valid)))));
        awaitGrouping();
        // The control: an accepted body stores its two alerts (and their issue grouping rows), so the
        // checks above would have seen an insert.
        assertThat(storedAlerts()).as("the per-request alert count sees an insert").isEqualTo(stored + 2);
        assertThat(rowsAppended()).as("the per-request row check sees an insert").isGreaterThanOrEqualTo(appended + 2);
    }

    private static org.springframework.http.HttpHeaders toHeaders(Map<String, String> map) {
        org.springframework.http.HttpHeaders h = new org.springframework.http.HttpHeaders();
        map.forEach(h::add);
        return h;
    }

    @Test
    void routesThatReadABodyRefuseHostileBodiesWithAProblemAndChangeNothing() throws Exception {
        List<Route> routes = ApiRoutes.of(context).stream()
                .filter(r -> r.body() && r.method() != HttpMethod.GET && !r.pattern().startsWith("/api/webhooks/"))
                .toList();
        assertThat(routes).extracting(Route::toString).contains("POST /api/auth/login", "POST /api/knowledge", "POST /mcp");
        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            Random addresses = new Random(route.toString().hashCode());
            List<byte[]> bodies = HostileBodies.from(sample(route), route.toString().hashCode(), PER_ENDPOINT);
            Map<String, Long> exactBefore = rowCounts();
            long before = rowsAppended();
            boolean accepted = false;
            for (byte[] body : bodies) {
                MockHttpServletResponse r = mvc.perform(withHeaders(route, addresses)
                        .contentType(route.consumes() == null ? "application/json" : route.consumes().toString())
                        .content(body)).andReturn().getResponse();
                long after = rowsAppended();
                judge(failures, route.toString(), body, r, after - before);
                accepted |= r.getStatus() < 400;
                before = after;
            }
            if (!accepted) {
                // nothing was accepted, so nothing at all may have changed, deletions included
                assertThat(changed(exactBefore, rowCounts())).as("rows changed by refused bodies of %s", route).isZero();
            }
            if (route.consumes() == null && !route.pattern().startsWith("/mcp")) {
                // JSON in ISO-8859-1 is still JSON to Spring: decoded, not refused
                for (String type : CONTENT_TYPES.stream().filter(t -> !t.contains("ISO-8859-1")).toList()) {
                    MockHttpServletResponse r = mvc.perform(withHeaders(route, addresses).header("Content-Type", type)
                            .content(sample(route))).andReturn().getResponse();
                    if (r.getStatus() != 415 && r.getStatus() != 400) {
                        failures.add(route + " as '" + type + "': " + r.getStatus() + " " + r.getContentAsString());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void listRoutesRefuseHostileQueryStringsWithAProblemNamingTheParameter() throws Exception {
        List<Route> routes = ApiRoutes.of(context).stream()
                .filter(r -> r.method() == HttpMethod.GET && !r.params().isEmpty() && r.pattern().startsWith("/api/"))
                .toList();
        assertThat(routes).extracting(Route::toString).contains("GET /api/alerts", "GET /api/fleet/clusters");
        List<String> failures = new ArrayList<>();
        Map<String, Long> before = rowCounts();
        for (Route route : routes) {
            Random addresses = new Random(route.toString().hashCode());
            Random random = new Random(route.toString().hashCode());
            for (int i = 0; i < PER_ENDPOINT; i++) {
                MockHttpServletRequestBuilder b = withHeaders(route, addresses);
                int n = 1 + random.nextInt(3);
                for (int p = 0; p < n; p++) {
                    List<String> names = route.params();
                    String name = random.nextInt(8) == 0 ? "unknown_param" : names.get(random.nextInt(names.size()));
                    b.param(name, QUERY_VALUES.get(random.nextInt(QUERY_VALUES.size())));
                }
                MockHttpServletResponse r = mvc.perform(b).andReturn().getResponse();
                judge(failures, route.toString(), b.toString().getBytes(StandardCharsets.UTF_8), r, 0);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(changed(before, rowCounts())).as("rows written by list routes").isZero();
    }

    private static final List<String> QUERY_VALUES = List.of("", " ", "-1", "0", "2147483648", "99999999999999999999",
            "1e9", "NaN", "abc", "true", "2026-13-45", "2026-11-29T25:61:00Z", "-999999999-01-01", "'; DROP TABLE x; --",
            "%", "%00", "\u0000", "a,b,,c,", ",", "x".repeat(10_000), "\ud83d\udca5", "<script>", "../..", "*", "\\", "null",
            "critical,,info", "received_at,sideways", "c-sr01", "S", "2026-11-28T00:00:00Z");

    private MockHttpServletRequestBuilder withHeaders(Route route, Random addresses) {
        MockHttpServletRequestBuilder b = request(route.method(), route.samplePath())
                .header("Authorization", "Bearer " + token);
        // sign-in throttling counts per client address: one address per route of its own keeps the corpus
        // from locking the other tests out, and lets the throttle cut short the Argon2 work of the login corpus
        String address = "10." + (addresses.nextInt(254) + 1) + ".0.1";
        b.with(req -> {
            req.setRemoteAddr(address);
            return req;
        });
        if (route.pattern().startsWith("/mcp")) {
            b.header("Accept", "application/json, text/event-stream");
        }
        return b;
    }

    /** A valid body for the route where one is known, else a small generic object. */
    private static byte[] sample(Route route) {
        String p = route.pattern();
        String json = switch (p) {
            case "/api/auth/login" -> "{\"email\": \"nobody@reliability.test\", \"password\": \"not the password\"}";
            case "/api/auth/refresh", "/api/auth/logout" -> "{\"refresh_token\": \"not-a-refresh-token\"}";
            case "/api/auth/activate" -> "{\"token\": \"not-an-invite-token\", \"password\": \"a long enough password\"}";
            case "/api/auth/invites" -> "{\"email\": \"corpus@reliability.test\", \"role\": \"viewer\"}";
            case "/api/auth/users/{id}" -> "{\"role\": \"viewer\", \"status\": \"active\"}";
            case "/api/settings/channels", "/api/settings/channels/{id}" ->
                    "{\"name\": \"corpus\", \"kind\": \"webhook\", \"url\": \"https://hooks.example.test/x\", \"auth\": \"none\"}";
            case "/api/settings/preferences" -> "{\"time_zone\": \"UTC\", \"theme\": \"dark\"}";
            case "/api/knowledge", "/api/knowledge/{id}" ->
                    "{\"title\": \"t\", \"kind\": \"guideline\", \"body\": \"b\", \"tags\": [\"a\"], \"affected_versions\": [\"3.3\"]}";
            case "/api/ingest/lark/runs" -> "{\"from\": \"2026-11-28T00:00:00Z\", \"to\": \"2026-11-29T00:00:00Z\"}";
            case "/api/looker/embed-url" -> "{\"dashboard_id\": \"7\"}";
            case "/mcp" -> "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": {\"protocolVersion\": "
                    + "\"2025-11-25\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"corpus\", \"version\": \"1\"}}}";
            default -> "{\"id\": \"x\", \"name\": \"corpus\", \"value\": 1, \"items\": [1, \"two\", {\"three\": 3}], \"flag\": true}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Rows ever appended to the three schemas, from DuckDB's catalog: a cheap per-request check
     * that a refused body inserted nothing (an exact count per table runs per route).
     */
    private long rowsAppended() {
        return jdbc.queryForObject("SELECT sum(estimated_size) FROM duckdb_tables() "
                + "WHERE schema_name IN ('alerts', 'byoc', 'metrics') AND table_name <> 'ingest_runs'", Long.class);
    }

    private long storedAlerts() {
        return jdbc.queryForObject("SELECT count(*) FROM alerts.lark_alerts", Long.class);
    }

    private static long changed(Map<String, Long> before, Map<String, Long> after) {
        long changed = 0;
        for (var e : after.entrySet()) {
            if (!BOOKKEEPING.contains(e.getKey())) {
                changed += Math.abs(e.getValue() - before.getOrDefault(e.getKey(), 0L));
            }
        }
        return changed;
    }

    /** No 5xx; a refusal is a problem detail with a detail (and, for 400, the parameter) and wrote nothing. */
    private static void judge(List<String> failures, String route, byte[] body, MockHttpServletResponse r, long rowsChanged)
            throws Exception {
        int status = r.getStatus();
        String shown = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
        if (status >= 500) {
            failures.add(route + ": " + status + " " + r.getContentAsString() + " for " + shown);
            return;
        }
        if (status < 400) {
            return;
        }
        if (rowsChanged != 0) {
            failures.add(route + ": refused with " + status + " but " + rowsChanged + " rows changed, for " + shown);
        }
        String type = r.getContentType() == null ? "" : r.getContentType();
        if (route.contains(" /mcp")) {
            // JSON-RPC: its errors are JSON-RPC error objects (or the SDK's plain text), not problem details
            if (r.getContentAsByteArray().length == 0) {
                failures.add(route + ": " + status + " with an empty body for " + shown);
            }
            return;
        }
        if (!type.startsWith("application/problem+json")) {
            failures.add(route + ": " + status + " is not a problem detail (" + type + ") for " + shown);
            return;
        }
        JsonNode problem = JSON.readTree(r.getContentAsByteArray());
        if (!problem.path("detail").isString() || problem.path("detail").asString().isBlank()) {
            failures.add(route + ": " + status + " problem without a detail for " + shown);
        } else if (status == 400 && !problem.has("parameter") && !problem.has("errors")) {
            failures.add(route + ": 400 names no parameter (" + problem.path("detail").asString() + ") for " + shown);
        }
    }
}
