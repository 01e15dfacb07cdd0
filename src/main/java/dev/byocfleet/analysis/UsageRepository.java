package dev.byocfleet.analysis;

import dev.byocfleet.store.RecordRows;
import dev.byocfleet.store.Dialect;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Usage statistics of a scope (a cluster or a filtered fleet) over the hourly snapshots, and billing. */
@Repository
class UsageRepository {

    /**
     * One cluster's week: per hour of the week (0 = Monday 00:00 UTC) the sums and counts of its
     * hourly mean CPU and QPS over the window.
     */
    record WeekProfile(String clusterId, double[] cpuSum, int[] cpuCount, double[] qpsSum, int[] qpsCount) {
    }

    record MetricPercentiles(String metricName, @Nullable Double p50, @Nullable Double p95, @Nullable Double p99) {
    }

    /**
     * One cluster's use over the idle window and the whole window, with its own utilization
     * percentiles (hourly mean CPU, memory and QPS; hourly max disk).
     */
    record ClusterUse(String clusterId, @Nullable String clusterName, @Nullable String tier, @Nullable String region,
                      @Nullable String clusterType, @Nullable String clusterState, int recentHours,
                      @Nullable Double recentMaxQps, @Nullable Double recentP95Cpu, int hours,
                      @Nullable Double p95Cpu, @Nullable Double p95Mem,
                      @Nullable Double cpuP50, @Nullable Double cpuP95, @Nullable Double cpuP99,
                      @Nullable Double memP50, @Nullable Double memP95, @Nullable Double memP99,
                      @Nullable Double diskP50, @Nullable Double diskP95, @Nullable Double diskP99,
                      @Nullable Double qpsP50, @Nullable Double qpsP95, @Nullable Double qpsP99) {
    }

    /** A Monday: hour 0 of every week. */
    static final LocalDateTime WEEK_ORIGIN = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** A cluster's compute (BE or warehouse) resources with their instance facts. */
    record Compute(String clusterId, @Nullable String csp, @Nullable String region, @Nullable String clusterType,
                   String resourceType, @Nullable String instanceType, int nodeCount, @Nullable Integer vcpu,
                   @Nullable Integer memoryGb, @Nullable String instanceFamily) {
    }

    record Spec(String csp, String region, String instanceType, String nodeRole, @Nullable String instanceFamily,
                int vcpu, int memoryGb) {
    }

    record Rate(String csp, String instanceType, String nodeType, double ccuPerHour) {
    }

    /** A cluster's bills of the last 168 bill hours, by node type. */
    record WeekBill(String clusterId, String nodeType, double ccu, double usd) {
    }

    private final JdbcClient jdbc;
    private final Dialect dialect;

    UsageRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Scope joins over snapshots s: fixed fragments, values bound; the fleet as a whole needs no join. */
    private static String scope(UsageQuery q, Map<String, Object> params) {
        boolean joins = q.tier() != null || q.region() != null || q.type() != null;
        StringBuilder sql = new StringBuilder(" FROM metrics.amv_hourly_snapshots_v1 s");
        if (joins) {
            sql.append("""

                    JOIN byoc.cluster c ON c.cluster_id = s.cluster_id
                    LEFT JOIN byoc.account a ON a.account_id = c.account_id
                    LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id""");
        }
        sql.append(" WHERE s.snapshot_hour > :from AND s.snapshot_hour <= :asOf");
        if (q.clusterId() != null) {
            sql.append(" AND s.cluster_id = :clusterId");
            params.put("clusterId", q.clusterId());
        }
        if (q.tier() != null) {
            sql.append(" AND p.tier = :tier");
            params.put("tier", q.tier());
        }
        if (q.region() != null) {
            sql.append(" AND c.region = :region");
            params.put("region", q.region());
        }
        if (q.type() != null) {
            sql.append(" AND upper(c.cluster_type) = :type");
            params.put("type", q.type());
        }
        return sql.toString();
    }

    private static Map<String, Object> window(LocalDateTime from, LocalDateTime asOf) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("asOf", asOf);
        return params;
    }

    Optional<LocalDateTime> newestSnapshotHour() {
        return jdbc.sql("SELECT max(snapshot_hour) FROM metrics.amv_hourly_snapshots_v1")
                .query(LocalDateTime.class).optional();
    }

    /** Every cluster's week profile over ({@code from}, {@code asOf}], one row per cluster. */
    List<WeekProfile> weekProfiles(LocalDateTime from, LocalDateTime asOf) {
        String how = "CAST(" + dialect.hoursBetween(":origin", "s.snapshot_hour") + " % 168 AS INT)";
        String cells = dialect.stringAgg("concat(CAST(w.how AS VARCHAR), ':', CAST(coalesce(w.cpu_sum, 0) AS VARCHAR), ':', "
                + "CAST(w.cpu_n AS VARCHAR), ':', CAST(coalesce(w.qps_sum, 0) AS VARCHAR), ':', CAST(w.qps_n AS VARCHAR))",
                ";", "w.how");
        List<WeekProfile> out = new ArrayList<>();
        jdbc.sql("""
                SELECT w.cluster_id, %2$s AS cells
                FROM (
                  SELECT h.cluster_id, h.how,
                         sum(CASE WHEN h.metric_name = 'cpu_util_pct' THEN h.avg_value END) AS cpu_sum,
                         count(CASE WHEN h.metric_name = 'cpu_util_pct' THEN h.avg_value END) AS cpu_n,
                         sum(CASE WHEN h.metric_name = 'query_qps' THEN h.avg_value END) AS qps_sum,
                         count(CASE WHEN h.metric_name = 'query_qps' THEN h.avg_value END) AS qps_n
                  FROM (
                    SELECT s.cluster_id, s.metric_name, s.avg_value, %1$s AS how
                    FROM metrics.amv_hourly_snapshots_v1 s
                    WHERE s.snapshot_hour > :from AND s.snapshot_hour <= :asOf
                      AND s.metric_name IN ('cpu_util_pct', 'query_qps')
                  ) h
                  GROUP BY h.cluster_id, h.how
                ) w
                GROUP BY w.cluster_id""".formatted(how, cells))
                .param("origin", WEEK_ORIGIN).param("from", from).param("asOf", asOf)
                .query(rs -> {
                    double[] cpuSum = new double[168];
                    int[] cpuN = new int[168];
                    double[] qpsSum = new double[168];
                    int[] qpsN = new int[168];
                    for (String cell : rs.getString("cells").split(";")) {
                        String[] f = cell.split(":");
                        int h = Integer.parseInt(f[0]);
                        cpuSum[h] = Double.parseDouble(f[1]);
                        cpuN[h] = Integer.parseInt(f[2]);
                        qpsSum[h] = Double.parseDouble(f[3]);
                        qpsN[h] = Integer.parseInt(f[4]);
                    }
                    out.add(new WeekProfile(rs.getString("cluster_id"), cpuSum, cpuN, qpsSum, qpsN));
                });
        return out;
    }

    /** p50/p95/p99 over every cluster-hour: hourly mean for CPU, memory and QPS, hourly max for disk. */
    List<MetricPercentiles> percentiles(UsageQuery q, LocalDateTime from, LocalDateTime asOf) {
        Map<String, Object> params = window(from, asOf);
        String where = scope(q, params);
        String v = "CASE WHEN s.metric_name = 'disk_used_pct' THEN s.max_value ELSE s.avg_value END";
        return jdbc.sql("SELECT s.metric_name, " + dialect.percentile(v, 0.5) + " AS p50, "
                        + dialect.percentile(v, 0.95) + " AS p95, " + dialect.percentile(v, 0.99) + " AS p99" + where + """
                         AND s.metric_name IN ('cpu_util_pct', 'mem_util_pct', 'disk_used_pct', 'query_qps')
                        GROUP BY s.metric_name""")
                .params(params).query(RecordRows.of(MetricPercentiles.class)).list();
    }

    /**
     * Per cluster of the fleet: hours, highest hourly QPS and p95 of hourly p95 CPU since
     * {@code recentFrom}; p95 of hourly p95 CPU and memory over the whole window; and the cluster's
     * utilization percentiles. One statement for the fleet: every scope is a filter of its rows.
     */
    List<ClusterUse> clusterUse(LocalDateTime from, LocalDateTime recentFrom, LocalDateTime asOf) {
        String recentCpu = "CASE WHEN s.metric_name = 'cpu_util_pct' AND s.snapshot_hour > :recentFrom THEN s.p95_value END";
        StringBuilder pcts = new StringBuilder();
        for (String[] m : new String[][] {{"cpu", "cpu_util_pct", "avg_value"}, {"mem", "mem_util_pct", "avg_value"},
                {"disk", "disk_used_pct", "max_value"}, {"qps", "query_qps", "avg_value"}}) {
            String v = "CASE WHEN s.metric_name = '" + m[1] + "' THEN s." + m[2] + " END";
            for (int p : new int[] {50, 95, 99}) {
                pcts.append(", ").append(dialect.percentile(v, p / 100.0)).append(" AS ").append(m[0]).append("_p").append(p);
            }
        }
        // aggregate the snapshots first and name the few thousand results after; a snapshot row is
        // unique per cluster, metric and hour, so counting rows counts hours
        return jdbc.sql("""
                SELECT u.*, c.cluster_name, p.tier, c.region, c.cluster_type, c.cluster_state
                FROM (
                  SELECT s.cluster_id,
                         count(CASE WHEN s.metric_name = 'cpu_util_pct' AND s.snapshot_hour > :recentFrom THEN 1 END) AS recent_hours,
                         max(CASE WHEN s.metric_name = 'query_qps' AND s.snapshot_hour > :recentFrom THEN s.max_value END) AS recent_max_qps,
                         %s AS recent_p95_cpu,
                         count(CASE WHEN s.metric_name = 'cpu_util_pct' THEN 1 END) AS hours,
                         %s AS p95_cpu, %s AS p95_mem%s
                  FROM metrics.amv_hourly_snapshots_v1 s
                  WHERE s.snapshot_hour > :from AND s.snapshot_hour <= :asOf
                    AND s.metric_name IN ('cpu_util_pct', 'mem_util_pct', 'disk_used_pct', 'query_qps')
                  GROUP BY s.cluster_id
                ) u
                JOIN byoc.cluster c ON c.cluster_id = u.cluster_id
                LEFT JOIN byoc.account a ON a.account_id = c.account_id
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id""".formatted(dialect.percentile(recentCpu, 0.95),
                        dialect.percentile("CASE WHEN s.metric_name = 'cpu_util_pct' THEN s.p95_value END", 0.95),
                        dialect.percentile("CASE WHEN s.metric_name = 'mem_util_pct' THEN s.p95_value END", 0.95), pcts))
                .param("from", from).param("recentFrom", recentFrom).param("asOf", asOf)
                .query(RecordRows.of(ClusterUse.class)).list();
    }

    List<Compute> compute(Collection<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT r.cluster_id, c.csp, c.region, c.cluster_type, r.resource_type, r.instance_type,
                       coalesce(r.node_count, 0) AS node_count, v.vcpu, v.memory_gb, v.instance_family
                FROM byoc.cluster_resource r
                JOIN byoc.cluster c ON c.cluster_id = r.cluster_id
                LEFT JOIN byoc.vm_spec v ON v.csp = c.csp AND v.region = c.region AND v.instance_type = r.instance_type
                     AND v.node_role = CASE r.resource_type WHEN 'WAREHOUSE' THEN 'COMPUTE' ELSE r.resource_type END
                WHERE r.cluster_id IN (:ids) AND r.resource_type IN ('BE', 'WAREHOUSE')
                  AND (r.deleted IS NULL OR r.deleted = false)
                ORDER BY r.cluster_id, r.node_count DESC""")
                .param("ids", clusterIds).query(RecordRows.of(Compute.class)).list();
    }

    List<Spec> specs() {
        return jdbc.sql("""
                SELECT csp, region, instance_type, node_role, instance_family, vcpu, memory_gb
                FROM byoc.vm_spec WHERE (supported IS NULL OR supported = true) AND vcpu IS NOT NULL""")
                .query(RecordRows.of(Spec.class)).list();
    }

    /** Rates in force on {@code day}. */
    List<Rate> rates(LocalDate day) {
        return jdbc.sql("""
                SELECT csp, instance_type, node_type, ccu_per_hour FROM byoc.ccu_rate
                WHERE effective_from <= :day AND (effective_to IS NULL OR effective_to >= :day)""")
                .param("day", day).query(RecordRows.of(Rate.class)).list();
    }

    /** The newest hour that has bills. */
    Optional<LocalDateTime> newestBillHour() {
        return jdbc.sql("""
                SELECT bill_date, max(bill_hour) AS bill_hour FROM byoc.bill_detail
                WHERE bill_date = (SELECT max(bill_date) FROM byoc.bill_detail)
                GROUP BY bill_date""")
                .query((rs, i) -> rs.getObject("bill_date", LocalDate.class).atStartOfDay().plusHours(rs.getInt("bill_hour")))
                .optional();
    }

    /** CCU and dollars of the 168 bill hours up to {@code newestBillHour}, by cluster and node type. */
    List<WeekBill> weekBills(Collection<String> clusterIds, LocalDateTime newestBillHour) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        LocalDateTime after = newestBillHour.minusHours(168);
        return jdbc.sql("""
                SELECT b.cluster_id, b.node_type, sum(b.ccu_usage) AS ccu, sum(b.usd_cost) AS usd
                FROM byoc.bill_detail b
                WHERE b.cluster_id IN (:ids) AND b.bill_date >= :afterDate
                  AND (b.bill_date > :afterDate OR b.bill_hour > :afterHour)
                GROUP BY b.cluster_id, b.node_type""")
                .param("ids", clusterIds).param("afterDate", after.toLocalDate()).param("afterHour", after.getHour())
                .query(RecordRows.of(WeekBill.class)).list();
    }

    static List<String> ids(List<ClusterUse> uses) {
        List<String> ids = new ArrayList<>(uses.size());
        uses.forEach(u -> ids.add(u.clusterId()));
        return ids;
    }
}
