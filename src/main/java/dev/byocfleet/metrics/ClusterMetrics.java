package dev.byocfleet.metrics;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hourly snapshots of some metrics of one cluster over a window, with each metric's dictionary
 * entry and a summary against its thresholds.
 *
 * @param from first snapshot hour of the window (inclusive)
 * @param to   last snapshot hour of the window (inclusive); by default the cluster's newest one
 */
public record ClusterMetrics(String clusterId, LocalDateTime from, LocalDateTime to, List<Series> series) {

    /**
     * One metric. {@code worst} is the highest hourly max of the window (the lowest hourly min for
     * {@code lower_is_worse} metrics) and {@code band} where it falls ({@code ok}, {@code warning},
     * {@code critical}; null without thresholds), the rule of {@code v_hourly_snapshots_v5};
     * {@code hours_warning}/{@code hours_critical} count the hours in each band; {@code latest} is
     * the newest sample of the window.
     */
    public record Series(
            String metricName, @Nullable String unit, @Nullable String category, @Nullable String direction,
            @Nullable Double warnThreshold, @Nullable Double critThreshold,
            @Nullable Double worst, @Nullable Double latest, @Nullable String band,
            int hoursWarning, int hoursCritical, List<Point> points) {
    }

    /** One hourly snapshot: the hour's aggregates of the raw samples. */
    public record Point(LocalDateTime hour, @Nullable Double avg, @Nullable Double min, @Nullable Double max,
                        @Nullable Double p95, @Nullable Double last, long samples) {
    }
}
