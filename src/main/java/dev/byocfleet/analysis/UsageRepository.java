package dev.byocfleet.analysis;

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

    /** The fleet's total of one snapshot hour: mean CPU over clusters, total QPS. */
    record HourTotal(LocalDateTime snapshotHour, @Nullable Double cpu, @Nullable Double qps) {
    }

    record MetricPercentiles(String metricName, @Nullable Double p50, @Nullable Double p95, @Nullable Double p99) {
    }

    /** One cluster's use over the idle window and the whole window. */
    record ClusterUse(String clusterId, @Nullable String clusterName, @Nullable String tier, @Nullable String region,
                      @Nullable String clusterType, @Nullable String clusterState, int recentHours,
                      @Nullable Double recentMaxQps, @Nullable Double recentP95Cpu, int hours,
                      @Nullable Double p95Cpu, @Nullable Double p95Mem) {
    }

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

    /** Scope joins over snapshots s: fixed fragments, values bound. */
    private static String scope(UsageQuery q, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("""
                 FROM metrics.amv_hourly_snapshots_v1 s
                JOIN byoc.cluster c ON c.cluster_id = s.cluster_id
                LEFT JOIN byoc.account a ON a.account_id = c.account_id
                LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id
                WHERE s.snapshot_hour > :from AND s.snapshot_hour <= :asOf""");
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

    List<HourTotal> hourTotals(UsageQuery q, LocalDateTime from, LocalDateTime asOf) {
        Map<String, Object> params = window(from, asOf);
        String where = scope(q, params);
        return jdbc.sql("""
                SELECT s.snapshot_hour,
                       avg(CASE WHEN s.metric_name = 'cpu_util_pct' THEN s.avg_value END) AS cpu,
                       sum(CASE WHEN s.metric_name = 'query_qps' THEN s.avg_value END) AS qps""" + where + """
                 AND s.metric_name IN ('cpu_util_pct', 'query_qps')
                GROUP BY s.snapshot_hour""")
                .params(params).query(HourTotal.class).list();
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
                .params(params).query(MetricPercentiles.class).list();
    }

    /**
     * Per cluster in scope: hours, highest hourly QPS and p95 of hourly p95 CPU since
     * {@code recentFrom}, and p95 of hourly p95 CPU and memory over the whole window.
     */
    List<ClusterUse> clusterUse(UsageQuery q, LocalDateTime from, LocalDateTime recentFrom, LocalDateTime asOf) {
        Map<String, Object> params = window(from, asOf);
        params.put("recentFrom", recentFrom);
        String where = scope(q, params);
        String recentCpu = "CASE WHEN s.metric_name = 'cpu_util_pct' AND s.snapshot_hour > :recentFrom THEN s.p95_value END";
        return jdbc.sql("""
                SELECT s.cluster_id, max(c.cluster_name) AS cluster_name, max(p.tier) AS tier, max(c.region) AS region,
                       max(c.cluster_type) AS cluster_type, max(c.cluster_state) AS cluster_state,
                       count(DISTINCT CASE WHEN s.metric_name = 'cpu_util_pct' AND s.snapshot_hour > :recentFrom
                                           THEN s.snapshot_hour END) AS recent_hours,
                       max(CASE WHEN s.metric_name = 'query_qps' AND s.snapshot_hour > :recentFrom THEN s.max_value END) AS recent_max_qps,
                       %s AS recent_p95_cpu,
                       count(DISTINCT CASE WHEN s.metric_name = 'cpu_util_pct' THEN s.snapshot_hour END) AS hours,
                       %s AS p95_cpu, %s AS p95_mem""".formatted(dialect.percentile(recentCpu, 0.95),
                        dialect.percentile("CASE WHEN s.metric_name = 'cpu_util_pct' THEN s.p95_value END", 0.95),
                        dialect.percentile("CASE WHEN s.metric_name = 'mem_util_pct' THEN s.p95_value END", 0.95))
                        + where + """
                         AND s.metric_name IN ('cpu_util_pct', 'mem_util_pct', 'query_qps')
                        GROUP BY s.cluster_id""")
                .params(params).query(ClusterUse.class).list();
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
                .param("ids", clusterIds).query(Compute.class).list();
    }

    List<Spec> specs() {
        return jdbc.sql("""
                SELECT csp, region, instance_type, node_role, instance_family, vcpu, memory_gb
                FROM byoc.vm_spec WHERE (supported IS NULL OR supported = true) AND vcpu IS NOT NULL""")
                .query(Spec.class).list();
    }

    /** Rates in force on {@code day}. */
    List<Rate> rates(LocalDate day) {
        return jdbc.sql("""
                SELECT csp, instance_type, node_type, ccu_per_hour FROM byoc.ccu_rate
                WHERE effective_from <= :day AND (effective_to IS NULL OR effective_to >= :day)""")
                .param("day", day).query(Rate.class).list();
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
                .query(WeekBill.class).list();
    }

    static List<String> ids(List<ClusterUse> uses) {
        List<String> ids = new ArrayList<>(uses.size());
        uses.forEach(u -> ids.add(u.clusterId()));
        return ids;
    }
}
