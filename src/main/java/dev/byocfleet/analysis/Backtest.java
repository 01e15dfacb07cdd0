package dev.byocfleet.analysis;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How well the forecaster did on the fleet's own history: the history is cut at {@code cutDays}
 * before "as of", the forecaster runs on what was known then, and each predicted crossing of the
 * critical and warning thresholds is compared with what the daily peaks did after the cut.
 *
 * @param overall     every series, both thresholds, every cut
 * @param byMetric    per capacity metric
 * @param byThreshold "critical" and "warning"
 * @param byCut       per cut, keyed by its days before "as of"
 * @param examples    a sample of the comparisons, misses and false alarms first
 */
public record Backtest(LocalDateTime computedAt, LocalDateTime asOf, double toleranceDays, int horizonDays,
                       List<Integer> cutDays, Stats overall, Map<String, Stats> byMetric,
                       Map<String, Stats> byThreshold, Map<String, Stats> byCut, List<Example> examples,
                       long millis) {

    /**
     * @param evaluated      series forecast at a cut that were below the threshold then
     * @param predictions    of those, crossings predicted within the days after the cut (+ tolerance)
     * @param actualBreaches crossings that happened after the cut
     * @param hits           predicted within {@code toleranceDays} of the actual crossing
     * @param misses         actual crossings not predicted, or predicted too far off
     * @param falseAlarms    predicted crossings (more than the tolerance before the end of the data) that did not happen
     * @param hitRate        hits / actual breaches
     * @param precision      hits / predictions
     * @param maeDays        mean absolute error in days where both a prediction and a crossing exist
     */
    public record Stats(int evaluated, int predictions, int actualBreaches, int hits, int misses, int falseAlarms,
                        @Nullable Double hitRate, @Nullable Double precision, @Nullable Double maeDays) {
    }

    /**
     * @param outcome hit, miss, late_or_early (a miss with a prediction) or false_alarm
     */
    public record Example(String clusterId, String metricName, String threshold, LocalDateTime cutAt,
                          @Nullable LocalDateTime predictedAt, @Nullable LocalDateTime actualAt, String outcome,
                          @Nullable Double errorDays) {
    }
}
