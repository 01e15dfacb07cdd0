package dev.byocfleet.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /api/agent-tasks} over HTTP: filters, paging, roles and bad input. */
class AgentTaskControllerIT extends AgentsAppTestBase {

    private static final LocalDateTime T = LocalDateTime.of(2025, 6, 11, 5, 0);

    @Autowired
    private AgentTaskRepository tasks;

    @BeforeEach
    void threeTasks() {
        if (tasks.find("t-crit").isPresent()) {
            return;
        }
        tasks.insert(new AgentTask("t-crit", "c-001", null, "critical_alert", "m-1", 100, AgentTask.PENDING, T, null, null,
                T.plusHours(6), null, "{\"alert_name\": \"BE down\"}"));
        tasks.insert(new AgentTask("t-storm", "c-002", 7L, "alert_storm", "8 alerts in 1h", 65, AgentTask.DONE,
                T.plusMinutes(15), T.plusMinutes(16), T.plusMinutes(17), T.plusHours(6), "inv-1", null));
        tasks.insert(new AgentTask("t-cliff", "c-001", null, "health_cliff", "score 82 -> 61", 90, AgentTask.FAILED,
                T.plusMinutes(30), T.plusMinutes(31), T.plusMinutes(32), T.plusHours(6), null, null));
    }

    @Test
    void listsNewestFirstForViewers() {
        String body = getJson(asRole("viewer"), "/api/agent-tasks");
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].task_id")).containsExactly("t-cliff", "t-storm", "t-crit");
        assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(body, "$.items[1].issue_id")).isEqualTo(7);
        assertThat(JsonPath.<String>read(body, "$.items[1].investigation_id")).isEqualTo("inv-1");
    }

    @ParameterizedTest
    @CsvSource({"status=pending, t-crit", "status=failed, t-cliff", "trigger_type=alert_storm, t-storm",
            "cluster_id=c-002, t-storm", "cluster_id=c-001&status=pending, t-crit"})
    void filtersByStatusTriggerAndCluster(String query, String expected) {
        String body = getJson(client, "/api/agent-tasks?" + query);
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].task_id")).containsExactly(expected);
        assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(1);
    }

    @Test
    void pagesWithTotal() {
        String body = getJson(client, "/api/agent-tasks?size=2&page=1");
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].task_id")).containsExactly("t-crit");
        assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"status=open, status", "trigger_type=drop_tables, trigger_type", "size=0, size", "page=-2, page"})
    void badParametersAre400NamingThem(String query, String parameter) {
        assertThat(badParameter("/api/agent-tasks?" + query)).isEqualTo(parameter);
    }

    @Test
    void anonymousCallersAre401() {
        anonymous.get().uri("/api/agent-tasks").exchange().expectStatus().isUnauthorized();
    }
}
