package dev.byocfleet.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.byocfleet.metrics.CanonicalMetric;
import dev.byocfleet.metrics.CanonicalMetric.Direction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthScorerTest {

    @Test
    void severityRisesFromAQuarterAtWarningToSixTenthsAtCriticalAndSaturatesABandWidthPastIt() {
        assertThat(HealthScorer.severity(Direction.HIGHER_IS_WORSE, 80, 90, 79.9)).isZero();
        assertThat(HealthScorer.severity(Direction.HIGHER_IS_WORSE, 80, 90, 80)).isEqualTo(0.25);
        assertThat(HealthScorer.severity(Direction.HIGHER_IS_WORSE, 80, 90, 85)).isCloseTo(0.425, offset(1e-9));
        assertThat(HealthScorer.severity(Direction.HIGHER_IS_WORSE, 80, 90, 90)).isCloseTo(0.6, offset(1e-9));
        assertThat(HealthScorer.severity(Direction.HIGHER_IS_WORSE, 80, 90, 100)).isEqualTo(1.0);
        assertThat(HealthScorer.severity(Direction.HIGHER_IS_WORSE, 80, 90, 250)).isEqualTo(1.0);
    }

    @Test
    void lowerIsWorseMirrorsTheBand() {
        assertThat(HealthScorer.severity(Direction.LOWER_IS_WORSE, 0.99, 0.75, 1.0)).isZero();
        assertThat(HealthScorer.severity(Direction.LOWER_IS_WORSE, 0.99, 0.75, 0.75)).isCloseTo(0.6, offset(1e-9));
        assertThat(HealthScorer.severity(Direction.LOWER_IS_WORSE, 0.99, 0.75, 0.0)).isEqualTo(1.0);
    }

    @Test
    void everyDictionaryMetricWithThresholdsHasAWeightInItsOwnDimension() {
        HealthProperties p = HealthProperties.defaults();
        for (CanonicalMetric m : CanonicalMetric.values()) {
            if (m.warnThreshold() != null) {
                assertThat(p.points(m.metricName())).as(m.metricName()).isPositive();
                assertThat(p.dimensionCaps()).containsKey(m.category());
            }
        }
    }

    @Test
    void configuredWeightsMergeOverTheDefaultsAndUnknownNamesFail() {
        HealthProperties p = new HealthProperties(null, null, null, null, null, null, null,
                Map.of("alert-pressure", 10.0), Map.of("disk_used_pct", 60.0), null, null, null);
        assertThat(p.cap("alert_pressure")).isEqualTo(10.0);
        assertThat(p.cap("resources")).isEqualTo(50.0);
        assertThat(p.points("disk_used_pct")).isEqualTo(60.0);
        assertThat(p.points("cpu_util_pct")).isEqualTo(20.0);
        assertThatThrownBy(() -> new HealthProperties(null, null, null, null, null, null, null, null,
                Map.of("disk_free", 1.0), null, null, null)).hasMessageContaining("disk_free");
        assertThatThrownBy(() -> new HealthProperties(0, null, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("window-hours");
        assertThatThrownBy(() -> new HealthProperties(null, null, null, null, null, null, null, null, null, null, null, 0))
                .hasMessageContaining("keep-days");
    }

    @Test
    void statusBandsFollowTheConfiguredMinimums() {
        HealthProperties p = HealthProperties.defaults();
        assertThat(p.status(80)).isEqualTo("healthy");
        assertThat(p.status(79.9)).isEqualTo("warning");
        assertThat(p.status(60)).isEqualTo("warning");
        assertThat(p.status(59.9)).isEqualTo("critical");
    }
}
