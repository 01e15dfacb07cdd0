package dev.byocfleet.agents;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Times one Sentinel pass over the fleet against a bare SQL read of the same signal rows (the firing
 * alerts of the lookback window with their cluster's tier, and the health scores of the two hours the
 * cliff trigger compares), alternating the two in one process. The tasks a pass opens are deleted
 * after it (untimed), so every round looks at the same fleet and opens the same tasks.
 */
@Service
public class SentinelBenchmark {

    /** Milliseconds of each round of each side, the medians and their ratio, and what a pass opened. */
    public record Result(LocalDateTime at, long signalRows, int tasksOpened, int suppressed,
                         List<Long> sentinelMillis, List<Long> baselineMillis,
                         double medianSentinelMillis, double medianBaselineMillis, double ratio) {}

    private final Sentinel sentinel;
    private final SignalRepository signals;
    private final AgentTaskRepository tasks;
    private final AgentsProperties props;

    SentinelBenchmark(Sentinel sentinel, SignalRepository signals, AgentTaskRepository tasks, AgentsProperties props) {
        this.sentinel = sentinel;
        this.signals = signals;
        this.tasks = tasks;
        this.props = props;
    }

    /** @param at the time the Sentinel looks from; null for the newest alert start in the store */
    public Result run(@Nullable LocalDateTime at, int repeat) {
        LocalDateTime when = at != null ? at : signals.newestAlertAt().orElseThrow(
                () -> new IllegalStateException("the store has no alerts: nothing for the Sentinel to look at"));
        List<Long> sentinelMillis = new ArrayList<>();
        List<Long> baselineMillis = new ArrayList<>();
        // one untimed round of each warms caches and the JIT
        Sentinel.SentinelRun run = sentinel.run(when);
        forget(run);
        long rows = bare(when);
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            run = sentinel.run(when);
            long t1 = System.nanoTime();
            forget(run);
            long t2 = System.nanoTime();
            rows = bare(when);
            long t3 = System.nanoTime();
            sentinelMillis.add((t1 - t0) / 1_000_000);
            baselineMillis.add((t3 - t2) / 1_000_000);
        }
        double s = median(sentinelMillis);
        double b = median(baselineMillis);
        return new Result(when, rows, run.created().size(), run.suppressed(), sentinelMillis, baselineMillis, s, b,
                b == 0 ? Double.NaN : s / b);
    }

    /** Deletes the tasks a pass opened, so the next pass finds the same fleet (not timed). */
    private void forget(Sentinel.SentinelRun run) {
        tasks.delete(run.created().stream().map(AgentTask::taskId).toList());
    }

    private long bare(LocalDateTime at) {
        LocalDateTime hour = at.truncatedTo(ChronoUnit.HOURS);
        return signals.bareSignalRows(at.minus(props.alertLookback()), at, hour, hour.minusHours(props.cliffWindowHours()));
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
