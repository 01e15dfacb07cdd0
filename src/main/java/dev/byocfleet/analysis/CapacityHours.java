package dev.byocfleet.analysis;

import dev.byocfleet.analysis.BreakingPointForecaster.Point;
import dev.byocfleet.analysis.BreakingPoints.SeriesKey;
import dev.byocfleet.analysis.ForecastRepository.HourPrint;
import dev.byocfleet.metrics.SnapshotChanges;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly capacity values of every series of the fleet over the forecast window, kept in memory
 * from one fleet forecast to the next and brought up to date hour by hour.
 *
 * <p>A fleet forecast needs the daily peaks of 14 days of every series; reading them took one
 * aggregation of every snapshot row of the window, grouped by cluster, metric and day, each time.
 * Here each refresh reads only a fingerprint per hour (its row count and the sum of a hash of its
 * rows' keys and values: one aggregation by hour, about half the CPU of the grouped one) and then
 * the rows of the hours that are new, or whose fingerprint changed since they were read (a late
 * sample re-rolled an hour, a row was deleted or rewritten). The app's refresh every six hours so
 * reads six hours of rows; the first one reads the whole window. The fingerprint is read before
 * the rows, so a change that lands between them is seen by the next refresh.
 *
 * <p>The values sit in one array per series, a slot per hour of the window (the epoch hour modulo
 * the window, so the window moves without copying): about 2.7 KB per series at the default 14
 * days, ~45 MB for the seed fleet's 16,500 series. NaN marks an hour without a value (a NaN stored
 * in the table counts as none too). Only whole hours are held: a fleet forecast at an "as of" that
 * is not a whole hour, or over a table whose hours are not, reads the store as before.
 */
final class CapacityHours {

    private static final Logger log = LoggerFactory.getLogger(CapacityHours.class);
    private static final long NONE = Long.MIN_VALUE;
    /** Above this share of the window to read, one statement reads the whole window instead of a list of hours. */
    private static final double WHOLE_WINDOW_SHARE = 0.5;

    private final ForecastRepository repository;
    private final int windowHours;
    /** Per slot: the epoch hour its values are of ({@link #NONE}: not read), and that hour's fingerprint then. */
    private final long[] slotHour;
    private final HourPrint[] slotPrint;
    private final Map<SeriesKey, double[]> values = new HashMap<>();
    /** The changes this process's writers report; a refresh that may trust them fingerprints only what it reads. */
    private final SnapshotChanges changes;
    private final long verifyEveryNanos;
    /** The version of {@link #changes} the values held are current to. */
    private long seenVersion = SnapshotChanges.NEVER;
    /** When the last refresh fingerprinted the whole window (System.nanoTime()). */
    private long lastVerified;
    /** Set to have the next refresh fingerprint the whole window whatever the reports say. */
    private boolean verifyNext;

    /**
     * What the last refresh read: hours of rows, whether as one statement over the whole window, and
     * whether it fingerprinted the whole window ({@code verified}) or trusted the writers' reports.
     */
    record Refresh(int hoursRead, boolean wholeWindow, boolean verified, long millis) {
    }

    private Refresh lastRefresh = new Refresh(0, false, false, 0);

    /** Without reports of changes: every refresh fingerprints the whole window. */
    CapacityHours(ForecastRepository repository, int windowHours) {
        this(repository, windowHours, new SnapshotChanges(false), Duration.ZERO);
    }

    /**
     * Trusting {@code changes} when it knows what changed, and fingerprinting the whole window anyway
     * when the last such check is {@code verifyEvery} old (a writer that failed to report is then
     * caught within that time).
     */
    CapacityHours(ForecastRepository repository, int windowHours, SnapshotChanges changes, Duration verifyEvery) {
        if (windowHours < 24) {
            throw new IllegalArgumentException("the window of hourly values must be a day or more, not " + windowHours);
        }
        this.repository = repository;
        this.windowHours = windowHours;
        this.slotHour = new long[windowHours];
        this.slotPrint = new HourPrint[windowHours];
        this.changes = changes;
        this.verifyEveryNanos = verifyEvery.toNanos();
        Arrays.fill(slotHour, NONE);
    }

    int windowHours() {
        return windowHours;
    }

    static boolean wholeHour(LocalDateTime t) {
        return t.equals(t.truncatedTo(ChronoUnit.HOURS));
    }

    /**
     * Brings the values of the window ending at {@code asOf} (a whole hour) up to date and runs
     * {@code work} on them; the window is valid only inside {@code work}, under this object's lock.
     * Returns empty (and changes nothing) when the table holds an hour that is not a whole hour.
     *
     * <p>Which hours to read again: when the writers' reports cover everything since the last
     * refresh, the hours they name (and those new or not held); else (after a start, a write of
     * unknown extent, on a store other processes write, or once a verification is due) every hour
     * whose fingerprint changed.
     */
    synchronized <T> java.util.Optional<T> at(LocalDateTime asOf, Function<Window, T> work) {
        if (!wholeHour(asOf)) {
            throw new IllegalArgumentException("hourly values are held for whole hours only, not " + asOf);
        }
        long started = System.nanoTime();
        long now = epochHour(asOf);
        SnapshotChanges.Since since = changes.since(seenVersion);
        boolean verify = since.unknown() || verifyNext || started - lastVerified >= verifyEveryNanos;
        List<Long> stale = new ArrayList<>();
        Map<LocalDateTime, HourPrint> prints = verify ? repository.hourPrints(asOf.minusHours(windowHours), asOf, null) : null;
        if (verify) {
            if (!prints.keySet().stream().allMatch(CapacityHours::wholeHour)) {
                return java.util.Optional.empty();
            }
            for (int k = 0; k < windowHours; k++) {
                long h = now - k;
                int slot = slot(h);
                if (slotHour[slot] != h || !Objects.equals(slotPrint[slot], prints.get(hourTime(h)))) {
                    stale.add(h);
                }
            }
        } else {
            // every writer of an hour that is not whole reports "anything": these are whole hours
            for (int k = 0; k < windowHours; k++) {
                long h = now - k;
                if (slotHour[slot(h)] != h || since.covers(hourTime(h))) {
                    stale.add(h);
                }
            }
        }
        boolean whole = stale.size() > windowHours * WHOLE_WINDOW_SHARE;
        if (!stale.isEmpty()) {
            if (!verify) {
                // the fingerprints of the hours read, kept for the next verification
                prints = repository.hourPrints(asOf.minusHours(windowHours), asOf,
                        whole ? null : stale.stream().map(CapacityHours::hourTime).toList());
            }
            read(asOf, now, stale, whole, prints);
        }
        seenVersion = since.version();
        if (verify) {
            lastVerified = started;
            verifyNext = false;
        }
        lastRefresh = new Refresh(stale.size(), whole, verify, (System.nanoTime() - started) / 1_000_000);
        log.debug("capacity hours: {} of {} hours read ({}, {}) in {} ms, {} series held", stale.size(), windowHours,
                lastRefresh.wholeWindow() ? "whole window" : "by hour",
                verify ? "whole window fingerprinted" : "changes as reported", lastRefresh.millis(), values.size());
        return java.util.Optional.of(work.apply(new Window(now)));
    }

    /** Reads the {@code stale} hours again: the whole window in one statement when {@code whole}, else those hours. */
    private void read(LocalDateTime asOf, long now, List<Long> stale, boolean whole, Map<LocalDateTime, HourPrint> prints) {
        for (long h : stale) {
            int slot = slot(h);
            slotHour[slot] = NONE;
            for (double[] v : values.values()) {
                v[slot] = Double.NaN;
            }
        }
        try {
            List<LocalDateTime> hours = whole ? null : stale.stream().map(CapacityHours::hourTime).toList();
            // a series' points come together (one result row each): its array is looked up once, not per point
            var last = new Object() {
                String cluster;
                String metric;
                double[] values;
            };
            repository.hourlyPoints(asOf.minusHours(windowHours), asOf, hours, (cluster, metric, x, y) -> {
                if (x < 0 || x >= windowHours) {
                    return;
                }
                if (!cluster.equals(last.cluster) || !metric.equals(last.metric)) {
                    CapacityMetric m = CapacityMetric.byName(metric).orElse(null);
                    last.cluster = cluster;
                    last.metric = metric;
                    last.values = m == null ? null : values.computeIfAbsent(new SeriesKey(cluster, m), k -> empty());
                }
                if (last.values != null) {
                    last.values[slot(now - x)] = y;
                }
            });
        } catch (RuntimeException e) {
            // the slots of the whole window may be half read: read them all again next time
            forgetAll();
            throw e;
        }
        for (long h : stale) {
            slotHour[slot(h)] = h;
            slotPrint[slot(h)] = prints.get(hourTime(h));
        }
        dropEmptySeries();
    }

    /** Series with no value left in the window (a cluster gone, a metric no longer sent) are let go. */
    private void dropEmptySeries() {
        for (Iterator<double[]> it = values.values().iterator(); it.hasNext(); ) {
            double[] v = it.next();
            boolean any = false;
            for (double d : v) {
                if (!Double.isNaN(d)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                it.remove();
            }
        }
    }

    /** Forgets the newest {@code hours} hours held, which the next refresh reads again (the scoring bench's rounds). */
    synchronized void forgetNewest(int hours) {
        long newest = Arrays.stream(slotHour).max().orElse(NONE);
        if (newest == NONE) {
            return;
        }
        for (long h = newest; h > newest - hours; h--) {
            if (slotHour[slot(h)] == h) {
                slotHour[slot(h)] = NONE;
            }
        }
    }

    /** Has the next refresh fingerprint the whole window, as one does once {@code verifyEvery} passed (the scoring bench). */
    synchronized void verifyNext() {
        verifyNext = true;
    }

    synchronized void forgetAll() {
        seenVersion = SnapshotChanges.NEVER;
        Arrays.fill(slotHour, NONE);
        Arrays.fill(slotPrint, null);
        values.clear();
    }

    synchronized Refresh lastRefresh() {
        return lastRefresh;
    }

    private double[] empty() {
        double[] v = new double[windowHours];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    private int slot(long epochHour) {
        return (int) Math.floorMod(epochHour, (long) windowHours);
    }

    private static long epochHour(LocalDateTime t) {
        return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 3600L);
    }

    private static LocalDateTime hourTime(long epochHour) {
        return LocalDateTime.ofEpochSecond(epochHour * 3600L, 0, ZoneOffset.UTC);
    }

    /** The values of the window ending at one "as of", valid while the refresh that made it holds the lock. */
    final class Window {

        private final long now;

        private Window(long now) {
            this.now = now;
        }

        /**
         * The daily peaks of every series over the {@code days} 24-hour blocks ending at "as of", as
         * {@link ForecastRepository#dailyPeaks} and {@link BreakingPoints#series} give them: x = -block,
         * blocks with fewer than {@code minHours} values left out, series without a block left out.
         */
        Map<SeriesKey, List<Point>> dailyPeaks(int days, int minHours) {
            if (days * 24 > windowHours) {
                throw new IllegalArgumentException(days + " days do not fit the " + windowHours + " hours held");
            }
            Map<SeriesKey, List<Point>> out = HashMap.newHashMap(values.size());
            for (Map.Entry<SeriesKey, double[]> e : values.entrySet()) {
                double[] v = e.getValue();
                List<Point> points = null;
                for (int block = 0; block < days; block++) {
                    double peak = Double.NEGATIVE_INFINITY;
                    int n = 0;
                    for (int k = 0; k < 24; k++) {
                        double y = v[slot(now - 24L * block - k)];
                        if (!Double.isNaN(y)) {
                            n++;
                            peak = Math.max(peak, y);
                        }
                    }
                    if (n > 0 && n >= minHours) {
                        if (points == null) {
                            points = new ArrayList<>(days);
                        }
                        points.add(new Point(-block, peak));
                    }
                }
                if (points != null) {
                    out.put(e.getKey(), points);
                }
            }
            return out;
        }

        /**
         * The hourly values of the given series in the {@code hours} hours ending at "as of", as x =
         * -(hours before "as of"), oldest first; series without a value left out.
         */
        Map<SeriesKey, List<Point>> hourly(Map<CapacityMetric, ? extends Collection<String>> series, int hours) {
            if (hours > windowHours) {
                throw new IllegalArgumentException(hours + " hours do not fit the " + windowHours + " hours held");
            }
            Map<SeriesKey, List<Point>> out = new HashMap<>();
            series.forEach((metric, clusters) -> clusters.forEach(cluster -> {
                SeriesKey key = new SeriesKey(cluster, metric);
                double[] v = values.get(key);
                if (v == null) {
                    return;
                }
                List<Point> points = new ArrayList<>();
                for (int k = hours - 1; k >= 0; k--) {
                    double y = v[slot(now - k)];
                    if (!Double.isNaN(y)) {
                        points.add(new Point(-k, y));
                    }
                }
                if (!points.isEmpty()) {
                    out.put(key, points);
                }
            }));
            return out;
        }
    }
}
