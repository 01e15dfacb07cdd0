package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/patrol} over HTTP: run now with progress, list, report, diff, roles and bad input. */
class PatrolControllerIT extends AgentsAppTestBase {

    private static final int POLLS = 600;

    @Test
    void operatorRunsAPatrolThatReportsProgressUntilDoneAndTheDiffComparesWithThePreviousOne() throws InterruptedException {
        String started = postJson(asRole("operator"), "/api/patrol", "").expectStatus().isAccepted()
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<String>read(started, "$.status")).isEqualTo("running");
        assertThat(JsonPath.<Integer>read(started, "$.findings.progress.of")).isEqualTo(Patrol.STEPS);
        assertThat(JsonPath.<String>read(started, "$.findings.requested_by")).isEqualTo("agents-operator@byoc.test");
        String first = JsonPath.read(started, "$.report_id");

        String done = awaitDone(first);
        assertThat(JsonPath.<Integer>read(done, "$.findings.progress.step")).isEqualTo(Patrol.STEPS);
        assertThat(JsonPath.<String>read(done, "$.summary")).contains("## Fleet patrol", "First patrol");
        assertThat(JsonPath.<String>read(done, "$.changes.previous_report_id")).isNull();

        String second = JsonPath.read(postJson(client, "/api/patrol", "").expectStatus().isAccepted()
                .returnResult(String.class).getResponseBody(), "$.report_id");
        awaitDone(second);

        String diff = getJson(asRole("viewer"), "/api/patrol/" + second + "/diff");
        assertThat(JsonPath.<String>read(diff, "$.report.report_id")).isEqualTo(second);
        assertThat(JsonPath.<String>read(diff, "$.previous.report_id")).isEqualTo(first);
        assertThat(JsonPath.<String>read(diff, "$.changes.previous_report_id")).isEqualTo(first);
        assertThat(JsonPath.<String>read(getJson(client, "/api/patrol/" + first + "/diff"), "$.previous")).isNull();

        String list = getJson(asRole("viewer"), "/api/patrol?size=1");
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].report_id")).containsExactly(second);
        assertThat(JsonPath.<Integer>read(list, "$.total")).isEqualTo(2);
        assertThat(JsonPath.<String>read(list, "$.items[0].status")).isEqualTo("done");
    }

    @Test
    void viewersCannotRunAPatrolAndAnonymousCallersCannotRead() {
        postJson(asRole("viewer"), "/api/patrol", "").expectStatus().isForbidden();
        anonymous.get().uri("/api/patrol").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownReportsAre404() {
        client.get().uri("/api/patrol/nope").exchange().expectStatus().isNotFound();
        client.get().uri("/api/patrol/nope/diff").exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=101", "size=ten"})
    void badPagingIs400NamingTheParameter(String query) {
        assertThat(badParameter("/api/patrol?" + query)).isEqualTo(query.substring(0, query.indexOf('=')));
    }

    private String awaitDone(String id) throws InterruptedException {
        for (int i = 0; i < POLLS; i++) {
            String body = getJson(client, "/api/patrol/" + id);
            String status = JsonPath.read(body, "$.status");
            if (!status.equals("running")) {
                assertThat(status).as(body).isEqualTo("done");
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("patrol " + id + " still running");
    }
}
