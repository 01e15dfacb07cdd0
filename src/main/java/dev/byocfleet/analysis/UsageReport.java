package dev.byocfleet.analysis;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a cluster or a slice of the fleet is used, and what idle and over-provisioned clusters cost.
 *
 * @param asOf        the newest snapshot hour (null when the store has none)
 * @param percentiles per metric (cpu_util_pct, mem_util_pct, disk_used_pct, query_qps) over every
 *                    cluster-hour in the window
 * @param waste       totals of the two lists
 */
public record UsageReport(@Nullable LocalDateTime asOf, Scope scope, int days, Heatmap heatmap,
                          Map<String, Percentiles> percentiles, List<IdleCluster> idle,
                          List<OverProvisioned> overProvisioned, Waste waste) {

    /** @param clusters clusters in scope with snapshots in the window */
    public record Scope(@Nullable String clusterId, @Nullable String tier, @Nullable String region,
                        @Nullable String type, int clusters) {
    }

    /**
     * Weekday (Monday first) x hour of day (UTC). {@code cpuUtilPct}: mean hourly CPU over the
     * clusters; {@code queryQps}: mean of the scope's total QPS at that weekday and hour. Null
     * cells had no data.
     */
    public record Heatmap(List<String> weekdays, List<Integer> hours, String timezone, Double[][] cpuUtilPct,
                          Double[][] queryQps) {
    }

    /** @param basis the hourly statistic the percentiles are over */
    public record Percentiles(@Nullable Double p50, @Nullable Double p95, @Nullable Double p99, String basis) {
    }

    /**
     * A running cluster with next to no queries and CPU for {@code idleHours}: suspending it (or an
     * idle auto-suspend) saves its whole weekly bill.
     */
    public record IdleCluster(String clusterId, @Nullable String clusterName, @Nullable String tier,
                              @Nullable String region, @Nullable String clusterType, int idleHours,
                              @Nullable Double maxQps, @Nullable Double p95CpuPct, double ccuPerWeek,
                              double usdPerWeek, String suggestion) {
    }

    /**
     * A running cluster whose p95 peaks stay low: the compute nodes it could shed or the smaller
     * instance type it could use, and the CCU and dollars a week that would save.
     */
    public record OverProvisioned(String clusterId, @Nullable String clusterName, @Nullable String tier,
                                  @Nullable String region, @Nullable String clusterType,
                                  @Nullable String instanceType, int nodes, @Nullable Double p95CpuPct,
                                  @Nullable Double p95MemPct, int suggestedNodes,
                                  @Nullable String suggestedInstanceType, double ccuPerWeek,
                                  double ccuWastedPerWeek, double usdWastedPerWeek, String suggestion) {
    }

    public record Waste(int idleClusters, int overProvisionedClusters, double ccuPerWeek, double usdPerWeek) {
    }
}
