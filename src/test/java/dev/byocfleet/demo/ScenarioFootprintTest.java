package dev.byocfleet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every incident kind leaves its footprint: the metric shape in the hourly snapshots, the official
 * alerts in lark_alerts, and its control-plane changes. The window (-20h to -8h) straddles the start
 * of tiny's raw window (-12h), so both the direct snapshots and the application's rollup are covered.
 */
class ScenarioFootprintTest {

    private static final LocalDateTime START = DemoFixture.END.minusHours(20);
    private static final LocalDateTime STOP = DemoFixture.END.minusHours(8);

    private DemoFixture fixture;
    private String clusterId;

    private void generate(String kind, String target) {
        fixture = DemoFixture.tiny(Long.getLong("footprint.seed", 42), """
                - id: under-test
                  kind: %s
                  target: %s
                  start: -20h
                  duration: 12h
                  intensity: 0.9
                """.formatted(kind, target));
        try {
            JsonNode truth = JsonMapper.builder().build().readTree(Files.readString(fixture.report.groundTruth()));
            JsonNode incident = truth.get("incidents").get(0);
            assertThat(incident.get("kind").asString()).isEqualTo(kind);
            clusterId = incident.get("cluster_id").asString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** max(max_value) of a metric inside the incident window, or before it (from 2 days to 2 hours before). */
    private double windowMax(String metric) {
        return agg("max(max_value)", metric, START, STOP);
    }

    private double before(String aggregate, String metric) {
        return agg(aggregate, metric, START.minusHours(48), START.minusHours(2));
    }

    private double agg(String aggregate, String metric, LocalDateTime from, LocalDateTime to) {
        Double v = fixture.jdbc.queryForObject("SELECT " + aggregate + " FROM metrics.amv_hourly_snapshots_v1 "
                + "WHERE cluster_id = ? AND metric_name = ? AND snapshot_hour >= ? AND snapshot_hour < ?",
                Double.class, clusterId, metric, from, to);
        assertThat(v).as("%s of %s has data", aggregate, metric).isNotNull();
        return v;
    }

    private double windowAvg(String metric) {
        return agg("avg(avg_value)", metric, START, STOP);
    }

    /** Alert names that fired on the cluster inside the window. */
    private List<String> firedAlerts() {
        return fixture.jdbc.queryForList("""
                SELECT DISTINCT alert_name FROM alerts.lark_alerts
                WHERE cluster_id = ? AND status = 'firing' AND starts_at >= ? AND starts_at < ?""",
                String.class, clusterId, START, STOP);
    }

    private List<String> actions(String type) {
        return fixture.jdbc.queryForList("""
                SELECT coalesce(from_value, '') || '->' || coalesce(to_value, '') FROM byoc.cluster_action
                WHERE cluster_id = ? AND action_type = ? AND finished_at <= ? AND started_at >= ?""",
                String.class, clusterId, type, START, START.minusHours(4));
    }

    @Test
    void diskCapacityFillsTheDataDiskAndRaisesDiskAlerts() {
        generate("disk_capacity", "{ type: CLASSIC }");
        assertThat(windowMax("disk_used_pct")).isGreaterThanOrEqualTo(90);
        assertThat(before("max(max_value)", "disk_used_pct")).isLessThan(88);
        assertThat(firedAlerts()).contains("Data Disk Capacity Alert", "Disks Avail Capacity");
        // resolved by growing the volume when the incident ended
        assertThat(fixture.jdbc.queryForObject("SELECT count(*) FROM byoc.cluster_action WHERE cluster_id = ? "
                + "AND action_type = 'MODIFY_VOLUME'", Long.class, clusterId)).isEqualTo(1L);
    }

    @Test
    void compactionBacklogRaisesScoreAndVersionsThenLatency() {
        generate("compaction_backlog", "{}");
        assertThat(windowMax("compaction_score_max")).isGreaterThan(800);
        assertThat(before("max(max_value)", "compaction_score_max")).isLessThan(100);
        assertThat(windowMax("tablet_versions_max")).isGreaterThan(700);
        assertThat(windowAvg("query_p99_ms")).isGreaterThan(before("avg(avg_value)", "query_p99_ms") * 1.3);
        assertThat(firedAlerts()).contains("High Compaction Pressure Alert", "Exceeding Version Count Alert");
    }

    @Test
    void beOomExhaustsMemoryAndKillsABeRepeatedly() {
        generate("be_oom", "{}");
        assertThat(windowMax("mem_util_pct")).isGreaterThanOrEqualTo(93);
        assertThat(before("max(max_value)", "mem_util_pct")).isLessThan(90);
        assertThat(agg("min(min_value)", "be_alive_ratio", START, STOP)).isLessThan(1.0);
        assertThat(agg("sum(avg_value * sample_count)", "node_restarts", START, STOP)).isGreaterThanOrEqualTo(2);
        assertThat(firedAlerts()).contains("BE Mem", "BE Service Suspension");
    }

    @Test
    void feGcPressureFillsTheHeapAndStretchesOldGc() {
        generate("fe_gc_pressure", "{}");
        assertThat(windowMax("fe_jvm_heap_pct")).isGreaterThan(90);
        assertThat(before("max(max_value)", "fe_jvm_heap_pct")).isLessThan(80);
        assertThat(windowMax("fe_gc_old_ms")).isGreaterThan(30_000);
        assertThat(firedAlerts()).contains("FE JVM Heap Stat", "High FE JVM Usage Alert");
        assertThat(fixture.jdbc.queryForList("SELECT DISTINCT node FROM alerts.lark_alerts WHERE cluster_id = ? "
                + "AND alert_name = 'High FE JVM Usage Alert'", String.class, clusterId)).allMatch(n -> n.endsWith(":8030"));
    }

    @Test
    void queryOverloadMultipliesQpsSaturatesCpuAndQueues() {
        generate("query_overload", "{}");
        assertThat(windowAvg("query_qps")).isGreaterThan(before("avg(avg_value)", "query_qps") * 2);
        assertThat(windowMax("cpu_util_pct")).isGreaterThan(90);
        assertThat(windowMax("query_queue_pending")).isGreaterThan(50);
        assertThat(firedAlerts()).contains("Query Overload Alert", "BE CPU Alert", "Query Latency Alert");
    }

    @Test
    void routineLoadLagGrowsAndPausesJobs() {
        generate("routine_load_lag", "{}");
        assertThat(windowMax("routine_load_lag_max")).isGreaterThan(300_000);
        assertThat(before("max(max_value)", "routine_load_lag_max")).isLessThan(100_000);
        assertThat(windowMax("routine_load_paused")).isGreaterThanOrEqualTo(1);
        assertThat(firedAlerts()).contains("Routine Load Consumption Delay Alert");
    }

    @Test
    void nodeFailureLosesOneBackendAndMarksTheClusterAbnormal() {
        generate("node_failure", "{}");
        assertThat(agg("max(max_value)", "be_alive_ratio", START.plusHours(1), STOP)).isLessThan(1.0);
        assertThat(before("min(min_value)", "be_alive_ratio")).isEqualTo(1.0);
        assertThat(firedAlerts()).contains("BE Service Suspension", "Backends Status");
        assertThat(fixture.jdbc.queryForList("SELECT to_state FROM byoc.cluster_state_history WHERE cluster_id = ? "
                + "AND changed_at >= ? AND changed_at <= ? ORDER BY changed_at", String.class, clusterId, START,
                STOP.plusMinutes(1))).containsExactly("ABNORMAL", "RUNNING");
        assertThat(fixture.jdbc.queryForList("SELECT DISTINCT node FROM alerts.lark_alerts WHERE cluster_id = ? "
                + "AND alert_name = 'BE Service Suspension'", String.class, clusterId)).hasSize(1);
    }

    @Test
    void versionBugFollowsAnUpgradeToTheAffectedVersion() {
        generate("version_bug", "{ version: 3.5.0 }");
        assertThat(actions("UPGRADE")).singleElement().asString().endsWith("->3.5.0");
        assertThat(fixture.jdbc.queryForObject("SELECT cluster_version FROM byoc.cluster WHERE cluster_id = ?",
                String.class, clusterId)).isEqualTo("3.5.0");
        assertThat(windowMax("query_error_pct")).isGreaterThan(10);
        assertThat(before("max(max_value)", "query_error_pct")).isLessThan(5);
        assertThat(firedAlerts()).contains("Query Failure Alert", "Query Error");
    }

    @Test
    void scalingSideEffectFollowsAScaleInAndOverloadsTheRest() {
        generate("scaling_side_effect", "{ type: CLASSIC }");
        List<String> scaleIns = actions("SCALE_IN");
        assertThat(scaleIns).hasSize(1);
        String[] fromTo = scaleIns.getFirst().split("->");
        int removed = Integer.parseInt(fromTo[0]) - Integer.parseInt(fromTo[1]);
        assertThat(removed).isPositive();
        assertThat(fixture.jdbc.queryForObject("SELECT count(*) FROM byoc.node WHERE cluster_id = ? AND node_type = 'BE' "
                + "AND state = 'decommissioned'", Long.class, clusterId)).isEqualTo((long) removed);
        assertThat(windowAvg("cpu_util_pct")).isGreaterThan(before("avg(avg_value)", "cpu_util_pct") * 1.2);
        assertThat(firedAlerts()).contains("BE CPU Alert");
    }

    @Test
    void noIncidentFlapsWarningsWhileMetricsStayOnBaseline() {
        generate("no_incident", "{}");
        List<String> severities = fixture.jdbc.queryForList("SELECT DISTINCT severity FROM alerts.lark_alerts "
                + "WHERE cluster_id = ? AND alert_name = 'Query Latency Alert' AND starts_at >= ? AND starts_at < ?",
                String.class, clusterId, START, STOP);
        assertThat(severities).containsExactly("warning");
        // the Lark card and the Alertmanager webhook both carry each flap: count flaps, not copies
        Long flaps = fixture.jdbc.queryForObject("SELECT count(DISTINCT starts_at) FROM alerts.lark_alerts WHERE cluster_id = ? "
                + "AND alert_name = 'Query Latency Alert' AND status = 'resolved' AND starts_at >= ? AND starts_at < ?",
                Long.class, clusterId, START, STOP);
        assertThat(flaps).isEqualTo(3L);
        assertThat(windowMax("query_p99_ms")).isLessThan(5000);
        assertThat(windowAvg("query_p99_ms")).isBetween(before("avg(avg_value)", "query_p99_ms") * 0.5,
                before("avg(avg_value)", "query_p99_ms") * 1.5);
    }
}
