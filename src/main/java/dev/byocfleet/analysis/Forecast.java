package dev.byocfleet.analysis;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When one capacity metric of one cluster crosses its critical (and warning) threshold.
 *
 * @param computedAt     the snapshot hour the forecast is "as of"
 * @param method         theil_sen_daily_peak or theil_sen_recent_ramp
 * @param status         breached (the newest daily peak is at or over the critical threshold),
 *                       breach (crossing forecast within the horizon), no_breach, insufficient_data
 * @param currentValue   the newest daily peak (hourly max, or hourly p95 for CPU and memory)
 * @param threshold      the dictionary's critical threshold
 * @param slopePerDay    of the line the crossing comes from
 * @param breachAt       central estimate (for breached: when the current run over the threshold began)
 * @param breachEarliest lower end of the prediction interval
 * @param breachLatest   upper end; null when the slope's lower confidence bound is flat (open-ended)
 * @param daysToBreach   breachAt minus computedAt in days (0 when breached)
 * @param fitQuality     0-1: how much of the spread of the daily peaks the line explains
 */
public record Forecast(
        String clusterId,
        String metricName,
        String unit,
        LocalDateTime computedAt,
        @Nullable String method,
        String status,
        @Nullable Double currentValue,
        double threshold,
        @Nullable Double slopePerDay,
        @Nullable LocalDateTime breachAt,
        @Nullable LocalDateTime breachEarliest,
        @Nullable LocalDateTime breachLatest,
        @Nullable Double daysToBreach,
        int horizonDays,
        @Nullable Double fitQuality,
        double warnThreshold,
        String warnStatus,
        @Nullable LocalDateTime warnBreachAt,
        @Nullable LocalDateTime warnBreachEarliest,
        @Nullable LocalDateTime warnBreachLatest,
        Details details) {

    /**
     * What the chart needs to redraw the line: value(t) = level + slopePerDay x days from computedAt,
     * band = +/- z x sigma with the slope's confidence bounds.
     */
    public record Details(int points, @Nullable Double level, @Nullable Double sigma, @Nullable Double slopeLowPerDay,
                          @Nullable Double slopeHighPerDay, @Nullable Double dailyTrendSlopePerDay, double intervalZ,
                          int lookbackDays, String statistic, @Nullable List<Peak> peaks) {
    }

    /** A daily peak the trend was fitted on: the 24-hour block ending {@code block} days before computedAt. */
    public record Peak(int block, double value) {
    }
}
