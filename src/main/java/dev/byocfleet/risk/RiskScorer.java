package dev.byocfleet.risk;

import dev.byocfleet.analysis.Forecast;
import dev.byocfleet.health.Decimals;
import dev.byocfleet.health.Factor;
import dev.byocfleet.health.HealthScore;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Combines what is known of one cluster into its risk. Pure. */
final class RiskScorer {

    static final int HEALTH_REASONS = 3;

    /**
     * @param health          the score at the hour assessed (null when the cluster was not scored)
     * @param scoreDayBefore  the score 24 h earlier
     * @param nearest         the nearest critical capacity crossing (breached or forecast)
     */
    record Inputs(String clusterId, @Nullable String tier, @Nullable String clusterState, @Nullable HealthScore health,
                  @Nullable Double scoreDayBefore, @Nullable Forecast nearest, int openCriticalIssues) {
    }

    private final RiskProperties props;

    RiskScorer(RiskProperties props) {
        this.props = props;
    }

    RiskAssessment assess(LocalDateTime asOf, Inputs in) {
        List<RiskFactor> factors = new ArrayList<>();
        HealthScore h = in.health();
        Double score = h == null ? null : h.score();
        if (score != null) {
            List<String> reasons = h.explanation().factors().stream().limit(HEALTH_REASONS).map(Factor::describe).toList();
            factors.add(new RiskFactor("health", round(props.healthWeight() * (100 - score)), score, null,
                    "Health score " + num(score) + " (" + h.status() + ")", reasons));
        } else if ("RUNNING".equalsIgnoreCase(in.clusterState())) {
            factors.add(new RiskFactor("no_data", props.noDataPoints(), null, null,
                    "The cluster is running but sent no telemetry in the scoring window", List.of()));
        }
        Double trend = score != null && in.scoreDayBefore() != null ? round(score - in.scoreDayBefore()) : null;
        if (trend != null && trend < 0) {
            factors.add(new RiskFactor("trend", round(Math.min(props.trendCap(), -trend * props.trendWeight())), trend,
                    null, "Health fell " + num(-trend) + " points in 24 h (from " + num(in.scoreDayBefore()) + ")",
                    List.of()));
        }
        // capacity counts for clusters that sent data in the window: a suspended one is not filling up
        Forecast f = score == null ? null : in.nearest();
        if (f != null && f.breachAt() != null) {
            factors.add(capacity(asOf, f));
        }
        if (in.openCriticalIssues() > 0) {
            factors.add(new RiskFactor("issues", Math.min(props.issueCap(), in.openCriticalIssues() * props.issuePoints()),
                    (double) in.openCriticalIssues(), null, in.openCriticalIssues() + " open critical issue"
                    + (in.openCriticalIssues() == 1 ? "" : "s"), List.of()));
        }
        factors.removeIf(x -> x.points() <= 0);
        factors.sort(Comparator.comparingDouble(RiskFactor::points).reversed());
        double multiplier = props.tierWeight(in.tier());
        double total = Math.min(100, round(factors.stream().mapToDouble(RiskFactor::points).sum() * multiplier));
        return new RiskAssessment(in.clusterId(), asOf, props.level(total), total, score, trend,
                f == null ? null : f.breachAt(), f == null ? null : f.metricName(), in.openCriticalIssues(), in.tier(),
                multiplier, List.copyOf(factors));
    }

    private RiskFactor capacity(LocalDateTime asOf, Forecast f) {
        if ("breached".equals(f.status())) {
            return new RiskFactor("capacity", props.breachedPoints(), 0.0, f.metricName(),
                    f.metricName() + " is at " + num(f.currentValue()) + " " + f.unit() + ", over its critical threshold "
                            + num(f.threshold()) + " since " + f.breachAt(), List.of());
        }
        double days = Math.max(0, Duration.between(asOf, f.breachAt()).toMinutes() / 1440.0);
        return new RiskFactor("capacity", props.breachPoints(days), round(days), f.metricName(),
                f.metricName() + " is forecast to cross " + num(f.threshold()) + " " + f.unit() + " in "
                        + num(days) + " days (" + f.breachAt() + ")", List.of());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String num(@Nullable Double v) {
        if (v == null) {
            return "-";
        }
        return Decimals.tenths(Math.round(v * 10) / 10.0);
    }
}
