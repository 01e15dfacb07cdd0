package dev.byocfleet.health;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cluster's newest score with its explanation, and its score history.
 *
 * @param latest  null when the cluster was never scored
 * @param history oldest first, over the requested hours before the newest score
 */
public record ClusterHealth(String clusterId, String clusterName, @Nullable HealthScore latest,
                            List<HistoryPoint> history) {

    /** One hour of the history. */
    public record HistoryPoint(LocalDateTime scoredAt, @Nullable Double score, String status) {
    }
}
