package dev.byocfleet.health;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * "Why did it drop 18 points since yesterday": two stored explanations compared factor by factor.
 *
 * @param scoreChange to.score minus from.score (null when either has no score)
 * @param worse       factors that cost more points at {@code to}, largest change first
 * @param better      factors that cost fewer points at {@code to}, largest change first
 * @param dimensions  per dimension, the points lost at each end and the change
 * @param summary     one sentence for people
 */
public record HealthDiff(String clusterId, End from, End to, @Nullable Double scoreChange, List<FactorChange> worse,
                         List<FactorChange> better, List<DimensionChange> dimensions, String summary) {

    public record End(LocalDateTime scoredAt, @Nullable Double score, String status) {
    }

    /**
     * @param pointsChange points lost at {@code to} minus at {@code from}: positive means worse
     * @param text         the change as a sentence
     */
    public record FactorChange(String dimension, String metric, @Nullable String unit, @Nullable Double fromValue,
                               @Nullable Double toValue, double fromPointsLost, double toPointsLost,
                               double pointsChange, String text) {
    }

    public record DimensionChange(String dimension, double fromPointsLost, double toPointsLost, double pointsChange) {
    }
}
