package dev.byocfleet.analysis;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One cluster's capacity metrics for a chart: the hourly values and daily peaks of the lookback,
 * the fitted line with its prediction band into the future, and the forecast.
 */
public record ClusterBreakingPoint(String clusterId, String clusterName, @Nullable LocalDateTime computedAt,
                                   List<MetricChart> metrics) {

    /**
     * @param dailyPeaks the points the trend was fitted on (t = end of each 24-hour block)
     * @param hourly     the hourly statistic over the lookback
     * @param trend      the line from the start of the lookback to past the forecast crossing, with
     *                   the prediction band (lower/upper) widening after "as of"; empty when no line
     */
    public record MetricChart(String metricName, String unit, String statistic, double warnThreshold,
                              double critThreshold, Forecast forecast, List<TimeValue> dailyPeaks,
                              List<TimeValue> hourly, List<TrendPoint> trend) {
    }

    public record TimeValue(LocalDateTime t, double value) {
    }

    public record TrendPoint(LocalDateTime t, double value, double lower, double upper) {
    }
}
