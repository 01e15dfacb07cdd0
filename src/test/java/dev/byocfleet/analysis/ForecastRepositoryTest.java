package dev.byocfleet.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byocfleet.store.DuckDbDialect;
import dev.byocfleet.support.TestStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hourly values the forecaster reads for flagged series (exactly the pairs asked for, in their
 * window), and storing forecasts.
 */
class ForecastRepositoryTest {

    private static final LocalDateTime AS_OF = LocalDateTime.of(2026, 11, 28, 23, 0);
    private final TestStore store = new TestStore();
    private final JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void hourlyReturnsOnlyTheRequestedClusterMetricPairsWithTheirStatistic() {
        List<Object[]> rows = new ArrayList<>();
        for (String cluster : List.of("c-a", "c-b", "c-c")) {
            for (String metric : List.of("disk_used_pct", "cpu_util_pct", "query_qps")) {
                for (int h = 0; h < 5; h++) {
                    // avg, min, max, p95, last: max and p95 differ so the statistic shows
                    rows.add(new Object[] {cluster, metric, AS_OF.minusHours(h), 1.0, 0.0, 10.0 + h, 5.0 + h, 1.0, 12L});
                }
            }
        }
        store.append("metrics.amv_hourly_snapshots_v1", rows);
        var ds = store.dataSource();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());

        // c-a's disk and c-b's cpu: c-a's cpu and c-b's disk are in the same IN lists but were not asked for
        List<ForecastRepository.HourlyValue> values = repository.hourly(Map.of(
                CapacityMetric.DISK_USED_PCT, Set.of("c-a"), CapacityMetric.CPU_UTIL_PCT, Set.of("c-b")),
                AS_OF.minusHours(3), AS_OF);

        assertThat(values).extracting(v -> v.clusterId() + "|" + v.metricName())
                .containsOnly("c-a|disk_used_pct", "c-b|cpu_util_pct");
        assertThat(values).hasSize(6);
        // disk compares the hour's maximum, CPU its p95; the window is (asOf - 3 h, asOf]
        assertThat(values).filteredOn(v -> v.clusterId().equals("c-a"))
                .extracting(ForecastRepository.HourlyValue::value).containsExactly(12.0, 11.0, 10.0);
        assertThat(values).filteredOn(v -> v.clusterId().equals("c-b"))
                .extracting(ForecastRepository.HourlyValue::value).containsExactly(7.0, 6.0, 5.0);
        assertThat(repository.hourly(Map.of(), AS_OF.minusHours(3), AS_OF)).isEmpty();
        // the back-test reads hourly values once per cut and metric: each read gives its connection back
        for (int i = 0; i < 40; i++) {
            assertThat(repository.hourly(Map.of(CapacityMetric.DISK_USED_PCT, Set.of("c-a")), AS_OF.minusHours(3), AS_OF))
                    .hasSize(3);
        }
    }

    @Test
    void hourlyOfMoreSeriesThanOneStatementTakesReturnsEverySeriesInClusterMetricHourOrder() {
        List<Object[]> rows = new ArrayList<>();
        int clusters = ForecastRepository.HOURLY_SERIES_PER_STATEMENT + 30;
        for (int c = 0; c < clusters; c++) {
            for (int h = 0; h < 2; h++) {
                rows.add(new Object[] {"c-%04d".formatted(c), "disk_used_pct", AS_OF.minusHours(h), 1.0, 0.0, c + h / 10.0,
                        0.0, 1.0, 12L});
            }
        }
        store.append("metrics.amv_hourly_snapshots_v1", rows);
        var ds = store.dataSource();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());
        Set<String> asked = new java.util.HashSet<>();
        for (int c = clusters - 1; c >= 0; c -= 1) {
            asked.add("c-%04d".formatted(c));
        }

        List<ForecastRepository.HourlyValue> values = repository.hourly(Map.of(CapacityMetric.DISK_USED_PCT, asked),
                AS_OF.minusHours(2), AS_OF);

        assertThat(values).hasSize(2 * clusters);
        List<String> expected = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            expected.add("c-%04d@%s=%s".formatted(c, AS_OF.minusHours(1), c + 0.1));
            expected.add("c-%04d@%s=%s".formatted(c, AS_OF, c + 0.0));
        }
        assertThat(values).extracting(v -> v.clusterId() + "@" + v.snapshotHour() + "=" + v.value())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theHandWrittenDetailsJsonIsJacksonsWithoutNullsAndReadsBackEqual() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            Forecast.Details line = new Forecast.Details(random.nextInt(15), maybe(random), maybe(random), maybe(random),
                    maybe(random), maybe(random), random.nextBoolean() ? 1.645 : value(random), 1 + random.nextInt(30),
                    random.nextBoolean() ? "max_value" : "p95_value", null);
            LocalDateTime at = AS_OF.plusMinutes(random.nextInt(100_000)).plusSeconds(random.nextInt(3) == 0 ? 7 : 0);
            ForecastRepository.StoredDetails d = new ForecastRepository.StoredDetails(value(random),
                    random.nextBoolean() ? "no_breach" : "breached", random.nextBoolean() ? at : null,
                    random.nextBoolean() ? at.minusDays(1) : null, random.nextBoolean() ? at.withNano(5_000_000) : null,
                    maybe(random), List.of("%", "count", "score").get(random.nextInt(3)), line,
                    random.nextBoolean() ? null : ForecastRepository.StoredDetails.encode(List.of(
                            new Forecast.Peak(3, value(random)), new Forecast.Peak(0, value(random)))));

            String json = d.json();

            assertThat(json).isEqualTo(dev.byocfleet.store.JsonColumns.write(
                    new ForecastRepository.StoredDetails.WithoutNulls(d)));
            assertThat(json).doesNotContain("null");
            assertThat(dev.byocfleet.store.JsonColumns.read(json, ForecastRepository.StoredDetails.class)).isEqualTo(d);
        }
        // what this does not spell itself goes through Jackson: a text that needs escaping, a non-finite number
        Forecast.Details line = new Forecast.Details(2, Double.NaN, 1.0, null, null, null, 1.645, 14, "max_value", null);
        ForecastRepository.StoredDetails odd = new ForecastRepository.StoredDetails(80.0, "no_breach", null, null, null,
                null, "\"quoted\" \\ unit\n", line, "0:1.0");
        assertThat(odd.json()).isEqualTo(dev.byocfleet.store.JsonColumns.write(
                new ForecastRepository.StoredDetails.WithoutNulls(odd)));
        assertThat(dev.byocfleet.store.JsonColumns.read(odd.json(), ForecastRepository.StoredDetails.class).unit())
                .isEqualTo(odd.unit());
    }

    /** Values as the forecasts round them (3 decimals), and some that are not. */
    private static double value(java.util.SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> Math.round(random.nextDouble(-1_000, 1_000) * 1000) / 1000.0;
            case 1 -> Math.round(random.nextDouble(0, 100) * 1000) / 1000.0;
            case 2 -> random.nextDouble(-1e-6, 1e-6);
            case 3 -> random.nextDouble(-1e12, 1e12);
            default -> random.nextInt(-5, 2_000);
        };
    }

    private static @org.jspecify.annotations.Nullable Double maybe(java.util.SplittableRandom random) {
        return random.nextInt(4) == 0 ? null : value(random);
    }

    @Test
    void doublesAreWrittenAsJavaWritesThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.001, -0.001, 0.0005, 0.0015, 9_999_999.999, 1e7,
                -1e7, 10_000_000.001, 1.0, 80.0, 100.0, 0.05, 0.005, 0.5, 0.1, 0.3, 1.645, 123.45, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2));
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, random.nextInt(-4, 9));
            double v = random.nextDouble(-scale, scale);
            values.add(i % 3 == 0 ? v : Math.round(v * 1000) / 1000.0);
        }
        for (double v : values) {
            assertThat(ForecastRepository.StoredDetails.appendDouble(new StringBuilder("x"), v).toString())
                    .as("%s", v).isEqualTo("x" + v);
        }
    }

    @Test
    void peakValuesParseAsParseDoubleDoes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<String> texts = new ArrayList<>(List.of("0.0", "-0.0", "87.0", "5.", ".5", "-.5", "1e-05", "1.5E10", "12",
                "0.1", "0.30000000000000004", "123456789012345.6", "999999999999999", "9999999999999999",
                "0.0000000000000000000001", "0.00000000000000000000001", "4.35", "1234567.1234567", "NaN", "-Infinity"));
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.round(random.nextDouble(-1e6, 1e6) * 1000) / 1000.0;
                case 1 -> random.nextDouble();
                case 2 -> random.nextDouble(-1e20, 1e20);
                default -> random.nextInt(-100_000, 100_000) / Math.pow(10, random.nextInt(0, 25));
            };
            texts.add(Double.toString(v));
            // digits written out in full, as a database may print them
            texts.add(new java.math.BigDecimal(v).setScale(random.nextInt(0, 24), java.math.RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
        for (String text : texts) {
            String padded = "7:" + text + ";";
            assertThat(Double.doubleToRawLongBits(ForecastRepository.StoredDetails.parseDouble(padded, 2, padded.length() - 1)))
                    .as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
    }

    @Test
    void dailyPeaksReadAsArraysEqualThoseReadAsText() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        List<Object[]> rows = new ArrayList<>();
        for (String cluster : List.of("c-a", "c-b", "c-c")) {
            for (String metric : List.of("disk_used_pct", "cpu_util_pct", "connections", "query_qps")) {
                for (int h = 0; h < 24 * 16; h++) {
                    if (random.nextInt(10) == 0 || cluster.equals("c-c") && h % 24 > 4) {
                        continue; // gaps, and c-c's days too short to count (fewer than the minimum hours)
                    }
                    Double max = random.nextInt(20) == 0 ? null : random.nextDouble(0, 100);
                    // p95 and max differ, so the statistic shows; values with every digit, as a p95 has
                    rows.add(new Object[] {cluster, metric, AS_OF.minusHours(h), 1.0, 0.0, max, random.nextDouble(0, 90),
                            1.0, 12L});
                }
            }
        }
        store.append("metrics.amv_hourly_snapshots_v1", rows);
        var ds = store.dataSource();
        DuckDbDialect duckDb = new DuckDbDialect();
        dev.byocfleet.store.Dialect textOnly = (dev.byocfleet.store.Dialect) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {dev.byocfleet.store.Dialect.class}, (proxy, method, args) ->
                        method.getName().equals("arrayAgg") ? java.util.Optional.empty() : method.invoke(duckDb, args));
        ForecastRepository arrays = new ForecastRepository(JdbcClient.create(ds), ds, duckDb);
        ForecastRepository text = new ForecastRepository(JdbcClient.create(ds), ds, textOnly);

        List<ForecastRepository.DailyPeak> fromArrays = arrays.dailyPeaks(AS_OF, 14, 6);

        assertThat(fromArrays).hasSizeGreaterThan(50)
                .containsExactlyInAnyOrderElementsOf(text.dailyPeaks(AS_OF, 14, 6));
        assertThat(fromArrays).extracting(ForecastRepository.DailyPeak::metricName).doesNotContain("query_qps");
        assertThat(fromArrays).extracting(ForecastRepository.DailyPeak::clusterId).doesNotContain("c-c");
        assertThat(arrays.dailyPeaks(AS_OF, 14, 6, "c-b")).containsExactlyInAnyOrderElementsOf(
                text.dailyPeaks(AS_OF, 14, 6, "c-b")).allMatch(p -> p.clusterId().equals("c-b"));
    }

    @Test
    void replacingTheForecastsOfAnHourKeepsOneRowPerSeriesAndDropsExpiredOnes() {
        var ds = store.dataSource();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());
        LocalDateTime old = AS_OF.minusDays(40);
        repository.replaceForecasts(old, List.of(forecast("c-a", old, 50.0)), old.minusDays(30));
        repository.replaceForecasts(AS_OF, List.of(forecast("c-a", AS_OF, 60.0), forecast("c-b", AS_OF, 70.0)),
                AS_OF.minusDays(30));
        // the same hour again, as a second pass at the same "as of" does: replaced, not added to (no
        // primary key guards this on DuckDB since V031, the delete in the same transaction does)
        repository.replaceForecasts(AS_OF, List.of(forecast("c-a", AS_OF, 61.0), forecast("c-b", AS_OF, 71.0)),
                AS_OF.minusDays(30));

        assertThat(jdbc.queryForList("SELECT cluster_id || '=' || CAST(current_value AS VARCHAR) FROM "
                + "alerts.capacity_forecasts ORDER BY cluster_id", String.class)).containsExactly("c-a=61.0", "c-b=71.0");
        assertThat(repository.forecastsOf("c-a", AS_OF)).singleElement()
                .satisfies(f -> assertThat(f.details().peaks()).extracting(Forecast.Peak::value).containsExactly(61.0));
    }

    @Test
    void theNearestBreachesOfForecastsInMemoryAreThoseReadBackFromTheStore() {
        var ds = store.dataSource();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());
        LocalDateTime soon = AS_OF.plusDays(3);
        List<Forecast> all = List.of(
                // c-a: a breach in 3 days on two metrics (the tie goes to the first metric name), a later one
                withBreach(forecast("c-a", AS_OF, 60.0), "disk_used_pct", "breach", soon),
                withBreach(forecast("c-a", AS_OF, 60.0), "connections", "breach", soon),
                withBreach(forecast("c-a", AS_OF, 60.0), "cpu_util_pct", "breach", soon.plusDays(1)),
                // c-b: breached already beats a forecast crossing
                withBreach(forecast("c-b", AS_OF, 95.0), "disk_used_pct", "breached", AS_OF.minusHours(5)),
                withBreach(forecast("c-b", AS_OF, 95.0), "mem_util_pct", "breach", soon),
                // c-c: nothing crosses
                forecast("c-c", AS_OF, 10.0));
        repository.replaceForecasts(AS_OF, all, AS_OF.minusDays(30));

        Map<String, Forecast> fromStore = repository.nearestBreaches(AS_OF);
        assertThat(fromStore).containsOnlyKeys("c-a", "c-b");
        assertThat(fromStore.get("c-a").metricName()).isEqualTo("connections");
        assertThat(fromStore.get("c-b").status()).isEqualTo("breached");
        assertThat(BreakingPoints.nearestBreaches(all)).isEqualTo(fromStore);
        assertThat(BreakingPoints.nearestBreaches(all.reversed())).isEqualTo(fromStore);
    }

    @Test
    void forecastsReadBackEqualToWhatWasStoredAndRowsWithThePeaksAsObjectsStillRead() {
        var ds = store.dataSource();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());
        var details = new Forecast.Details(3, 61.5, 0.25, 0.5, 1.5, 1.0, 1.645, 14, "max_value",
                List.of(new Forecast.Peak(5, 58.125), new Forecast.Peak(1, 60.1), new Forecast.Peak(0, 61.000000000001)));
        Forecast f = withBreach(forecast("c-a", AS_OF, 61.0), "disk_used_pct", "breach", AS_OF.plusDays(3));
        Forecast stored = new Forecast(f.clusterId(), f.metricName(), f.unit(), f.computedAt(), f.method(), f.status(),
                f.currentValue(), f.threshold(), f.slopePerDay(), f.breachAt(), f.breachEarliest(), f.breachLatest(),
                f.daysToBreach(), f.horizonDays(), f.fitQuality(), f.warnThreshold(), f.warnStatus(), f.warnBreachAt(),
                f.warnBreachEarliest(), f.warnBreachLatest(), details);
        Forecast noPeaks = forecast("c-b", AS_OF, 10.0);
        repository.replaceForecasts(AS_OF, List.of(stored, noPeaks), AS_OF.minusDays(30));

        assertThat(repository.forecastsOf("c-a", AS_OF)).containsExactly(stored);
        assertThat(repository.forecastsOf("c-b", AS_OF)).containsExactly(noPeaks);

        // a row written before the peaks were stored as one text: each peak an object inside "line"
        jdbc.update("UPDATE alerts.capacity_forecasts SET details = ? WHERE cluster_id = 'c-a'", """
                {"warn_threshold":80.0,"warn_status":"breached","warn_breach_at":"2026-11-29T23:00:00",
                 "warn_breach_earliest":"2026-11-29T23:00:00","warn_breach_latest":"2026-11-29T23:00:00",
                 "days_to_breach":3.0,"unit":"%","line":{"points":3,"level":61.5,"sigma":0.25,"slope_low_per_day":0.5,
                 "slope_high_per_day":1.5,"daily_trend_slope_per_day":1.0,"interval_z":1.645,"lookback_days":14,
                 "statistic":"max_value","peaks":[{"block":5,"value":58.125},{"block":1,"value":60.1},
                 {"block":0,"value":61.000000000001}]}}""");
        assertThat(repository.forecastsOf("c-a", AS_OF)).containsExactly(stored);
    }

    @Test
    void nullDetailsAreLeftOutOfTheStoredJsonAndRowsThatSpelledThemOutReadTheSame() {
        var ds = store.dataSource();
        ForecastRepository repository = new ForecastRepository(JdbcClient.create(ds), ds, new DuckDbDialect());
        Forecast none = forecast("c-a", AS_OF, 10.0);
        repository.replaceForecasts(AS_OF, List.of(none), AS_OF.minusDays(30));

        String json = jdbc.queryForObject("SELECT CAST(details AS VARCHAR) FROM alerts.capacity_forecasts", String.class);
        assertThat(json).doesNotContain("warn_breach_at", "days_to_breach").contains("\"warn_status\":\"no_breach\"");
        assertThat(repository.forecastsOf("c-a", AS_OF)).containsExactly(none);

        // the form written before: every null spelled out
        jdbc.update("UPDATE alerts.capacity_forecasts SET details = ?", """
                {"warn_threshold":80.0,"warn_status":"no_breach","warn_breach_at":null,"warn_breach_earliest":null,
                 "warn_breach_latest":null,"days_to_breach":null,"unit":"%","line":{"points":1,"level":10.0,
                 "sigma":0.0,"slope_low_per_day":0.0,"slope_high_per_day":0.0,"daily_trend_slope_per_day":0.0,
                 "interval_z":1.645,"lookback_days":14,"statistic":"max_value","peaks":null},"peaks":"0:10.0"}""");
        assertThat(repository.forecastsOf("c-a", AS_OF)).containsExactly(none);
    }

    private static Forecast withBreach(Forecast f, String metric, String status, LocalDateTime at) {
        return new Forecast(f.clusterId(), metric, f.unit(), f.computedAt(), f.method(), status, f.currentValue(),
                f.threshold(), 1.5, at, at.minusDays(1), at.plusDays(1), 3.0, f.horizonDays(), f.fitQuality(),
                f.warnThreshold(), "breached", at.minusDays(2), at.minusDays(2), at.minusDays(2), f.details());
    }

    private static Forecast forecast(String cluster, LocalDateTime at, double current) {
        var details = new Forecast.Details(1, current, 0.0, 0.0, 0.0, 0.0, 1.645, 14, "max_value",
                List.of(new Forecast.Peak(0, current)));
        return new Forecast(cluster, "disk_used_pct", "%", at, BreakingPointForecaster.DAILY_METHOD, "no_breach",
                current, 90.0, 0.0, null, null, null, null, 30, 1.0, 80.0, "no_breach", null, null, null, details);
    }
}
