package dev.byocfleet.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.analysis.BreakingPointForecaster.Point;
import dev.byocfleet.analysis.BreakingPoints.SeriesKey;
import dev.byocfleet.metrics.HourlySnapshotRefresher;
import dev.byocfleet.metrics.SnapshotChanges;
import dev.byocfleet.metrics.TestRefreshers;
import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hourly values kept between fleet forecasts give exactly what the store's aggregation gives
 * (daily peaks, hourly values of flagged series, and so the forecasts), after every kind of change
 * to the snapshot table, and read only the hours that changed or are new.
 */
class CapacityHoursTest {

    private static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 28, 23, 0);
    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
    private final SplittableRandom random = new SplittableRandom(7);
    private final AnalysisProperties props = AnalysisProperties.defaults();

    @AfterEach
    void close() {
        store.close();
    }

    private ForecastRepository repository() {
        DataSource ds = store.dataSource();
        return new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());
    }

    /** Hourly rows of one series from {@code fromHoursAgo} to {@code toHoursAgo} before AS_OF, without the hours 3, 20, 37... */
    private void series(String cluster, String metric, int fromHoursAgo, int toHoursAgo, double level, double perHour) {
        List<Object[]> rows = new ArrayList<>();
        for (int h = fromHoursAgo; h >= toHoursAgo; h--) {
            if (h % 17 == 3) {
                continue;
            }
            double v = level + perHour * (fromHoursAgo - h) + random.nextGaussian();
            // max and p95 differ, so the statistic each metric uses shows
            rows.add(new Object[] {cluster, metric, AS_OF.minusHours(h), v - 5, v - 10, v, v - 2, v - 1, 12L});
        }
        store.append("metrics.amv_hourly_snapshots_v1", rows);
    }

    private void fleet() {
        for (int i = 0; i < 6; i++) {
            series("c-" + i, "disk_used_pct", 500, 0, 40 + i, 0.05);
            series("c-" + i, "cpu_util_pct", 400, 0, 60, 0.0);
            series("c-" + i, "connections", 300, 30, 500, 0.5);
        }
        // not a capacity metric: never held
        series("c-0", "query_qps", 300, 0, 10, 0);
    }

    /** What the store's aggregation gives at {@code asOf}: daily peaks as the fleet forecast groups them. */
    private Map<SeriesKey, List<Point>> storedPeaks(BreakingPoints breakingPoints, LocalDateTime asOf) {
        return breakingPoints.series(repository().dailyPeaks(asOf, props.lookbackDays(), props.minBlockHours()), 0);
    }

    /** The fleet's forecasts from the daily peaks the store aggregates. */
    private List<Forecast> fromStore(BreakingPoints breakingPoints, LocalDateTime asOf) {
        return breakingPoints.forecastAll(asOf, storedPeaks(breakingPoints, asOf)).stream()
                .map(c -> breakingPoints.toForecast(asOf, c)).toList();
    }

    private Map<SeriesKey, List<Point>> storedHours(LocalDateTime asOf, Map<CapacityMetric, Set<String>> series, int hours) {
        Map<SeriesKey, List<Point>> out = new HashMap<>();
        for (ForecastRepository.HourlyValue v : repository().hourly(series, asOf.minusHours(hours), asOf)) {
            double x = -java.time.Duration.between(v.snapshotHour(), asOf).toHours();
            out.computeIfAbsent(new SeriesKey(v.clusterId(), CapacityMetric.byName(v.metricName()).orElseThrow()),
                    k -> new ArrayList<>()).add(new Point(x, v.value()));
        }
        return out;
    }

    private static Map<CapacityMetric, Set<String>> all(Collection<SeriesKey> keys) {
        return keys.stream().collect(Collectors.groupingBy(SeriesKey::metric, Collectors.mapping(SeriesKey::clusterId,
                Collectors.toSet())));
    }

    /** The held view equals the store's answer: daily peaks, and 181 hourly values of every series. */
    private void assertSameAsStore(CapacityHours hours, BreakingPoints breakingPoints, LocalDateTime asOf) {
        Map<SeriesKey, List<Point>> stored = storedPeaks(breakingPoints, asOf);
        int hourly = 24 * BreakingPointForecaster.BASELINE_DAYS + props.recentHours() + 1;
        hours.at(asOf, window -> {
            assertThat(window.dailyPeaks(props.lookbackDays(), props.minBlockHours())).isEqualTo(stored);
            assertThat(window.hourly(all(stored.keySet()), hourly)).isEqualTo(storedHours(asOf, all(stored.keySet()), hourly));
            return true;
        });
    }

    @Test
    void heldValuesEqualTheStoresAfterEveryKindOfChangeAndOnlyChangedOrNewHoursAreRead() {
        fleet();
        BreakingPoints breakingPoints = new BreakingPoints(repository(), props);
        CapacityHours hours = new CapacityHours(repository(), 24 * props.lookbackDays());

        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertThat(hours.lastRefresh().hoursRead()).isEqualTo(336);
        assertThat(hours.lastRefresh().wholeWindow()).isTrue();

        // nothing changed: nothing read
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertThat(hours.lastRefresh().hoursRead()).isZero();

        // a value rewritten in an old hour (a late sample re-rolled it): that hour alone
        jdbc.update("UPDATE metrics.amv_hourly_snapshots_v1 SET max_value = 99.5 WHERE cluster_id = 'c-2' "
                + "AND metric_name = 'disk_used_pct' AND snapshot_hour = ?", AS_OF.minusHours(200));
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertThat(hours.lastRefresh().hoursRead()).isEqualTo(1);

        // a statistic the metric does not use changed (p95 of disk): read again, results the same
        jdbc.update("UPDATE metrics.amv_hourly_snapshots_v1 SET p95_value = 1 WHERE cluster_id = 'c-1' "
                + "AND metric_name = 'disk_used_pct' AND snapshot_hour = ?", AS_OF.minusHours(100));
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertThat(hours.lastRefresh().hoursRead()).isEqualTo(1);

        // rows deleted from two hours, one of them emptied; a value set to NULL
        jdbc.update("DELETE FROM metrics.amv_hourly_snapshots_v1 WHERE cluster_id = 'c-3' AND snapshot_hour = ?",
                AS_OF.minusHours(5));
        jdbc.update("DELETE FROM metrics.amv_hourly_snapshots_v1 WHERE snapshot_hour = ?", AS_OF.minusHours(7));
        jdbc.update("UPDATE metrics.amv_hourly_snapshots_v1 SET max_value = NULL WHERE cluster_id = 'c-4' "
                + "AND metric_name = 'connections' AND snapshot_hour = ?", AS_OF.minusHours(40));
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertThat(hours.lastRefresh().hoursRead()).isEqualTo(3);

        // the clock moves on three hours: a new series, an old one silent; the window's oldest hours drop out
        series("c-new", "mem_util_pct", -1, -3, 70, 1);
        series("c-0", "disk_used_pct", -1, -3, 45, 0);
        assertSameAsStore(hours, breakingPoints, AS_OF.plusHours(3));
        assertThat(hours.lastRefresh().hoursRead()).isEqualTo(3);

        // a new hour appears, then a row is added to an hour already held
        series("c-5", "cpu_util_pct", -4, -4, 60, 0);
        jdbc.update("INSERT INTO metrics.amv_hourly_snapshots_v1 VALUES ('c-late', 'compaction_score_max', ?, 1, 1, 300, 250, 1, 12)",
                AS_OF.minusHours(20));
        assertSameAsStore(hours, breakingPoints, AS_OF.plusHours(4));
        assertThat(hours.lastRefresh().hoursRead()).isEqualTo(2);

        // the newest hours forgotten (the bench's rounds) are read again
        hours.forgetNewest(6);
        assertSameAsStore(hours, breakingPoints, AS_OF.plusHours(4));
        assertThat(hours.lastRefresh().hoursRead()).isEqualTo(6);

        // a jump past the whole window reads it whole; series with no value left are let go
        assertSameAsStore(hours, breakingPoints, AS_OF.plusDays(30));
        assertThat(hours.lastRefresh().wholeWindow()).isTrue();
        hours.at(AS_OF.plusDays(30), window -> {
            assertThat(window.dailyPeaks(props.lookbackDays(), props.minBlockHours())).isEmpty();
            return true;
        });
    }

    /** A value of an old hour changed by SQL that reports nothing to {@link SnapshotChanges}. */
    private void writeWithoutReport() {
        jdbc.update("UPDATE metrics.amv_hourly_snapshots_v1 SET max_value = 1 WHERE cluster_id = 'c-3' "
                + "AND metric_name = 'disk_used_pct' AND snapshot_hour = ?", AS_OF.minusHours(50));
    }

    private static void assertLastRead(CapacityHours hours, int hoursRead, boolean verified) {
        assertThat(hours.lastRefresh()).extracting(CapacityHours.Refresh::hoursRead, CapacityHours.Refresh::verified)
                .containsExactly(hoursRead, verified);
    }

    @Test
    void withTheWritersReportsOnlyTheHoursReportedAreReadAndAnUnknownChangeFingerprintsTheWindow() {
        fleet();
        SnapshotChanges changes = new SnapshotChanges(true);
        BreakingPoints breakingPoints = new BreakingPoints(repository(), props);
        CapacityHours hours = new CapacityHours(repository(), 24 * props.lookbackDays(), changes, Duration.ofDays(1));

        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertLastRead(hours, 336, true);

        // nothing reported: nothing read, and no fingerprint of the window either
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertLastRead(hours, 0, false);

        // two old hours rewritten and reported: those two
        jdbc.update("UPDATE metrics.amv_hourly_snapshots_v1 SET max_value = 99.5 WHERE cluster_id = 'c-2' "
                + "AND metric_name = 'disk_used_pct' AND snapshot_hour = ?", AS_OF.minusHours(200));
        jdbc.update("DELETE FROM metrics.amv_hourly_snapshots_v1 WHERE cluster_id = 'c-1' AND snapshot_hour = ?",
                AS_OF.minusHours(100));
        changes.hours(AS_OF.minusHours(200), AS_OF.minusHours(200));
        changes.hours(AS_OF.minusHours(100), AS_OF.minusHours(100));
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertLastRead(hours, 2, false);

        // the clock moves on three hours: the new hours are read whether reported or not
        series("c-0", "disk_used_pct", -1, -3, 45, 0);
        assertSameAsStore(hours, breakingPoints, AS_OF.plusHours(3));
        assertLastRead(hours, 3, false);

        // a write nobody reported is not seen (the writers are trusted)...
        writeWithoutReport();
        hours.at(AS_OF.plusHours(3), window -> true);
        assertThat(hours.lastRefresh().hoursRead()).isZero();
        // ...until a change of unknown extent has the window fingerprinted: then that hour is read too
        changes.all();
        assertSameAsStore(hours, breakingPoints, AS_OF.plusHours(3));
        assertLastRead(hours, 1, true);
    }

    @Test
    void aVerificationDueFingerprintsTheWindowAndCatchesAWriteNobodyReported() {
        fleet();
        SnapshotChanges changes = new SnapshotChanges(true);
        BreakingPoints breakingPoints = new BreakingPoints(repository(), props);
        CapacityHours hours = new CapacityHours(repository(), 24 * props.lookbackDays(), changes, Duration.ZERO);
        assertSameAsStore(hours, breakingPoints, AS_OF);
        writeWithoutReport();
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertLastRead(hours, 1, true);
    }

    @Test
    void theHoursTheRollupRewritesAreReadAgainWithoutAFingerprintOfTheWindow() {
        fleet();
        SnapshotChanges changes = new SnapshotChanges(true);
        HourlySnapshotRefresher rollup = TestRefreshers.create(store.dataSource(), new DuckDbDialect(), changes);
        BreakingPoints breakingPoints = new BreakingPoints(repository(), props);
        BreakingPoints tracked = new BreakingPoints(repository(), props, changes);
        CapacityHours hours = tracked.capacityHours();
        assertSameAsStore(hours, breakingPoints, AS_OF);

        // late raw samples of two clusters in two old hours: the rollup rewrites those (cluster, hour) pairs
        jdbc.update("INSERT INTO metrics.metrics_table VALUES (?, 'c-2', NULL, 'disk_used_pct', 97.0, ?)",
                AS_OF.minusHours(30).plusMinutes(10), AS_OF);
        jdbc.update("INSERT INTO metrics.metrics_table VALUES (?, 'c-4', NULL, 'connections', 900.0, ?)",
                AS_OF.minusHours(28).plusMinutes(40), AS_OF);
        assertThat(rollup.refresh(false).hoursRefreshed()).isEqualTo(2);
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertLastRead(hours, 3, false);
        assertThat(tracked.forecastFleet(AS_OF)).containsExactlyInAnyOrderElementsOf(fromStore(breakingPoints, AS_OF));
    }

    @Test
    void theFleetForecastFromHeldValuesEqualsTheOneFromTheStoresAggregation() {
        fleet();
        // a fill over the last hours: flagged, so its hourly values are used too
        series("c-ramp", "disk_used_pct", 400, 9, 55, 0);
        series("c-ramp", "disk_used_pct", 8, 0, 75, 1.5);
        BreakingPoints breakingPoints = new BreakingPoints(repository(), props);

        for (LocalDateTime asOf : List.of(AS_OF, AS_OF.minusHours(1), AS_OF)) {
            List<Forecast> held = breakingPoints.forecastFleet(asOf);
            assertThat(held).containsExactlyInAnyOrderElementsOf(fromStore(breakingPoints, asOf));
            assertThat(held).filteredOn(f -> f.clusterId().equals("c-ramp"))
                    .extracting(Forecast::method).containsExactly(BreakingPointForecaster.RECENT_METHOD);
        }
        // an "as of" that is not a whole hour is forecast from the store's aggregation, as before
        LocalDateTime between = AS_OF.minusMinutes(30);
        assertThat(breakingPoints.forecastFleet(between)).containsExactlyInAnyOrderElementsOf(fromStore(breakingPoints, between));
    }

    @Test
    void aTableWithHoursThatAreNotWholeIsNotHeld() {
        fleet();
        jdbc.update("INSERT INTO metrics.amv_hourly_snapshots_v1 VALUES ('c-odd', 'disk_used_pct', ?, 1, 1, 50, 50, 1, 12)",
                AS_OF.minusMinutes(90));
        CapacityHours hours = new CapacityHours(repository(), 24 * props.lookbackDays());
        assertThat(hours.at(AS_OF, window -> "held")).isEmpty();
        BreakingPoints breakingPoints = new BreakingPoints(repository(), props);
        assertThat(breakingPoints.forecastFleet(AS_OF)).containsExactlyInAnyOrderElementsOf(fromStore(breakingPoints, AS_OF));
    }

    @Test
    void aReadThatFailsHalfWayLeavesNothingHeldAndTheNextReadsTheWholeWindow() {
        fleet();
        AtomicBoolean fail = new AtomicBoolean();
        DataSource ds = store.dataSource();
        ForecastRepository failing = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect()) {
            @Override
            void hourlyPoints(LocalDateTime after, LocalDateTime asOf, @Nullable Collection<LocalDateTime> hours, PointSink sink) {
                super.hourlyPoints(after, asOf, hours, (c, m, x, y) -> {
                    if (fail.get() && x == 2) {
                        throw new IllegalStateException("the store went away");
                    }
                    sink.accept(c, m, x, y);
                });
            }
        };
        CapacityHours hours = new CapacityHours(failing, 24 * props.lookbackDays());
        BreakingPoints breakingPoints = new BreakingPoints(repository(), props);
        assertSameAsStore(hours, breakingPoints, AS_OF);

        jdbc.update("UPDATE metrics.amv_hourly_snapshots_v1 SET max_value = max_value + 1 WHERE snapshot_hour >= ?",
                AS_OF.minusHours(5));
        fail.set(true);
        assertThatThrownBy(() -> hours.at(AS_OF, window -> true)).hasMessageContaining("the store went away");
        fail.set(false);
        assertSameAsStore(hours, breakingPoints, AS_OF);
        assertThat(hours.lastRefresh().wholeWindow()).isTrue();
    }

    @Test
    void aWindowShorterThanADayOrAskedForMoreThanItHoldsIsRefused() {
        assertThatThrownBy(() -> new CapacityHours(repository(), 23)).hasMessageContaining("a day or more");
        CapacityHours hours = new CapacityHours(repository(), 48);
        assertThatThrownBy(() -> hours.at(AS_OF.minusMinutes(1), w -> true)).hasMessageContaining("whole hours");
        hours.at(AS_OF, window -> {
            assertThatThrownBy(() -> window.dailyPeaks(3, 1)).hasMessageContaining("do not fit");
            assertThatThrownBy(() -> window.hourly(Map.of(), 49)).hasMessageContaining("do not fit");
            return true;
        });
    }
}
