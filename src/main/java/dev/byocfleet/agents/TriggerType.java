package dev.byocfleet.agents;

import java.util.Locale;

/** Why the Sentinel opened a task (DESIGN.md section 6), with the base priority of each. */
public enum TriggerType {
    CRITICAL_ALERT(70), HEALTH_CLIFF(60), ALERT_STORM(50), TIER_WARNING(40), MANUAL(50);

    private final int basePriority;

    TriggerType(int basePriority) {
        this.basePriority = basePriority;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Base priority plus the customer tier's weight: strategic customers first. */
    public int priority(String tier) {
        int tierWeight = switch (tier == null ? "" : tier) {
            case "S" -> 30;
            case "A" -> 15;
            default -> 0;
        };
        return Math.min(100, basePriority + tierWeight);
    }

    public static TriggerType parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
