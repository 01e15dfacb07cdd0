package dev.byocfleet.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.ingest.IngestTestWiring;
import dev.byocfleet.ingest.NormalizedAlert;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class AlertRecommendationsTest {

    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final AlertRecommendations recommendations = RecommendTestWiring.recommendations(store.dataSource(),
            new DuckDbDialect());

    @AfterEach
    void close() {
        store.close();
    }

    private static NormalizedAlert alert(String id, String name, String cluster, LocalDateTime start, String parseStatus) {
        return new NormalizedAlert("lark", id, "om_" + id, null, "firing", "critical", name, cluster, cluster, null, null,
                null, Map.of(), Map.of(), start, null, null, null, start, parseStatus, null, "{}");
    }

    private void store(String runId, NormalizedAlert... alerts) {
        IngestTestWiring.alertStore(store.dataSource(), new DuckDbDialect()).store(List.of(alerts), runId);
    }

    @Test
    void onePerClusterAlertNameAndDayFromTheRuleAndTheMetricDictionary() {
        LocalDateTime day1 = LocalDateTime.of(2026, 11, 28, 3, 0);
        store("run-1",
                alert("a1", "Data Disk Capacity Alert", "c-1", day1, "parsed"),
                alert("a2", "Data Disk Capacity Alert", "c-1", day1.plusHours(5), "parsed"),
                alert("a3", "Data Disk Capacity Alert", "c-1", day1.plusDays(1), "parsed"),
                alert("a4", "data disk capacity", "c-2", day1, "parsed"),
                alert("a5", "StarRocksFEQueryLatencyHigh", "c-1", day1, "parsed"),
                alert("a6", null, null, day1, "unparsed"));
        assertThat(recommendations.forRun("run-1")).isEqualTo(3);
        assertThat(recommendations.forRun("run-1")).as("idempotent").isZero();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT cluster_id, alert_name, source, recommendation "
                + "FROM alerts.alert_recommendations ORDER BY cluster_id, recommendation");
        assertThat(rows).extracting(r -> r.get("cluster_id")).containsExactly("c-1", "c-1", "c-2");
        assertThat(rows).allMatch(r -> r.get("source").equals("rules"));
        String text = (String) rows.getFirst().get("recommendation");
        assertThat(text).startsWith("Data Disk Capacity Alert on cluster c-1 (2026-11-28, UTC).")
                .contains("more than 90% full", "Check first:\n1. ", "trash")
                .contains("Metric disk_used_pct (Highest BE data path usage): warning above 80%, critical above 90%.")
                .endsWith("Rule: Data Disk Capacity Alert (StarRocks docs, \"Manage Alerts\").");
    }

    @Test
    void grafanaRulesBorrowTheStepsOfTheirSourceRuleAndQuoteLowerIsWorseThresholds() {
        String text = recommendations.advice("Backends Status", null, "2026-11-28").orElseThrow();
        assertThat(text).startsWith("Backends Status on an unmapped cluster")
                .contains("SHOW BACKENDS", "warning below 0.99 ratio, critical below 0.75 ratio")
                .endsWith("(StarRocks docs, \"Monitor and Alert with Prometheus and Grafana\").");
        assertThat(recommendations.advice("Query Overload Alert", "c", "d").orElseThrow())
                .contains("no fixed threshold");
        assertThat(recommendations.advice("Something Else", "c", "d")).isEmpty();
    }

    @Test
    void everyAlertNameTheDemoFleetRaisesHasARule() {
        RuleBook book = RuleBook.load();
        for (String name : List.of("BE Service Suspension", "BE CPU Alert", "Memory Alert", "Disk Load Alert",
                "Data Disk Capacity Alert", "High Compaction Pressure Alert", "Exceeding Version Count Alert",
                "Excessive FE Thread Count Alert", "High FE JVM Usage Alert", "Loading Failure Alert",
                "Routine Load Consumption Delay Alert", "Query Latency Alert", "Query Failure Alert",
                "Query Overload Alert", "Backends Status", "Query Error", "BE Compaction Score", "BE CPU Idle", "BE Mem",
                "Disks Avail Capacity", "FE JVM Heap Stat", "Frontends Status")) {
            assertThat(book.find(name)).as(name).isPresent();
        }
        assertThat(book.size()).isEqualTo(33);
    }
}
