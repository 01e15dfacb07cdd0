package dev.byocfleet.analysis;

import dev.byocfleet.metrics.CanonicalMetric;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The metrics whose breaking point is forecast, each with the hourly statistic that is compared
 * with the dictionary's thresholds: the hour's maximum, or its 95th percentile where single
 * samples are too spiky to plan capacity on (CPU, memory).
 */
public enum CapacityMetric {
    DISK_USED_PCT(CanonicalMetric.DISK_USED_PCT, false),
    CPU_UTIL_PCT(CanonicalMetric.CPU_UTIL_PCT, true),
    MEM_UTIL_PCT(CanonicalMetric.MEM_UTIL_PCT, true),
    COMPACTION_SCORE_MAX(CanonicalMetric.COMPACTION_SCORE_MAX, false),
    CONNECTIONS(CanonicalMetric.CONNECTIONS, false);

    private final CanonicalMetric metric;
    private final boolean p95;

    CapacityMetric(CanonicalMetric metric, boolean p95) {
        this.metric = metric;
        this.p95 = p95;
    }

    public CanonicalMetric metric() {
        return metric;
    }

    public String metricName() {
        return metric.metricName();
    }

    /** {@code p95_value} or {@code max_value} of the hourly snapshot. */
    public String hourlyStatistic() {
        return p95 ? "p95_value" : "max_value";
    }

    public double warn() {
        return metric.warnThreshold();
    }

    public double crit() {
        return metric.critThreshold();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(CapacityMetric::metricName).toList();
    }

    static List<String> p95Names() {
        return Arrays.stream(values()).filter(m -> m.p95).map(CapacityMetric::metricName).toList();
    }

    /** By metric name: a map lookup, since the forecasts look up every daily peak's metric. */
    private static final Map<String, CapacityMetric> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CapacityMetric::metricName, m -> m));

    public static Optional<CapacityMetric> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }
}
