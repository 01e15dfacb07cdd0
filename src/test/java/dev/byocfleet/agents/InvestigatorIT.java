package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.api.ForbiddenException;
import dev.byocfleet.auth.CurrentUser;
import dev.byocfleet.auth.Role;
import dev.byocfleet.issues.InvestigationOutcome;
import dev.byocfleet.issues.IssueService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Investigator keeps the issue it investigates up to date: an alert that comes in through the
 * webhook becomes an issue and a Sentinel task carrying it; the investigation moves the issue to
 * investigating and comments its result. Alerts start minutes before now, so no lifecycle sweep
 * resolves their issues while a test runs.
 */
class InvestigatorIT extends AgentsAppTestBase {

    @Autowired
    private Sentinel sentinel;
    @Autowired
    private Investigator investigator;
    @Autowired
    private IssueService issues;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AgentTaskRepository tasks;

    private static Instant minutesAgo(int minutes) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(minutes, ChronoUnit.MINUTES);
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    @Test
    void aCriticalAlertFromTheWebhookGetsATaskWithItsIssueAndTheInvestigationUpdatesTheIssue() {
        long issueId = fireAlert("c-003", "BE Disk Usage High IT", "critical", minutesAgo(10));

        var run = sentinel.run(now());

        AgentTask task = run.created().stream().filter(t -> t.clusterId().equals("c-003")).findFirst().orElseThrow();
        assertThat(task.triggerType()).isEqualTo("critical_alert");
        assertThat(task.issueId()).isEqualTo(issueId);

        List<Investigation> done = investigator.runPending(now(), 5, "c-003");

        Investigation inv = done.stream().filter(i -> task.taskId().equals(i.taskId())).findFirst().orElseThrow();
        assertThat(inv.issueId()).isEqualTo(issueId);
        String detail = getJson(asRole("viewer"), "/api/issues/" + issueId);
        assertThat(JsonPath.<String>read(detail, "$.issue.status")).isEqualTo("investigating");
        assertThat(JsonPath.<List<String>>read(detail, "$.investigations[*].investigation_id"))
                .contains(inv.investigationId());

        String started = "$.events[?(@.event_type == 'investigating')]";
        assertThat(JsonPath.<List<String>>read(detail, started + ".actor")).containsExactly("agent:investigator");
        assertThat(JsonPath.<List<String>>read(detail, started + ".from_status")).containsExactly("open");
        assertThat(JsonPath.<List<String>>read(detail, started + ".details.investigation_id"))
                .containsExactly(inv.investigationId());
        assertThat(JsonPath.<List<String>>read(detail, started + ".details.trigger")).containsExactly("critical_alert");

        String result = "$.events[?(@.event_type == 'comment')]";
        assertThat(JsonPath.<List<String>>read(detail, result + ".actor")).containsExactly("agent:investigator");
        assertThat(JsonPath.<List<String>>read(detail, result + ".details.investigation_id"))
                .containsExactly(inv.investigationId());
        assertThat(JsonPath.<List<String>>read(detail, result + ".details.root_cause")).containsExactly(inv.rootCause());
        assertThat(JsonPath.<List<Boolean>>read(detail, result + ".details.escalate")).containsExactly(inv.escalate());
        assertThat(JsonPath.<List<String>>read(detail, result + ".note")).singleElement().asString()
                .contains(inv.investigationId()).contains("root cause " + inv.rootCause())
                .contains("confidence " + Math.round(inv.confidence() * 100) + "%")
                .contains("escalate " + (inv.escalate() ? "yes" : "no"));

        String report = getJson(asRole("viewer"), "/api/investigations/" + inv.investigationId());
        assertThat(JsonPath.<Number>read(report, "$.issue_id").longValue()).isEqualTo(issueId);
    }

    @Test
    void aFailedInvestigationIsStoredAndSaysSoOnItsIssue() {
        long issueId = fireAlert("c-001", "Failing Run IT", "critical", minutesAgo(5));
        // A task whose cluster has gone since the Sentinel opened it: evidence collection fails.
        String taskId = java.util.UUID.randomUUID().toString();
        tasks.insert(new AgentTask(taskId, "c-gone", issueId, "critical_alert", "m-gone", 100_000, AgentTask.PENDING, now(), null,
                null, now().plusHours(6), null, "{}"));
        // the next task of the same batch still runs
        String nextId = java.util.UUID.randomUUID().toString();
        tasks.insert(new AgentTask(nextId, "c-001", null, "critical_alert", "m-next", 99_999, AgentTask.PENDING, now(), null,
                null, now().plusHours(6), null, "{}"));

        List<Investigation> done = investigator.runPending(now(), 2, null);
        assertThat(done).singleElement().satisfies(inv -> assertThat(inv.clusterId()).isEqualTo("c-001"));
        assertThat(tasks.find(nextId).orElseThrow().status()).isEqualTo(AgentTask.DONE);

        Map<String, Object> row = jdbc.queryForMap("SELECT investigation_id, status, error, issue_id FROM alerts.agent_investigations "
                + "WHERE task_id = ?", taskId);
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat((String) row.get("error")).contains("No cluster with id 'c-gone'");
        assertThat(((Number) row.get("issue_id")).longValue()).isEqualTo(issueId);
        assertThat(tasks.find(taskId).orElseThrow().status()).isEqualTo(AgentTask.FAILED);
        String detail = getJson(client, "/api/issues/" + issueId);
        assertThat(JsonPath.<String>read(detail, "$.issue.status")).isEqualTo("investigating");
        assertThat(JsonPath.<List<String>>read(detail, "$.events[?(@.event_type == 'comment')].note")).singleElement()
                .asString().startsWith("Investigation " + row.get("investigation_id") + " failed: No cluster with id 'c-gone'");
        assertThat(JsonPath.<String>read(getJson(client, "/api/investigations/" + row.get("investigation_id")), "$.status"))
                .isEqualTo("failed");
    }

    @Test
    void theIssueOfAnAlertFollowsMergesFallsBackToItsKeysOpenIssueAndIsNoneOnceOver() {
        long a = fireAlert("c-002", "Merge Target IT", "critical", minutesAgo(6));
        long b = fireAlert("c-002", "Merge Source IT", "critical", minutesAgo(5));
        postJson(client, "/api/issues/" + b + "/merge", "{\"target_issue_id\": " + a + "}").expectStatus().isOk();
        String sourceAlert = jdbc.queryForObject("SELECT message_id FROM alerts.lark_alerts WHERE alert_name = ?", String.class,
                "Merge Source IT");

        asViewer(() -> {
            assertThat(issues.activeIssueOfAlert(sourceAlert, "c-002", "Merge Source IT")).contains(a);
            assertThat(issues.activeIssueOfAlert("not-grouped-yet", "c-002", "Merge Target IT")).contains(a);
            assertThat(issues.activeIssueOfAlert("not-grouped-yet", "c-002", null)).isEmpty();
        });
        postJson(client, "/api/issues/" + a + "/resolve", "{}").expectStatus().isOk();
        asViewer(() -> assertThat(issues.activeIssueOfAlert(sourceAlert, "c-002", "Merge Source IT")).isEmpty());
    }

    @Test
    void anAlertStormTaskCarriesTheClustersNewestOpenIssueOfTheStorm() {
        long newest = 0;
        for (int i = 0; i < 6; i++) {
            newest = fireAlert("c-005", "Storm Alert IT " + i, "info", minutesAgo(40 - i * 5));
        }

        var run = sentinel.run(now());

        AgentTask storm = run.created().stream().filter(t -> t.clusterId().equals("c-005")
                && t.triggerType().equals("alert_storm")).findFirst().orElseThrow();
        assertThat(storm.issueId()).isEqualTo(newest);
        investigator.runPending(now(), 5, "c-005");
        assertThat(JsonPath.<String>read(getJson(client, "/api/issues/" + newest), "$.issue.status")).isEqualTo("investigating");
    }

    @Test
    void anOperatorInvestigatingAnIssueMovesItToInvestigatingInTheirName() {
        long issueId = fireAlert("c-001", "FE Query Latency IT", "warning", minutesAgo(5));
        postJson(client, "/api/issues/" + issueId + "/acknowledge", "{}").expectStatus().isOk();

        String body = postJson(asRole("operator"), "/api/investigations",
                "{\"cluster_id\": \"c-001\", \"issue_id\": " + issueId + "}")
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();

        String id = JsonPath.read(body, "$.investigation_id");
        String detail = getJson(client, "/api/issues/" + issueId);
        assertThat(JsonPath.<String>read(detail, "$.issue.status")).isEqualTo("investigating");
        String started = "$.events[?(@.event_type == 'investigating')]";
        assertThat(JsonPath.<List<String>>read(detail, started + ".actor")).containsExactly("agents-operator@byoc.test");
        assertThat(JsonPath.<List<String>>read(detail, started + ".from_status")).containsExactly("acknowledged");
        assertThat(JsonPath.<List<String>>read(detail, started + ".details.investigation_id")).containsExactly(id);
        assertThat(JsonPath.<List<String>>read(detail, "$.events[?(@.event_type == 'comment')].details.investigation_id"))
                .containsExactly(id);
    }

    @Test
    void anInvestigationOfAResolvedIssueDoesNotReopenItButLeavesItsResult() {
        long issueId = fireAlert("c-002", "BE Crash IT", "critical", minutesAgo(5));
        postJson(client, "/api/issues/" + issueId + "/resolve", "{\"note\": \"fixed\"}").expectStatus().isOk();

        String body = postJson(client, "/api/investigations", "{\"cluster_id\": \"c-002\", \"issue_id\": " + issueId + "}")
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();

        String id = JsonPath.read(body, "$.investigation_id");
        String detail = getJson(client, "/api/issues/" + issueId);
        assertThat(JsonPath.<String>read(detail, "$.issue.status")).isEqualTo("resolved");
        assertThat(JsonPath.<List<String>>read(detail, "$.events[?(@.event_type == 'investigation_started')].note"))
                .singleElement().asString().contains(id).contains("stays resolved");
        assertThat(JsonPath.<List<String>>read(detail, "$.events[?(@.event_type == 'comment')].details.investigation_id"))
                .containsExactly(id);
        assertThat(JsonPath.<List<String>>read(detail, "$.events[?(@.event_type == 'investigating')]")).isEmpty();
    }

    @Test
    void startingWithAnUnknownIssueOrOneOfAnotherClusterIs400AndStoresNothing() {
        long issueId = fireAlert("c-001", "Other Cluster IT", "warning", minutesAgo(5));
        long before = jdbc.queryForObject("SELECT count(*) FROM alerts.agent_tasks", Long.class);

        for (String json : List.of("{\"cluster_id\": \"c-003\", \"issue_id\": " + issueId + "}",
                "{\"cluster_id\": \"c-001\", \"issue_id\": 987654321}")) {
            String problem = postJson(client, "/api/investigations", json).expectStatus().isBadRequest()
                    .returnResult(String.class).getResponseBody();
            assertThat(JsonPath.<String>read(problem, "$.parameter")).isEqualTo("issue_id");
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM alerts.agent_tasks", Long.class)).isEqualTo(before);
        assertThat(JsonPath.<String>read(getJson(client, "/api/issues/" + issueId), "$.issue.status")).isEqualTo("open");
    }

    @Test
    void viewersStillCannotTriageOrInvestigateAndTheSystemMethodRefusesThem() {
        long issueId = fireAlert("c-001", "Viewer Check IT", "warning", minutesAgo(5));

        for (String action : List.of("investigate", "acknowledge", "comment")) {
            postJson(asRole("viewer"), "/api/issues/" + issueId + "/" + action, "{\"note\": \"x\"}").expectStatus().isForbidden();
        }
        postJson(asRole("viewer"), "/api/investigations", "{\"cluster_id\": \"c-001\", \"issue_id\": " + issueId + "}")
                .expectStatus().isForbidden();

        asViewer(() -> {
            assertThatThrownBy(() -> issues.investigationStarted(issueId, "viewer@byoc.test", "inv-x", "manual"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> issues.investigationFinished(issueId, "viewer@byoc.test",
                    InvestigationOutcome.failure("inv-x", "no"))).isInstanceOf(ForbiddenException.class);
        });
        String detail = getJson(client, "/api/issues/" + issueId);
        assertThat(JsonPath.<String>read(detail, "$.issue.status")).isEqualTo("open");
        assertThat(JsonPath.<List<Map<String, Object>>>read(detail, "$.events")).extracting(e -> e.get("event_type"))
                .contains("opened").doesNotContain("investigating", "investigation_started", "comment");
    }

    /** Runs service calls on this thread as a signed-in viewer (a person, not the agents). */
    private static void asViewer(Runnable body) {
        var viewer = new CurrentUser("u-viewer", "viewer@byoc.test", "Viewer", Role.VIEWER);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer, null,
                List.of(new SimpleGrantedAuthority("ROLE_VIEWER"))));
        try {
            body.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
