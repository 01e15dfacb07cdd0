package dev.byocfleet.risk;

import dev.byocfleet.analysis.AnalysisService;
import dev.byocfleet.analysis.Backtest;
import dev.byocfleet.analysis.CapacityMetric;
import dev.byocfleet.health.HealthProperties;
import dev.byocfleet.health.HealthService;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Times a full-fleet pass (health scoring, capacity forecasts, risk) against bare DuckDB
 * aggregations of the same snapshot rows, in the same process, alternating each step with its
 * baseline after an untimed round of each. Run by the {@code score} command for bench/scoring.sh.
 */
@Service
public class ScoringBenchmark {

    /**
     * Medians in milliseconds and their ratios; {@code rows} are the snapshot rows each window holds.
     * {@code cpuMillis} and {@code cpuMedians}: the CPU time of the whole process (every thread,
     * DuckDB's too) during each step, which waiting for a core on a shared machine does not inflate
     * as it does wall time. {@code firstRoundMillis} / {@code firstRoundCpuMillis}: the untimed
     * first round of each step, in which the forecasts read the whole window of hourly values (the
     * app's first refresh after a start does the same).
     */
    public record Result(LocalDateTime asOf, int repeat, int clusters, Map<String, Long> rows,
                         Map<String, Long> firstRoundMillis, Map<String, Long> firstRoundCpuMillis,
                         Map<String, List<Long>> millis, Map<String, Double> medians, Map<String, Double> ratios,
                         Map<String, List<Long>> cpuMillis, Map<String, Double> cpuMedians, Map<String, Double> cpuRatios,
                         int historyHoursFilled, long historyMillis, @Nullable Backtest backtest) {
    }

    private final HealthService health;
    private final AnalysisService analysis;
    private final RiskService risk;
    private final ScoringBenchmarkRepository repository;
    private final HealthProperties healthProps;

    public ScoringBenchmark(HealthService health, AnalysisService analysis, RiskService risk,
                            ScoringBenchmarkRepository repository, HealthProperties healthProps) {
        this.health = health;
        this.analysis = analysis;
        this.risk = risk;
        this.repository = repository;
        this.healthProps = healthProps;
    }

    /** Which steps a run times: both (for the ratios), or one side alone (to measure its peak memory). */
    public enum Steps { BOTH, PASS, BARE }

    public Result run(int repeat, boolean forecast, boolean backtest, boolean reset) {
        return run(repeat, forecast, backtest, reset, Steps.BOTH);
    }

    public Result run(int repeat, boolean forecast, boolean backtest, boolean reset, Steps only) {
        LocalDateTime asOf = health.newestSnapshotHour()
                .orElseThrow(() -> new IllegalStateException("the store has no hourly snapshots to score"));
        if (reset) {
            repository.deleteComputed();
            health.forgetLastPass();
            analysis.forgetLastRefresh();
        }
        long h0 = System.nanoTime();
        int filled = health.backfill(asOf);
        long historyMillis = (System.nanoTime() - h0) / 1_000_000;
        LocalDateTime scoreAfter = asOf.minusHours(healthProps.windowHours());
        LocalDateTime weekAfter = asOf.minusDays(7);
        LocalDateTime forecastAfter = asOf.minusDays(analysis.lookbackDays());
        List<String> capacity = Arrays.stream(CapacityMetric.values()).map(CapacityMetric::metricName).toList();
        List<String> scored = repository.scoredMetrics();

        Map<String, LongSupplier> steps = new java.util.LinkedHashMap<>();
        boolean bare = only != Steps.PASS;
        boolean pass = only != Steps.BARE;
        if (bare) {
            steps.put("bare_score_window", () -> repository.bareAggregation(scoreAfter, asOf, scored));
        }
        if (pass) {
            steps.put("score", () -> health.scoreFleet(asOf).clusters());
        }
        if (bare) {
            steps.put("bare_7d", () -> repository.bareAggregation(weekAfter, asOf, List.of()));
        }
        if (forecast && bare) {
            steps.put("bare_forecast_window", () -> repository.bareAggregation(forecastAfter, asOf, capacity));
        }
        if (forecast && pass) {
            // The forecasts keep the hourly values they read (see CapacityHours) and, forecasting the
            // same hour again, would read none: each round forgets the newest refresh-hours hours
            // first, so it reads what the app's refresh reads, that many hours after the one before
            // (on the embedded store, which hours changed is what the writers report).
            steps.put("forecast", forecastRound(asOf));
        }
        if (pass) {
            steps.put("risk", () -> risk.assess(asOf).size());
            // The pass's writes sit in the write-ahead log until a checkpoint writes them into the file,
            // which DuckDB runs in whichever commit takes the log past 16 MB (a pass writes ~11 MB):
            // left to that, the checkpoint fell into one step or another every 1-2 rounds and the
            // medians of the steps mostly left it out. Timed here after every pass instead, so every
            // round pays for checkpointing exactly its own writes.
            steps.put("checkpoint", () -> repository.checkpoint() ? 1 : 0);
        }
        Map<String, List<Long>> millis = new java.util.LinkedHashMap<>();
        Map<String, List<Long>> cpuMillis = new java.util.LinkedHashMap<>();
        Map<String, Long> firstMillis = new java.util.LinkedHashMap<>();
        Map<String, Long> firstCpuMillis = new java.util.LinkedHashMap<>();
        steps.forEach((name, step) -> {
            Timed first = timed(step);
            firstMillis.put(name, first.millis());
            firstCpuMillis.put(name, first.cpuMillis());
            millis.put(name, new ArrayList<>());
            cpuMillis.put(name, new ArrayList<>());
        });
        int clusters = 0;
        for (int i = 0; i < repeat; i++) {
            for (Map.Entry<String, LongSupplier> e : steps.entrySet()) {
                Timed t = timed(e.getValue());
                millis.get(e.getKey()).add(t.millis());
                cpuMillis.get(e.getKey()).add(t.cpuMillis());
                if (e.getKey().equals("score")) {
                    clusters = (int) t.value();
                }
            }
        }
        if (forecast && pass) {
            // The refresh that also fingerprints the whole window (the app's once a day, after a start
            // and after a write of unknown extent), timed in rounds of its own: its writes are
            // checkpointed untimed, so that the pass's checkpoint above stays the pass's own.
            List<Long> verified = new ArrayList<>();
            List<Long> verifiedCpu = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                analysis.verifyCapacityHoursNext();
                Timed t = timed(forecastRound(asOf));
                repository.checkpoint();
                verified.add(t.millis());
                verifiedCpu.add(t.cpuMillis());
            }
            millis.put("forecast_verified", verified);
            cpuMillis.put("forecast_verified", verifiedCpu);
        }
        Map<String, Double> medians = medians(millis, pass, forecast);
        Map<String, Double> ratios = ratios(medians, pass && bare, forecast);
        Map<String, Double> cpuMedians = medians(cpuMillis, pass, forecast);
        Map<String, Double> cpuRatios = ratios(cpuMedians, pass && bare, forecast);
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        rows.put("score_window", repository.snapshotRows(scoreAfter, asOf, scored));
        rows.put("7d", repository.snapshotRows(weekAfter, asOf, List.of()));
        if (forecast) {
            rows.put("forecast_window", repository.snapshotRows(forecastAfter, asOf, capacity));
        }
        Backtest b = backtest ? analysis.runBacktest(asOf).orElse(null) : null;
        return new Result(asOf, repeat, clusters, rows, firstMillis, firstCpuMillis, millis, medians, ratios, cpuMillis, cpuMedians, cpuRatios, filled,
                historyMillis, b);
    }

    private static Map<String, Double> medians(Map<String, List<Long>> millis, boolean pass, boolean forecast) {
        Map<String, Double> medians = new java.util.LinkedHashMap<>();
        millis.forEach((k, v) -> medians.put(k, median(v)));
        if (pass) {
            double steps = medians.get("score") + medians.get("risk") + (forecast ? medians.get("forecast") : 0);
            // without the checkpoint: the pass as the rounds before 2026-11-30 06:00 reported it
            medians.put("pass_without_checkpoint", steps);
            medians.put("pass", steps + medians.get("checkpoint"));
            if (medians.containsKey("forecast_verified")) {
                medians.put("pass_verified", steps - medians.get("forecast") + medians.get("forecast_verified")
                        + medians.get("checkpoint"));
            }
        }
        return medians;
    }

    private static Map<String, Double> ratios(Map<String, Double> medians, boolean both, boolean forecast) {
        Map<String, Double> ratios = new java.util.LinkedHashMap<>();
        if (both) {
            double passMillis = medians.get("pass");
            ratios.put("score_vs_bare_score_window", ratio(medians.get("score"), medians.get("bare_score_window")));
            ratios.put("score_vs_bare_7d", ratio(medians.get("score"), medians.get("bare_7d")));
            if (forecast) {
                ratios.put("forecast_vs_bare_forecast_window", ratio(medians.get("forecast"), medians.get("bare_forecast_window")));
                double bare = medians.get("bare_score_window") + medians.get("bare_forecast_window");
                ratios.put("pass_vs_bare_same_rows", ratio(passMillis, bare));
                ratios.put("pass_without_checkpoint_vs_bare_same_rows", ratio(medians.get("pass_without_checkpoint"), bare));
                if (medians.containsKey("pass_verified")) {
                    ratios.put("pass_verified_vs_bare_same_rows", ratio(medians.get("pass_verified"), bare));
                }
            }
            ratios.put("pass_vs_bare_7d", ratio(passMillis, medians.get("bare_7d")));
        }
        return ratios;
    }

    /** A forecast refresh at {@code asOf} that reads the newest refresh-hours hours again. */
    private LongSupplier forecastRound(LocalDateTime asOf) {
        return () -> {
            analysis.forgetNewestCapacityHours(analysis.refreshHours());
            return analysis.refreshForecasts(asOf).orElseThrow().series();
        };
    }

    /** What a step answered, and its wall and process CPU time. */
    private record Timed(long value, long millis, long cpuMillis) {
    }

    private static Timed timed(LongSupplier step) {
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        long value = step.getAsLong();
        return new Timed(value, (System.nanoTime() - t0) / 1_000_000, (processCpuNanos() - c0) / 1_000_000);
    }

    /** CPU time of the whole process so far (every thread, the store's native ones too). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Long> values) {
        List<Long> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : Math.round(a / b * 1000) / 1000.0;
    }
}
