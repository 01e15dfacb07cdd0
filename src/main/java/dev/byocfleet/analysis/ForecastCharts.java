package dev.byocfleet.analysis;

import dev.byocfleet.analysis.ClusterBreakingPoint.TimeValue;
import dev.byocfleet.analysis.ClusterBreakingPoint.TrendPoint;
import dev.byocfleet.analysis.ForecastRepository.HourlyValue;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Chart series of one cluster's forecasts: points, hourly values and the line with its band. */
final class ForecastCharts {

    static final int TREND_STEPS = 48;

    private ForecastCharts() {
    }

    /** The points the trend was fitted on, oldest first (t = end of each 24-hour block). */
    static List<TimeValue> dailyPeaks(Forecast f) {
        List<Forecast.Peak> peaks = f.details().peaks() == null ? List.of() : f.details().peaks();
        return peaks.stream().sorted(Comparator.comparingInt(Forecast.Peak::block).reversed())
                .map(p -> new TimeValue(f.computedAt().minusDays(p.block()), p.value())).toList();
    }

    static List<TimeValue> hourly(List<HourlyValue> values) {
        return values.stream().map(v -> new TimeValue(v.snapshotHour(), v.value())).toList();
    }

    /**
     * The line through "as of" at the forecast's level and slope, from the start of its fit to a day
     * past the latest crossing (at most the horizon); the band is the spread (z x sigma) and, after
     * "as of", the slope's confidence bounds.
     */
    static List<TrendPoint> trend(Forecast f) {
        Forecast.Details d = f.details();
        if (f.slopePerDay() == null || d.level() == null || d.sigma() == null) {
            return List.of();
        }
        boolean recent = BreakingPointForecaster.RECENT_METHOD.equals(f.method());
        double from = recent ? -0.5 : -(d.lookbackDays() - 1);
        double until = f.daysToBreach() != null ? Math.max(f.daysToBreach() * 1.5, f.daysToBreach() + 1) : 7;
        double to = Math.min(f.horizonDays(), Math.max(recent ? 0.5 : 1, until));
        double band = d.intervalZ() * d.sigma();
        double low = d.slopeLowPerDay() == null ? f.slopePerDay() : d.slopeLowPerDay();
        double high = d.slopeHighPerDay() == null ? f.slopePerDay() : d.slopeHighPerDay();
        List<TrendPoint> out = new ArrayList<>();
        for (int i = 0; i <= TREND_STEPS; i++) {
            double x = from + (to - from) * i / TREND_STEPS;
            double value = d.level() + f.slopePerDay() * x;
            double lower = x > 0 ? d.level() - band + low * x : value - band;
            double upper = x > 0 ? d.level() + band + high * x : value + band;
            out.add(new TrendPoint(BreakingPoints.plusDays(f.computedAt(), x), round(value), round(lower), round(upper)));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
