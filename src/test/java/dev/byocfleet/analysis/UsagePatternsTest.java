package dev.byocfleet.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idle and over-provisioned clusters, their waste from the bills and the suggested right-sizing. */
class UsagePatternsTest {

    /** A Saturday, 23:00 UTC. */
    private static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 28, 23, 0);
    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());

    @AfterEach
    void close() {
        store.close();
    }

    private void cluster(String id, String type, String instanceType, int nodes, double cpuP95, double memP95, double qps,
                         double ccuPerHour) {
        jdbc.update("INSERT INTO byoc.cluster (cluster_id, cluster_name, cluster_type, csp, region, cluster_state) "
                + "VALUES (?, ?, ?, 'aws', 'us-west-2', 'RUNNING')", id, id + "-name", type);
        jdbc.update("INSERT INTO byoc.cluster_resource (resource_id, cluster_id, resource_type, instance_type, node_count) "
                + "VALUES (?, ?, ?, ?, ?)", id + "-compute", id, type.equals("CLASSIC") ? "BE" : "WAREHOUSE", instanceType, nodes);
        List<Object[]> snapshots = new ArrayList<>();
        List<Object[]> bills = new ArrayList<>();
        for (int h = 0; h < 14 * 24; h++) {
            LocalDateTime t = AS_OF.minusHours(h);
            snapshots.add(new Object[] {id, "cpu_util_pct", t, cpuP95 * 0.7, cpuP95 * 0.5, cpuP95, cpuP95, cpuP95, 12L});
            snapshots.add(new Object[] {id, "mem_util_pct", t, memP95 * 0.9, memP95 * 0.8, memP95, memP95, memP95, 12L});
            snapshots.add(new Object[] {id, "query_qps", t, qps, qps / 2, qps, qps, qps, 12L});
            bills.add(new Object[] {t.toLocalDate(), t.getHour(), id, id + "-compute", type.equals("CLASSIC") ? "BE" : "CN",
                    instanceType, nodes, 1.0, ccuPerHour / nodes, ccuPerHour, ccuPerHour, ccuPerHour * 0.65});
            bills.add(new Object[] {t.toLocalDate(), t.getHour(), id, id + "-fe", "FE", "m6i.xlarge", 1, 1.0, 0.5, 0.5, 0.5,
                    0.5 * 0.65});
        }
        store.append("metrics.amv_hourly_snapshots_v1", snapshots);
        jdbc.batchUpdate("INSERT INTO byoc.bill_detail (bill_date, bill_hour, cluster_id, resource_id, node_type, instance_type, "
                + "node_count, uptime_hours, ccu_rate, ccu_usage, ccu_usage_after_discount, usd_cost) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bills);
    }

    @BeforeEach
    void catalog() {
        jdbc.update("""
                INSERT INTO byoc.vm_spec (csp, region, instance_type, node_role, instance_family, vcpu, memory_gb, supported) VALUES
                  ('aws', 'us-west-2', 'r6i.2xlarge', 'BE', 'r6i', 8, 64, true),
                  ('aws', 'us-west-2', 'r6i.4xlarge', 'BE', 'r6i', 16, 128, true),
                  ('aws', 'us-west-2', 'r6i.8xlarge', 'BE', 'r6i', 32, 256, true)""");
        jdbc.update("""
                INSERT INTO byoc.ccu_rate (csp, instance_type, node_type, effective_from, ccu_per_hour, usd_per_ccu) VALUES
                  ('aws', 'r6i.2xlarge', 'BE', DATE '2025-07-01', 2, 0.65),
                  ('aws', 'r6i.4xlarge', 'BE', DATE '2025-07-01', 4, 0.65),
                  ('aws', 'r6i.8xlarge', 'BE', DATE '2025-07-01', 8, 0.65)""");
    }

    private UsagePatterns usage() {
        return new UsagePatterns(new UsageRepository(JdbcClient.create(store.dataSource()), new DuckDbDialect()),
                AnalysisProperties.defaults());
    }

    @Test
    void findsIdleAndOverProvisionedClustersWithTheirWeeklyWasteAndRightSizing() {
        cluster("c-idle", "ELASTIC", "m6id.4xlarge", 2, 4, 30, 0.1, 8);
        cluster("c-roomy", "CLASSIC", "r6i.4xlarge", 6, 20, 30, 50, 24);
        cluster("c-three", "CLASSIC", "r6i.4xlarge", 3, 20, 30, 50, 12);
        cluster("c-busy", "CLASSIC", "r6i.4xlarge", 3, 75, 60, 200, 12);
        UsageReport r = usage().report(UsageQuery.of(null, null, null, null, null));

        assertThat(r.asOf()).isEqualTo(AS_OF);
        assertThat(r.scope().clusters()).isEqualTo(4);
        assertThat(r.idle()).singleElement().satisfies(i -> {
            assertThat(i.clusterId()).isEqualTo("c-idle");
            // 168 bill hours of 8 + 0.5 CCU
            assertThat(i.ccuPerWeek()).isEqualTo(1428.0);
            assertThat(i.usdPerWeek()).isEqualTo(928.2);
        });
        assertThat(r.overProvisioned()).extracting(UsageReport.OverProvisioned::clusterId).containsExactly("c-roomy", "c-three");
        UsageReport.OverProvisioned roomy = r.overProvisioned().get(0);
        // 6 BEs at a 20 % CPU peak: 2 would do for CPU, 3 for memory, and 3 replicas need 3
        assertThat(roomy.suggestedNodes()).isEqualTo(3);
        assertThat(roomy.suggestedInstanceType()).isNull();
        assertThat(roomy.ccuPerWeek()).isEqualTo(24 * 168.0);
        assertThat(roomy.ccuWastedPerWeek()).isEqualTo(12 * 168.0);
        UsageReport.OverProvisioned three = r.overProvisioned().get(1);
        // three BEs cannot shrink in number: half the vCPUs still hold a 20 % peak at 65 %
        assertThat(three.suggestedNodes()).isEqualTo(3);
        assertThat(three.suggestedInstanceType()).isEqualTo("r6i.2xlarge");
        assertThat(three.ccuWastedPerWeek()).isEqualTo(6 * 168.0);
        assertThat(three.suggestion()).contains("r6i.4xlarge", "r6i.2xlarge");
        assertThat(r.waste().ccuPerWeek()).isEqualTo(1428.0 + 12 * 168 + 6 * 168);
    }

    @Test
    void heatMapsPutEachHourOnItsWeekdayAndHourAndSumQueriesOverTheScope() {
        cluster("c-a", "CLASSIC", "r6i.4xlarge", 3, 50, 50, 10, 12);
        cluster("c-b", "CLASSIC", "r6i.4xlarge", 3, 30, 50, 30, 12);
        UsageReport r = usage().report(UsageQuery.of(null, null, null, null, 1));
        // one day up to Saturday 23:00: only Saturday's cells have data: mean of the hourly mean CPU (35 and 21), total QPS 40
        assertThat(r.heatmap().cpuUtilPct()[5][23]).isEqualTo(28.0);
        assertThat(r.heatmap().queryQps()[5][23]).isEqualTo(40.0);
        assertThat(r.heatmap().queryQps()[6][23]).isNull();
        assertThat(r.heatmap().cpuUtilPct()[4][23]).isNull();
        assertThat(r.heatmap().cpuUtilPct()[5][0]).isEqualTo(28.0);
        assertThat(r.percentiles().get("cpu_util_pct").p50()).isEqualTo(28.0);
        UsageReport one = usage().report(UsageQuery.of("c-b", null, null, null, 1));
        assertThat(one.scope().clusters()).isEqualTo(1);
        assertThat(one.heatmap().queryQps()[5][23]).isEqualTo(30.0);
    }
}
