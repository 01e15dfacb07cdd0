package dev.byocfleet.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.analysis.Forecast;
import dev.byocfleet.health.DimensionScore;
import dev.byocfleet.health.Explanation;
import dev.byocfleet.health.Factor;
import dev.byocfleet.health.HealthScore;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskScorerTest {

    private static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 28, 23, 0);
    private final RiskScorer scorer = new RiskScorer(RiskProperties.defaults());

    private static HealthScore health(Double score) {
        Factor disk = new Factor("resources", "disk_used_pct", "%", "higher_is_worse", 88.0, 88.0, 80.0, 90.0,
                "warning", 24, 24, 0, 20.0, 40, null);
        String status = score == null ? "no_data" : score >= 80 ? "healthy" : score >= 60 ? "warning" : "critical";
        Explanation e = new Explanation(score, status, 24, Map.of("resources", new DimensionScore(60, 20, 50)),
                score == null ? List.of() : List.of(disk), 21, score == null ? "no hourly snapshots" : null);
        return new HealthScore("c-1", AS_OF, AS_OF.minusHours(23), AS_OF, score, status, e);
    }

    private static Forecast forecast(String status, double days) {
        LocalDateTime at = status.equals("breached") ? AS_OF.minusHours(5) : AS_OF.plusMinutes(Math.round(days * 1440));
        return new Forecast("c-1", "disk_used_pct", "%", AS_OF, "theil_sen_daily_peak", status, 88.0, 90.0, 0.5, at, at,
                at, days, 30, 0.9, 80.0, "breached", AS_OF.minusDays(2), null, null,
                new Forecast.Details(14, 88.0, 0.2, 0.4, 0.6, 0.5, 1.645, 14, "max_value", List.of()));
    }

    private RiskAssessment assess(String tier, Double score, Double dayBefore, Forecast nearest, int issues) {
        return scorer.assess(AS_OF, new RiskScorer.Inputs("c-1", tier, "RUNNING", health(score), dayBefore, nearest, issues));
    }

    @Test
    void aHealthyClusterIsLowRisk() {
        RiskAssessment r = assess("B", 100.0, 100.0, null, 0);
        assertThat(r.riskScore()).isZero();
        assertThat(r.riskLevel()).isEqualTo("low");
        assertThat(r.factors()).isEmpty();
    }

    @Test
    void strategicAndImportantCustomersWeighMoreForTheSameCluster() {
        // 100 - 70 = 30 points: medium for B (x1.0), A (x1.15 = 34.5), high for S (x1.3 = 39)
        assertThat(assess("B", 70.0, 70.0, null, 0)).extracting(RiskAssessment::riskScore, RiskAssessment::riskLevel)
                .containsExactly(30.0, "medium");
        assertThat(assess("A", 70.0, 70.0, null, 0)).extracting(RiskAssessment::riskScore, RiskAssessment::riskLevel)
                .containsExactly(34.5, "medium");
        assertThat(assess("S", 70.0, 70.0, null, 0)).extracting(RiskAssessment::riskScore, RiskAssessment::riskLevel)
                .containsExactly(39.0, "high");
        assertThat(assess(null, 70.0, 70.0, null, 0).tierMultiplier()).isEqualTo(1.0);
    }

    @Test
    void aFallingScoreAddsHalfAPointPerPointLostUpToTwenty() {
        RiskAssessment r = assess("B", 70.0, 88.0, null, 0);
        assertThat(r.healthTrend24h()).isEqualTo(-18.0);
        assertThat(r.factors()).extracting(RiskFactor::kind).containsExactly("health", "trend");
        assertThat(r.riskScore()).isEqualTo(39.0);
        assertThat(r.riskLevel()).isEqualTo("high");
        assertThat(assess("B", 40.0, 100.0, null, 0).factors().get(1).points()).isEqualTo(20.0);
        // a rising score adds nothing
        assertThat(assess("B", 90.0, 60.0, null, 0).riskScore()).isEqualTo(10.0);
    }

    @Test
    void theNearestCapacityBreachAddsMoreTheSoonerItComes() {
        assertThat(assess("B", 90.0, 90.0, forecast("breached", 0), 0).riskScore()).isEqualTo(40.0);
        assertThat(assess("B", 90.0, 90.0, forecast("breach", 0.5), 0).riskScore()).isEqualTo(40.0);
        assertThat(assess("B", 90.0, 90.0, forecast("breach", 2.5), 0).riskScore()).isEqualTo(30.0);
        assertThat(assess("B", 90.0, 90.0, forecast("breach", 6), 0).riskScore()).isEqualTo(22.0);
        assertThat(assess("B", 90.0, 90.0, forecast("breach", 10), 0).riskScore()).isEqualTo(16.0);
        assertThat(assess("B", 90.0, 90.0, forecast("breach", 25), 0).riskScore()).isEqualTo(13.0);
        RiskAssessment r = assess("B", 90.0, 90.0, forecast("breach", 2.5), 0);
        assertThat(r.nearestBreachMetric()).isEqualTo("disk_used_pct");
        assertThat(r.factors().getFirst().text()).startsWith("disk_used_pct is forecast to cross 90 % in 2.5 days");
    }

    @Test
    void openCriticalIssuesCountUpToTheirCap() {
        assertThat(assess("B", 100.0, 100.0, null, 1).riskScore()).isEqualTo(15.0);
        assertThat(assess("B", 100.0, 100.0, null, 5).riskScore()).isEqualTo(30.0);
    }

    @Test
    void theScoreStopsAt100() {
        RiskAssessment r = assess("S", 10.0, 100.0, forecast("breached", 0), 3);
        assertThat(r.riskScore()).isEqualTo(100.0);
        assertThat(r.riskLevel()).isEqualTo("critical");
        assertThat(r.factors()).extracting(RiskFactor::kind).containsExactly("health", "capacity", "issues", "trend");
        assertThat(r.factors().getFirst().reasons()).singleElement().asString().startsWith("disk_used_pct reached 88 %");
    }

    @Test
    void aRunningClusterWithoutTelemetryIsARiskButASuspendedOneIsNot() {
        RiskAssessment running = scorer.assess(AS_OF, new RiskScorer.Inputs("c-1", "B", "RUNNING", health(null), null,
                forecast("breached", 0), 0));
        assertThat(running.factors()).extracting(RiskFactor::kind).containsExactly("no_data");
        assertThat(running.riskLevel()).isEqualTo("medium");
        assertThat(running.nearestBreachAt()).isNull();
        RiskAssessment suspended = scorer.assess(AS_OF, new RiskScorer.Inputs("c-1", "S", "SUSPENDED", health(null), null,
                null, 0));
        assertThat(suspended.riskLevel()).isEqualTo("low");
        assertThat(suspended.riskScore()).isZero();
    }

    @Test
    void levelThresholdsAreConfigurable() {
        RiskProperties p = new RiskProperties(null, null, null, null, Map.of(2, 50.0), null, null, null,
                Map.of("s", 2.0), 80.0, 60.0, 40.0, null);
        assertThat(p.level(79.9)).isEqualTo("high");
        assertThat(p.level(80)).isEqualTo("critical");
        assertThat(p.tierWeight("S")).isEqualTo(2.0);
        assertThat(p.breachPoints(1.5)).isEqualTo(50.0);
        assertThat(p.breachPoints(3)).isZero();
    }

    @Test
    void numbersInReasonsAreRoundedToTenthsAndWholeOnesHaveNoDecimal() {
        assertThat(RiskScorer.num(null)).isEqualTo("-");
        assertThat(RiskScorer.num(0.04)).isEqualTo("0");
        assertThat(RiskScorer.num(-0.05)).isEqualTo("0");
        assertThat(RiskScorer.num(-0.06)).isEqualTo("-0.1");
        assertThat(RiskScorer.num(12.34)).isEqualTo("12.3");
        assertThat(RiskScorer.num(99.96)).isEqualTo("100");
        assertThat(RiskScorer.num(1234.56)).isEqualTo("1234.6");
    }
}
