package dev.byocfleet.analysis;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Breaking-point forecasts and usage patterns ({@code byoc.analysis.*}). Defaults:
 * <ul>
 *   <li>{@code lookback-days} 14: daily peaks the trend is fitted on;</li>
 *   <li>{@code horizon-days} 30: a crossing later than this is "no breach within the horizon";</li>
 *   <li>{@code min-points} 5: fewer daily peaks is "insufficient data";</li>
 *   <li>{@code min-block-hours} 6: a day with fewer hourly snapshots is a gap, not a point;</li>
 *   <li>{@code interval-z} 1.645: a 90 % two-sided band for the prediction interval;</li>
 *   <li>{@code recent-hours} 12: hours the recent-ramp line is fitted on;</li>
 *   <li>{@code refresh-hours} 6: forecasts older than this are recomputed by the scheduled pass;</li>
 *   <li>{@code keep-days} 30: older forecasts are deleted;</li>
 *   <li>{@code backtest-cut-days} 2, 3, 5, 7, 10: the history is cut this many days before "as of";</li>
 *   <li>{@code tolerance-days} 2: a predicted breach within this of the actual one is a hit;</li>
 *   <li>{@code usage-days} 28: the window of heat maps and percentiles (four of each weekday);</li>
 *   <li>{@code idle-days} 3, {@code idle-max-qps} 0.5, {@code idle-max-cpu-pct} 10: a running
 *       cluster under both for this many days is idle;</li>
 *   <li>{@code over-provisioned-max-cpu-pct} 35, {@code over-provisioned-max-mem-pct} 60: p95 peaks
 *       below both over {@code usage-days} mean over-provisioned; right-sizing aims at
 *       {@code target-cpu-pct} 65 at the p95 peak.</li>
 * </ul>
 */
@ConfigurationProperties("byoc.analysis")
public record AnalysisProperties(
        Integer lookbackDays,
        Integer horizonDays,
        Integer minPoints,
        Integer minBlockHours,
        Double intervalZ,
        Integer recentHours,
        Integer refreshHours,
        Integer keepDays,
        List<Integer> backtestCutDays,
        Double toleranceDays,
        Integer usageDays,
        Integer idleDays,
        Double idleMaxQps,
        Double idleMaxCpuPct,
        Double overProvisionedMaxCpuPct,
        Double overProvisionedMaxMemPct,
        Double targetCpuPct) {

    public AnalysisProperties {
        lookbackDays = positive(lookbackDays, 14, "lookback-days");
        horizonDays = positive(horizonDays, 30, "horizon-days");
        minPoints = positive(minPoints, 5, "min-points");
        if (minPoints < 3) {
            throw new IllegalArgumentException("byoc.analysis.min-points must be at least 3");
        }
        minBlockHours = positive(minBlockHours, 6, "min-block-hours");
        intervalZ = intervalZ == null ? 1.645 : intervalZ;
        recentHours = positive(recentHours, 12, "recent-hours");
        refreshHours = positive(refreshHours, 6, "refresh-hours");
        keepDays = positive(keepDays, 30, "keep-days");
        backtestCutDays = backtestCutDays == null || backtestCutDays.isEmpty() ? List.of(2, 3, 5, 7, 10)
                : backtestCutDays.stream().sorted().toList();
        if (backtestCutDays.getFirst() < 1) {
            throw new IllegalArgumentException("byoc.analysis.backtest-cut-days must be 1 or more");
        }
        toleranceDays = toleranceDays == null ? 2.0 : toleranceDays;
        usageDays = positive(usageDays, 28, "usage-days");
        idleDays = positive(idleDays, 3, "idle-days");
        idleMaxQps = idleMaxQps == null ? 0.5 : idleMaxQps;
        idleMaxCpuPct = idleMaxCpuPct == null ? 10.0 : idleMaxCpuPct;
        overProvisionedMaxCpuPct = overProvisionedMaxCpuPct == null ? 35.0 : overProvisionedMaxCpuPct;
        overProvisionedMaxMemPct = overProvisionedMaxMemPct == null ? 60.0 : overProvisionedMaxMemPct;
        targetCpuPct = targetCpuPct == null ? 65.0 : targetCpuPct;
    }

    public static AnalysisProperties defaults() {
        return new AnalysisProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    BreakingPointForecaster.Settings forecasterSettings() {
        return new BreakingPointForecaster.Settings(horizonDays, minPoints, intervalZ, recentHours);
    }

    private static int positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("byoc.analysis." + name + " must be positive");
        }
        return value;
    }
}
