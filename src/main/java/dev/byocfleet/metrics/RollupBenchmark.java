package dev.byocfleet.metrics;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Times a full refresh of the hourly snapshots against a bare GROUP BY of the same raw rows in the
 * same store and process, alternating the two so caches and background load affect both alike.
 */
@Service
public class RollupBenchmark {

    /** Milliseconds of each run of each side, and the ratio of their medians. */
    public record Result(long rawRows, long snapshotRows, List<Long> refreshMillis, List<Long> baselineMillis,
                         double medianRefreshMillis, double medianBaselineMillis, double ratio) {}

    private final HourlySnapshotRefresher refresher;
    private final SnapshotRepository repository;

    public RollupBenchmark(HourlySnapshotRefresher refresher, SnapshotRepository repository) {
        this.refresher = refresher;
        this.repository = repository;
    }

    public Result run(int repeat) {
        List<Long> refresh = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        long snapshotRows = 0;
        long groups = 0;
        // one untimed round of each warms caches and the JIT
        refresher.refresh(true);
        repository.bareGroupByIntoScratch();
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            snapshotRows = refresher.refresh(true).rowsWritten();
            long t1 = System.nanoTime();
            groups = repository.bareGroupByIntoScratch();
            long t2 = System.nanoTime();
            refresh.add((t1 - t0) / 1_000_000);
            baseline.add((t2 - t1) / 1_000_000);
        }
        if (groups != snapshotRows) {
            throw new IllegalStateException("refresh wrote " + snapshotRows + " rows but the bare GROUP BY made "
                    + groups + ": they did not aggregate the same rows");
        }
        double r = median(refresh);
        double b = median(baseline);
        return new Result(repository.rawRows(), snapshotRows, refresh, baseline, r, b, b == 0 ? Double.NaN : r / b);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
