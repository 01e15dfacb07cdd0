package dev.byocfleet.analysis;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fleet's nearest breaches: one row per cluster and capacity metric, breached first, then by
 * forecast date.
 *
 * @param computedAt     "as of" of the forecasts (null before the first run)
 * @param countsByStatus per status over the rows matching every filter but status
 * @param total          rows matching every filter
 */
public record BreakingPointTable(@Nullable LocalDateTime computedAt, int horizonDays,
                                 Map<String, Long> countsByStatus, long total, int limit, int offset,
                                 List<Row> items) {

    public record Row(String clusterId, @Nullable String clusterName, @Nullable String tier, @Nullable String region,
                      @Nullable String clusterType, String metricName, String unit, String status,
                      @Nullable Double currentValue, double threshold, double warnThreshold,
                      @Nullable Double slopePerDay, @Nullable LocalDateTime breachAt,
                      @Nullable LocalDateTime breachEarliest, @Nullable LocalDateTime breachLatest,
                      @Nullable Double daysToBreach, String warnStatus, @Nullable LocalDateTime warnBreachAt,
                      @Nullable String method, @Nullable Double fitQuality) {
    }
}
