package dev.byocfleet.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthNarrativeTest {

    private static final LocalDateTime YESTERDAY = LocalDateTime.of(2026, 11, 27, 23, 0);
    private static final LocalDateTime TODAY = YESTERDAY.plusHours(24);

    private static Factor disk(double value, double lost) {
        return new Factor("resources", "disk_used_pct", "%", "higher_is_worse", value, value, 80.0, 90.0,
                value >= 90 ? "critical" : "warning", 24, 24, value >= 90 ? 12 : 0, lost, 40, null);
    }

    private static Factor cpu(double value, double lost) {
        return new Factor("resources", "cpu_util_pct", "%", "higher_is_worse", value, value, 80.0, 90.0, "warning",
                24, 2, 0, lost, 20, null);
    }

    private static Factor alerts(int n, double lost) {
        return new Factor("alert_pressure", "alerts_critical", "alerts", null, (double) n, null, null, null, "critical",
                0, 0, 0, lost, lost, "Data Disk Capacity Alert");
    }

    private static HealthScore score(LocalDateTime at, double score, List<Factor> factors) {
        Map<String, DimensionScore> dims = new LinkedHashMap<>();
        double resources = factors.stream().filter(f -> f.dimension().equals("resources")).mapToDouble(Factor::pointsLost).sum();
        double alerts = factors.stream().filter(f -> f.dimension().equals("alert_pressure")).mapToDouble(Factor::pointsLost).sum();
        dims.put("resources", new DimensionScore(100 - resources * 2, resources, 50));
        dims.put("alert_pressure", new DimensionScore(100 - alerts * 4, alerts, 25));
        Explanation e = new Explanation(score, score >= 80 ? "healthy" : "warning", 24, dims, factors, 21, null);
        return new HealthScore("c-1", at, at.minusHours(23), at, score, e.status(), e);
    }

    @Test
    void diffListsFactorsThatGotWorseAndBetterWithTheirPoints() {
        HealthScore from = score(YESTERDAY, 85.2, List.of(disk(84, 10.8), cpu(85, 4.0)));
        HealthScore to = score(TODAY, 67.0, List.of(disk(96.2, 25.0), alerts(1, 8.0)));
        HealthDiff d = HealthNarrative.diff("c-1", from, to);

        assertThat(d.scoreChange()).isEqualTo(-18.2);
        assertThat(d.worse()).extracting(HealthDiff.FactorChange::metric).containsExactly("disk_used_pct", "alerts_critical");
        assertThat(d.worse().getFirst().pointsChange()).isEqualTo(14.2);
        assertThat(d.worse().getFirst().fromValue()).isEqualTo(84.0);
        assertThat(d.worse().getFirst().toValue()).isEqualTo(96.2);
        assertThat(d.worse().getFirst().text()).contains("84 %", "96.2 %", "14.2 more points");
        assertThat(d.worse().get(1).fromPointsLost()).isZero();
        assertThat(d.worse().get(1).text()).contains("went outside its band");
        assertThat(d.better()).singleElement().satisfies(c -> {
            assertThat(c.metric()).isEqualTo("cpu_util_pct");
            assertThat(c.pointsChange()).isEqualTo(-4.0);
            assertThat(c.toValue()).isNull();
            assertThat(c.text()).contains("back inside its band");
        });
        assertThat(d.dimensions()).contains(new HealthDiff.DimensionChange("resources", 14.8, 25.0, 10.2),
                new HealthDiff.DimensionChange("alert_pressure", 0.0, 8.0, 8.0));
        assertThat(d.summary()).startsWith("Score fell 18.2 points (85.2 -> 67)")
                .contains("disk_used_pct (-14.2)", "alerts_critical (-8)");
    }

    @Test
    void unchangedFactorsAreLeftOut() {
        HealthScore from = score(YESTERDAY, 89.2, List.of(disk(84, 10.8)));
        HealthScore to = score(TODAY, 89.2, List.of(disk(84.01, 10.8)));
        HealthDiff d = HealthNarrative.diff("c-1", from, to);
        assertThat(d.worse()).isEmpty();
        assertThat(d.better()).isEmpty();
        assertThat(d.scoreChange()).isZero();
        assertThat(d.summary()).contains("Score unchanged").contains("no factor changed");
    }

    @Test
    void aScoreAgainstNoDataSaysHowTheStatusChanged() {
        Explanation none = new Explanation(null, "no_data", 24, Map.of(), List.of(), 0, "no hourly snapshots");
        HealthScore from = new HealthScore("c-1", YESTERDAY, YESTERDAY.minusHours(23), YESTERDAY, null, "no_data", none);
        HealthDiff d = HealthNarrative.diff("c-1", from, score(TODAY, 75, List.of(disk(91, 25))));
        assertThat(d.scoreChange()).isNull();
        assertThat(d.summary()).startsWith("Status went from no_data to warning");
        assertThat(d.worse()).singleElement().extracting(HealthDiff.FactorChange::metric).isEqualTo("disk_used_pct");
    }

    @Test
    void reasonsReadAsSentencesWithValuesThresholdsHoursAndPoints() {
        assertThat(HealthNarrative.reason(disk(96.2, 25.0))).isEqualTo(
                "disk_used_pct reached 96.2 % (critical; warning >= 80 %, critical >= 90 %), beyond warning 24 of 24 h, "
                        + "critical 12 h (-25 points).");
        assertThat(HealthNarrative.reason(alerts(2, 16))).isEqualTo(
                "2 critical alerts firing in the window: Data Disk Capacity Alert (-16 points).");
        HealthScore s = score(TODAY, 67, List.of(disk(96.2, 25.0), alerts(1, 8.0)));
        assertThat(HealthNarrative.headline(s)).isEqualTo(
                "Score 67 (warning): most points lost to resources (-25) and alert_pressure (-8).");
    }
}
