package dev.byocfleet.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Forecasts when a capacity metric crosses its thresholds.
 *
 * <p><b>Trend</b>: a Theil-Sen line (the median of the slopes between every pair of points) through
 * the daily peaks of the lookback (24-hour blocks ending at "as of"). Daily peaks take the daily
 * cycle out, since the cycle's peak is what crosses a threshold first; the median ignores up to
 * ~29 % outlying days (a spike, a one-off batch). The prediction interval combines the spread of
 * the points around the line (1.4826 x the median absolute residual, a robust sigma) with Sen's
 * rank-based confidence interval of the slope: the earliest crossing takes the upper band and the
 * steeper slope, the latest the lower band and the flatter slope (none when that slope is flat).
 *
 * <p><b>Recent ramp</b>: a fill that started hours ago is an outlier to a two-week trend. For a
 * series whose newest day stands out, the last hours are compared with the same hours of the
 * previous days (median of up to seven, which cancels the daily and most of the weekly cycle); when
 * that anomaly is well above the day-over-day noise and a Theil-Sen line through it still rises at
 * its lower confidence bound, the forecast projects the current value along that line instead,
 * if it crosses sooner.
 *
 * <p>Flat or falling trends give "no breach within the horizon"; fewer daily points than the
 * minimum give "insufficient data". Pure: callers pass points relative to "as of".
 */
final class BreakingPointForecaster {

    static final String DAILY_METHOD = "theil_sen_daily_peak";
    static final String RECENT_METHOD = "theil_sen_recent_ramp";
    /** Scale of the median absolute deviation to a normal sigma. */
    static final double MAD_TO_SIGMA = 1.4826;
    static final int BASELINE_DAYS = 7;

    enum Status {
        BREACHED("breached"), BREACH("breach"), NO_BREACH("no_breach"), INSUFFICIENT_DATA("insufficient_data");

        final String id;

        Status(String id) {
            this.id = id;
        }
    }

    /** A value at {@code x}: days (daily peaks) or hours (hourly values) relative to "as of", 0 or negative. */
    record Point(double x, double y) {
    }

    /** value(x days from as of) = level + slopePerDay * x; sigma is the robust spread around it. */
    record Fit(String method, double level, double slopePerDay, double slopeLowPerDay, double slopeHighPerDay,
               double sigma, double quality, int points) {
    }

    /** When a threshold is crossed, in days from "as of"; null where none within the horizon or unbounded. */
    record Crossing(Status status, @Nullable Double days, @Nullable Double earliestDays, @Nullable Double latestDays) {
    }

    /**
     * @param current the newest daily peak (NaN without points)
     * @param fit     the line the crossings come from (the daily trend or the recent ramp); null when insufficient
     * @param daily   the daily trend, also when the recent ramp was used
     */
    record Result(Status status, double current, @Nullable Fit fit, @Nullable Fit daily, Crossing crit, Crossing warn) {
    }

    record Settings(int horizonDays, int minPoints, double z, int recentHours) {
    }

    private final Settings settings;

    BreakingPointForecaster(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param daily  daily peaks, x in days (0 = the block ending at as of)
     * @param hourly hourly values of the last {@link #BASELINE_DAYS} days and more, x in hours; null
     *               when not fetched (the recent ramp is then not considered)
     */
    Result forecast(double warn, double crit, List<Point> daily, @Nullable List<Point> hourly) {
        List<Point> points = daily.stream().sorted(Comparator.comparingDouble(Point::x)).toList();
        double current = points.isEmpty() ? Double.NaN : points.getLast().y();
        if (points.size() < settings.minPoints()) {
            Crossing none = new Crossing(Status.INSUFFICIENT_DATA, null, null, null);
            return new Result(Status.INSUFFICIENT_DATA, current, null, null, none, none);
        }
        Fit trend = theilSen(DAILY_METHOD, points, 1.0);
        Fit ramp = hourly == null ? null : recentRamp(hourly);
        Crossing critTrend = crossing(trend, current, crit);
        Crossing warnTrend = crossing(trend, current, warn);
        if (ramp != null) {
            Crossing critRamp = crossing(ramp, current, crit);
            Crossing warnRamp = crossing(ramp, current, warn);
            if (sooner(critRamp, critTrend) || critTrend.status() != Status.BREACHED && sooner(warnRamp, warnTrend)) {
                return new Result(critRamp.status(), current, ramp, trend, critRamp, warnRamp);
            }
        }
        return new Result(critTrend.status(), current, trend, trend, critTrend, warnTrend);
    }

    private static boolean sooner(Crossing a, Crossing b) {
        return a.status() == Status.BREACH && (b.status() == Status.NO_BREACH
                || b.status() == Status.BREACH && a.days() < b.days());
    }

    Crossing crossing(Fit fit, double current, double threshold) {
        if (current >= threshold) {
            return new Crossing(Status.BREACHED, 0.0, 0.0, 0.0);
        }
        if (fit.slopePerDay() <= 0) {
            return new Crossing(Status.NO_BREACH, null, null, null);
        }
        double days = Math.max(0, (threshold - fit.level()) / fit.slopePerDay());
        if (days > settings.horizonDays()) {
            return new Crossing(Status.NO_BREACH, null, null, null);
        }
        double band = settings.z() * fit.sigma();
        double earliest = Math.max(0, (threshold - fit.level() - band) / fit.slopeHighPerDay());
        Double latest = fit.slopeLowPerDay() > 0
                ? Math.max(days, (threshold - fit.level() + band) / fit.slopeLowPerDay()) : null;
        return new Crossing(Status.BREACH, days, Math.min(earliest, days), latest);
    }

    /**
     * Theil-Sen line through the points with Sen's confidence interval of the slope; {@code xPerDay}
     * converts the points' x unit to days (24 for hours).
     */
    Fit theilSen(String method, List<Point> points, double xPerDay) {
        // plain arrays: the fleet's forecasts fit ~17,000 lines of ~100 slopes each, and reading the
        // points through the list and its records cost more than the arithmetic
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            xs[i] = p.x();
            ys[i] = p.y();
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = xs[j] - xs[i];
                if (dx != 0) {
                    slopes[k++] = (ys[j] - ys[i]) / dx;
                }
            }
        }
        Arrays.sort(slopes, 0, k);
        double slope = k == 0 ? 0 : sortedMedian(slopes, k);
        double[] work = new double[n];
        for (int i = 0; i < n; i++) {
            work[i] = ys[i] - slope * xs[i];
        }
        double level = median(work);
        for (int i = 0; i < n; i++) {
            work[i] = Math.abs(ys[i] - (level + slope * xs[i]));
        }
        double sigma = MAD_TO_SIGMA * median(work);
        double spread = MAD_TO_SIGMA * mad(ys);
        double quality = spread == 0 ? (sigma == 0 ? 1 : 0) : Math.max(0, 1 - (sigma * sigma) / (spread * spread));
        // Sen (1968): the slopes at ranks (N -/+ z * sqrt(n(n-1)(2n+5)/18)) / 2 bound the slope.
        double c = settings.z() * Math.sqrt(n * (n - 1.0) * (2 * n + 5) / 18.0);
        double low = k == 0 ? 0 : slopes[clamp((int) Math.floor((k - c) / 2), k)];
        double high = k == 0 ? 0 : slopes[clamp((int) Math.ceil((k + c) / 2), k)];
        return new Fit(method, level, slope * xPerDay, low * xPerDay, high * xPerDay, sigma, quality, n);
    }

    /**
     * The recent-ramp line (x in hours), or null when the last {@code recentHours} do not stand
     * out from the same hours of the previous days or do not keep rising.
     */
    @Nullable Fit recentRamp(List<Point> hourly) {
        Map<Long, Double> byHour = new HashMap<>();
        for (Point p : hourly) {
            byHour.put(Math.round(p.x()), p.y());
        }
        long now = hourly.stream().mapToLong(p -> Math.round(p.x())).max().orElse(0);
        int window = settings.recentHours();
        List<Point> anomalies = new ArrayList<>();
        List<Double> recentValues = new ArrayList<>();
        for (long h = now - window + 1; h <= now; h++) {
            Double y = byHour.get(h);
            if (y == null) {
                continue;
            }
            double[] same = new double[BASELINE_DAYS];
            int m = 0;
            for (int d = 1; d <= BASELINE_DAYS; d++) {
                Double prior = byHour.get(h - 24L * d);
                if (prior != null) {
                    same[m++] = prior;
                }
            }
            if (m >= 3) {
                anomalies.add(new Point(h, y - median(Arrays.copyOf(same, m))));
                recentValues.add(y);
            }
        }
        if (anomalies.size() < Math.max(4, window / 2)) {
            return null;
        }
        List<Double> diffs = new ArrayList<>();
        for (Map.Entry<Long, Double> e : byHour.entrySet()) {
            Double dayBefore = byHour.get(e.getKey() - 24);
            if (dayBefore != null && e.getKey() <= now - window) {
                diffs.add(e.getValue() - dayBefore);
            }
        }
        if (diffs.size() < 24) {
            return null;
        }
        double noise = MAD_TO_SIGMA * mad(diffs.stream().mapToDouble(Double::doubleValue).toArray());
        Fit line = theilSen(RECENT_METHOD, anomalies, 24.0);
        int last = anomalies.size();
        double anomalyNow = median(anomalies.subList(last - 3, last).stream().mapToDouble(Point::y).toArray());
        if (line.slopeLowPerDay() <= 0 || anomalyNow <= 3 * noise) {
            return null;
        }
        double levelNow = median(recentValues.subList(last - 3, last).stream().mapToDouble(Double::doubleValue).toArray());
        return new Fit(RECENT_METHOD, levelNow, line.slopePerDay(), line.slopeLowPerDay(), line.slopeHighPerDay(),
                line.sigma(), line.quality(), line.points());
    }

    private static int clamp(int index, int size) {
        return Math.max(0, Math.min(size - 1, index));
    }

    /** Median; sorts the array it is given. */
    static double median(double[] values) {
        Arrays.sort(values);
        return sortedMedian(values, values.length);
    }

    /** Median of the first {@code n} values, already sorted. */
    private static double sortedMedian(double[] sorted, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double mad(double[] values) {
        double[] copy = values.clone();
        double med = median(copy);
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - med);
        }
        return median(dev);
    }
}
