package dev.byocfleet.demo;

import java.util.Locale;

/**
 * Sizes of a generated fleet. {@code seed} is the real fleet's scale (DESIGN.md section 9).
 *
 * @param rawHours          hours before the end that get raw 5-minute samples (the rest of the
 *                          history gets hourly snapshots directly)
 * @param backgroundIncidentsPer100Clusters incidents drawn at random over the history, besides
 *                          the scenario files
 * @param noiseAlertsPerClusterDay flapping warnings with no incident behind them
 */
public enum Preset {
    TINY(4, 10, 3, 12, 0, 0.15, false),
    DEMO(50, 150, 30, 24, 6, 0.04, true),
    SEED(1143, 3534, 30, 6, 8, 0.032, true);

    private final int organizations;
    private final int clusters;
    private final int historyDays;
    private final int rawHours;
    private final int backgroundIncidentsPer100Clusters;
    private final double noiseAlertsPerClusterDay;
    private final boolean builtInScenarios;

    Preset(int organizations, int clusters, int historyDays, int rawHours, int backgroundIncidentsPer100Clusters,
           double noiseAlertsPerClusterDay, boolean builtInScenarios) {
        this.organizations = organizations;
        this.clusters = clusters;
        this.historyDays = historyDays;
        this.rawHours = rawHours;
        this.backgroundIncidentsPer100Clusters = backgroundIncidentsPer100Clusters;
        this.noiseAlertsPerClusterDay = noiseAlertsPerClusterDay;
        this.builtInScenarios = builtInScenarios;
    }

    public int organizations() {
        return organizations;
    }

    public int clusters() {
        return clusters;
    }

    public int historyDays() {
        return historyDays;
    }

    public int rawHours() {
        return rawHours;
    }

    public int backgroundIncidentsPer100Clusters() {
        return backgroundIncidentsPer100Clusters;
    }

    public double noiseAlertsPerClusterDay() {
        return noiseAlertsPerClusterDay;
    }

    /** Whether the scenarios shipped in the jar (demo/scenarios/) are added. */
    public boolean builtInScenarios() {
        return builtInScenarios;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Preset parse(String text) {
        for (Preset p : values()) {
            if (p.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "': use tiny, demo or seed");
    }
}
