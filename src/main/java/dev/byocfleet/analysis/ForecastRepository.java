package dev.byocfleet.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.byocfleet.store.BulkInsert;
import dev.byocfleet.store.Dialect;
import dev.byocfleet.store.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inputs of the forecasts (daily peaks of the whole fleet in one statement, hourly values of
 * the few series that need them) and the stored forecasts and back-tests.
 */
@Repository
class ForecastRepository {

    /** The peak of one metric of one cluster in the 24-hour block {@code block} days before "as of" (0 = newest). */
    record DailyPeak(String clusterId, String metricName, int block, double peak) {
    }

    record HourlyValue(String clusterId, String metricName, LocalDateTime snapshotHour, double value) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Dialect dialect;

    ForecastRepository(JdbcClient jdbc, DataSource dataSource, Dialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Optional<LocalDateTime> newestSnapshotHour() {
        return jdbc.sql("SELECT max(snapshot_hour) FROM metrics.amv_hourly_snapshots_v1")
                .query(LocalDateTime.class).optional();
    }

    /**
     * Daily peaks of every capacity metric of every cluster over the {@code days} 24-hour blocks
     * ending at {@code asOf}; blocks with fewer than {@code minHours} snapshots are left out.
     */
    List<DailyPeak> dailyPeaks(LocalDateTime asOf, int days, int minHours) {
        return dailyPeaks(asOf, days, minHours, null);
    }

    /** The same for one cluster when {@code clusterId} is given; each series in one result row (see {@link #seriesPoints}). */
    List<DailyPeak> dailyPeaks(LocalDateTime asOf, int days, int minHours, @Nullable String clusterId) {
        String block = "floor(" + dialect.hoursBetween("s.snapshot_hour", ":asOf") + " / 24)";
        String oneCluster = clusterId == null ? "" : " AND s.cluster_id = :clusterId";
        Map<String, Object> params = capacityParams(asOf);
        params.put("from", asOf.minusDays(days));
        params.put("minHours", minHours);
        if (clusterId != null) {
            params.put("clusterId", clusterId);
        }
        List<DailyPeak> out = new ArrayList<>();
        seriesPoints("""
                SELECT b.cluster_id, b.metric_name, b.block AS x, max(b.v) AS y
                FROM (
                  SELECT s.cluster_id, s.metric_name, CAST(%1$s AS INT) AS block, %3$s AS v
                  FROM metrics.amv_hourly_snapshots_v1 s
                  WHERE s.snapshot_hour > :from AND s.snapshot_hour <= :asOf AND s.metric_name IN (:metrics)%2$s
                ) b
                WHERE b.v IS NOT NULL
                GROUP BY b.cluster_id, b.metric_name, b.block
                HAVING count(*) >= :minHours""".formatted(block, oneCluster, CAPACITY_VALUE), params,
                (cluster, metric, x, y) -> out.add(new DailyPeak(cluster, metric, x, y)));
        return out;
    }

    /** The parameters every read of capacity snapshot rows up to {@code asOf} binds ({@link #CAPACITY_VALUE}'s too). */
    private static Map<String, Object> capacityParams(LocalDateTime asOf) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("asOf", asOf);
        params.put("metrics", CapacityMetric.names());
        params.put("p95Metrics", CapacityMetric.p95Names());
        return params;
    }

    /** The value a capacity series takes from an hourly snapshot row {@code s}: its p95 or its maximum. */
    private static final String CAPACITY_VALUE =
            "CASE WHEN s.metric_name IN (:p95Metrics) THEN s.p95_value ELSE s.max_value END";

    /** One point of a series read by {@link #seriesPoints}. */
    interface PointSink {
        void accept(String clusterId, String metricName, int x, double y);
    }

    /**
     * Runs {@code pointsSql} (columns cluster_id, metric_name, an integer x, a number y; a row per
     * point) and hands its points to {@code sink}. The points of a series travel in one result row (a
     * row per series instead of one per point, since reading rows over JDBC costs more than the
     * aggregation itself at fleet scale): as two arrays ordered by x where the dialect reads arrays
     * (DuckDB: no number printed as text and parsed back, which cost more than the rest of the read),
     * else as one text ("x:y;...", unordered: the callers sort the points).
     */
    private void seriesPoints(String pointsSql, Map<String, Object> params, PointSink sink) {
        Optional<String> xs = dialect.arrayAgg("p.x", "p.x");
        String points = xs.isPresent() ? xs.get() + " AS xs, " + dialect.arrayAgg("p.y", "p.x").orElseThrow() + " AS ys"
                : dialect.stringAggUnordered("concat(CAST(p.x AS VARCHAR), ':', CAST(p.y AS VARCHAR))", ";") + " AS points";
        jdbc.sql("SELECT p.cluster_id, p.metric_name, " + points + " FROM (" + pointsSql
                        + ") p GROUP BY p.cluster_id, p.metric_name")
                .params(params)
                .query(rs -> {
                    String cluster = rs.getString(1);
                    String metric = rs.getString(2);
                    if (xs.isPresent()) {
                        Object[] x = (Object[]) rs.getArray(3).getArray();
                        Object[] y = (Object[]) rs.getArray(4).getArray();
                        for (int i = 0; i < x.length; i++) {
                            sink.accept(cluster, metric, ((Number) x[i]).intValue(), ((Number) y[i]).doubleValue());
                        }
                        return;
                    }
                    for (Forecast.Peak p : StoredDetails.decode(rs.getString(3))) {
                        sink.accept(cluster, metric, p.block(), p.value());
                    }
                });
    }

    /** How many capacity snapshot rows an hour holds and the sum of a hash of their keys and values. */
    record HourPrint(long rows, String hashSum) {
    }

    /**
     * The fingerprint of every hour in ({@code after}, {@code asOf}] that has capacity snapshot rows
     * (only of the {@code hours} listed, when given): any row added, deleted or changed in an hour
     * changes its print (but for a chance of about one in 2^32). One aggregation over the window's
     * rows by hour, without their daily grouping by series: what {@link CapacityHours} checks before
     * reusing the values it holds.
     */
    Map<LocalDateTime, HourPrint> hourPrints(LocalDateTime after, LocalDateTime asOf, @Nullable Collection<LocalDateTime> hours) {
        Map<LocalDateTime, HourPrint> out = new java.util.HashMap<>();
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("after", after);
        params.put("asOf", asOf);
        params.put("metrics", CapacityMetric.names());
        String only = onlyHours(params, hours);
        jdbc.sql("""
                SELECT s.snapshot_hour, count(*), CAST(sum(%s) AS VARCHAR)
                FROM metrics.amv_hourly_snapshots_v1 s
                WHERE s.snapshot_hour > :after AND s.snapshot_hour <= :asOf AND s.metric_name IN (:metrics)%s
                GROUP BY s.snapshot_hour""".formatted(dialect.rowHash(
                        List.of("s.cluster_id", "s.metric_name", "s.max_value", "s.p95_value")), only))
                .params(params)
                .query(rs -> {
                    out.put(rs.getObject(1, LocalDateTime.class), new HourPrint(rs.getLong(2), rs.getString(3)));
                });
        return out;
    }

    /** The condition that keeps only the {@code hours} listed (with its parameter), or "" when null. */
    private static String onlyHours(Map<String, Object> params, @Nullable Collection<LocalDateTime> hours) {
        if (hours == null) {
            return "";
        }
        params.put("hours", List.copyOf(hours));
        return " AND s.snapshot_hour IN (:hours)";
    }

    /**
     * The capacity value of every series at every hour in ({@code after}, {@code asOf}] (only the
     * {@code hours} listed, when given), as x = whole hours before {@code asOf}; rows whose value is
     * NULL are left out, as the daily peaks leave them out.
     */
    void hourlyPoints(LocalDateTime after, LocalDateTime asOf, @Nullable Collection<LocalDateTime> hours, PointSink sink) {
        Map<String, Object> params = capacityParams(asOf);
        params.put("after", after);
        String only = onlyHours(params, hours);
        seriesPoints("""
                SELECT s.cluster_id, s.metric_name, CAST(%1$s AS INT) AS x, %2$s AS y
                FROM metrics.amv_hourly_snapshots_v1 s
                WHERE s.snapshot_hour > :after AND s.snapshot_hour <= :asOf AND s.metric_name IN (:metrics)%3$s
                  AND %2$s IS NOT NULL""".formatted(dialect.hoursBetween("s.snapshot_hour", ":asOf"), CAPACITY_VALUE, only),
                params, sink);
    }

    /**
     * Hourly values of the given series ({@code (cluster, metric)} pairs) in ({@code after},
     * {@code asOf}], in one statement: the snapshots join the pairs asked for, a small build side
     * whose keys DuckDB pushes into the scan as a filter, so only those series' rows are read
     * further (a quarter of the CPU of the earlier IN lists over clusters and metrics, which
     * brought back every flagged cluster's other capacity metrics too, dropped here afterwards).
     */
    List<HourlyValue> hourly(Map<CapacityMetric, ? extends Collection<String>> series, LocalDateTime after,
                             LocalDateTime asOf) {
        // sorted, so the same series give the same statement text (kept prepared by the pool), and
        // the chunks' rows follow each other in the order of the whole
        List<String[]> keys = new ArrayList<>();
        series.forEach((metric, ids) -> ids.forEach(id -> keys.add(new String[] {id, metric.metricName()})));
        keys.sort(java.util.Comparator.<String[], String>comparing(k -> k[0]).thenComparing(k -> k[1]));
        List<HourlyValue> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += HOURLY_SERIES_PER_STATEMENT) {
            hourly(keys.subList(from, Math.min(keys.size(), from + HOURLY_SERIES_PER_STATEMENT)), after, asOf, out);
        }
        return out;
    }

    /** Series per statement of {@link #hourly}: two parameters each, a UNION ALL branch each. */
    static final int HOURLY_SERIES_PER_STATEMENT = 200;

    private void hourly(List<String[]> keys, LocalDateTime after, LocalDateTime asOf, List<HourlyValue> out) {
        StringBuilder pairs = new StringBuilder();
        Map<String, Object> params = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            pairs.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT CAST(:c").append(i).append(" AS VARCHAR) AS cluster_id, CAST(:m").append(i)
                    .append(" AS VARCHAR) AS metric_name");
            params.put("c" + i, keys.get(i)[0]);
            params.put("m" + i, keys.get(i)[1]);
        }
        params.put("p95Metrics", CapacityMetric.p95Names());
        params.put("after", after);
        params.put("asOf", asOf);
        jdbc.sql("""
                SELECT s.cluster_id, s.metric_name, s.snapshot_hour, %2$s AS value
                FROM metrics.amv_hourly_snapshots_v1 s
                JOIN (%1$s) k ON k.cluster_id = s.cluster_id AND k.metric_name = s.metric_name
                WHERE s.snapshot_hour > :after AND s.snapshot_hour <= :asOf
                  AND %2$s IS NOT NULL
                ORDER BY s.cluster_id, s.metric_name, s.snapshot_hour""".formatted(pairs, CAPACITY_VALUE))
                .params(params)
                .query(rs -> {
                    out.add(new HourlyValue(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                            rs.getDouble(4)));
                });
    }

    /** Replaces the forecasts computed at {@code computedAt} and deletes those older than {@code keepAfter}. */
    long replaceForecasts(LocalDateTime computedAt, List<Forecast> forecasts, LocalDateTime keepAfter) {
        jdbc.sql("DELETE FROM alerts.capacity_forecasts WHERE computed_at = :at OR computed_at < :keepAfter")
                .param("at", computedAt).param("keepAfter", keepAfter).update();
        // the details' JSON is most of a row's cost: written on every core, in the forecasts' order
        List<Object[]> rows = forecasts.parallelStream().map(f -> new Object[] {f.clusterId(), f.metricName(),
                f.computedAt(), f.method(), f.status(), f.currentValue(), f.threshold(), f.slopePerDay(), f.breachAt(),
                f.breachEarliest(), f.breachLatest(), f.horizonDays(), f.fitQuality(), StoredDetails.of(f).json()}).toList();
        return BulkInsert.rows(dataSource, dialect, "alerts", "capacity_forecasts", 14, rows);
    }

    Optional<LocalDateTime> latestComputedAt() {
        return jdbc.sql("SELECT max(computed_at) FROM alerts.capacity_forecasts").query(LocalDateTime.class).optional();
    }

    /**
     * What the JSON column holds: the warning-threshold crossing and the line's parameters, its
     * daily peaks as one text ({@code "block:value;..."}, in the list's order) rather than an object
     * per peak, which made up most of the ~11 MB a fleet's forecasts wrote per pass. Rows stored
     * before kept the peaks inside {@code line} (then {@code peaks} is absent) and read as they were.
     * Null fields are left out (most series have no warning crossing): an absent field reads as null,
     * and a pass writes a fifth fewer bytes, which also puts off DuckDB's next checkpoint.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredDetails(double warnThreshold, String warnStatus, @Nullable LocalDateTime warnBreachAt,
                         @Nullable LocalDateTime warnBreachEarliest, @Nullable LocalDateTime warnBreachLatest,
                         @Nullable Double daysToBreach, String unit, Forecast.Details line, @Nullable String peaks) {
        static StoredDetails of(Forecast f) {
            Forecast.Details d = f.details();
            return new StoredDetails(f.warnThreshold(), f.warnStatus(), f.warnBreachAt(), f.warnBreachEarliest(),
                    f.warnBreachLatest(), f.daysToBreach(), f.unit(), withPeaks(d, null), encode(d.peaks()));
        }

        /** The line with its peaks, from either form. */
        Forecast.Details details() {
            return peaks == null ? line : withPeaks(line, decode(peaks));
        }

        private static Forecast.Details withPeaks(Forecast.Details d, @Nullable List<Forecast.Peak> peaks) {
            return new Forecast.Details(d.points(), d.level(), d.sigma(), d.slopeLowPerDay(), d.slopeHighPerDay(),
                    d.dailyTrendSlopePerDay(), d.intervalZ(), d.lookbackDays(), d.statistic(), peaks);
        }

        static @Nullable String encode(@Nullable List<Forecast.Peak> peaks) {
            if (peaks == null) {
                return null;
            }
            StringBuilder out = new StringBuilder(peaks.size() * 10);
            for (Forecast.Peak p : peaks) {
                if (!out.isEmpty()) {
                    out.append(';');
                }
                appendDouble(out.append(p.block()).append(':'), p.value());
            }
            return out.toString();
        }

        /**
         * Reads "block:value;..." in place (a split and a substring per point cost more than the scan
         * at fleet scale); the values parse as {@link Double#parseDouble} does.
         */
        static List<Forecast.Peak> decode(String peaks) {
            List<Forecast.Peak> out = new ArrayList<>();
            for (int start = 0; start < peaks.length(); ) {
                int colon = peaks.indexOf(':', start);
                int end = peaks.indexOf(';', colon);
                end = end < 0 ? peaks.length() : end;
                out.add(new Forecast.Peak(Integer.parseInt(peaks, start, colon, 10), parseDouble(peaks, colon + 1, end)));
                start = end + 1;
            }
            return List.copyOf(out);
        }

        /**
         * The JSON {@link JsonColumns#write} gives for this record when nulls are left out at every
         * level, written directly: Jackson's per-record work was the dearest Java part of storing a
         * fleet's forecasts. Falls back to Jackson for anything this does not spell the same way
         * (a text that needs escaping, a non-finite number). The line's null fields (its peaks
         * always, the fit's numbers when there was too little data) are left out too.
         */
        String json() {
            if (!plain(warnStatus) || !plain(unit) || !plain(line.statistic()) || peaks != null && !plain(peaks)
                    || !finite(warnThreshold) || !finite(daysToBreach) || !finite(line.level()) || !finite(line.sigma())
                    || !finite(line.slopeLowPerDay()) || !finite(line.slopeHighPerDay())
                    || !finite(line.dailyTrendSlopePerDay()) || !finite(line.intervalZ()) || line.peaks() != null) {
                return JsonColumns.write(new WithoutNulls(this));
            }
            StringBuilder b = appendDouble(new StringBuilder(384).append("{\"warn_threshold\":"), warnThreshold);
            text(b, "warn_status", warnStatus);
            time(b, "warn_breach_at", warnBreachAt);
            time(b, "warn_breach_earliest", warnBreachEarliest);
            time(b, "warn_breach_latest", warnBreachLatest);
            number(b, "days_to_breach", daysToBreach);
            text(b, "unit", unit);
            b.append(",\"line\":{\"points\":").append(line.points());
            number(b, "level", line.level());
            number(b, "sigma", line.sigma());
            number(b, "slope_low_per_day", line.slopeLowPerDay());
            number(b, "slope_high_per_day", line.slopeHighPerDay());
            number(b, "daily_trend_slope_per_day", line.dailyTrendSlopePerDay());
            number(b, "interval_z", line.intervalZ());
            b.append(",\"lookback_days\":").append(line.lookbackDays());
            text(b, "statistic", line.statistic());
            b.append('}');
            text(b, "peaks", peaks);
            return b.append('}').toString();
        }

        /** What {@link #json} spells, through Jackson with nulls left out at every level (its fallback, and its test). */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record WithoutNulls(double warnThreshold, String warnStatus, @Nullable LocalDateTime warnBreachAt,
                            @Nullable LocalDateTime warnBreachEarliest, @Nullable LocalDateTime warnBreachLatest,
                            @Nullable Double daysToBreach, String unit, Line line, @Nullable String peaks) {
            WithoutNulls(StoredDetails d) {
                this(d.warnThreshold(), d.warnStatus(), d.warnBreachAt(), d.warnBreachEarliest(), d.warnBreachLatest(),
                        d.daysToBreach(), d.unit(), new Line(d.line()), d.peaks());
            }
        }

        /** {@link Forecast.Details} with its null fields left out. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Line(int points, @Nullable Double level, @Nullable Double sigma, @Nullable Double slopeLowPerDay,
                    @Nullable Double slopeHighPerDay, @Nullable Double dailyTrendSlopePerDay, double intervalZ,
                    int lookbackDays, String statistic, @Nullable List<Forecast.Peak> peaks) {
            Line(Forecast.Details d) {
                this(d.points(), d.level(), d.sigma(), d.slopeLowPerDay(), d.slopeHighPerDay(), d.dailyTrendSlopePerDay(),
                        d.intervalZ(), d.lookbackDays(), d.statistic(), d.peaks());
            }
        }

        private static boolean plain(@Nullable String s) {
            if (s == null) {
                return true;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                    return false;
                }
            }
            return true;
        }

        private static boolean finite(@Nullable Double v) {
            return v == null || Double.isFinite(v);
        }

        private static void text(StringBuilder b, String name, @Nullable String value) {
            if (value != null) {
                b.append(",\"").append(name).append("\":\"").append(value).append('"');
            }
        }

        private static void number(StringBuilder b, String name, @Nullable Double value) {
            if (value != null) {
                appendDouble(b.append(",\"").append(name).append("\":"), value.doubleValue());
            }
        }

        private static void time(StringBuilder b, String name, @Nullable LocalDateTime value) {
            if (value != null) {
                b.append(",\"").append(name).append("\":\"");
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.formatTo(value, b);
                b.append('"');
            }
        }

        /**
         * Appends what {@link StringBuilder#append(double)} does. Forecast values are rounded to three
         * decimals, and for those (|v| in [0.001, 10^7), where Java prints no exponent) the text is
         * the thousandths with trailing zeros cut, written from a long: the decimal {@code m/1000} is
         * the shortest that reads back as the double nearest it (another decimal of at most three
         * decimals lies 0.001 away, thousands of ulps at this size), which is what Java prints, with
         * at least one decimal. Printing doubles was a fifth of storing a fleet's forecasts. Any
         * other value goes to the JDK.
         */
        static StringBuilder appendDouble(StringBuilder b, double v) {
            double abs = Math.abs(v);
            long m = Math.round(v * 1000);
            if (!(abs >= 1e-3 && abs < 1e7) || m / 1000.0 != v) {
                return b.append(v);
            }
            if (m < 0) {
                b.append('-');
                m = -m;
            }
            b.append(m / 1000).append('.');
            int frac = (int) (m % 1000);
            if (frac == 0) {
                return b.append('0');
            }
            b.append((char) ('0' + frac / 100));
            if (frac % 100 != 0) {
                b.append((char) ('0' + frac / 10 % 10));
                if (frac % 10 != 0) {
                    b.append((char) ('0' + frac % 10));
                }
            }
            return b;
        }

        /** 10^0 to 10^22: exactly representable doubles. */
        private static final double[] POWERS_OF_TEN = new double[23];

        static {
            POWERS_OF_TEN[0] = 1;
            for (int i = 1; i < POWERS_OF_TEN.length; i++) {
                POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
            }
        }

        /**
         * {@link Double#parseDouble} of {@code s[from, to)}, with a fast path for plain decimals
         * ("-12.375"): at most 15 digits and 22 decimals, the digits are an exact double and so is
         * the power of ten, and one IEEE division of two exact doubles is correctly rounded, the
         * same value {@code parseDouble} gives. Anything else (exponents, more digits) goes to it.
         */
        static double parseDouble(String s, int from, int to) {
            int i = from;
            boolean negative = i < to && s.charAt(i) == '-';
            if (negative) {
                i++;
            }
            long digits = 0;
            int count = 0;
            int decimals = -1;
            for (; i < to; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits = digits * 10 + (c - '0');
                    if (++count > 15) {
                        return Double.parseDouble(s.substring(from, to));
                    }
                    if (decimals >= 0) {
                        decimals++;
                    }
                } else if (c == '.' && decimals < 0) {
                    decimals = 0;
                } else {
                    return Double.parseDouble(s.substring(from, to));
                }
            }
            if (count == 0 || decimals > 22) {
                return Double.parseDouble(s.substring(from, to));
            }
            double v = decimals <= 0 ? digits : digits / POWERS_OF_TEN[decimals];
            return negative ? -v : v;
        }
    }

    static final String FORECAST_COLUMNS = """
            f.cluster_id, f.metric_name, f.computed_at, f.method, f.status, f.current_value, f.threshold,
            f.slope_per_day, f.breach_at, f.breach_earliest, f.breach_latest, f.horizon_days, f.fit_quality,
            CAST(f.details AS VARCHAR) AS details""";

    static Forecast forecast(ResultSet rs, int row) throws SQLException {
        StoredDetails d = JsonColumns.read(rs.getString("details"), StoredDetails.class);
        return new Forecast(rs.getString("cluster_id"), rs.getString("metric_name"), d.unit(),
                rs.getObject("computed_at", LocalDateTime.class), rs.getString("method"), rs.getString("status"),
                (Double) rs.getObject("current_value"), rs.getDouble("threshold"), (Double) rs.getObject("slope_per_day"),
                rs.getObject("breach_at", LocalDateTime.class), rs.getObject("breach_earliest", LocalDateTime.class),
                rs.getObject("breach_latest", LocalDateTime.class), d.daysToBreach(), rs.getInt("horizon_days"),
                (Double) rs.getObject("fit_quality"), d.warnThreshold(), d.warnStatus(), d.warnBreachAt(),
                d.warnBreachEarliest(), d.warnBreachLatest(), d.details());
    }

    /** Every forecast of one cluster at {@code computedAt}. */
    List<Forecast> forecastsOf(String clusterId, LocalDateTime computedAt) {
        return jdbc.sql("SELECT " + FORECAST_COLUMNS + """
                 FROM alerts.capacity_forecasts f WHERE f.cluster_id = :id AND f.computed_at = :at
                ORDER BY f.metric_name""")
                .param("id", clusterId).param("at", computedAt)
                .query(ForecastRepository::forecast).list();
    }

    /**
     * Per cluster, its nearest critical crossing (breached or forecast) at {@code computedAt}, for
     * risk: the earliest breach_at, ties broken by metric name.
     */
    Map<String, Forecast> nearestBreaches(LocalDateTime computedAt) {
        Map<String, Forecast> nearest = new java.util.HashMap<>();
        jdbc.sql("SELECT " + FORECAST_COLUMNS + """
                 FROM alerts.capacity_forecasts f
                WHERE f.computed_at = :at AND f.status IN ('breached', 'breach')
                ORDER BY f.cluster_id, f.breach_at, f.metric_name""")
                .param("at", computedAt)
                .query(ForecastRepository::forecast).list()
                .forEach(f -> nearest.putIfAbsent(f.clusterId(), f));
        return nearest;
    }

    /** The WHERE clause of the table over forecasts f, cluster c and profile p: fixed fragments, bound values. */
    private static String tableWhere(BreakingPointQuery q, boolean withStatus, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>(List.of("f.computed_at = :at"));
        if (q.metric() != null) {
            clauses.add("f.metric_name = :metric");
            params.put("metric", q.metric());
        }
        if (q.tier() != null) {
            clauses.add("p.tier = :tier");
            params.put("tier", q.tier());
        }
        if (q.region() != null) {
            clauses.add("c.region = :region");
            params.put("region", q.region());
        }
        if (q.type() != null) {
            clauses.add("upper(c.cluster_type) = :type");
            params.put("type", q.type());
        }
        if (q.withinDays() != null) {
            clauses.add("f.breach_at <= :before");
            params.put("before", BreakingPoints.plusDays((LocalDateTime) params.get("at"), q.withinDays()));
        }
        if (withStatus) {
            clauses.add("f.status IN (:statuses)");
            params.put("statuses", q.statuses());
        }
        return " WHERE " + String.join(" AND ", clauses);
    }

    private static final String TABLE_FROM = """
             FROM alerts.capacity_forecasts f
            LEFT JOIN byoc.cluster c ON c.cluster_id = f.cluster_id
            LEFT JOIN byoc.account a ON a.account_id = c.account_id
            LEFT JOIN metrics.dim_customer_profile p ON p.org_id = a.org_id""";

    Map<String, Long> countsByStatus(LocalDateTime computedAt, BreakingPointQuery q) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("at", computedAt));
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        BreakingPointQuery.STATUSES.forEach(s -> counts.put(s, 0L));
        jdbc.sql("SELECT f.status, count(*) AS n" + TABLE_FROM + tableWhere(q, false, params) + " GROUP BY f.status")
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    /** One page of the table, breached first, then by the forecast crossing. */
    List<BreakingPointTable.Row> table(LocalDateTime computedAt, BreakingPointQuery q) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("at", computedAt));
        String where = tableWhere(q, true, params);
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        return jdbc.sql("SELECT " + FORECAST_COLUMNS + ", c.cluster_name, p.tier, c.region, c.cluster_type" + TABLE_FROM
                        + where + """

                        ORDER BY CASE f.status WHEN 'breached' THEN 0 WHEN 'breach' THEN 1 WHEN 'no_breach' THEN 2 ELSE 3 END,
                                 CASE WHEN f.breach_at IS NULL THEN 1 ELSE 0 END, f.breach_at, f.cluster_id, f.metric_name
                        LIMIT :limit OFFSET :offset""")
                .params(params)
                .query((rs, i) -> {
                    Forecast f = forecast(rs, i);
                    return new BreakingPointTable.Row(f.clusterId(), rs.getString("cluster_name"), rs.getString("tier"),
                            rs.getString("region"), rs.getString("cluster_type"), f.metricName(), f.unit(), f.status(),
                            f.currentValue(), f.threshold(), f.warnThreshold(), f.slopePerDay(), f.breachAt(),
                            f.breachEarliest(), f.breachLatest(), f.daysToBreach(), f.warnStatus(), f.warnBreachAt(),
                            f.method(), f.fitQuality());
                }).list();
    }

    long countTable(LocalDateTime computedAt, BreakingPointQuery q) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("at", computedAt));
        return jdbc.sql("SELECT count(*)" + TABLE_FROM + tableWhere(q, true, params)).params(params)
                .query(Long.class).single();
    }

    void saveBacktest(Backtest b) {
        jdbc.sql(dialect.upsert("alerts.forecast_backtests", List.of("computed_at", "as_of", "tolerance_days",
                        "predictions", "actual_breaches", "hits", "misses", "false_alarms", "hit_rate", "mae_days",
                        "summary"), List.of("computed_at")))
                .params(b.computedAt(), b.asOf(), b.toleranceDays(), b.overall().predictions(),
                        b.overall().actualBreaches(), b.overall().hits(), b.overall().misses(),
                        b.overall().falseAlarms(), b.overall().hitRate(), b.overall().maeDays(), JsonColumns.write(b))
                .update();
    }

    Optional<Backtest> latestBacktest() {
        return jdbc.sql("""
                SELECT CAST(summary AS VARCHAR) FROM alerts.forecast_backtests
                WHERE computed_at = (SELECT max(computed_at) FROM alerts.forecast_backtests)""")
                .query((rs, i) -> JsonColumns.read(rs.getString(1), Backtest.class)).optional();
    }

    Optional<String> clusterName(String clusterId) {
        return jdbc.sql("SELECT coalesce(cluster_name, cluster_id) FROM byoc.cluster WHERE cluster_id = :id")
                .param("id", clusterId).query(String.class).optional();
    }
}
