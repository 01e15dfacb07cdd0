package dev.byocfleet.demo;

/**
 * A scenario placed on one cluster. Times are minutes from the start of the history;
 * {@code endMinute} beyond the end of the data means the incident is still going on.
 *
 * @param node   the node it centres on (a BE/CN, or the leader FE), if any
 * @param detail kind-specific fact, e.g. the version upgraded to or the nodes removed
 */
record Incident(String scenarioId, IncidentKind kind, FleetModel.Cluster cluster, long startMinute, long endMinute,
                double intensity, FleetModel.Node node, String detail, String description) {

    boolean activeAt(double minute) {
        return minute >= startMinute && minute < endMinute;
    }

    /** 0 at the start, rising linearly to 1 at half the duration, 1 after that while active. */
    double ramp(double minute) {
        if (minute < startMinute || minute >= endMinute) {
            return 0;
        }
        double half = Math.max(1, (endMinute - startMinute) / 2.0);
        return Math.min(1, (minute - startMinute) / half);
    }

    /** The minute at which the ramp reaches {@code fraction} (0..1). */
    long minuteAtRamp(double fraction) {
        double half = Math.max(1, (endMinute - startMinute) / 2.0);
        return startMinute + Math.round(Math.max(0, Math.min(1, fraction)) * half);
    }
}
