package dev.byocfleet.health;

import java.time.LocalDateTime;

/**
 * Published after the fleet was scored for the hour {@code asOf}; risk listens to it, so health
 * never depends on the features built on top of it.
 */
public record HealthScoresComputed(LocalDateTime asOf, int clusters) {
}
