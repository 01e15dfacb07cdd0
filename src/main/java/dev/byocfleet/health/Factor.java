package dev.byocfleet.health;

import org.jspecify.annotations.Nullable;

/**
 * One thing that cost a cluster points, as stored in the explanation.
 *
 * @param dimension  availability, resources, query, ingestion, stability or alert_pressure
 * @param metric     a dictionary metric name, {@code cluster_state}, {@code alerts_critical} or
 *                   {@code alerts_warning}
 * @param value      the worst hourly value in the window (the count of alerts; null for the state)
 * @param latest     the newest hourly value in the window
 * @param warn       the dictionary's warning threshold (null for state and alerts)
 * @param crit       the dictionary's critical threshold
 * @param band       warning or critical: where the worst value fell
 * @param hours      hours of the window with data for this metric
 * @param hoursBad   hours at or beyond the warning threshold
 * @param hoursCrit  hours at or beyond the critical threshold
 * @param pointsLost what the factor cost, 0.1 precision
 * @param maxPoints  what it could cost at most (its configured weight)
 * @param detail     for the state its value, for alerts their names
 */
public record Factor(
        String dimension,
        String metric,
        @Nullable String unit,
        @Nullable String direction,
        @Nullable Double value,
        @Nullable Double latest,
        @Nullable Double warn,
        @Nullable Double crit,
        String band,
        int hours,
        int hoursBad,
        int hoursCrit,
        double pointsLost,
        double maxPoints,
        @Nullable String detail) {

    /** The factor as a sentence with its points, for people and for other features' reasons. */
    public String describe() {
        return HealthNarrative.reason(this);
    }
}
