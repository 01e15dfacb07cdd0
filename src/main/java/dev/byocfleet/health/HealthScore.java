package dev.byocfleet.health;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A cluster's score at one hour.
 *
 * @param scoredAt    the newest snapshot hour the score covers ("as of")
 * @param windowStart first snapshot hour in the window
 * @param windowEnd   last snapshot hour in the window (= scoredAt)
 * @param score       0-100, null when there was no data
 * @param status      healthy, warning, critical or no_data
 */
public record HealthScore(
        String clusterId,
        LocalDateTime scoredAt,
        LocalDateTime windowStart,
        LocalDateTime windowEnd,
        @Nullable Double score,
        String status,
        Explanation explanation) {

    public static final String NO_DATA = "no_data";

    public boolean hasScore() {
        return score != null;
    }
}
