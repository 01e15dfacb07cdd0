package dev.byocfleet.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The back-test on hand-made disk histories whose outcomes are known: a steady climb the
 * forecaster should time exactly, a climb that stops short of the threshold (false alarms), and a
 * one-day spike no trend can foresee (misses).
 */
class ForecastBacktestTest {

    private static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 28, 23, 0);
    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());

    @AfterEach
    void close() {
        store.close();
    }

    /** 30 days of hourly disk snapshots; {@code value(hoursBeforeAsOf)}. */
    private void disk(String clusterId, IntToDoubleFunction value) {
        List<Object[]> rows = new ArrayList<>();
        for (int h = 0; h < 30 * 24; h++) {
            double v = value.applyAsDouble(h);
            rows.add(new Object[] {clusterId, "disk_used_pct", AS_OF.minusHours(h), v, v, v, v, v, 12L});
        }
        store.append("metrics.amv_hourly_snapshots_v1", rows);
    }

    private Backtest run() {
        var ds = store.dataSource();
        AnalysisProperties props = AnalysisProperties.defaults();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());
        return new ForecastBacktest(repository, new BreakingPoints(repository, props), props).run(AS_OF, AS_OF);
    }

    @Test
    void scoresHitsFalseAlarmsAndMissesAgainstWhatHappenedAfterEachCut() {
        // +0.8 a day, 86 % now: crosses the 80 % warning 7.5 days ago, never 90 %
        disk("c-grow", h -> 86 - 0.8 * h / 24.0);
        // +1.5 a day until six days ago, then flat at 78 %: forecasts of 80 % never come true
        disk("c-stops", h -> h < 6 * 24 ? 78 : 78 - 1.5 * (h / 24.0 - 6));
        // flat at 50 % with three hours at 95 % a day ago: nothing could have foreseen it
        disk("c-spike", h -> h >= 28 && h <= 30 ? 95 : 50);
        disk("c-flat", h -> 40);

        Backtest b = run();
        Backtest.Stats warning = b.byThreshold().get("warning");
        Backtest.Stats critical = b.byThreshold().get("critical");
        // c-grow at the 10-day cut: 78 % and +0.8 a day -> 80 % in 2.5 days, exactly when it happened
        assertThat(b.examples()).anySatisfy(e -> {
            assertThat(e.clusterId()).isEqualTo("c-grow");
            assertThat(e.outcome()).isEqualTo("hit");
            assertThat(e.cutAt()).isEqualTo(AS_OF.minusDays(10));
            assertThat(e.errorDays()).isZero();
        });
        assertThat(warning.hits()).isEqualTo(1);
        assertThat(warning.falseAlarms()).isGreaterThanOrEqualTo(2);
        assertThat(b.examples()).filteredOn(e -> e.outcome().equals("false_alarm"))
                .allSatisfy(e -> assertThat(e.clusterId()).isEqualTo("c-stops"));
        // the spike is a miss at every cut for both thresholds
        assertThat(warning.misses()).isEqualTo(5);
        assertThat(critical.misses()).isEqualTo(5);
        assertThat(critical.hits()).isZero();
        assertThat(b.overall().actualBreaches()).isEqualTo(11);
        assertThat(b.overall().hitRate()).isEqualTo(Math.round(1 / 11.0 * 1000) / 1000.0);
        assertThat(b.overall().maeDays()).isZero();
        assertThat(b.byMetric().get("disk_used_pct").evaluated()).isEqualTo(b.overall().evaluated());
        assertThat(b.byCut()).containsOnlyKeys("2", "3", "5", "7", "10");
    }
}
