package dev.byocfleet.health;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why a cluster has its score, stored as JSON beside it. Only factors that cost points are listed
 * (the rest were inside their bands); {@code metricsChecked} says how many metrics were looked at.
 *
 * @param dimensions   keyed availability, resources, query, ingestion, stability, alert_pressure
 * @param factors      most costly first
 * @param noDataReason why a cluster without data has no score (for example its state)
 */
public record Explanation(
        @Nullable Double score,
        String status,
        int windowHours,
        Map<String, DimensionScore> dimensions,
        List<Factor> factors,
        int metricsChecked,
        @Nullable String noDataReason) {
}
