package dev.byocfleet.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fleet at a glance. Cluster counts and every breakdown include released clusters (each
 * breakdown sums to {@code clusters}); node counts are live nodes of clusters that are not released.
 * The billing weeks are relative to the newest bill hour, not the wall clock.
 *
 * @param clustersByTier    by the organization's customer tier (S, A, B); {@code unknown} without a profile
 * @param clustersByVersion by major.minor of {@code cluster_version} ("3.3")
 * @param weekStart         Monday (UTC) of the week holding the newest bill hour; null without bills
 * @param ccuLastWeek       the full week before {@code weekStart}
 * @param ccuLastWeekToDate that week up to the same weekday and hour as the newest bill: the fair
 *                          comparison for a week still in progress
 * @param dataThrough       newest hourly metric snapshot; null without snapshots
 */
public record FleetSummary(
        long organizations,
        long clusters,
        NodeCounts nodes,
        Map<String, Long> clustersByState,
        Map<String, Long> clustersByType,
        Map<String, Long> clustersByTier,
        Map<String, Long> clustersByVersion,
        Map<String, Long> clustersByRegion,
        BigDecimal ccuThisWeek,
        BigDecimal ccuLastWeek,
        BigDecimal ccuLastWeekToDate,
        BigDecimal usdThisWeek,
        @Nullable LocalDate weekStart,
        @Nullable LocalDateTime dataThrough) {

    /** Nodes that are not terminated or decommissioned; {@code total} counts every node type. */
    public record NodeCounts(
            @JsonProperty("FE") long fe,
            @JsonProperty("BE") long be,
            @JsonProperty("CN") long cn,
            long total) {
    }
}
