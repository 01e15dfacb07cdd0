package dev.byocfleet.demo;

import java.time.Duration;

/**
 * One incident to inject, as read from a scenario file.
 *
 * @param id          unique name, used in the ground truth
 * @param kind        root-cause kind
 * @param target      a cluster id, or constraints for a deterministic pick
 * @param startBeforeEnd how long before the end of the data the incident starts
 * @param duration    how long it lasts; past the end of the data means still ongoing
 * @param intensity   0 (barely visible) to 1 (severe)
 */
public record Scenario(String id, IncidentKind kind, Target target, Duration startBeforeEnd, Duration duration,
                       double intensity, String description) {

    /** Which cluster: an exact id, or the constraints the pick must satisfy (null = any). */
    public record Target(String clusterId, String tier, String type, String version, String region, String csp) {
        public static final Target ANY = new Target(null, null, null, null, null, null);
    }

    public Scenario {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a scenario needs an id");
        }
        if (kind == null) {
            throw new IllegalArgumentException("scenario " + id + ": kind is missing");
        }
        target = target == null ? Target.ANY : target;
        if (startBeforeEnd == null || startBeforeEnd.isNegative() || startBeforeEnd.isZero()) {
            throw new IllegalArgumentException("scenario " + id + ": start must be a time before the end, such as -36h");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("scenario " + id + ": duration must be positive, such as 6h");
        }
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("scenario " + id + ": intensity must be between 0 and 1");
        }
    }
}
