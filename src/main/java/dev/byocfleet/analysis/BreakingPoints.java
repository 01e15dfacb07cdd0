package dev.byocfleet.analysis;

import dev.byocfleet.analysis.BreakingPointForecaster.Crossing;
import dev.byocfleet.analysis.BreakingPointForecaster.Fit;
import dev.byocfleet.analysis.BreakingPointForecaster.Point;
import dev.byocfleet.analysis.BreakingPointForecaster.Result;
import dev.byocfleet.analysis.BreakingPointForecaster.Status;
import dev.byocfleet.analysis.ForecastRepository.DailyPeak;
import dev.byocfleet.analysis.ForecastRepository.HourlyValue;
import dev.byocfleet.metrics.SnapshotChanges;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Forecasts every capacity series of the fleet at one "as of": one statement reads the daily
 * peaks of all clusters, one more per metric reads hourly values of the few series whose newest
 * day stands out (a possible recent ramp) or is over the critical threshold (to time the
 * crossing). The back-test runs the same code on history cut at earlier hours.
 */
@Component
class BreakingPoints {

    private static final Logger log = LoggerFactory.getLogger(BreakingPoints.class);

    /** A series whose newest daily peak is older than this many days is not forecast. */
    static final int STALE_BLOCKS = 3;

    /**
     * How often the hourly values held are checked against a fingerprint of the whole window even
     * when the writers reported every change (a writer that failed to is caught within this time).
     */
    static final Duration VERIFY_HELD_HOURS = Duration.ofHours(24);

    record SeriesKey(String clusterId, CapacityMetric metric) {
    }

    /** A forecast in relative terms, with the start of the current run over each threshold when breached. */
    record Computed(SeriesKey key, Result result, List<Point> daily, int newestBlock,
                    @Nullable LocalDateTime critRunStart, @Nullable LocalDateTime warnRunStart) {
    }

    private final ForecastRepository repository;
    private final AnalysisProperties props;
    private final BreakingPointForecaster forecaster;
    /** The fleet's hourly capacity values between fleet forecasts. */
    private final CapacityHours hours;

    /** Without reports of the snapshot table's changes: every fleet forecast fingerprints the whole window. */
    BreakingPoints(ForecastRepository repository, AnalysisProperties props) {
        this(repository, props, new SnapshotChanges(false));
    }

    @Autowired
    BreakingPoints(ForecastRepository repository, AnalysisProperties props, SnapshotChanges changes) {
        this.repository = repository;
        this.props = props;
        this.forecaster = new BreakingPointForecaster(props.forecasterSettings());
        this.hours = new CapacityHours(repository, Math.max(24 * props.lookbackDays(), hourlyHours()), changes,
                VERIFY_HELD_HOURS);
    }

    /** Hours of hourly values a flagged series is read for: the baseline days and the recent window. */
    private int hourlyHours() {
        return 24 * BreakingPointForecaster.BASELINE_DAYS + props.recentHours() + 1;
    }

    CapacityHours capacityHours() {
        return hours;
    }

    /**
     * The fleet's forecasts at {@code asOf}, not stored: from the hourly values held in memory
     * (brought up to date first, see {@link CapacityHours}) when {@code asOf} is a whole hour, else
     * from the daily peaks the store aggregates.
     */
    List<Forecast> forecastFleet(LocalDateTime asOf) {
        long t0 = System.nanoTime();
        if (CapacityHours.wholeHour(asOf)) {
            Optional<List<Forecast>> held = hours.at(asOf, window -> {
                long t1 = System.nanoTime();
                Map<SeriesKey, List<Point>> daily = window.dailyPeaks(props.lookbackDays(), props.minBlockHours());
                long t2 = System.nanoTime();
                List<Forecast> out = forecasts(asOf, daily, flagged -> window.hourly(flagged, hourlyHours()));
                log.debug("forecasts: hourly values brought up to date in {} ms, daily peaks made in {} ms, "
                                + "{} series forecast in {} ms", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                        out.size(), (System.nanoTime() - t2) / 1_000_000);
                return out;
            });
            if (held.isPresent()) {
                return held.get();
            }
        }
        List<DailyPeak> peaks = repository.dailyPeaks(asOf, props.lookbackDays(), props.minBlockHours());
        long t1 = System.nanoTime();
        List<Forecast> out = forecasts(asOf, series(peaks, 0), flagged -> hourly(asOf, flagged));
        log.debug("forecasts: {} daily peaks read in {} ms, {} series forecast in {} ms", peaks.size(),
                (t1 - t0) / 1_000_000, out.size(), (System.nanoTime() - t1) / 1_000_000);
        return out;
    }

    private List<Forecast> forecasts(LocalDateTime asOf, Map<SeriesKey, List<Point>> daily, HourlySource hourly) {
        List<Computed> computed = forecastAll(asOf, daily, hourly);
        Forecast[] out = new Forecast[computed.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> out[i] = toForecast(asOf, computed.get(i)));
        return Arrays.asList(out);
    }

    /** The hourly values of the flagged series (clusters by metric). */
    @FunctionalInterface
    interface HourlySource {
        Map<SeriesKey, List<Point>> hours(Map<CapacityMetric, Set<String>> flagged);
    }

    /**
     * Per cluster, its nearest critical crossing among {@code forecasts} (breached or forecast): the
     * earliest breach_at, ties broken by metric name. The same choice as
     * {@link ForecastRepository#nearestBreaches} makes over the stored forecasts.
     */
    static Map<String, Forecast> nearestBreaches(List<Forecast> forecasts) {
        Map<String, Forecast> nearest = new HashMap<>();
        java.util.Comparator<Forecast> order = java.util.Comparator.comparing(Forecast::breachAt,
                java.util.Comparator.nullsLast(java.util.Comparator.<LocalDateTime>naturalOrder()))
                .thenComparing(Forecast::metricName);
        for (Forecast f : forecasts) {
            if (f.status().equals(Status.BREACHED.id) || f.status().equals(Status.BREACH.id)) {
                nearest.merge(f.clusterId(), f, (a, b) -> order.compare(a, b) <= 0 ? a : b);
            }
        }
        return nearest;
    }

    /** Groups daily peaks into series; blocks {@code cut} and later become points at x = -(block - cut) days. */
    Map<SeriesKey, List<Point>> series(List<DailyPeak> peaks, int cut) {
        Map<SeriesKey, List<Point>> out = new HashMap<>();
        for (DailyPeak p : peaks) {
            if (p.block() < cut || p.block() >= cut + props.lookbackDays()) {
                continue;
            }
            CapacityMetric m = CapacityMetric.byName(p.metricName()).orElse(null);
            if (m != null) {
                out.computeIfAbsent(new SeriesKey(p.clusterId(), m), k -> new ArrayList<>())
                        .add(new Point(-(p.block() - cut), p.peak()));
            }
        }
        return out;
    }

    List<Computed> forecastAll(LocalDateTime asOf, Map<SeriesKey, List<Point>> daily) {
        return forecastAll(asOf, daily, flagged -> hourly(asOf, flagged));
    }

    private List<Computed> forecastAll(LocalDateTime asOf, Map<SeriesKey, List<Point>> daily, HourlySource source) {
        // the fits are independent and pure: both cores share them, each result in its series' place
        List<Map.Entry<SeriesKey, List<Point>>> entries = new ArrayList<>(daily.entrySet());
        Result[] results = new Result[entries.size()];
        double[] newestX = new double[entries.size()];
        IntStream.range(0, results.length).parallel().forEach(i -> {
            CapacityMetric m = entries.get(i).getKey().metric();
            List<Point> points = entries.get(i).getValue();
            newestX[i] = newest(points);
            results[i] = newestX[i] <= -STALE_BLOCKS
                    ? forecaster.forecast(m.warn(), m.crit(), List.of(), null)
                    : forecaster.forecast(m.warn(), m.crit(), points, null);
        });
        Map<SeriesKey, Result> first = new LinkedHashMap<>();
        Map<SeriesKey, Integer> newestBlock = new HashMap<>();
        Map<CapacityMetric, Set<String>> flagged = new EnumMap<>(CapacityMetric.class);
        for (int i = 0; i < results.length; i++) {
            SeriesKey key = entries.get(i).getKey();
            double newest = newestX[i];
            Result r = results[i];
            first.put(key, r);
            newestBlock.put(key, (int) Math.round(-newest));
            if (r.daily() != null && newest == 0 && needsHours(r, key.metric())) {
                flagged.computeIfAbsent(key.metric(), k -> new HashSet<>()).add(key.clusterId());
            }
        }
        long t0 = System.nanoTime();
        Map<SeriesKey, List<Point>> hourly = source.hours(flagged);
        log.debug("forecasts: hourly values of {} series read in {} ms", hourly.size(), (System.nanoTime() - t0) / 1_000_000);
        List<Computed> out = new ArrayList<>(first.size());
        for (Map.Entry<SeriesKey, Result> e : first.entrySet()) {
            SeriesKey key = e.getKey();
            List<Point> hours = hourly.get(key);
            if (hours == null) {
                out.add(new Computed(key, e.getValue(), daily.get(key), newestBlock.get(key), null, null));
                continue;
            }
            Result r = forecaster.forecast(key.metric().warn(), key.metric().crit(), daily.get(key), hours);
            out.add(new Computed(key, r, daily.get(key), 0, runStart(asOf, hours, key.metric().crit()),
                    runStart(asOf, hours, key.metric().warn())));
        }
        return out;
    }

    /** The newest point's x; -{@link #STALE_BLOCKS} for no points. */
    private static double newest(List<Point> points) {
        double newest = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            newest = Math.max(newest, p.x());
        }
        return points.isEmpty() ? -STALE_BLOCKS : newest;
    }

    /** Over the critical threshold (to time the crossing) or standing out from the trend (a possible ramp). */
    private static boolean needsHours(Result r, CapacityMetric m) {
        Fit d = r.daily();
        return r.current() >= m.crit() || r.current() > d.level() + 3 * d.sigma() + 0.01 * m.crit();
    }

    private Map<SeriesKey, List<Point>> hourly(LocalDateTime asOf, Map<CapacityMetric, Set<String>> flagged) {
        Map<SeriesKey, List<Point>> out = new HashMap<>();
        LocalDateTime after = asOf.minusDays(BreakingPointForecaster.BASELINE_DAYS).minusHours(props.recentHours() + 1L);
        for (HourlyValue v : repository.hourly(flagged, after, asOf)) {
            CapacityMetric metric = CapacityMetric.byName(v.metricName()).orElseThrow();
            double x = -Duration.between(v.snapshotHour(), asOf).toHours();
            out.computeIfAbsent(new SeriesKey(v.clusterId(), metric), k -> new ArrayList<>()).add(new Point(x, v.value()));
        }
        return out;
    }

    /** The first hour of the newest run of hourly values at or over {@code threshold}, if the newest day has one. */
    static @Nullable LocalDateTime runStart(LocalDateTime asOf, List<Point> hours, double threshold) {
        List<Point> sorted = hours.stream().sorted((a, b) -> Double.compare(b.x(), a.x())).toList();
        Double start = null;
        for (Point p : sorted) {
            if (p.y() >= threshold) {
                start = p.x();
            } else if (start != null) {
                break;
            } else if (p.x() < -23) {
                return null;
            }
        }
        return start == null ? null : asOf.plusHours(Math.round(start));
    }

    Forecast toForecast(LocalDateTime asOf, Computed c) {
        Result r = c.result();
        CapacityMetric m = c.key().metric();
        Fit fit = r.fit();
        Crossing crit = r.crit();
        Crossing warn = r.warn();
        // without hourly values, a breach is dated to the start of the day block it was seen in
        LocalDateTime blockStart = asOf.minusHours(24L * (c.newestBlock() + 1) - 1);
        LocalDateTime critAt = at(asOf, crit, c.critRunStart(), blockStart);
        LocalDateTime warnAt = at(asOf, warn, c.warnRunStart(), blockStart);
        var details = new Forecast.Details(fit == null ? 0 : fit.points(), fit == null ? null : round(fit.level()),
                fit == null ? null : round(fit.sigma()), fit == null ? null : round(fit.slopeLowPerDay()),
                fit == null ? null : round(fit.slopeHighPerDay()), r.daily() == null ? null : round(r.daily().slopePerDay()),
                props.intervalZ(), props.lookbackDays(), m.hourlyStatistic(), c.daily().stream()
                        .sorted((a, b) -> Double.compare(a.x(), b.x()))
                        .map(p -> new Forecast.Peak((int) Math.round(-p.x()), round(p.y()))).toList());
        return new Forecast(c.key().clusterId(), m.metricName(), m.metric().unit(), asOf, fit == null ? null : fit.method(),
                r.status().id, Double.isNaN(r.current()) ? null : round(r.current()), m.crit(),
                fit == null ? null : round(fit.slopePerDay()), critAt,
                bound(asOf, crit, crit.earliestDays(), critAt), bound(asOf, crit, crit.latestDays(), critAt),
                crit.status() == Status.BREACHED ? Double.valueOf(0) : crit.days() == null ? null : round(crit.days()),
                props.horizonDays(), fit == null ? null : round(fit.quality()), m.warn(), warn.status().id, warnAt,
                bound(asOf, warn, warn.earliestDays(), warnAt), bound(asOf, warn, warn.latestDays(), warnAt), details);
    }

    private static @Nullable LocalDateTime at(LocalDateTime asOf, Crossing c, @Nullable LocalDateTime runStart,
                                              LocalDateTime blockStart) {
        return switch (c.status()) {
            case BREACHED -> runStart != null ? runStart : blockStart;
            case BREACH -> plusDays(asOf, c.days());
            default -> null;
        };
    }

    private static @Nullable LocalDateTime bound(LocalDateTime asOf, Crossing c, @Nullable Double days,
                                                 @Nullable LocalDateTime central) {
        if (c.status() == Status.BREACHED) {
            return central;
        }
        return c.status() == Status.BREACH && days != null ? plusDays(asOf, days) : null;
    }

    static LocalDateTime plusDays(LocalDateTime t, double days) {
        return t.plusMinutes(Math.round(days * 24 * 60)).truncatedTo(ChronoUnit.MINUTES);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
