package dev.byocfleet.agents;

import static dev.byocfleet.agents.AgentFixture.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentinelBenchmarkTest {

    private final AgentFixture f = new AgentFixture();
    private final SignalRepository signals = new SignalRepository(f.client);
    private final AgentsProperties props = AgentsProperties.defaults();
    private final SentinelBenchmark bench = new SentinelBenchmark(
            new Sentinel(signals, f.tasks(), this::scoresAtOrBefore, props, Sentinel.AlertIssues.NONE), signals, f.tasks(), props);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everyRoundOpensTheSameTasksAndLeavesNoneBehind() {
        f.alert("c-b", "BE Service Suspension", "critical", AT.minusMinutes(10), "BE down");
        f.alert("c-s", "Disk Usage", "warning", AT.minusMinutes(20), "disk");
        f.alert("c-b2", "Disk Usage", "warning", AT.minusMinutes(20), "tier B: no task");
        f.alert("c-a", "BE Service Suspension", "critical", AT.minusHours(3), "older than the lookback");
        score("c-a", AT.minusHours(6), 90);
        score("c-a", AT, 60);
        score("c-s", AT, 95);

        var result = bench.run(AT, 3);

        // critical on c-b, tier warning on c-s, cliff on c-a; never held back, because each pass is undone
        assertThat(result.tasksOpened()).isEqualTo(3);
        assertThat(result.suppressed()).isZero();
        assertThat(result.sentinelMillis()).hasSize(3);
        assertThat(result.baselineMillis()).hasSize(3);
        // the three firing alerts of the window and the three scores of the two hours
        assertThat(result.signalRows()).isEqualTo(6);
        assertThat(f.jdbc.queryForObject("SELECT count(*) FROM alerts.agent_tasks", Long.class)).isZero();
    }

    @Test
    void looksFromTheNewestAlertWhenNoTimeIsGiven() {
        f.alert("c-b", "BE Service Suspension", "critical", AT.minusMinutes(10), "BE down");

        var result = bench.run(null, 1);

        assertThat(result.at()).isEqualTo(AT.minusMinutes(10));
        assertThat(result.tasksOpened()).isEqualTo(1);
    }

    @Test
    void refusesAStoreWithoutAlerts() {
        assertThatThrownBy(() -> bench.run(null, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no alerts");
    }

    private void score(String clusterId, LocalDateTime at, double score) {
        f.jdbc.update("INSERT INTO alerts.cluster_health_scores (cluster_id, scored_at, score, status) VALUES (?, ?, ?, 'ok')",
                clusterId, at, score);
    }

    /** What HealthService gives the Sentinel: the scores of the newest scored hour at or before a time. */
    private Map<String, Double> scoresAtOrBefore(LocalDateTime at) {
        Map<String, Double> out = new java.util.HashMap<>();
        f.jdbc.query("SELECT cluster_id, score FROM alerts.cluster_health_scores WHERE scored_at = "
                + "(SELECT max(scored_at) FROM alerts.cluster_health_scores WHERE scored_at <= ?)",
                rs -> { out.put(rs.getString(1), rs.getDouble(2)); }, at);
        return out;
    }
}
