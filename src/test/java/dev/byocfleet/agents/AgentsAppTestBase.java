package dev.byocfleet.agents;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.support.AppTestBase;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The application over the small fleet of {@code fleet/fixture.sql} (newest data 2025-06-11), with
 * webhook credentials so alerts come in through the real intake, and no agent schedule, so only
 * the tests start agent runs. The agents' ITs share this one context.
 */
@TestPropertySource(properties = {
        "byoc.webhooks.token=" + AgentsAppTestBase.WEBHOOK_TOKEN,
        "byoc.agents.schedule-enabled=false",
        "byoc.health.schedule-enabled=false",
        "byoc.analysis.schedule-enabled=false"})
@Sql(scripts = {"/fleet/fixture.sql", "/agents/fixture.sql"}, executionPhase = Sql.ExecutionPhase.BEFORE_TEST_CLASS)
abstract class AgentsAppTestBase extends AppTestBase {

    static final String WEBHOOK_TOKEN = "agents-it-webhook-token";
    /** Just after the fixture's newest hour: investigations run as of this time. */
    static final String AS_OF = "2025-06-11T06:30:00";

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** (cluster, alert name) of every alert this test fired, removed again after it. */
    private final java.util.List<String[]> fired = new java.util.ArrayList<>();

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.JdbcTemplate store;

    /**
     * The alerts a test fired go again after it, with their issues, events and tasks: the store is
     * shared, and later classes (McpServerIT's issues_for_cluster on c-001) list every active issue
     * of a cluster.
     */
    @org.junit.jupiter.api.AfterEach
    final void removeFiredAlerts() {
        for (String[] alert : fired) {
            String issueIds = "SELECT issue_id FROM alerts.issues WHERE cluster_id = ? AND alert_name = ?";
            store.update("DELETE FROM alerts.agent_tasks WHERE issue_id IN (" + issueIds + ")", (Object[]) alert);
            store.update("DELETE FROM alerts.issue_events WHERE issue_id IN (" + issueIds + ")", (Object[]) alert);
            store.update("DELETE FROM alerts.issue_alerts WHERE message_id IN (SELECT message_id FROM alerts.lark_alerts"
                    + " WHERE cluster_id = ? AND alert_name = ?)", (Object[]) alert);
            store.update("DELETE FROM alerts.issues WHERE cluster_id = ? AND alert_name = ?", (Object[]) alert);
            store.update("DELETE FROM alerts.lark_alerts WHERE cluster_id = ? AND alert_name = ?", (Object[]) alert);
        }
        fired.clear();
    }

    /** A client signed in with this role (one user per role, created once). */
    RestTestClient asRole(String role) {
        String token = TOKENS.computeIfAbsent(role, r -> accessToken(createUser("agents-" + r + "@byoc.test", r,
                "a password for the agents " + r)));
        return as(token);
    }

    String getJson(RestTestClient c, String uri) {
        return c.get().uri(uri).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
    }

    RestTestClient.ResponseSpec postJson(RestTestClient c, String uri, String json) {
        return c.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    /** GETs a URI that must answer 400 and answers the parameter its problem detail names. */
    String badParameter(String uri) {
        String problem = client.get().uri(uri).exchange().expectStatus().isBadRequest()
                .returnResult(String.class).getResponseBody();
        return JsonPath.read(problem, "$.parameter");
    }

    /**
     * One firing alert through the Alertmanager webhook (the real intake, which groups it at once);
     * answers the id of the issue it joined.
     */
    long fireAlert(String clusterId, String alertName, String severity, java.time.Instant startsAt) {
        fired.add(new String[] {clusterId, alertName});
        String fingerprint = Integer.toHexString((clusterId + alertName + startsAt).hashCode());
        String body = """
                {"receiver": "byoc-fleet", "status": "firing", "version": "4", "groupKey": "{}:{alertname=\\"%2$s\\"}",
                 "truncatedAlerts": 0, "externalURL": "http://alertmanager.local", "groupLabels": {}, "commonLabels": {},
                 "commonAnnotations": {},
                 "alerts": [{"status": "firing",
                   "labels": {"alertname": "%2$s", "cluster_id": "%1$s", "severity": "%3$s"},
                   "annotations": {"summary": "%2$s on %1$s"},
                   "startsAt": "%4$s", "endsAt": "0001-01-01T00:00:00Z",
                   "generatorURL": "http://prometheus.local/graph", "fingerprint": "%5$s"}]}"""
                .formatted(clusterId, alertName, severity, startsAt, fingerprint);
        anonymous.post().uri("/api/webhooks/alertmanager").header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isOk();
        awaitGrouping();
        String issues = getJson(client, "/api/issues?status=active&cluster_id=" + clusterId + "&size=100");
        java.util.List<Number> ids = JsonPath.read(issues, "$.items[?(@.alert_name == '" + alertName + "')].issue_id");
        return ids.getFirst().longValue();
    }

    /** Starts an investigation of a cluster as of {@link #AS_OF} as the admin and answers its id. */
    String investigate(String clusterId) {
        String body = postJson(client, "/api/investigations",
                "{\"cluster_id\": \"" + clusterId + "\", \"at\": \"" + AS_OF + "\"}")
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();
        return JsonPath.read(body, "$.investigation_id");
    }
}
