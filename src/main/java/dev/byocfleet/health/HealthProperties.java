package dev.byocfleet.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How health scores are computed ({@code byoc.health.*}). A score starts at 100; every factor (a
 * dictionary metric outside its band, the cluster state, firing alerts) costs points, and each
 * dimension can cost at most its cap, so one dimension in trouble cannot hide the others and a
 * single critical factor still shows.
 *
 * <p>Defaults (also in application.yml):
 * <ul>
 *   <li>{@code window-hours} 24: the hourly snapshots scored, ending at the newest snapshot hour;</li>
 *   <li>{@code persist-hours} 6: a factor outside its band for this many hours costs its full
 *       weight, a single hour half of it;</li>
 *   <li>{@code history-hours} 24: the scheduled pass also scores missing hours this far back, so
 *       history, trends and movers exist right after start;</li>
 *   <li>{@code alert-lookback-days} 7: a firing alert older than this with no resolve is stale;</li>
 *   <li>{@code healthy-min} 80, {@code warning-min} 60: status bands of the score;</li>
 *   <li>{@code dimension-caps}: availability 60, resources 50, query 45, ingestion 40,
 *       stability 45, alert_pressure 25;</li>
 *   <li>{@code factor-points} (full weight of each factor at the worst severity):
 *       {@link #DEFAULT_FACTOR_POINTS};</li>
 *   <li>{@code critical-alert-points} 8 and {@code warning-alert-points} 2 per distinct firing alert;</li>
 *   <li>{@code keep-days} 90: a pass deletes scores this much older than the hour it stores
 *       (history, trends and the risk's day-before read a few days at most).</li>
 * </ul>
 * Configured maps are merged over the defaults; unknown names fail start-up.
 */
@ConfigurationProperties("byoc.health")
public record HealthProperties(
        Integer windowHours,
        Integer persistHours,
        Integer historyHours,
        Integer alertLookbackDays,
        Boolean scheduleEnabled,
        Double healthyMin,
        Double warningMin,
        Map<String, Double> dimensionCaps,
        Map<String, Double> factorPoints,
        Double criticalAlertPoints,
        Double warningAlertPoints,
        Integer keepDays) {

    /** The cluster's control-plane state; ABNORMAL costs these points (availability). */
    public static final String CLUSTER_STATE = "cluster_state";
    /** Alert-pressure factors: distinct firing alerts by severity. */
    public static final String ALERTS_CRITICAL = "alerts_critical";
    public static final String ALERTS_WARNING = "alerts_warning";

    static final Map<String, Double> DEFAULT_DIMENSION_CAPS = ordered(
            "availability", 60.0, "resources", 50.0, "query", 45.0, "ingestion", 40.0, "stability", 45.0,
            "alert_pressure", 25.0);

    /** Weighted by how directly the factor stops queries or loads when it goes critical. */
    static final Map<String, Double> DEFAULT_FACTOR_POINTS = ordered(
            "fe_alive_ratio", 40.0, "be_alive_ratio", 40.0, "node_restarts", 12.0, CLUSTER_STATE, 30.0,
            "disk_used_pct", 40.0, "mem_util_pct", 30.0, "cpu_util_pct", 20.0,
            "query_error_pct", 30.0, "query_p99_ms", 20.0, "query_queue_pending", 15.0, "connections", 15.0,
            "cache_hit_pct", 8.0,
            "load_fail_pct", 25.0, "routine_load_lag_max", 30.0, "routine_load_paused", 15.0, "txn_running_max", 20.0,
            "compaction_score_max", 30.0, "tablet_versions_max", 25.0, "fe_jvm_heap_pct", 25.0, "fe_gc_old_ms", 20.0,
            "fe_meta_log_count", 15.0, "fe_thread_count", 10.0);

    public HealthProperties {
        windowHours = positive(windowHours, 24, "window-hours");
        persistHours = positive(persistHours, 6, "persist-hours");
        historyHours = historyHours == null ? 24 : Math.max(0, historyHours);
        alertLookbackDays = positive(alertLookbackDays, 7, "alert-lookback-days");
        scheduleEnabled = scheduleEnabled == null || scheduleEnabled;
        healthyMin = healthyMin == null ? 80.0 : healthyMin;
        warningMin = warningMin == null ? 60.0 : warningMin;
        if (warningMin > healthyMin) {
            throw new IllegalArgumentException("byoc.health.warning-min must not exceed healthy-min");
        }
        dimensionCaps = merge(DEFAULT_DIMENSION_CAPS, dimensionCaps, "dimension-caps");
        factorPoints = merge(DEFAULT_FACTOR_POINTS, factorPoints, "factor-points");
        criticalAlertPoints = criticalAlertPoints == null ? 8.0 : criticalAlertPoints;
        warningAlertPoints = warningAlertPoints == null ? 2.0 : warningAlertPoints;
        keepDays = positive(keepDays, 90, "keep-days");
    }

    /** All defaults. */
    public static HealthProperties defaults() {
        return new HealthProperties(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    double cap(String dimension) {
        return dimensionCaps.getOrDefault(dimension, 0.0);
    }

    double points(String factor) {
        return factorPoints.getOrDefault(factor, 0.0);
    }

    String status(double score) {
        return score >= healthyMin ? "healthy" : score >= warningMin ? "warning" : "critical";
    }

    private static int positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("byoc.health." + name + " must be positive");
        }
        return value;
    }

    private static Map<String, Double> merge(Map<String, Double> defaults, Map<String, Double> configured,
                                             String name) {
        Map<String, Double> merged = new LinkedHashMap<>(defaults);
        if (configured != null) {
            configured.forEach((key, value) -> {
                String k = key.replace('-', '_');
                if (!defaults.containsKey(k)) {
                    throw new IllegalArgumentException("byoc.health." + name + " has no entry '" + key
                            + "'; known: " + defaults.keySet());
                }
                if (value == null || value < 0) {
                    throw new IllegalArgumentException("byoc.health." + name + "." + key + " must be 0 or more");
                }
                merged.put(k, value);
            });
        }
        return Collections.unmodifiableMap(merged);
    }

    private static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return m;
    }
}
