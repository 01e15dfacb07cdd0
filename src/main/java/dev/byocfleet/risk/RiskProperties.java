package dev.byocfleet.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How risk is scored ({@code byoc.risk.*}). Points add up, then the customer tier multiplies them:
 * <ul>
 *   <li>{@code health-weight} 1.0 per health point below 100;</li>
 *   <li>{@code trend-weight} 0.5 per point the health score fell in 24 h, at most {@code trend-cap} 20;</li>
 *   <li>the nearest forecast crossing of a critical capacity threshold: already over it
 *       {@code breached-points} 30; within 1 day 30, 3 days 20, 7 days 12, 14 days 6, 30 days 3
 *       ({@code breach-points}, keyed by days);</li>
 *   <li>{@code issue-points} 15 per open critical issue, at most {@code issue-cap} 30;</li>
 *   <li>{@code no-data-points} 20 for a running cluster that sends no telemetry;</li>
 *   <li>{@code tier-weights} S 1.3, A 1.15, B 1.0 (unknown tiers 1.0);</li>
 *   <li>levels: {@code critical-min} 50, {@code high-min} 35, {@code medium-min} 20, else low;</li>
 *   <li>{@code keep-days} 90: a pass deletes risk snapshots this much older than the hour it stores.</li>
 * </ul>
 */
@ConfigurationProperties("byoc.risk")
public record RiskProperties(
        Double healthWeight,
        Double trendWeight,
        Double trendCap,
        Double breachedPoints,
        Map<Integer, Double> breachPoints,
        Double issuePoints,
        Double issueCap,
        Double noDataPoints,
        Map<String, Double> tierWeights,
        Double criticalMin,
        Double highMin,
        Double mediumMin,
        Integer keepDays) {

    public RiskProperties {
        healthWeight = orDefault(healthWeight, 1.0);
        trendWeight = orDefault(trendWeight, 0.5);
        trendCap = orDefault(trendCap, 20.0);
        breachedPoints = orDefault(breachedPoints, 30.0);
        breachPoints = breachPoints == null || breachPoints.isEmpty()
                ? ordered(1, 30.0, 3, 20.0, 7, 12.0, 14, 6.0, 30, 3.0)
                : Collections.unmodifiableMap(new java.util.TreeMap<>(breachPoints));
        issuePoints = orDefault(issuePoints, 15.0);
        issueCap = orDefault(issueCap, 30.0);
        noDataPoints = orDefault(noDataPoints, 20.0);
        Map<String, Double> tiers = new LinkedHashMap<>(Map.of("S", 1.3, "A", 1.15, "B", 1.0));
        if (tierWeights != null) {
            tierWeights.forEach((k, v) -> tiers.put(k.toUpperCase(Locale.ROOT), v));
        }
        tierWeights = Collections.unmodifiableMap(tiers);
        criticalMin = orDefault(criticalMin, 50.0);
        highMin = orDefault(highMin, 35.0);
        mediumMin = orDefault(mediumMin, 20.0);
        keepDays = keepDays == null ? 90 : keepDays;
        if (keepDays <= 0) {
            throw new IllegalArgumentException("byoc.risk.keep-days must be positive");
        }
        if (!(criticalMin >= highMin && highMin >= mediumMin)) {
            throw new IllegalArgumentException("byoc.risk: critical-min >= high-min >= medium-min must hold");
        }
    }

    public static RiskProperties defaults() {
        return new RiskProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    double tierWeight(String tier) {
        return tier == null ? 1.0 : tierWeights.getOrDefault(tier.toUpperCase(Locale.ROOT), 1.0);
    }

    String level(double score) {
        return score >= criticalMin ? "critical" : score >= highMin ? "high" : score >= mediumMin ? "medium" : "low";
    }

    /** Points for a crossing {@code days} ahead: the entry of the smallest bucket that holds it, 0 past the last. */
    double breachPoints(double days) {
        for (Map.Entry<Integer, Double> e : breachPoints.entrySet()) {
            if (days <= e.getKey()) {
                return e.getValue();
            }
        }
        return 0;
    }

    private static double orDefault(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    private static Map<Integer, Double> ordered(Object... pairs) {
        Map<Integer, Double> m = new java.util.TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Integer) pairs[i], (Double) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
