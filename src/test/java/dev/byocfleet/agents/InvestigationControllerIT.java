package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/investigations} over HTTP: start, read, list, re-run, roles and bad input. */
class InvestigationControllerIT extends AgentsAppTestBase {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void operatorStartsAnInvestigationWithEightStepsEvidenceAndHypothesesCitingIt() {
        long issueId = fireAlert("c-001", "Eight Steps IT", "warning", java.time.Instant.now().minusSeconds(300));
        String body = postJson(asRole("operator"), "/api/investigations",
                "{\"cluster_id\": \"c-001\", \"issue_id\": " + issueId + ", \"at\": \"" + AS_OF + "\"}")
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();

        assertThat(JsonPath.<String>read(body, "$.cluster_id")).isEqualTo("c-001");
        assertThat(JsonPath.<Number>read(body, "$.issue_id").longValue()).isEqualTo(issueId);
        assertThat(JsonPath.<String>read(body, "$.mode")).isEqualTo("rules");
        assertThat(JsonPath.<List<Integer>>read(body, "$.steps[*].number")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(JsonPath.<List<String>>read(body, "$.steps[*].name")).containsExactlyElementsOf(Investigation.STEP_NAMES);
        List<String> evidenceIds = JsonPath.read(body, "$.evidence[*].id");
        assertThat(evidenceIds).isNotEmpty().allMatch(id -> id.matches("E\\d+"));
        assertThat(JsonPath.<List<String>>read(body, "$.evidence[*].tool")).contains("fleet.cluster");
        assertThat(JsonPath.<List<String>>read(body, "$.hypotheses[*].evidence[*]")).isNotEmpty()
                .allMatch(evidenceIds::contains);
        assertThat(JsonPath.<List<String>>read(body, "$.steps[0:6].evidence[*]")).containsExactlyInAnyOrderElementsOf(evidenceIds);
        assertThat(JsonPath.<String>read(body, "$.root_cause")).isIn(RootCause.ALL);
        assertThat(JsonPath.<List<String>>read(body, "$.recommendations")).isNotNull();

        String id = JsonPath.read(body, "$.investigation_id");
        String stored = getJson(asRole("viewer"), "/api/investigations/" + id);
        assertThat(JsonPath.<List<String>>read(stored, "$.evidence[*].id")).isEqualTo(evidenceIds);
        assertThat(JsonPath.<String>read(stored, "$.task_id")).isEqualTo(JsonPath.read(body, "$.task_id"));

        String task = getJson(client, "/api/agent-tasks?trigger_type=manual&cluster_id=c-001");
        assertThat(JsonPath.<List<String>>read(task, "$.items[?(@.investigation_id == '" + id + "')].status"))
                .containsExactly("done");
    }

    @Test
    void rerunInvestigatesTheSameClusterAndIssueAgainAndRecordsWhatItReran() {
        String first = investigate("c-002");

        String again = postJson(asRole("operator"), "/api/investigations/" + first + "/rerun", "")
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();

        String second = JsonPath.read(again, "$.investigation_id");
        assertThat(second).isNotEqualTo(first);
        assertThat(JsonPath.<String>read(again, "$.cluster_id")).isEqualTo("c-002");
        String details = jdbc.queryForObject("SELECT CAST(details AS VARCHAR) FROM alerts.agent_tasks WHERE investigation_id = ?",
                String.class, second);
        assertThat(JsonPath.<String>read(details, "$.rerun_of")).isEqualTo(first);
        assertThat(JsonPath.<String>read(details, "$.requested_by")).isEqualTo("agents-operator@byoc.test");
    }

    @Test
    void listFiltersByClusterAndRootCauseAndPages() {
        String a = investigate("c-003");
        String b = investigate("c-003");
        investigate("c-005");

        String page0 = getJson(client, "/api/investigations?cluster_id=c-003&size=1");
        assertThat(JsonPath.<Integer>read(page0, "$.total")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(page0, "$.items[*].investigation_id")).hasSize(1);
        String page1 = getJson(client, "/api/investigations?cluster_id=c-003&size=1&page=1");
        assertThat(List.of(JsonPath.<String>read(page0, "$.items[0].investigation_id"),
                JsonPath.<String>read(page1, "$.items[0].investigation_id"))).containsExactlyInAnyOrder(a, b);
        assertThat(JsonPath.<Integer>read(page0, "$.items[0].evidence_count")).isPositive();

        String cause = JsonPath.read(getJson(client, "/api/investigations/" + a), "$.root_cause");
        String byCause = getJson(client, "/api/investigations?root_cause=" + cause + "&size=200");
        assertThat(JsonPath.<List<String>>read(byCause, "$.items[*].root_cause")).isNotEmpty().containsOnly(cause);
        assertThat(JsonPath.<List<String>>read(byCause, "$.items[*].investigation_id")).contains(a);
    }

    @Test
    void viewersReadButCannotStartOrRerun() {
        String id = investigate("c-001");
        long before = rows();

        postJson(asRole("viewer"), "/api/investigations", "{\"cluster_id\": \"c-001\"}").expectStatus().isForbidden();
        postJson(asRole("viewer"), "/api/investigations/" + id + "/rerun", "").expectStatus().isForbidden();
        anonymous.get().uri("/api/investigations").exchange().expectStatus().isUnauthorized();

        assertThat(rows()).isEqualTo(before);
        getJson(asRole("viewer"), "/api/investigations");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                                   | cluster_id",
            "{\"cluster_id\": \"  \"}                             | cluster_id",
            "{\"cluster_id\": \"c-nope\"}                         | cluster_id",
            "{\"cluster_id\": \"c-001\", \"at\": \"2999-01-01T00:00:00\"} | at",
            "{\"cluster_id\": \"c-001\", \"at\": \"yesterday\"}   | at",
            "{\"cluster_id\": \"c-001\", \"issue_id\": \"abc\"}   | issue_id",
            "{\"cluster_id\": \"c-001\", \"issue_id\": -1}        | issue_id"})
    void badStartRequestsAre400NamingTheFieldAndStoreNothing(String json, String field) {
        long before = rows();

        String problem = postJson(client, "/api/investigations", json).expectStatus().isBadRequest()
                .returnResult(String.class).getResponseBody();

        assertThat(JsonPath.<String>read(problem, "$.parameter")).isEqualTo(field);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndLongIdsAre400() {
        postJson(client, "/api/investigations", "{\"cluster_id\": ").expectStatus().isBadRequest();
        String problem = postJson(client, "/api/investigations", "{\"cluster_id\": \"" + "x".repeat(500) + "\"}")
                .expectStatus().isBadRequest().returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.parameter")).isEqualTo("cluster_id");
    }

    @ParameterizedTest
    @CsvSource({"root_cause=bogus, root_cause", "size=0, size", "size=201, size", "page=-1, page", "page=x, page"})
    void badListParametersAre400NamingTheParameter(String query, String parameter) {
        assertThat(badParameter("/api/investigations?" + query)).isEqualTo(parameter);
    }

    @Test
    void unknownInvestigationsAre404() {
        client.get().uri("/api/investigations/no-such-id").exchange().expectStatus().isNotFound();
        postJson(client, "/api/investigations/no-such-id/rerun", "").expectStatus().isNotFound();
    }

    private long rows() {
        Map<String, Object> r = jdbc.queryForMap("SELECT (SELECT count(*) FROM alerts.agent_investigations) AS i, "
                + "(SELECT count(*) FROM alerts.agent_tasks) AS t");
        return ((Number) r.get("i")).longValue() * 1_000 + ((Number) r.get("t")).longValue();
    }
}
