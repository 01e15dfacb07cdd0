package dev.byocfleet.health;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * "Why is this cluster at 62": the newest score in plain language.
 *
 * @param headline one sentence: the score, its status and the dimensions that cost most
 * @param reasons  the costliest factors first, each as a sentence with its points
 */
public record HealthWhy(String clusterId, @Nullable LocalDateTime scoredAt, @Nullable Double score, String status,
                        String headline, List<Reason> reasons) {

    public record Reason(String text, String dimension, String metric, double pointsLost) {
    }
}
