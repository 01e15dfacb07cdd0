package dev.byocfleet.health;

/**
 * One dimension of a score.
 *
 * @param score      0-100: 100 minus the share of the cap this dimension lost
 * @param pointsLost what it took from the total score (at most {@code cap})
 * @param cap        the most this dimension can take
 */
public record DimensionScore(double score, double pointsLost, double cap) {
}
