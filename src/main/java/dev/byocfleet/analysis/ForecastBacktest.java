package dev.byocfleet.analysis;

import dev.byocfleet.analysis.Backtest.Example;
import dev.byocfleet.analysis.Backtest.Stats;
import dev.byocfleet.analysis.BreakingPointForecaster.Crossing;
import dev.byocfleet.analysis.BreakingPointForecaster.Point;
import dev.byocfleet.analysis.BreakingPointForecaster.Status;
import dev.byocfleet.analysis.BreakingPoints.Computed;
import dev.byocfleet.analysis.BreakingPoints.SeriesKey;
import dev.byocfleet.analysis.ForecastRepository.DailyPeak;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Re-runs the forecaster on history cut at earlier days and scores its predictions against what
 * happened. Reads the daily peaks once for the whole span; the blocks are aligned to "as of", so a
 * cut a whole number of days back reuses them.
 */
@Component
class ForecastBacktest {

    static final int EXAMPLES = 40;

    private final ForecastRepository repository;
    private final BreakingPoints breakingPoints;
    private final AnalysisProperties props;

    ForecastBacktest(ForecastRepository repository, BreakingPoints breakingPoints, AnalysisProperties props) {
        this.repository = repository;
        this.breakingPoints = breakingPoints;
        this.props = props;
    }

    /** One outcome of one series at one cut for one threshold. */
    private record Outcome(String metric, String threshold, int cut, String kind, @Nullable Double error,
                           Example example) {
    }

    Backtest run(LocalDateTime asOf, LocalDateTime computedAt) {
        long started = System.nanoTime();
        int maxCut = props.backtestCutDays().getLast();
        List<DailyPeak> peaks = repository.dailyPeaks(asOf, props.lookbackDays() + maxCut, props.minBlockHours());
        Map<SeriesKey, TreeMap<Integer, Double>> byBlock = new HashMap<>();
        for (DailyPeak p : peaks) {
            CapacityMetric.byName(p.metricName()).ifPresent(m -> byBlock
                    .computeIfAbsent(new SeriesKey(p.clusterId(), m), k -> new TreeMap<>()).put(p.block(), p.peak()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Integer> evaluated = new HashMap<>();
        for (int cut : props.backtestCutDays()) {
            LocalDateTime cutAt = asOf.minusDays(cut);
            Map<SeriesKey, List<Point>> history = breakingPoints.series(peaks, cut);
            for (Computed c : breakingPoints.forecastAll(cutAt, history)) {
                if (c.result().status() == Status.INSUFFICIENT_DATA) {
                    continue;
                }
                TreeMap<Integer, Double> after = byBlock.getOrDefault(c.key(), new TreeMap<>());
                judge(c, c.result().crit(), c.key().metric().crit(), "critical", cut, cutAt, after, outcomes, evaluated);
                judge(c, c.result().warn(), c.key().metric().warn(), "warning", cut, cutAt, after, outcomes, evaluated);
            }
        }
        return summarize(asOf, computedAt, outcomes, evaluated, (System.nanoTime() - started) / 1_000_000);
    }

    private void judge(Computed c, Crossing crossing, double threshold, String name, int cut, LocalDateTime cutAt,
                       TreeMap<Integer, Double> blocks, List<Outcome> outcomes, Map<String, Integer> evaluated) {
        if (crossing.status() == Status.BREACHED) {
            return;
        }
        String metric = c.key().metric().metricName();
        for (String k : List.of("all", "metric:" + metric, "threshold:" + name, "cut:" + cut)) {
            evaluated.merge(k, 1, Integer::sum);
        }
        // the first block after the cut whose peak reached the threshold; its middle is the crossing
        Double actual = null;
        for (int block = cut - 1; block >= 0; block--) {
            Double peak = blocks.get(block);
            if (peak != null && peak >= threshold) {
                actual = cut - block - 0.5;
                break;
            }
        }
        Double predicted = crossing.status() == Status.BREACH ? crossing.days() : null;
        double tolerance = props.toleranceDays();
        String kind;
        Double error = null;
        if (actual != null) {
            if (predicted != null && predicted <= cut + tolerance) {
                error = Math.abs(predicted - actual);
                kind = error <= tolerance ? "hit" : "late_or_early";
            } else {
                kind = "miss";
            }
        } else if (predicted != null && predicted <= cut - tolerance) {
            kind = "false_alarm";
        } else {
            return;
        }
        Example example = new Example(c.key().clusterId(), metric, name, cutAt,
                predicted == null ? null : BreakingPoints.plusDays(cutAt, predicted),
                actual == null ? null : BreakingPoints.plusDays(cutAt, actual), kind,
                error == null ? null : Math.round(error * 100) / 100.0);
        outcomes.add(new Outcome(metric, name, cut, kind, error, example));
    }

    private Backtest summarize(LocalDateTime asOf, LocalDateTime computedAt, List<Outcome> outcomes,
                               Map<String, Integer> evaluated, long millis) {
        Map<String, Stats> byMetric = new LinkedHashMap<>();
        for (CapacityMetric m : CapacityMetric.values()) {
            byMetric.put(m.metricName(), stats(outcomes.stream().filter(o -> o.metric().equals(m.metricName())).toList(),
                    evaluated.getOrDefault("metric:" + m.metricName(), 0)));
        }
        Map<String, Stats> byThreshold = new LinkedHashMap<>();
        for (String t : List.of("critical", "warning")) {
            byThreshold.put(t, stats(outcomes.stream().filter(o -> o.threshold().equals(t)).toList(),
                    evaluated.getOrDefault("threshold:" + t, 0)));
        }
        Map<String, Stats> byCut = new LinkedHashMap<>();
        for (int cut : props.backtestCutDays()) {
            byCut.put(String.valueOf(cut), stats(outcomes.stream().filter(o -> o.cut() == cut).toList(),
                    evaluated.getOrDefault("cut:" + cut, 0)));
        }
        Map<String, Integer> order = Map.of("miss", 0, "false_alarm", 1, "late_or_early", 2, "hit", 3);
        List<Example> examples = outcomes.stream()
                .sorted(Comparator.comparing((Outcome o) -> order.get(o.kind()))
                        .thenComparing(o -> o.example().cutAt()).thenComparing(o -> o.example().clusterId()))
                .limit(EXAMPLES).map(Outcome::example).toList();
        return new Backtest(computedAt, asOf, props.toleranceDays(), props.horizonDays(), props.backtestCutDays(),
                stats(outcomes, evaluated.getOrDefault("all", 0)), byMetric, byThreshold, byCut, examples, millis);
    }

    private static Stats stats(List<Outcome> outcomes, int evaluated) {
        int hits = count(outcomes, "hit");
        int timing = count(outcomes, "late_or_early");
        int misses = count(outcomes, "miss") + timing;
        int falseAlarms = count(outcomes, "false_alarm");
        int predictions = hits + timing + falseAlarms;
        int actual = hits + misses;
        double[] errors = outcomes.stream().filter(o -> o.error() != null).mapToDouble(Outcome::error).toArray();
        Double mae = errors.length == 0 ? null : round(java.util.Arrays.stream(errors).average().orElse(0));
        return new Stats(evaluated, predictions, actual, hits, misses, falseAlarms,
                actual == 0 ? null : round(hits / (double) actual), predictions == 0 ? null : round(hits / (double) predictions),
                mae);
    }

    private static int count(List<Outcome> outcomes, String kind) {
        return (int) outcomes.stream().filter(o -> o.kind().equals(kind)).count();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
