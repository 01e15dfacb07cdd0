package dev.byocfleet.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.analysis.BreakingPointForecaster.Point;
import dev.byocfleet.analysis.BreakingPoints.SeriesKey;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fleet pass forecasts all series together (one read of the daily peaks, one of the hourly
 * values of the flagged series): every forecast must equal the one the same code gives for that
 * series alone, and the forecasts come in the order of the series (the back-test's examples depend
 * on it). The fixture has every status, recent ramps and breached runs, so the hourly values of
 * flagged series are read too.
 */
class BreakingPointsTest {

    private static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 28, 23, 0);
    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final SplittableRandom random = new SplittableRandom(11);

    @AfterEach
    void close() {
        store.close();
    }

    /** {@code days} days of hourly snapshots of one metric; {@code value(hoursBeforeAsOf)}, none before {@code fromHour}. */
    private void series(String clusterId, String metric, int days, int fromHour, IntToDoubleFunction value) {
        List<Object[]> rows = new ArrayList<>();
        for (int h = fromHour; h < days * 24; h++) {
            double v = value.applyAsDouble(h);
            rows.add(new Object[] {clusterId, metric, AS_OF.minusHours(h), v, v, v, v, v, 12L});
        }
        store.append("metrics.amv_hourly_snapshots_v1", rows);
    }

    private static double cycle(int hoursAgo, double a) {
        return a * Math.sin(2 * Math.PI * (((-hoursAgo) % 24 + 24) % 24 - 8) / 24.0);
    }

    @Test
    void theFleetsForecastsEqualEachSeriesForecastAloneInTheOrderOfTheSeries() {
        for (int n = 0; n < 12; n++) {
            int i = n;
            double noise = 0.2 + i * 0.1;
            series("c-climb-" + i, "disk_used_pct", 16, 0, t -> 70 + i - t / 24.0 + cycle(t, 4) + random.nextGaussian() * noise);
            series("c-flat-" + i, "cpu_util_pct", 16, 0, t -> 50 + cycle(t, 10) + random.nextGaussian() * noise);
            // flat, then a fill over the last 8 hours: a recent ramp, read hour by hour
            series("c-ramp-" + i, "disk_used_pct", 16, 0, t -> (t < 8 ? 55 + 2.5 * (8 - t) : 55) + random.nextGaussian() * 0.15);
            // over the critical threshold for the last 30 hours: breached, the run's start from the hours
            series("c-over-" + i, "connections", 16, 0, t -> t < 30 + i ? 1100 : 600 + random.nextGaussian() * 5);
            // silent for the last four days, or only three days old
            series("c-stale-" + i, "mem_util_pct", 16, 4 * 24, t -> 70);
            series("c-young-" + i, "compaction_score_max", 3, 0, t -> 20 + t);
        }
        var ds = store.dataSource();
        AnalysisProperties props = AnalysisProperties.defaults();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());
        BreakingPoints breakingPoints = new BreakingPoints(repository, props);

        List<Forecast> fleet = breakingPoints.forecastFleet(AS_OF);

        Map<SeriesKey, List<Point>> daily = breakingPoints.series(
                repository.dailyPeaks(AS_OF, props.lookbackDays(), props.minBlockHours()), 0);
        assertThat(fleet).hasSize(72).hasSize(daily.size());
        assertThat(fleet).extracting(f -> new SeriesKey(f.clusterId(), CapacityMetric.byName(f.metricName()).orElseThrow()))
                .containsExactlyElementsOf(daily.keySet());
        for (Forecast f : fleet) {
            SeriesKey key = new SeriesKey(f.clusterId(), CapacityMetric.byName(f.metricName()).orElseThrow());
            List<BreakingPoints.Computed> alone = breakingPoints.forecastAll(AS_OF, Map.of(key, daily.get(key)));
            assertThat(f).isEqualTo(breakingPoints.toForecast(AS_OF, alone.getFirst()));
        }
        assertThat(fleet).extracting(Forecast::status)
                .contains("breached", "breach", "no_breach", "insufficient_data");
        assertThat(fleet).filteredOn(f -> f.clusterId().startsWith("c-ramp-"))
                .extracting(Forecast::method).containsOnly(BreakingPointForecaster.RECENT_METHOD);
        // the breached series are dated to the first hour of their run, which only the hours tell
        assertThat(fleet).filteredOn(f -> f.clusterId().equals("c-over-3"))
                .extracting(Forecast::breachAt).containsExactly(AS_OF.minusHours(32));
    }
}
