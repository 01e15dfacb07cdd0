package dev.byocfleet.risk;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cluster's risk at one hour.
 *
 * @param riskScore          0-100: the factors' points times the tier multiplier, capped at 100
 * @param healthTrend24h     health score now minus 24 h before (negative: it fell)
 * @param nearestBreachAt    the nearest critical capacity crossing (breached: when the run began)
 * @param tierMultiplier     what the customer tier multiplied the points by
 * @param factors            the parts, most points first
 */
public record RiskAssessment(String clusterId, LocalDateTime snapshotHour, String riskLevel, double riskScore,
                             @Nullable Double healthScore, @Nullable Double healthTrend24h,
                             @Nullable LocalDateTime nearestBreachAt, @Nullable String nearestBreachMetric,
                             int openCriticalIssues, @Nullable String tier, double tierMultiplier,
                             List<RiskFactor> factors) {
}
