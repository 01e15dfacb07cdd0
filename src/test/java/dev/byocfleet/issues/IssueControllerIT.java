package dev.byocfleet.issues;

import static dev.byocfleet.issues.IssueAlerts.firing;
import static dev.byocfleet.issues.IssueAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.byocfleet.health.HealthService;
import dev.byocfleet.ingest.AlertStore;
import dev.byocfleet.support.AppTestBase;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

class IssueControllerIT extends AppTestBase {

    /** Recent, so the age filter and the resolve TTL see them as they would live. */
    private static final LocalDateTime T = LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).minusHours(2);
    private static String viewerToken;

    @Autowired
    AlertStore alerts;
    @Autowired
    HealthService health;
    @Autowired
    JdbcClient jdbc;

    private String c1;
    private String c2;

    /** Each test its own two clusters: the tests share one store. */
    @BeforeEach
    void alerts(org.junit.jupiter.api.TestInfo test) {
        String prefix = test.getTestMethod().orElseThrow().getName();
        c1 = prefix + "-1";
        c2 = prefix + "-2";
        alerts.store(List.of(firing(c1, "Data Disk Capacity Alert", "be-1", "critical", T),
                firing(c1, "Data Disk Capacity Alert", "be-2", "warning", T.plusMinutes(3)),
                firing(c1, "BE CPU Alert", "be-1", "warning", T.plusMinutes(4)),
                firing(c2, "Query Latency Alert", null, "warning", T.plusMinutes(5)),
                resolved(c2, "Query Latency Alert", null, "warning", T.plusMinutes(5), T.plusMinutes(9))), "it");
        awaitGrouping();
        synchronized (IssueControllerIT.class) {
            if (viewerToken == null) {
                viewerToken = accessToken(createUser("issues-viewer@byoc.test", "viewer", "a viewer's password"));
            }
        }
    }

    private long idOf(String clusterId, String alertName) {
        String body = get("/api/issues?cluster_id=" + clusterId + "&q=" + alertName.replace(' ', '+'));
        return JsonPath.<Number>read(body, "$.items[0].issue_id").longValue();
    }

    private String get(String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private RestTestClient.ResponseSpec post(RestTestClient as, String uri, Object body) {
        return as.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void listsIssuesWithFiltersAndExplainsEach() {
        String all = get("/api/issues?cluster_id=" + c1 + "");
        assertThat(JsonPath.<Integer>read(all, "$.total")).isEqualTo(2);
        String critical = get("/api/issues?cluster_id=" + c1 + "&severity=critical&status=active&age=24h&owner=none");
        assertThat(JsonPath.<List<String>>read(critical, "$.items[*].alert_name")).containsExactly("Data Disk Capacity Alert");
        assertThat(JsonPath.<Integer>read(get("/api/issues?cluster_id=" + c2 + "&status=resolved"), "$.total")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(get("/api/issues?cluster_id=" + c1 + "&q=cpu"), "$.total")).isEqualTo(1);

        long disk = idOf(c1, "Data Disk");
        String detail = get("/api/issues/" + disk);
        assertThat(JsonPath.<Integer>read(detail, "$.issue.alert_count")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(detail, "$.affected_nodes")).containsExactly("be-1", "be-2");
        assertThat(JsonPath.<String>read(detail, "$.explanation.why_grouped")).contains("cluster + alert name");
        assertThat(JsonPath.<List<Object>>read(detail, "$.alerts")).hasSize(2);
        assertThat(JsonPath.<List<String>>read(detail, "$.events[*].event_type")).containsExactly("opened");
        assertThat(JsonPath.<List<Object>>read(detail, "$.investigations")).isEmpty();
    }

    /** The page is chosen over the issue table alone, then read in full: pages follow the sort and keep the total. */
    @Test
    void pagesFollowTheSortAndKeepTheTotal() {
        String byFirstSeen = "/api/issues?cluster_id=" + c1 + "&sort=first_seen,asc&size=1&page=";
        String first = get(byFirstSeen + 0);
        String second = get(byFirstSeen + 1);
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].alert_name")).containsExactly("Data Disk Capacity Alert");
        assertThat(JsonPath.<List<String>>read(second, "$.items[*].alert_name")).containsExactly("BE CPU Alert");
        assertThat(JsonPath.<Integer>read(second, "$.total")).isEqualTo(2);
        String beyond = get(byFirstSeen + 2);
        assertThat(JsonPath.<List<Object>>read(beyond, "$.items")).isEmpty();
        assertThat(JsonPath.<Integer>read(beyond, "$.total")).isEqualTo(2);

        String byCount = get("/api/issues?cluster_id=" + c1 + "&sort=alert_count,desc");
        assertThat(JsonPath.<List<Integer>>read(byCount, "$.items[*].alert_count")).containsExactly(2, 1);
        // a filter on a joined table (the cluster's name, its tier) takes the joins into the count and the page
        assertThat(JsonPath.<Integer>read(get("/api/issues?cluster_id=" + c1 + "&q=" + c1.toLowerCase()), "$.total"))
                .isEqualTo(2);
        assertThat(JsonPath.<Integer>read(get("/api/issues?cluster_id=" + c1 + "&tier=S"), "$.total")).isZero();
    }

    @Test
    void aListPageFollowsTriageAndOtherWritersOnTheNextRead() {
        String uri = "/api/issues?cluster_id=" + c1 + "&sort=first_seen,asc";
        String before = get(uri);
        assertThat(get(uri)).isEqualTo(before);
        long id = idOf(c1, "BE CPU");
        post(client, "/api/issues/" + id + "/acknowledge", Map.of()).expectStatus().isOk();
        assertThat(JsonPath.<List<String>>read(get(uri), "$.items[?(@.issue_id == " + id + ")].status"))
                .containsExactly("acknowledged");
        // a write outside the issue service (the grouping writer, another process)
        jdbc.sql("UPDATE alerts.issues SET title = 'retitled' WHERE issue_id = :id").param("id", id).update();
        assertThat(JsonPath.<List<String>>read(get(uri), "$.items[?(@.issue_id == " + id + ")].title"))
                .containsExactly("retitled");
    }

    @Test
    void operatorsTriageAndEveryChangeIsAnEvent() {
        long id = idOf(c1, "BE CPU");
        post(client, "/api/issues/" + id + "/acknowledge", Map.of()).expectStatus().isOk();
        post(client, "/api/issues/" + id + "/assign", Map.of("owner", "sre@byoc.test")).expectStatus().isOk();
        post(client, "/api/issues/" + id + "/comment", Map.of("note", "CPU bound by a backfill")).expectStatus().isOk();
        post(client, "/api/issues/" + id + "/severity", Map.of("severity", "critical")).expectStatus().isOk();
        String done = post(client, "/api/issues/" + id + "/resolve", Map.of("note", "backfill done")).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(JsonPath.<String>read(done, "$.issue.status")).isEqualTo("resolved");
        assertThat(JsonPath.<String>read(done, "$.issue.assignee")).isEqualTo("sre@byoc.test");
        assertThat(JsonPath.<String>read(done, "$.issue.severity")).isEqualTo("critical");
        assertThat(JsonPath.<List<String>>read(done, "$.events[*].event_type"))
                .containsSubsequence("opened", "acknowledged", "assigned", "comment", "severity_changed", "resolved");
        assertThat(JsonPath.<List<String>>read(done, "$.events[?(@.event_type == 'comment')].actor")).containsOnly(ADMIN_EMAIL);
        assertThat(JsonPath.<List<String>>read(done, "$.events[?(@.event_type == 'comment')].note"))
                .contains("CPU bound by a backfill");

        post(client, "/api/issues/" + id + "/resolve", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void viewersReadButCannotTriage() {
        long id = idOf(c1, "Data Disk");
        as(viewerToken).get().uri("/api/issues/" + id).exchange().expectStatus().isOk();
        post(as(viewerToken), "/api/issues/" + id + "/acknowledge", Map.of()).expectStatus().isForbidden();
        post(as(viewerToken), "/api/issues/bulk", Map.of("issue_ids", List.of(id), "action", "acknowledge"))
                .expectStatus().isForbidden();
        anonymous.get().uri("/api/issues").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badInputIsAClear400AndChangesNothing() {
        long id = idOf(c1, "Data Disk");
        expectProblem(client.get().uri("/api/issues?severity=urgent").exchange(), 400, "severity");
        expectProblem(client.get().uri("/api/issues?age=forever").exchange(), 400, "age");
        expectProblem(client.get().uri("/api/issues?size=0").exchange(), 400, "size");
        expectProblem(client.get().uri("/api/issues?sort=nope").exchange(), 400, "sort");
        expectProblem(post(client, "/api/issues/" + id + "/explode", Map.of()), 400, "action");
        expectProblem(post(client, "/api/issues/" + id + "/severity", Map.of("severity", "urgent")), 400, "severity");
        expectProblem(post(client, "/api/issues/" + id + "/silence", Map.of("until", "tomorrow")), 400, "until");
        expectProblem(post(client, "/api/issues/" + id + "/comment", Map.of("note", " ")), 400, "note");
        expectProblem(post(client, "/api/issues/" + id + "/merge", Map.of("target_issue_id", 42)), 400, "target_issue_id");
        expectProblem(post(client, "/api/issues/bulk", Map.of("issue_ids", List.of(), "action", "resolve")), 400, "issue_ids");
        // older alerts are deleted by the alert retention: regrouping there would lose issues
        expectProblem(post(client, "/api/issues/rebuild", Map.of("from", "2020-01-01T00:00:00Z", "to", "2020-02-01T00:00:00Z")),
                400, "alert retention");
        client.get().uri("/api/issues/12345").exchange().expectStatus().isNotFound();
        client.get().uri("/api/issues/abc").exchange().expectStatus().isBadRequest();
        assertThat(JsonPath.<List<String>>read(get("/api/issues/" + id), "$.events[*].event_type")).containsExactly("opened");
    }

    @Test
    void bulkTriageIsAllOrNothing() {
        long disk = idOf(c1, "Data Disk");
        long latency = idOf(c2, "Query Latency");
        // the latency issue is resolved already: nothing changes
        post(client, "/api/issues/bulk", Map.of("issue_ids", List.of(disk, latency), "action", "acknowledge"))
                .expectStatus().isEqualTo(409);
        assertThat(JsonPath.<String>read(get("/api/issues/" + disk), "$.issue.status")).isEqualTo("open");

        String done = post(client, "/api/issues/bulk", Map.of("issue_ids", List.of(disk), "action", "assign",
                "owner", "oncall@byoc.test")).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<List<String>>read(done, "$[*].assignee")).containsExactly("oncall@byoc.test");
    }

    @Test
    void mergeAndLink() {
        long disk = idOf(c1, "Data Disk");
        long cpu = idOf(c1, "BE CPU");
        String merged = post(client, "/api/issues/" + cpu + "/merge", Map.of("target_issue_id", disk, "note", "same BE"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<Number>read(merged, "$.issue.merged_into").longValue()).isEqualTo(disk);
        assertThat(JsonPath.<Integer>read(get("/api/issues/" + disk), "$.issue.alert_count")).isEqualTo(3);
        post(client, "/api/issues/" + cpu + "/acknowledge", Map.of()).expectStatus().isEqualTo(409);

        // the issue's own row and its related issues come from one read: each lands where it belongs
        long latency = idOf(c2, "Query Latency");
        post(client, "/api/issues/" + disk + "/link", Map.of("target_issue_id", latency)).expectStatus().isOk();
        String linked = get("/api/issues/" + disk);
        assertThat(JsonPath.<Number>read(linked, "$.issue.issue_id").longValue()).isEqualTo(disk);
        assertThat(JsonPath.<List<Number>>read(linked, "$.related[*].issue_id")).extracting(Number::longValue)
                .containsExactly(latency);
        assertThat(JsonPath.<List<String>>read(linked, "$.related[*].cluster_id")).containsExactly(c2);
        assertThat(JsonPath.<List<Number>>read(get("/api/issues/" + latency), "$.related[*].issue_id"))
                .extracting(Number::longValue).containsExactly(disk);
    }

    @Test
    void aiIssuesAreReadByViewersAndRecomputedByOperators() {
        String list = as(viewerToken).get().uri("/api/ai-issues").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).startsWith("[");
        post(as(viewerToken), "/api/ai-issues/recompute", Map.of()).expectStatus().isForbidden();
        String run = post(client, "/api/ai-issues/recompute", Map.of()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<Integer>read(run, "$.candidates")).isNotNegative();
        expectProblem(client.get().uri("/api/ai-issues/not-an-id").exchange(), 400, "id");
        client.get().uri("/api/ai-issues/ai-0000000000000000").exchange().expectStatus().isNotFound();
    }

    private static void expectProblem(RestTestClient.ResponseSpec response, int status, String parameter) {
        String body = response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).as(body).contains(parameter);
    }

    /**
     * The detail reads one cluster's scores, but gives what the fleet-wide read of the health
     * service gives: the cluster's score of the newest hour scored at or before the first alert,
     * and at or before now; null for a cluster without scores.
     */
    @Test
    void detailShowsTheClustersHealthAtTheStartAndNow() {
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String insert = "INSERT INTO alerts.cluster_health_scores (cluster_id, scored_at, score, status) VALUES (:c, :at, :s, 'ok')";
        try {
            jdbc.sql(insert).param("c", c1).param("at", T).param("s", 81.5).update();
            jdbc.sql(insert).param("c", c2).param("at", T).param("s", 40.0).update();
            jdbc.sql(insert).param("c", c1).param("at", now).param("s", 64.25).update();
            long disk = idOf(c1, "Data Disk");
            String detail = get("/api/issues/" + disk);
            assertThat(JsonPath.<Double>read(detail, "$.health_at_start")).isEqualTo(81.5)
                    .isEqualTo(health.scoreValuesAtOrBefore(T).get(c1));
            assertThat(JsonPath.<Double>read(detail, "$.health_now")).isEqualTo(64.25)
                    .isEqualTo(health.scoreValuesAtOrBefore(now).get(c1));
            // c2 has a score when its issue started, but the newest scored hour now has none of it
            String other = get("/api/issues/" + idOf(c2, "Query Latency"));
            assertThat(health.scoreValuesAtOrBefore(now).get(c2)).isNull();
            assertThat(JsonPath.<Object>read(other, "$.health_now")).isNull();
        } finally {
            jdbc.sql("DELETE FROM alerts.cluster_health_scores WHERE cluster_id IN (:c)").param("c", List.of(c1, c2)).update();
        }
    }
}
