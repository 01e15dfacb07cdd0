package dev.byocfleet.health;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fleet's newest scores at a glance.
 *
 * @param asOf        the newest hour scored (null when nothing was scored yet)
 * @param byStatus    healthy, warning, critical, no_data (always all four keys)
 * @param histogram   ten buckets of ten points; the last one includes 100
 * @param movers      the largest changes against the scores 24 hours earlier
 * @param dimensionAverages mean dimension score over clusters with a score
 */
public record FleetHealth(@Nullable LocalDateTime asOf, @Nullable LocalDateTime comparedWith, int clusters,
                          int scored, @Nullable Double averageScore, @Nullable Double medianScore,
                          Map<String, Integer> byStatus, List<Bucket> histogram, Movers movers,
                          Map<String, Double> dimensionAverages) {

    /** Scores in [from, to); the last bucket is [90, 100]. */
    public record Bucket(int from, int to, int count) {
    }

    public record Movers(List<Mover> drops, List<Mover> rises) {
    }

    public record Mover(String clusterId, @Nullable String clusterName, @Nullable String tier, double score,
                        double previousScore, double change, String status) {
    }
}
